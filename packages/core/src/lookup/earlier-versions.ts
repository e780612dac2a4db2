import type { OwnedProfile } from '../model/own-profile.js'
import { DEFAULT_CHUNK_BYTES } from '../store/byte-arena.js'
import { ensureCapacity } from '../store/growable.js'
import { IdTable } from '../store/id-table.js'
import { ProfileArena } from '../store/profile-arena.js'
import { backfillHorizon, MAX_VERSIONS, type ProfileVersion } from './versions.js'

/** The end of a chain, or a member with no version. */
const NONE = -1
/** A chunk's offset takes the low 32 bits of a position (byte-arena.ts). */
const CHUNK_SPAN = 2 ** 32
/** Dead bytes tolerated beyond the live ones before a reclaim starts: small indexes never start one. */
const DEFAULT_SLACK_BYTES = 16 * 1024 * 1024
/** Records a reclaim moves per write: ~64 KB of copying, microseconds, and still far faster than writes add records. */
const DEFAULT_STEP_RECORDS = 64
/** Slots a reclaim step looks at, at most, per record it may move: empty slots cost a step too. */
const SCAN_PER_RECORD = 8

export interface EarlierVersionsOptions {
  /** Dead record bytes allowed beyond the live ones before reclaiming starts (tests make it 0). */
  slackBytes?: number
  /** Records moved per write while reclaiming (tests make it 1, so that one reclaim spans many writes). */
  stepRecords?: number
  /** The size of a full chunk of the records' arena (tests make it tiny, to force many chunks). */
  chunkBytes?: number
}

/**
 * Each member's earlier versions (docs/spec.md §6.1), oldest first, held encoded: each version
 * a record of a ProfileArena of its own (its own string table) at a version slot, its time in a
 * float64 array and the next newer version of its member in an int32 array; each member a slot
 * of an IdTable with its first and last version and its count. So a million members' versions
 * are a few typed arrays and arena chunks, nothing the collector traces one by one (issue 14);
 * `of` decodes a member's versions on demand (lookups are rare).
 *
 * Dead records (pruned, forgotten) are reclaimed in bounded steps, never in one call: once the
 * dead bytes exceed the live ones plus a slack, new records go to a fresh arena and every write
 * moves at most `stepRecords` live records (looking at most 8 slots per record) from the old one
 * at the same slot number; the old arena is let go when the last slot is passed. A slot's record
 * is in the fresh arena if that holds it, else in the old one.
 *
 * Contract: a member slot is bound on the first version after the member was last forgotten, so
 * members in slot order are in the order a `Map` set on first version would list them; a member
 * whose versions were all pruned keeps its slot.
 */
export class EarlierVersions {
  private readonly chunkBytes: number
  private readonly slackBytes: number
  private readonly stepRecords: number
  /** Where new records go. */
  private records: ProfileArena
  /** The arena being reclaimed, while a reclaim is under way. */
  private old: ProfileArena | undefined
  /** The next slot a reclaim looks at, and the slot count when it started. */
  private cursor = 0
  private end = 0
  private times = new Float64Array(0)
  private next = new Int32Array(0)
  private slots = 0
  /** Version slots free for reuse, a stack. */
  private free = new Int32Array(0)
  private freeCount = 0
  private total = 0
  private readonly members = new IdTable()
  private first = new Int32Array(0)
  private last = new Int32Array(0)
  private count = new Uint32Array(0)
  private memberSlots = 0

  constructor(options: EarlierVersionsOptions = {}) {
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES
    this.slackBytes = options.slackBytes ?? DEFAULT_SLACK_BYTES
    this.stepRecords = Math.max(1, options.stepRecords ?? DEFAULT_STEP_RECORDS)
    this.records = new ProfileArena({ chunkBytes: this.chunkBytes })
  }

  /** Versions held, of every member. */
  get size(): number {
    return this.total
  }

  /** Bytes of the records the arenas hold, dead ones included (what reclaiming bounds). */
  get recordBytes(): number {
    return this.records.totalBytes + (this.old?.totalBytes ?? 0)
  }

  /** Bytes of the live records. */
  get liveBytes(): number {
    return this.records.liveBytes + (this.old?.liveBytes ?? 0)
  }

  /** Appends `profile` at `time` as the newest earlier version of `id` (its id). */
  push(id: string, profile: OwnedProfile, time: number): void {
    let member = this.members.get(id)
    if (member < 0) member = this.bindMember(id)
    const slot = this.takeSlot()
    this.records.put(slot, profile)
    this.times[slot] = time
    this.append(member, slot)
    this.step()
  }

  /**
   * Drops the versions of `id` too old to backfill from at `now`, then the oldest beyond
   * `MAX_VERSIONS`: a version too old is never needed again; the cap bounds a member edited often.
   */
  prune(id: string, now: number): void {
    const member = this.members.get(id)
    if (member < 0) return
    const horizon = backfillHorizon(now)
    let kept = NONE
    for (let slot = this.first[member]; slot !== NONE; ) {
      const after = this.next[slot]
      if (this.times[slot] < horizon) {
        if (kept === NONE) this.first[member] = after
        else this.next[kept] = after
        this.release(member, slot)
      } else kept = slot
      slot = after
    }
    this.last[member] = kept
    while (this.count[member] > MAX_VERSIONS) {
      const oldest = this.first[member]
      this.first[member] = this.next[oldest]
      this.release(member, oldest)
    }
    if (this.first[member] === NONE) this.last[member] = NONE
    this.step()
  }

  /** `id` has no versions any more, and no member slot. */
  forget(id: string): void {
    const member = this.members.get(id)
    if (member < 0) return
    for (let slot = this.first[member]; slot !== NONE; ) {
      const after = this.next[slot]
      this.release(member, slot)
      slot = after
    }
    this.first[member] = NONE
    this.last[member] = NONE
    this.members.unbind(id, member)
    this.step()
  }

  /** The versions of `id`, oldest first, decoded afresh. */
  of(id: string): ProfileVersion[] {
    const member = this.members.get(id)
    const out: ProfileVersion[] = []
    if (member < 0) return out
    for (let slot = this.first[member]; slot !== NONE; slot = this.next[slot])
      out.push({ profile: this.holder(slot).get(slot) as OwnedProfile, time: this.times[slot] })
    return out
  }

  /**
   * The versions as they are now, member by member (slot order), oldest first: the arenas'
   * chunks as views (bytes once written never change, so later writes change nothing in them;
   * while a reclaim is under way the old arena's chunks come first and the fresh one's positions
   * are shifted past them), the positions, lengths and times copied, and the string list as it is
   * now. No record is decoded or encoded.
   */
  exportImage(): VersionsImage {
    const old = this.old
    const oldChunks = old === undefined ? [] : old.chunks()
    const shift = oldChunks.length * CHUNK_SPAN
    const chunks = oldChunks.concat(this.records.chunks())
    const positions = new Float64Array(this.total)
    const lengths = new Uint32Array(this.total)
    const times = new Float64Array(this.total)
    let at = 0
    for (let member = 0; member < this.memberSlots; member++) {
      for (let slot = this.first[member]; slot !== NONE; slot = this.next[slot]) {
        if (this.records.has(slot)) {
          positions[at] = this.records.positionOf(slot) + shift
          lengths[at] = this.records.lengthOf(slot)
        } else {
          positions[at] = (old as ProfileArena).positionOf(slot)
          lengths[at] = (old as ProfileArena).lengthOf(slot)
        }
        times[at++] = this.times[slot]
      }
    }
    return { versions: { chunks, positions, lengths, strings: this.records.strings.all().slice() }, times }
  }

  /**
   * Makes these versions, which must be new, hold `image` (its records checked by the caller:
   * each inside its chunk, a validated profile's), its chunks, positions, lengths and times
   * adopted without a copy (the caller must not use the arrays afterwards: they change in place), record i at version slot i, appended to its member in order. Only
   * each record's id is read. Returns the id of the first record whose member `isMember`
   * refuses (the versions must then be dropped), or undefined.
   */
  importImage(image: VersionsImage, isMember: (id: string) => boolean): string | undefined {
    const { versions, times } = image
    const n = times.length
    this.records.importImage({ ...versions, chunkBytes: this.chunkBytes })
    this.times = times
    this.next = new Int32Array(n)
    this.slots = n
    for (let slot = 0; slot < n; slot++) {
      const id = this.records.idOf(slot)
      if (!isMember(id)) return id
      let member = this.members.get(id)
      if (member < 0) member = this.bindMember(id)
      this.append(member, slot)
    }
    return undefined
  }

  /** Puts version `slot` at the end of `member`'s chain, newest last. */
  private append(member: number, slot: number): void {
    this.next[slot] = NONE
    const last = this.last[member]
    if (last === NONE) this.first[member] = slot
    else this.next[last] = slot
    this.last[member] = slot
    this.count[member]++
    this.total++
  }

  private bindMember(id: string): number {
    const member = this.memberSlots++
    if (member >= this.first.length) {
      this.first = ensureCapacity(this.first, member + 1)
      this.last = ensureCapacity(this.last, member + 1)
      this.count = ensureCapacity(this.count, member + 1)
    }
    this.members.bind(id, member)
    this.first[member] = NONE
    this.last[member] = NONE
    this.count[member] = 0
    return member
  }

  /** A free version slot: a released one, else a new one. Neither arena holds a record there. */
  private takeSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]
    const slot = this.slots++
    if (slot >= this.times.length) {
      this.times = ensureCapacity(this.times, slot + 1)
      this.next = ensureCapacity(this.next, slot + 1)
    }
    return slot
  }

  /** Frees `slot`, a version of `member` already unlinked from its chain (or the whole chain going). */
  private release(member: number, slot: number): void {
    this.records.drop(slot)
    this.old?.drop(slot)
    this.free = ensureCapacity(this.free, this.freeCount + 1)
    this.free[this.freeCount++] = slot
    this.count[member]--
    this.total--
  }

  private holder(slot: number): ProfileArena {
    return this.records.has(slot) || this.old === undefined ? this.records : this.old
  }

  /** One bounded step of reclaiming dead records: starts a reclaim when they outweigh the live ones, or moves a few. */
  private step(): void {
    const old = this.old
    if (old === undefined) {
      const live = this.records.liveBytes
      if (this.records.totalBytes - live > live + this.slackBytes) {
        this.old = this.records
        this.records = new ProfileArena({ chunkBytes: this.chunkBytes, strings: this.records.strings })
        this.cursor = 0
        this.end = this.slots
      }
      return
    }
    const records = this.records
    let moved = 0
    const stop = Math.min(this.end, this.cursor + this.stepRecords * SCAN_PER_RECORD)
    let slot = this.cursor
    for (; slot < stop && moved < this.stepRecords; slot++) {
      if (!old.has(slot)) continue
      records.copySlot(old, slot)
      old.drop(slot)
      moved++
    }
    this.cursor = slot
    if (slot >= this.end) this.old = undefined
  }
}

/** What `EarlierVersions.exportImage` gives: version i is `lengths[i]` bytes at `positions[i]` of `chunks`, at `times[i]`. */
export interface VersionsImage {
  /** The records, their interned strings those of `strings`. */
  readonly versions: {
    readonly chunks: readonly Uint8Array[]
    readonly positions: Float64Array<ArrayBuffer>
    readonly lengths: Uint32Array<ArrayBuffer>
    readonly strings: readonly string[]
  }
  readonly times: Float64Array<ArrayBuffer>
}
