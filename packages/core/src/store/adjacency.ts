import { ensureCapacity } from './growable.js'

/**
 * Neighbour lists of every slot in one typed-array arena: each slot owns a block (start,
 * length, capacity); a full block moves to the arena's end at twice the size, and the arena
 * is compacted when half of it is abandoned blocks, and trimmed after a bulk load. Tens of millions of edge ends
 * then cost 4 bytes each and nothing for the garbage collector to trace, where a JS array per
 * member costs 8 bytes an entry, a header each, and a scan at every major collection.
 */
export class Adjacency {
  private start = new Uint32Array(0)
  private length = new Uint32Array(0)
  private capacity = new Uint32Array(0)
  private arena = new Uint32Array(1024)
  private used = 0
  private abandoned = 0

  /** Appends `other` to the list of `slot` (repeats allowed: the caller dedupes). */
  append(slot: number, other: number): void {
    this.ensureSlot(slot)
    if (this.length[slot] === this.capacity[slot]) this.relocate(slot, Math.max(4, this.capacity[slot] * 2))
    this.arena[this.start[slot] + this.length[slot]++] = other
  }

  /**
   * Appends both ends of `count` pairs (`pairs[2k]`, `pairs[2k + 1]`; a pair of one slot is
   * skipped) in three passes: count each slot's new ends, lay every list out once in a fresh
   * arena of exactly the room needed (the lists it already has first), then fill. A bulk load of
   * tens of millions of edges so costs O(edges) with one allocation, in CSR order (slot by slot),
   * where appending one end at a time relocates hub lists ~log(degree) times. Repeats are kept:
   * the caller dedupes.
   */
  appendPairs(pairs: Uint32Array, count: number, slots: number): void {
    this.ensureSlot(Math.max(0, slots - 1))
    const size = this.length.length
    const added = new Uint32Array(size)
    for (let k = 0; k < count; k++) {
      const a = pairs[2 * k]
      const b = pairs[2 * k + 1]
      if (a === b) continue
      added[a]++
      added[b]++
    }
    let total = 0
    for (let slot = 0; slot < size; slot++) total += this.length[slot] + added[slot]
    const packed = new Uint32Array(Math.max(1024, total))
    let used = 0
    for (let slot = 0; slot < size; slot++) {
      const start = this.start[slot]
      const length = this.length[slot]
      if (length > 0) packed.set(this.arena.subarray(start, start + length), used)
      this.start[slot] = used
      this.capacity[slot] = length + added[slot]
      used += this.capacity[slot]
    }
    const { start, length } = this
    for (let k = 0; k < count; k++) {
      const a = pairs[2 * k]
      const b = pairs[2 * k + 1]
      if (a === b) continue
      packed[start[a] + length[a]++] = b
      packed[start[b] + length[b]++] = a
    }
    this.arena = packed
    this.used = used
    this.abandoned = 0
  }

  /** The neighbours of `slot`: a view valid until the next append. */
  list(slot: number): Uint32Array {
    if (slot >= this.length.length) return EMPTY
    const start = this.start[slot]
    return this.arena.subarray(start, start + this.length[slot])
  }

  /**
   * The arena and every list's start and length as they lie, for loops over many lists (a
   * network view walks a hub's 30k) that would otherwise make a subarray per list: list n is
   * `length[n]` values of `arena` from `start[n]` (n below `length.length`). Valid until the
   * next change of any list.
   */
  raw(): AdjacencyArrays {
    return { arena: this.arena, start: this.start, length: this.length }
  }

  /** Neighbour ends held, counting abandoned blocks and block slack: an upper bound, in O(1). */
  get roughEnds(): number {
    return this.used - this.abandoned
  }

  /** Keeps the first `count` entries of the list (after an in-place dedupe). */
  truncate(slot: number, count: number): void {
    this.length[slot] = count
  }

  /** Removes one occurrence of `other` from the list of `slot`; false when absent. */
  remove(slot: number, other: number): boolean {
    const list = this.list(slot)
    const at = list.indexOf(other)
    if (at < 0) return false
    list[at] = list[list.length - 1]
    this.length[slot]--
    return true
  }

  /** Replaces `from` by `to` in the list of `slot`. */
  replace(slot: number, from: number, to: number): void {
    const list = this.list(slot)
    list[list.indexOf(from)] = to
  }

  /** Hands the whole block of `from` to `to` (which must have none). */
  transfer(from: number, to: number): void {
    if (from >= this.length.length) return
    this.ensureSlot(to)
    this.abandon(to)
    this.start[to] = this.start[from]
    this.length[to] = this.length[from]
    this.capacity[to] = this.capacity[from]
    this.start[from] = 0
    this.length[from] = 0
    this.capacity[from] = 0
  }

  /** Empties the list of `slot` and gives its block up. */
  clear(slot: number): void {
    if (slot >= this.length.length) return
    this.abandon(slot)
    this.length[slot] = 0
    this.capacity[slot] = 0
  }

  /** Slots that can hold a list: 0 … size − 1. */
  get size(): number {
    return this.length.length
  }

  private abandon(slot: number): void {
    this.abandoned += this.capacity[slot]
  }

  private ensureSlot(slot: number): void {
    if (slot < this.length.length) return
    this.start = ensureCapacity(this.start, slot + 1)
    this.length = ensureCapacity(this.length, slot + 1)
    this.capacity = ensureCapacity(this.capacity, slot + 1)
  }

  private relocate(slot: number, capacity: number): void {
    if (this.used + capacity > this.arena.length) {
      if (this.abandoned * 2 > this.used) this.compact()
      if (this.used + capacity > this.arena.length)
        this.arena = ensureCapacity(this.arena, this.used + capacity)
    }
    const start = this.start[slot]
    this.arena.copyWithin(this.used, start, start + this.length[slot])
    this.abandon(slot)
    this.start[slot] = this.used
    this.capacity[slot] = capacity
    this.used += capacity
  }

  /**
   * Packs every block to the front in slot order, into an arena of exactly the size needed
   * when `trim` is set (blocks shrink to their lengths: after a bulk load, the doubling slack
   * would otherwise stay for good).
   */
  compact(trim = false): void {
    let size = 0
    for (let slot = 0; slot < this.length.length; slot++)
      size += trim ? this.length[slot] : this.capacity[slot]
    const packed = new Uint32Array(Math.max(1024, size))
    let used = 0
    for (let slot = 0; slot < this.length.length; slot++) {
      if (trim) this.capacity[slot] = this.length[slot]
      const capacity = this.capacity[slot]
      if (capacity === 0) continue
      const start = this.start[slot]
      packed.set(this.arena.subarray(start, start + this.length[slot]), used)
      this.start[slot] = used
      used += capacity
    }
    this.arena = packed
    this.used = used
    this.abandoned = 0
  }

  /** Share of the arena not holding a neighbour: abandoned blocks, block slack, free tail. */
  get slack(): number {
    let held = 0
    for (let slot = 0; slot < this.length.length; slot++) held += this.length[slot]
    return 1 - held / this.arena.length
  }

  /**
   * The lists as they lie, copied (a snapshot's image): every slot's block and the arena up to
   * its last block (the free tail after it is not kept).
   */
  exportImage(): AdjacencyImage {
    return {
      start: this.start.slice(),
      length: this.length.slice(),
      capacity: this.capacity.slice(),
      arena: this.arena.slice(0, this.used),
      abandoned: this.abandoned,
    }
  }

  /**
   * Makes this arena, which must be new, hold `image` as it is. The caller has checked it: the
   * three block arrays of one length, every block with room inside the arena, each list no longer
   * than its block.
   */
  importImage(image: AdjacencyImage): void {
    this.start = image.start
    this.length = image.length
    this.capacity = image.capacity
    this.arena = image.arena
    this.used = image.arena.length
    this.abandoned = image.abandoned
  }
}

/** What `Adjacency.raw` gives. */
export interface AdjacencyArrays {
  readonly arena: Uint32Array
  readonly start: Uint32Array
  readonly length: Uint32Array
}

/** What `Adjacency.exportImage` gives: the list of slot s is `length[s]` values of `arena` from `start[s]`. */
export interface AdjacencyImage {
  readonly start: Uint32Array<ArrayBuffer>
  readonly length: Uint32Array<ArrayBuffer>
  readonly capacity: Uint32Array<ArrayBuffer>
  readonly arena: Uint32Array<ArrayBuffer>
  readonly abandoned: number
}

const EMPTY = new Uint32Array(0)
