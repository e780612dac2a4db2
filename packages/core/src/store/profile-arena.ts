import { fail } from '../errors.js'
import type { OwnedProfile } from '../model/own-profile.js'
import { ByteArena, ByteReader, DEFAULT_CHUNK_BYTES } from './byte-arena.js'
import { ensureCapacity } from './growable.js'
import { ASCII, decodeProfile, encodeProfile, UTF8 } from './profile-codec.js'
import { StringTable } from './string-table.js'

export interface ProfileArenaOptions {
  /** The size of a full chunk of the byte arena (tests make it tiny, to force many chunks). */
  chunkBytes?: number
  /** The table the records' interned strings go to (default: a new one). */
  strings?: StringTable
}

/**
 * The index's own copy of each slot's profile, encoded (profile-codec.ts) into a ByteArena:
 * per slot, only a position (float64) and a record length (uint32) in typed arrays, so that no
 * object per member lives on the heap; `get` decodes a frozen copy each time it is called.
 * A slot holds at most one profile; `put` on a held slot replaces it, and the old record stays
 * in the arena as dead bytes until `compact`.
 */
export class ProfileArena {
  readonly strings: StringTable
  private arena: ByteArena
  private positions = new Float64Array(0)
  /** Each slot's record length; 0 for a slot that holds nothing (a record is never empty). */
  private lengths = new Uint32Array(0)
  private live = 0

  constructor(options: ProfileArenaOptions = {}) {
    this.strings = options.strings ?? new StringTable()
    this.arena = new ByteArena(options.chunkBytes ?? DEFAULT_CHUNK_BYTES)
  }

  /** Stores `profile` (a validated copy) at `slot`, replacing what the slot held. */
  put(slot: number, profile: OwnedProfile): void {
    const before = this.arena.bytes
    const position = encodeProfile(profile, this.arena, this.strings)
    this.place(slot, position, this.arena.bytes - before)
  }

  /**
   * Stores at `slot` the record `from` holds at `slot`, copied byte for byte (no decoding),
   * replacing what the slot held here: how a holder moves records into a fresh arena a few at a
   * time instead of in one `compact`. Both arenas must share one string table.
   */
  copySlot(from: ProfileArena, slot: number): void {
    if (from.strings !== this.strings || !from.has(slot)) fail('internal-error')
    const length = from.lengths[slot]
    this.arena.begin()
    this.arena.copyFrom(from.arena, from.positions[slot], length)
    this.place(slot, this.arena.end(), length)
  }

  /**
   * The member id of the profile at `slot` (a held slot), read from the record's head without
   * decoding the rest: encodeProfile writes the id first, as inline text (ids are ASCII,
   * docs/spec.md §1.1), so a loader can learn whose record it is for the cost of the id.
   */
  idOf(slot: number): string {
    const reader = new ByteReader()
    reader.seek(this.arena, this.positions[slot])
    const head = reader.varuint()
    const kind = head % 8
    if (kind !== ASCII && kind !== UTF8) return (this.get(slot) as OwnedProfile).id
    const length = (head - kind) / 8
    return reader.bytes.latin1Slice(reader.at, reader.at + length)
  }

  /** Where the record of `slot` (a held slot) lies among `chunks()`: chunk · 2^32 + offset. */
  positionOf(slot: number): number {
    return this.positions[slot]
  }

  /** The record length of `slot`: 0 when it holds none. */
  lengthOf(slot: number): number {
    return slot >= 0 && slot < this.lengths.length ? this.lengths[slot] : 0
  }

  /**
   * The arena's chunks as views (byte-arena.ts `exportChunks`), dropped records included: a
   * point-in-time picture, as bytes once written never change; `positionOf` reads into them.
   */
  chunks(): Uint8Array[] {
    return this.arena.exportChunks()
  }

  /** The profile at `slot`, decoded afresh (equal to the one put), or undefined when it holds none. */
  get(slot: number): OwnedProfile | undefined {
    if (!this.has(slot)) return undefined
    return decodeProfile(this.arena, this.positions[slot], this.strings)
  }

  /** Empties `slot` (nothing happens when it holds nothing). */
  drop(slot: number): void {
    if (!this.has(slot)) return
    this.live -= this.lengths[slot]
    this.lengths[slot] = 0
  }

  /** Makes `slot` hold the record of `length` bytes just written at `position`. */
  private place(slot: number, position: number, length: number): void {
    this.drop(slot)
    if (slot >= this.lengths.length) {
      this.positions = ensureCapacity(this.positions, slot + 1)
      this.lengths = ensureCapacity(this.lengths, slot + 1)
    }
    this.positions[slot] = position
    this.lengths[slot] = length
    this.live += length
  }

  has(slot: number): boolean {
    return slot >= 0 && slot < this.lengths.length && this.lengths[slot] !== 0
  }

  /** Bytes of the records slots hold. */
  get liveBytes(): number {
    return this.live
  }

  /** Bytes of every record written since the last compaction, dropped and replaced ones included. */
  get totalBytes(): number {
    return this.arena.bytes
  }

  /** Bytes of memory the arena's chunks take (unused room included), beside 12 bytes per slot of columns. */
  get allocatedBytes(): number {
    return this.arena.allocatedBytes
  }

  /**
   * Packs the records into a fresh arena under new slot numbers and frees the old chunks:
   * `renumber(slot)` is called once for each slot that holds a profile, in ascending order, and
   * returns the slot the profile moves to, or −1 to drop it. New slots must differ from one
   * another (any order; two alike throw and change nothing); every slot not given a profile
   * holds none afterwards. Records are copied
   * byte for byte in ascending old-slot order (no decoding), so the string table is kept as is.
   */
  compact(renumber: (slot: number) => number): void {
    const old = this.arena
    const oldPositions = this.positions
    const oldLengths = this.lengths
    const fresh = new ByteArena(old.chunkBytes)
    let positions = new Float64Array(0)
    let lengths = new Uint32Array(0)
    let live = 0
    for (let slot = 0; slot < oldLengths.length; slot++) {
      const length = oldLengths[slot]
      if (length === 0) continue
      const to = renumber(slot)
      if (to < 0) continue
      if (to >= lengths.length) {
        positions = ensureCapacity(positions, to + 1)
        lengths = ensureCapacity(lengths, to + 1)
      }
      // Two profiles sent to one slot: the caller's bug; nothing has changed yet.
      if (lengths[to] !== 0) fail('internal-error')
      fresh.begin()
      fresh.copyFrom(old, oldPositions[slot], length)
      positions[to] = fresh.end()
      lengths[to] = length
      live += length
    }
    this.arena = fresh
    this.positions = positions
    this.lengths = lengths
    this.live = live
  }

  /**
   * What slots 0 … `slots` − 1 hold, as a snapshot's image (snapshot/binary-format.ts): the
   * arena's chunks as views (bytes once written never change, byte-arena.ts), the positions and
   * lengths copied, and the string table's list as it is now (strings never change either).
   */
  exportImage(slots: number): ProfileArenaImage {
    return {
      chunks: this.arena.exportChunks(),
      chunkBytes: this.arena.chunkBytes,
      positions: this.positions.slice(0, slots),
      lengths: this.lengths.slice(0, slots),
      strings: this.strings.all().slice(),
    }
  }

  /**
   * Makes this arena, which must be new, hold what `image` holds, its chunks adopted without a
   * copy. The caller has checked the image: every record with a length lies inside its chunk
   * and reads back a profile (store/profile-check.ts).
   */
  importImage(image: ProfileArenaImage): void {
    this.arena = ByteArena.fromChunks(image.chunks, image.chunkBytes)
    this.positions = image.positions
    this.lengths = image.lengths
    let live = 0
    for (let slot = 0; slot < image.lengths.length; slot++) live += image.lengths[slot]
    this.live = live
    this.strings.importImage(image.strings)
  }
}

/** What `ProfileArena.exportImage` gives: a slot's record is `lengths[slot]` bytes at `positions[slot]` (0: none). */
export interface ProfileArenaImage {
  readonly chunks: readonly Uint8Array[]
  readonly chunkBytes: number
  readonly positions: Float64Array<ArrayBuffer>
  readonly lengths: Uint32Array<ArrayBuffer>
  readonly strings: readonly string[]
}
