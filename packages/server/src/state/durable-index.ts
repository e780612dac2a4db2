import { mkdir, realpath, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fail, type PeopleIndex, PeopleSearchError } from '@people-search/core'
import { applyWrite, checkWrite } from './apply-write.js'
import { decodeLine, encodeLine, type LogRecord, MAX_RECORD_BYTES, readRecord } from './log-record.js'
import { LogSegment } from './log-segment.js'
import { type IndexSources, recoverState } from './recover-state.js'
import { StateClock } from './state-clock.js'
import { listState, removeFiles, segmentName, snapshotName } from './state-files.js'
import { StateLock } from './state-lock.js'
import { emitStateWarning, type StateWarning } from './state-warning.js'
import { ownWrite, type Write } from './write.js'
import { WriteQueue } from './write-queue.js'

export type { StateWarning } from './state-warning.js'

export interface DurableIndexOptions {
  /** The state directory (created if missing, mode 0700). */
  dir: string
  /**
   * Builds an empty index with the given clock (the service passes its config: caps, secret, …).
   * The index must use that clock: replay applies each record with it at the record's time.
   */
  create(now: () => Date): PeopleIndex
  /** Loads a snapshot with the given clock: wraps `PeopleIndex.load(path, options)`. */
  load(path: string, now: () => Date): Promise<PeopleIndex>
  /**
   * What an empty state directory starts from (the sample world, or --data), built with the given
   * clock; default: an empty index (`create`). Written as the first snapshot, `snapshot-0`.
   */
  seed?: (now: () => Date) => PeopleIndex | Promise<PeopleIndex>
  /** The service clock (ms). */
  now?: () => number
  /** Told what an operator must hear about (a refused snapshot, a torn append cut off); default: a process warning. */
  onWarning?: (warning: StateWarning) => void
}

/**
 * An index whose writes survive a crash at any moment (docs/spec.md §9.5): a state directory
 * holds the last snapshot and a write-ahead log of every write since, and opening it is the
 * snapshot plus a replay of the log. Files and their format: see state-files.ts, log-record.ts.
 *
 * ```ts
 * const durable = await DurableIndex.open({ dir, create: (now) => new PeopleIndex({ now }), load: (path, now) => PeopleIndex.load(path, { now }) })
 * await durable.apply({ op: 'connect', pairs: [['ann', 'bob']] }) // durable once this resolves
 * durable.index.search('/v1/people-search?keywords=java', { viewer: 'ann' })
 * ```
 */
export class DurableIndex {
  private readonly queue = new WriteQueue()
  /** Snapshots being written. */
  private readonly snapshots = new Set<Promise<void>>()
  private closing: Promise<void> | undefined
  /** Why no more writes are taken: an apply that failed after its record was logged. */
  private broken: unknown

  private constructor(
    private readonly dir: string,
    private readonly lock: StateLock,
    private readonly clock: StateClock,
    private readonly warn: (warning: StateWarning) => void,
    private readonly current: PeopleIndex,
    private segment: LogSegment,
    private last: number,
  ) {}

  /** Opens (or starts) a state directory: the last good snapshot plus a replay of the log after it. */
  static async open(options: DurableIndexOptions): Promise<DurableIndex> {
    const { sources, now, warn, ...given } = readOptions(options)
    const clock = new StateClock(now)
    // The real path: one directory under two names is still one directory to lock.
    const dir = await makeDirectory(given.dir)
    const lock = await held(dir, () => StateLock.acquire(dir))
    try {
      const state = await held(dir, () => recoverState(dir, sources, clock, warn))
      return new DurableIndex(dir, lock, clock, warn, state.index, state.segment, state.last)
    } catch (error) {
      await lock.release().catch(() => {})
      throw error
    }
  }

  /** The index: read it freely; change it only through `apply`. */
  get index(): PeopleIndex {
    return this.current
  }

  /** The seq of the last write made durable. */
  get seq(): number {
    return this.last
  }

  /**
   * Makes `write` durable, then applies it. Writes run one at a time, in call order. Each is
   * first read into a record exactly as the log will hold it (JSON, so the index gets what a
   * replay will get) and checked against the index: a write the index would not take whole is
   * refused (400/404, nothing logged, nothing changed). Then it is appended to the log and
   * flushed (fdatasync), then applied with the index clock at the record's time, and only then
   * resolves: acknowledge the write only after this. A log that cannot be written is the 500
   * `write-not-durable`, and the index is left as it was.
   */
  apply(write: Write): Promise<{ seq: number }> {
    let owned: Write
    try {
      this.checkOpen()
      owned = ownWrite(write)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.queue.run(async () => this.applyNow(owned))
  }

  /**
   * `POST /admin/snapshot`: a snapshot of the index as it is after the last write so far, then
   * the log before it is dropped (compaction). The log moves to a new segment first, then core's
   * `save` captures the index at once (writes go on while the file is written) and writes it
   * through a flushed temporary file and a rename; only once it is durable are older snapshots
   * and segments removed. A crash at any point leaves a directory that opens to the same state.
   */
  snapshot(): Promise<{ seq: number; path: string }> {
    try {
      this.checkOpen()
    } catch (error) {
      return Promise.reject(error)
    }
    const taken = this.snapshotNow()
    const settled = taken.then(
      () => {},
      () => {},
    )
    this.snapshots.add(settled)
    void settled.then(() => this.snapshots.delete(settled))
    return taken
  }

  /** Lets the writes and the snapshot already asked for finish, then releases the directory. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue.idle()
      await Promise.all(this.snapshots)
      await this.segment.close().catch(() => {})
      await this.lock.release()
    })()
    return this.closing
  }

  private async applyNow(write: Write): Promise<{ seq: number }> {
    this.checkWritable()
    const seq = this.last + 1
    const at = this.clock.now()
    const { line, record } = logged({ seq, at, ...write })
    checkWrite(this.current, record)
    try {
      await this.segment.append(line)
    } catch (error) {
      return fail('write-not-durable', { cause: error })
    }
    this.last = seq
    try {
      this.clock.at(at, () => applyWrite(this.current, record))
    } catch (error) {
      // Logged, so replay meets the same 4xx and skips it the same way: the states agree.
      if (error instanceof PeopleSearchError && error.status < 500) throw error
      // Anything else leaves the index in a state no replay is known to give.
      this.broken = error
      throw new PeopleSearchError('internal-error')
    }
    return { seq }
  }

  // Taken in the write queue, at the call: the snapshot holds every write asked for before it.
  // Snapshots may overlap (each has its own file and segment): compaction in any order is safe.
  private async snapshotNow(): Promise<{ seq: number; path: string }> {
    const { seq, path, saved } = await this.queue.run(async () => {
      this.checkWritable()
      const seq = this.last
      if (this.segment.first !== seq + 1) {
        const next = await LogSegment.create(this.dir, seq + 1).catch((error: unknown) =>
          fail('snapshot-write-failed', { path: join(this.dir, segmentName(seq + 1)), cause: error }),
        )
        const old = this.segment
        this.segment = next
        await old.close().catch(() => {})
      }
      const path = join(this.dir, snapshotName(seq))
      // save captures the index now, synchronously: no write gets in between.
      return { seq, path, saved: this.current.save(path) }
    })
    await saved
    await this.compact(seq)
    return { seq, path }
  }

  /** Removes what snapshot `seq` makes obsolete; failing to is only a warning (the next compaction retries). */
  private async compact(seq: number): Promise<void> {
    try {
      const { snapshots, segments } = await listState(this.dir)
      await removeFiles(this.dir, [
        ...snapshots.filter((other) => other < seq).map(snapshotName),
        ...segments.filter((first) => first <= seq).map(segmentName),
      ])
    } catch (error) {
      this.warn({
        kind: 'compaction-failed',
        message: `${this.dir}: files older than ${snapshotName(seq)} could not be removed: ${String(error)}`,
      })
    }
  }

  private checkOpen(): void {
    if (this.closing !== undefined)
      fail('write-not-durable', { cause: `the state directory ${this.dir} is closed` })
  }

  private checkWritable(): void {
    if (this.broken !== undefined) fail('write-not-durable', { cause: this.broken })
    if (this.segment.broken !== undefined) fail('write-not-durable', { cause: this.segment.broken })
  }
}

/**
 * The line the log will hold for `record`, and the record read back from it: what the index
 * gets is what a replay will get (no `undefined`, `NaN`, `Date` or other value JSON changes).
 */
function logged(record: LogRecord): { line: Buffer; record: LogRecord } {
  let line: Buffer
  try {
    line = encodeLine(record)
  } catch (error) {
    if (error instanceof RangeError) fail('body-too-large', { limit: MAX_RECORD_BYTES })
    return fail('unreadable-argument', { argument: 'write', cause: error })
  }
  const decoded = decodeLine(line.subarray(0, line.length - 1))
  const read = 'value' in decoded ? readRecord(decoded.value) : decoded.problem
  if (typeof read === 'string')
    return fail('invalid-argument', { argument: 'write', value: read, expected: 'a write JSON can hold' })
  return { line, record: read }
}

async function makeDirectory(dir: string): Promise<string> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    if (!(await stat(dir)).isDirectory()) fail('state-unusable', { dir, cause: 'it is not a directory' })
    return await realpath(dir)
  } catch (error) {
    if (error instanceof PeopleSearchError) throw error
    fail('state-unusable', { dir, cause: error })
  }
}

/** `run()`, with a file system error (no permission, no space, …) told as `state-unusable`. */
async function held<T>(dir: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof PeopleSearchError) throw error
    return fail('state-unusable', { dir, cause: error })
  }
}

function readOptions(given: DurableIndexOptions): {
  dir: string
  sources: IndexSources
  now: () => number
  warn: (warning: StateWarning) => void
} {
  const bad = (option: string, value: unknown, expected: string): never =>
    fail('invalid-argument', { argument: `durable index option ${option}`, value, expected })
  if (typeof given !== 'object' || given === null) bad('options', given, 'an object')
  const { dir, create, load, seed, now, onWarning } = given
  if (typeof dir !== 'string' || dir === '') bad('dir', dir, 'a directory path')
  if (typeof create !== 'function') bad('create', create, 'a function')
  if (typeof load !== 'function') bad('load', load, 'a function')
  if (seed !== undefined && typeof seed !== 'function') bad('seed', seed, 'a function')
  if (now !== undefined && typeof now !== 'function') bad('now', now, 'a function')
  if (onWarning !== undefined && typeof onWarning !== 'function') bad('onWarning', onWarning, 'a function')
  return {
    dir: resolve(dir),
    sources: { create, load, seed },
    now: now ?? Date.now,
    warn: onWarning ?? emitStateWarning,
  }
}
