import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { fail } from '../errors.js'
import { MAX_LINE_BYTES, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotRecord } from './format.js'
import { type WriteSnapshotOptions, writeAll, writeSnapshotFile } from './write-file.js'

export type { WriteSnapshotOptions }

/** Lines are written in chunks of about this many bytes. */
const CHUNK_BYTES = 1 << 20

/**
 * Writes a version 2 snapshot (JSON lines, format.ts) of `records` to `path` through
 * `writeSnapshotFile` (docs/spec.md §7: serialized per path, an exclusive temporary file, flushed
 * and renamed, the directory flushed). `records` is read only when this write's turn comes: give
 * an iterable over a copy that nothing changes (`captureSnapshot`), so the snapshot is the state
 * at the call. Failures reject with a `badSnapshot` error and leave no temporary file behind.
 */
export function writeSnapshot(
  path: string,
  records: Iterable<SnapshotRecord>,
  options: WriteSnapshotOptions = {},
): Promise<void> {
  return writeSnapshotFile(path, (handle) => writeLines(path, handle, records), options)
}

async function writeLines(
  path: string,
  handle: FileHandle,
  records: Iterable<SnapshotRecord>,
): Promise<void> {
  const hash = createHash('sha256')
  let count = 0
  let chunk: string[] = []
  let chunkBytes = 0
  const flush = async () => {
    if (chunk.length === 0) return
    await writeAll(handle, Buffer.from(chunk.join(''), 'utf8'))
    chunk = []
    chunkBytes = 0
  }
  const add = async (record: object) => {
    const line = JSON.stringify(record)
    const bytes = Buffer.byteLength(line, 'utf8')
    if (bytes > MAX_LINE_BYTES) fail('snapshot-record-too-large', { path, size: bytes, max: MAX_LINE_BYTES })
    const text = `${line}\n`
    hash.update(text, 'utf8')
    count++
    chunk.push(text)
    chunkBytes += bytes + 1
    if (chunkBytes >= CHUNK_BYTES) await flush()
  }
  await add({ header: { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION } })
  for (const record of records) await add(record)
  chunk.push(`${JSON.stringify({ end: { records: count, sha256: hash.digest('hex') } })}\n`)
  await flush()
}
