import { createHash, randomBytes } from 'node:crypto'
import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fail, PeopleSearchError } from '../errors.js'
import { MAX_LINE_BYTES, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotRecord } from './format.js'

export interface WriteSnapshotOptions {
  /** The temporary file's name beside `path`; random unless a test gives one. */
  temporaryName?: (path: string) => string
}

/** Lines are written in chunks of about this many bytes. */
const CHUNK_BYTES = 1 << 20
/** How often a taken temporary name is drawn again before the write fails. */
const NAME_ATTEMPTS = 8

/** The last write queued for each path (resolved); each waits for the one before it. */
const queues = new Map<string, Promise<void>>()

/**
 * Writes a snapshot of `records` to `path` (docs/spec.md §7). Writes to one path run one after
 * another in the order they were called, so the last one called wins, each whole or not at all.
 * Each goes through its own temporary file beside `path`: a random name created exclusively
 * (`wx`: never a file or symlink that is already there), mode 0600, flushed to disk, renamed
 * over `path`, and then the directory is flushed, so an earlier snapshot survives until the new
 * one is complete and the rename itself is durable.
 *
 * `records` is read only when this write's turn comes: give an iterable over a copy that nothing
 * changes (`captureSnapshot`), so the snapshot is the state at the call. Failures reject with a
 * `badSnapshot` error and leave no temporary file behind.
 */
export function writeSnapshot(
  path: string,
  records: Iterable<SnapshotRecord>,
  options: WriteSnapshotOptions = {},
): Promise<void> {
  const key = resolve(path)
  const previous = queues.get(key)
  const write = async () => {
    if (previous !== undefined) await previous
    await writeNow(path, records, options.temporaryName ?? randomTemporaryName)
  }
  const written = write()
  const settled = written.then(
    () => {},
    () => {},
  )
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return written
}

function randomTemporaryName(path: string): string {
  return `${path}.${randomBytes(12).toString('hex')}.tmp`
}

async function writeNow(
  path: string,
  records: Iterable<SnapshotRecord>,
  temporaryName: (path: string) => string,
): Promise<void> {
  let temporary: string | undefined
  let handle: FileHandle | undefined
  try {
    ;({ temporary, handle } = await createTemporary(path, temporaryName))
    await writeLines(path, handle, records)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temporary, path)
    temporary = undefined
    await syncDirectory(dirname(path))
  } catch (error) {
    await handle?.close().catch(() => {})
    if (temporary !== undefined) await rm(temporary, { force: true }).catch(() => {})
    if (error instanceof PeopleSearchError) throw error
    fail('snapshot-write-failed', { path, cause: error })
  }
}

// `wx` is O_CREAT | O_EXCL: it fails on any existing name, a symlink included, and never
// follows one. A taken name is drawn again.
async function createTemporary(
  path: string,
  temporaryName: (path: string) => string,
): Promise<{ temporary: string; handle: FileHandle }> {
  for (let attempt = 1; ; attempt++) {
    const temporary = temporaryName(path)
    try {
      const handle = await open(temporary, 'wx', 0o600)
      // Exactly 0600 whatever the umask: the file holds connections-only and private sections.
      await handle.chmod(0o600).catch(async (error: unknown) => {
        await handle.close()
        await rm(temporary, { force: true })
        throw error
      })
      return { temporary, handle }
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== 'EEXIST' || attempt >= NAME_ATTEMPTS) throw error
    }
  }
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

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset)
    offset += bytesWritten
  }
}

// Makes the rename durable. Platforms and file systems that cannot flush a directory say so
// with one of these codes; there is nothing more to do there.
const NO_DIRECTORY_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP', 'EBADF'])

async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle
  try {
    handle = await open(directory, 'r')
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
