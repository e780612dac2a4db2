import { ensureCapacity } from './growable.js'

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193
const EMPTY = 0

/**
 * Member ids by slot and slots by id, in typed arrays only (issue 14: nothing per member on the
 * V8 heap). An id is 1–64 characters of `[A-Za-z0-9_-]` (docs/spec.md §1.1), so its bytes are
 * its code units: each slot's id is kept as bytes in one growing byte array, and the live ids
 * are found through an open-addressing table (linear probing, deletion by backward shift, so no
 * tombstones pile up under churn) holding slot + 1 and the id's hash. Where a `Map<string,
 * number>` plus a string per member costs ~100 bytes of traced heap per member, this costs
 * ~13 bytes of id, 5 bytes of position and ~16 bytes of table.
 *
 * Contract: `bind(id, slot)` records `id` as the id of `slot` (a slot is bound once) and makes
 * it the live slot of `id`; `unbind(id, slot)` ends that when `slot` is still the live one;
 * `idOf` answers for every slot ever bound, live or not.
 */
export class IdTable {
  private bytes = new Uint8Array(1024)
  private used = 0
  private start = new Uint32Array(0)
  private length = new Uint8Array(0)
  private table = new Int32Array(1024)
  private hashes = new Int32Array(1024)
  private mask = 1023
  private count = 0

  /** Live ids. */
  get size(): number {
    return this.count
  }

  /** The live slot of `id`, or -1. `id` must be a valid member id. */
  get(id: string): number {
    const hash = hashOf(id)
    for (let at = hash & this.mask; ; at = (at + 1) & this.mask) {
      const entry = this.table[at]
      if (entry === EMPTY) return -1
      if (this.hashes[at] === hash && this.equals(entry - 1, id)) return entry - 1
    }
  }

  /** Whether `id` has a live slot. */
  has(id: string): boolean {
    return this.get(id) >= 0
  }

  /** Records `id` as the id of the new `slot` and its live slot (replacing any earlier one). */
  bind(id: string, slot: number): void {
    this.store(id, slot)
    if ((this.count + 1) * 2 > this.table.length) this.grow()
    const hash = hashOf(id)
    for (let at = hash & this.mask; ; at = (at + 1) & this.mask) {
      const entry = this.table[at]
      if (entry === EMPTY) {
        this.table[at] = slot + 1
        this.hashes[at] = hash
        this.count++
        return
      }
      if (this.hashes[at] === hash && this.equals(entry - 1, id)) {
        this.table[at] = slot + 1
        return
      }
    }
  }

  /** `id` has no live slot any more, if `slot` was it. */
  unbind(id: string, slot: number): void {
    const hash = hashOf(id)
    let at = hash & this.mask
    for (; ; at = (at + 1) & this.mask) {
      const entry = this.table[at]
      if (entry === EMPTY) return
      if (this.hashes[at] === hash && this.equals(entry - 1, id)) break
    }
    if (this.table[at] !== slot + 1) return
    // Backward shift: later entries of the run move into the hole when their home allows it.
    const { table, hashes, mask } = this
    let hole = at
    for (let next = (hole + 1) & mask; table[next] !== EMPTY; next = (next + 1) & mask) {
      const home = hashes[next] & mask
      const between = hole <= next ? home > hole && home <= next : home > hole || home <= next
      if (between) continue
      table[hole] = table[next]
      hashes[hole] = hashes[next]
      hole = next
    }
    table[hole] = EMPTY
    this.count--
  }

  /** The id of any slot ever bound. */
  idOf(slot: number): string {
    const start = this.start[slot]
    const end = start + this.length[slot]
    const bytes = this.bytes
    let id = ''
    for (let i = start; i < end; i++) id += String.fromCharCode(bytes[i])
    return id
  }

  /** The code-unit order of the ids of two bound slots (docs/spec.md §3.4 tie-break). */
  compare(a: number, b: number): number {
    const bytes = this.bytes
    const startA = this.start[a]
    const startB = this.start[b]
    const lengthA = this.length[a]
    const lengthB = this.length[b]
    const common = Math.min(lengthA, lengthB)
    for (let i = 0; i < common; i++) {
      const d = bytes[startA + i] - bytes[startB + i]
      if (d !== 0) return d
    }
    return lengthA - lengthB
  }

  /** Bytes held: ids, positions and the table. */
  get heldBytes(): number {
    return this.bytes.byteLength + this.start.byteLength + this.length.byteLength + this.table.byteLength * 2
  }

  private store(id: string, slot: number): void {
    const n = id.length
    this.bytes = ensureCapacity(this.bytes, this.used + n)
    for (let i = 0; i < n; i++) this.bytes[this.used + i] = id.charCodeAt(i)
    this.start = ensureCapacity(this.start, slot + 1)
    this.length = ensureCapacity(this.length, slot + 1)
    this.start[slot] = this.used
    this.length[slot] = n
    this.used += n
  }

  private equals(slot: number, id: string): boolean {
    const n = this.length[slot]
    if (n !== id.length) return false
    const start = this.start[slot]
    for (let i = 0; i < n; i++) if (this.bytes[start + i] !== id.charCodeAt(i)) return false
    return true
  }

  private grow(): void {
    const oldTable = this.table
    const oldHashes = this.hashes
    const size = oldTable.length * 2
    this.table = new Int32Array(size)
    this.hashes = new Int32Array(size)
    this.mask = size - 1
    for (let i = 0; i < oldTable.length; i++) {
      const entry = oldTable[i]
      if (entry === EMPTY) continue
      let at = oldHashes[i] & this.mask
      while (this.table[at] !== EMPTY) at = (at + 1) & this.mask
      this.table[at] = entry
      this.hashes[at] = oldHashes[i]
    }
  }

  /**
   * The ids of slots 0 … `slots` − 1 as plain arrays (a snapshot's image, snapshot/binary-format.ts):
   * copies, so that later binds change nothing in them. The table is not part of it: `importImage`
   * builds it again, which costs what checking a stored one would and is right by construction.
   */
  exportImage(slots: number): IdTableImage {
    return {
      bytes: this.bytes.slice(0, this.used),
      start: this.start.slice(0, slots),
      length: this.length.slice(0, slots),
    }
  }

  /**
   * Makes this table, which must be new, hold the ids of `image` (each slot's bytes within
   * `image.bytes`: the caller has checked that) and bind every slot whose `live` entry is 1.
   * Returns false when two live slots have one id; the table must then be dropped.
   */
  importImage(image: IdTableImage, live: Uint8Array): boolean {
    this.bytes = image.bytes
    this.used = image.bytes.length
    this.start = image.start
    this.length = image.length
    let count = 0
    for (let slot = 0; slot < image.start.length; slot++) count += live[slot] === 1 ? 1 : 0
    let size = this.table.length
    while ((count + 1) * 2 > size) size *= 2
    this.table = new Int32Array(size)
    this.hashes = new Int32Array(size)
    this.mask = size - 1
    const { table, hashes, mask } = this
    for (let slot = 0; slot < image.start.length; slot++) {
      if (live[slot] !== 1) continue
      const hash = this.hashOfSlot(slot)
      let at = hash & mask
      for (; table[at] !== EMPTY; at = (at + 1) & mask)
        if (hashes[at] === hash && this.compare(table[at] - 1, slot) === 0) return false
      table[at] = slot + 1
      hashes[at] = hash
    }
    this.count = count
    return true
  }

  /** `hashOf` the id of `slot`, read from its bytes (an id's bytes are its code units). */
  private hashOfSlot(slot: number): number {
    const bytes = this.bytes
    const start = this.start[slot]
    const end = start + this.length[slot]
    let hash = FNV_OFFSET
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME)
    return spread(hash)
  }
}

/** What `IdTable.exportImage` gives: each slot's id as `length[slot]` bytes of `bytes` from `start[slot]`. */
export interface IdTableImage {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly start: Uint32Array<ArrayBuffer>
  readonly length: Uint8Array<ArrayBuffer>
}

function hashOf(id: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), FNV_PRIME)
  return spread(hash)
}

/** Spreads the high bits of an FNV hash into the low ones, which pick the home position. */
function spread(fnv: number): number {
  const hash = fnv ^ (fnv >>> 15)
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12)
}
