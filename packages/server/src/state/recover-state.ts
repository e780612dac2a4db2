import { type FileHandle, open } from 'node:fs/promises'
import { join } from 'node:path'
import { fail, type PeopleIndex, PeopleSearchError } from '@people-search/core'
import { applyWrite } from './apply-write.js'
import type { LogRecord } from './log-record.js'
import { LogSegment } from './log-segment.js'
import { readSegment, type SegmentEnd } from './segment-reader.js'
import type { StateClock } from './state-clock.js'
import { listState, removeFiles, segmentName, snapshotName } from './state-files.js'
import type { StateWarning } from './state-warning.js'

/** Where the index comes from: the service's own ways to build or load one, with our clock. */
export interface IndexSources {
  create(now: () => Date): PeopleIndex
  load(path: string, now: () => Date): Promise<PeopleIndex>
  seed?: ((now: () => Date) => PeopleIndex | Promise<PeopleIndex>) | undefined
}

export interface RecoveredState {
  index: PeopleIndex
  /** The seq of the snapshot it was loaded from (0: the seed). */
  snapshot: number
  /** The seq of the last record applied, or the snapshot's. */
  last: number
  /** The segment the next record goes to. */
  segment: LogSegment
}

/**
 * The state of a locked state directory (docs/spec.md §9.5): the newest snapshot that loads,
 * then every record after it, in order, each applied with the index clock at its time.
 *
 * - An empty directory starts from the seed, written as `snapshot-0` before anything else.
 * - Temporary files of a write that did not finish are removed.
 * - The newest snapshot refused (truncated, corrupted): the next older one is used only if the
 *   log since it is all there, with a loud warning; else `state-corrupted`. Acknowledged writes
 *   are never lost silently.
 * - A torn append at the very end of the newest segment was never acknowledged: it is cut off
 *   (with a warning). A bad record anywhere else, a gap in the numbers, or log segments without
 *   a snapshot are `state-corrupted`.
 * - A record whose apply fails with a 4xx error is skipped: it failed the same way live, after
 *   it was logged. Any other failure is `state-corrupted` naming the record.
 * - Snapshots older than the one loaded and segments it covers are removed (a compaction that a
 *   crash interrupted).
 */
export async function recoverState(
  dir: string,
  sources: IndexSources,
  clock: StateClock,
  warn: (warning: StateWarning) => void,
): Promise<RecoveredState> {
  const listing = await listState(dir)
  await removeFiles(dir, listing.leftovers)
  const { snapshots, segments } = listing
  if (snapshots.length === 0) {
    if (segments.length > 0)
      fail('state-corrupted', {
        dir,
        problem: `it has log segments (${segmentName(segments[0])}…) but no snapshot to replay them onto`,
      })
    return seedState(dir, sources, clock)
  }
  const { index, snapshot } = await loadNewest(dir, snapshots, segments, sources, clock, warn)
  const needed = segments.filter((_, i) => !(i + 1 < segments.length && segments[i + 1] <= snapshot + 1))
  if (needed.length > 0 && needed[0] > snapshot + 1)
    fail('state-corrupted', {
      dir,
      problem: `records ${snapshot + 1} to ${needed[0] - 1} are missing: ${snapshotName(snapshot)} is followed by ${segmentName(needed[0])}`,
    })
  let last = snapshot
  let end: (SegmentEnd & { name: string; first: number }) | undefined
  for (const [i, first] of needed.entries()) {
    const name = segmentName(first)
    if (end !== undefined && first !== end.next)
      fail('state-corrupted', {
        dir,
        problem: `${name} starts at record ${first} where record ${end.next} was due`,
      })
    const read = await readRecords(dir, name, first, i === needed.length - 1, (record) => {
      if (record.seq <= snapshot) return
      replay(dir, name, index, clock, record)
      last = record.seq
    })
    end = { ...read, name, first }
  }
  // A snapshot is taken only once the segment after it exists: without it (and without records
  // after the snapshot in an older one), writes may have been lost.
  const continued = end !== undefined && end.next > snapshot + 1
  if (snapshot > 0 && !continued && !segments.includes(snapshot + 1))
    fail('state-corrupted', {
      dir,
      problem: `the log after ${snapshotName(snapshot)} (${segmentName(snapshot + 1)}) is missing; to start from that snapshot alone, give it as the data of an empty state directory`,
    })
  let segment: LogSegment
  if (end === undefined) segment = await LogSegment.create(dir, last + 1)
  else {
    if (end.torn > 0)
      warn({
        kind: 'torn-tail',
        message: `${join(dir, end.name)}: cut off a torn append of ${end.torn} bytes at its end (a write that was never acknowledged)`,
      })
    segment = await LogSegment.reopen(dir, end.name, end.first, end.end)
  }
  await removeCovered(dir, snapshot, snapshots, [
    ...segments.filter((first) => first < segment.first),
    segment.first,
  ])
  return { index, snapshot, last, segment }
}

async function seedState(dir: string, sources: IndexSources, clock: StateClock): Promise<RecoveredState> {
  const index =
    sources.seed === undefined ? sources.create(clock.indexNow) : await sources.seed(clock.indexNow)
  await index.save(join(dir, snapshotName(0)))
  const segment = await LogSegment.create(dir, 1)
  return { index, snapshot: 0, last: 0, segment }
}

/** The newest snapshot that loads; an older one only when the log since it is all there. */
async function loadNewest(
  dir: string,
  snapshots: readonly number[],
  segments: readonly number[],
  sources: IndexSources,
  clock: StateClock,
  warn: (warning: StateWarning) => void,
): Promise<{ index: PeopleIndex; snapshot: number }> {
  const newest = snapshots[snapshots.length - 1]
  let refused: PeopleSearchError | undefined
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const seq = snapshots[i]
    // An older snapshot is of use only if a segment holds the record right after it.
    if (refused !== undefined && !(segments.length > 0 && segments[0] <= seq + 1)) break
    try {
      const index = await sources.load(join(dir, snapshotName(seq)), clock.indexNow)
      if (refused !== undefined)
        warn({
          kind: 'snapshot-refused',
          message: `${join(dir, snapshotName(newest))} is refused (${refused.message}); started from ${snapshotName(seq)} and the log since it instead. Nothing acknowledged is lost; take a snapshot to replace the refused one.`,
        })
      return { index, snapshot: seq }
    } catch (error) {
      if (!(error instanceof PeopleSearchError && error.kind === 'badSnapshot')) throw error
      refused ??= error
    }
  }
  return fail('state-corrupted', {
    dir,
    problem: `its newest snapshot ${snapshotName(newest)} is refused (${refused?.message}) and no older one has its log`,
  })
}

async function readRecords(
  dir: string,
  name: string,
  first: number,
  last: boolean,
  record: (record: LogRecord) => void,
): Promise<SegmentEnd> {
  const handle: FileHandle = await open(join(dir, name), 'r')
  try {
    return await readSegment(handle, { dir, name, first, last, record })
  } finally {
    await handle.close()
  }
}

function replay(dir: string, name: string, index: PeopleIndex, clock: StateClock, record: LogRecord): void {
  try {
    clock.at(record.at, () => applyWrite(index, record))
  } catch (error) {
    // It failed live in the same way, after it was logged: the state is as live left it.
    if (error instanceof PeopleSearchError && error.status < 500) return
    fail('state-corrupted', {
      dir,
      problem: `record ${record.seq} of ${name} cannot be applied: ${String(error)}`,
    })
  }
}

/** Removes snapshots older than `snapshot` and the segments whose records are all in it. */
async function removeCovered(
  dir: string,
  snapshot: number,
  snapshots: readonly number[],
  segments: readonly number[],
): Promise<void> {
  const covered = segments.filter((_, i) => i + 1 < segments.length && segments[i + 1] <= snapshot + 1)
  await removeFiles(dir, [
    ...snapshots.filter((seq) => seq < snapshot).map(snapshotName),
    ...covered.map(segmentName),
  ])
}
