import { randomBytes } from 'node:crypto'
import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fail, PeopleSearchError } from '../errors.js'

export interface WriteSnapshotOptions {
  /** The temporary file's name beside `path`; random unless a test gives one. */
  temporaryName?: (path: string) => string
}

/** How often a taken temporary name is drawn again before the write fails. */
const NAME_ATTEMPTS = 8

/** The most bytes one `write` call is given: far below the 2 GiB a single call of Node's may take. */
const MAX_WRITE_BYTES = 1 << 30

/** The last write queued for each path (resolved); each waits for the one before it. */
const queues = new Map<string, Promise<void>>()

/**
 * Writes a snapshot file at `path` (docs/spec.md §7), whatever its format: `fill` writes the
 * content into an open file. Writes to one path run one after another in the order they were
 * called, so the last one called wins, each whole or not at all. Each goes through its own
 * temporary file beside `path`: a random name created exclusively (`wx`: never a file or symlink
 * that is already there), mode 0600, flushed to disk, renamed over `path`, and then the directory
 * is flushed, so an earlier snapshot survives until the new one is complete and the rename
 * itself is durable.
 *
 * `fill` runs only when this write's turn comes: it must write a copy that nothing changes, taken
 * at the call (capture-snapshot.ts, capture-image.ts), so the snapshot is the state at the call.
 * Failures reject with a `badSnapshot` error and leave no temporary file behind.
 */
export function writeSnapshotFile(
  path: string,
  fill: (handle: FileHandle) => Promise<void>,
  options: WriteSnapshotOptions = {},
): Promise<void> {
  const key = resolve(path)
  const previous = queues.get(key)
  const write = async () => {
    if (previous !== undefined) await previous
    await writeNow(path, fill, options.temporaryName ?? randomTemporaryName)
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

/** Writes all of `bytes` at the file's current position, in calls of at most 1 GiB. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0
  while (offset < bytes.length) {
    const length = Math.min(bytes.length - offset, MAX_WRITE_BYTES)
    const { bytesWritten } = await handle.write(bytes, offset, length)
    offset += bytesWritten
  }
}

function randomTemporaryName(path: string): string {
  return `${path}.${randomBytes(12).toString('hex')}.tmp`
}

async function writeNow(
  path: string,
  fill: (handle: FileHandle) => Promise<void>,
  temporaryName: (path: string) => string,
): Promise<void> {
  let temporary: string | undefined
  let handle: FileHandle | undefined
  try {
    ;({ temporary, handle } = await createTemporary(path, temporaryName))
    await fill(handle)
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
