import { randomBytes } from 'node:crypto'
import { type FileHandle, open, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The files of a state directory (docs/spec.md §9.5):
 *
 * - `snapshot-<seq>.snap`: core's snapshot of the index after record `seq` (0: the seed);
 * - `wal-<first>.log`: a segment of the write-ahead log whose first record is `first`;
 * - `lock`: the owner's pid and host;
 * - `<one of those>.<hex>.tmp` / `.stale`: left by a write or a lock take-over that did not
 *   finish; removed when the directory is opened.
 *
 * Numbers have 16 digits (every safe integer), so names sort as their numbers do. Any other file
 * is not ours and is left alone.
 */
export const LOCK_FILE = 'lock'

const SEQ_DIGITS = 16
const SNAPSHOT_NAME = /^snapshot-(\d{16})\.snap$/
const SEGMENT_NAME = /^wal-(\d{16})\.log$/
const LEFTOVER_NAME = /^(?:snapshot-\d{16}\.snap|wal-\d{16}\.log|lock)\.[0-9a-f]+\.(?:tmp|stale)$/

export function snapshotName(seq: number): string {
  return `snapshot-${String(seq).padStart(SEQ_DIGITS, '0')}.snap`
}

export function segmentName(first: number): string {
  return `wal-${String(first).padStart(SEQ_DIGITS, '0')}.log`
}

/** A name beside `name` for a file being written, unique to this attempt. */
export function temporaryName(name: string, suffix: 'tmp' | 'stale' = 'tmp'): string {
  return `${name}.${randomBytes(12).toString('hex')}.${suffix}`
}

export interface StateListing {
  /** Seq of each snapshot, ascending. */
  snapshots: number[]
  /** First seq of each segment, ascending. */
  segments: number[]
  /** Temporary files left by a write that did not finish. */
  leftovers: string[]
}

export async function listState(dir: string): Promise<StateListing> {
  const listing: StateListing = { snapshots: [], segments: [], leftovers: [] }
  for (const name of await readdir(dir)) {
    const snapshot = SNAPSHOT_NAME.exec(name)
    const segment = SEGMENT_NAME.exec(name)
    if (snapshot !== null) listing.snapshots.push(Number(snapshot[1]))
    else if (segment !== null) listing.segments.push(Number(segment[1]))
    else if (LEFTOVER_NAME.test(name)) listing.leftovers.push(name)
  }
  listing.snapshots.sort((a, b) => a - b)
  listing.segments.sort((a, b) => a - b)
  return listing
}

/** Removes `names` from `dir`, then flushes the directory so that the removals are durable. */
export async function removeFiles(dir: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return
  for (const name of names) await rm(join(dir, name), { force: true })
  await syncDirectory(dir)
}

// Platforms and file systems that cannot flush a directory say so with one of these codes;
// there is nothing more to do there (as in core's snapshot writer).
const NO_DIRECTORY_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP', 'EBADF'])

/** Makes the creations, renames and removals in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle
  try {
    handle = await open(dir, 'r')
  } catch (error) {
    if (NO_DIRECTORY_SYNC.has((error as NodeJS.ErrnoException)?.code ?? '')) return
    throw error
  }
  try {
    await handle.sync()
  } catch (error) {
    if (!NO_DIRECTORY_SYNC.has((error as NodeJS.ErrnoException)?.code ?? '')) throw error
  } finally {
    await handle.close()
  }
}
