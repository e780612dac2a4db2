import { type FileHandle, link, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { encodeLine, LOG_FORMAT, LOG_VERSION } from './log-record.js'
import { segmentName, syncDirectory, temporaryName } from './state-files.js'

/**
 * The segment of the write-ahead log that records are appended to (docs/spec.md §9.5). Each
 * append is one positioned write of a whole line, then `fdatasync`; a record is acknowledged
 * only after both. A write that fails is cut off again (truncate, flush) so the next record
 * never follows a torn one; when that is not possible, or a flush itself failed (the kernel may
 * then have dropped the data it could not write, so nothing in the file can be trusted any
 * further), the segment is `broken` and takes no more appends.
 */
export class LogSegment {
  /** Why the segment takes no more appends. */
  broken: unknown

  private constructor(
    readonly name: string,
    /** The seq of the first record this segment holds (or will hold). */
    readonly first: number,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /**
   * A new, empty segment `wal-<first>.log` in `dir`: its header is written to a temporary file,
   * flushed and linked into place (a link never replaces an existing file), and the directory
   * flushed, so the segment either exists whole or not at all.
   */
  static async create(dir: string, first: number): Promise<LogSegment> {
    const name = segmentName(first)
    const temporary = join(dir, temporaryName(name))
    const header = encodeLine({ format: LOG_FORMAT, version: LOG_VERSION, first })
    let handle: FileHandle | undefined
    try {
      handle = await open(temporary, 'wx', 0o600)
      await handle.chmod(0o600)
      await writeAll(handle, header, 0)
      await handle.datasync()
      await link(temporary, join(dir, name))
      await rm(temporary, { force: true })
      await syncDirectory(dir)
      const segment = new LogSegment(name, first, handle, header.length)
      handle = undefined
      return segment
    } catch (error) {
      await handle?.close().catch(() => {})
      await rm(temporary, { force: true }).catch(() => {})
      throw error
    }
  }

  /**
   * The existing segment `name`, to append after its last whole record at `end`; bytes after it
   * (a torn append, never acknowledged) are cut off first, durably.
   */
  static async reopen(dir: string, name: string, first: number, end: number): Promise<LogSegment> {
    const handle = await open(join(dir, name), 'r+')
    try {
      if ((await handle.stat()).size !== end) {
        await handle.truncate(end)
        await handle.datasync()
      }
      return new LogSegment(name, first, handle, end)
    } catch (error) {
      await handle.close().catch(() => {})
      throw error
    }
  }

  /** Appends `line` (one whole encoded record) and flushes it to disk. */
  async append(line: Buffer): Promise<void> {
    if (this.broken !== undefined) throw this.broken
    const at = this.size
    let flushing = false
    try {
      await writeAll(this.handle, line, at)
      flushing = true
      await this.handle.datasync()
    } catch (error) {
      if (flushing) this.broken = error
      await this.cutBack(at, error)
      throw error
    }
    this.size = at + line.length
  }

  async close(): Promise<void> {
    await this.handle.close()
  }

  private async cutBack(size: number, cause: unknown): Promise<void> {
    try {
      await this.handle.truncate(size)
      await this.handle.datasync()
    } catch {
      this.broken ??= cause
    }
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let offset = 0
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, position + offset)
    offset += bytesWritten
  }
}
