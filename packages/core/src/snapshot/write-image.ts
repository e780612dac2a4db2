import { Buffer } from 'node:buffer'
import type { FileHandle } from 'node:fs/promises'
import {
  BYTE_ORDER_MARK,
  checksum,
  ENTRY_BYTES,
  IMAGE_HEADER,
  PREAMBLE_BYTES,
  SECTIONS,
  sectionId,
} from './binary-format.js'
import { type Capture, type SectionPieces, sectionsOf } from './image-sections.js'
import { type WriteSnapshotOptions, writeSnapshotFile } from './write-file.js'

/** Pieces are gathered into one `writev` call up to this many bytes… */
const BATCH_BYTES = 16 * 1024 * 1024
/** …or this many buffers (Linux takes at most 1024 in one call). */
const BATCH_BUFFERS = 1024
/** Writes under way at once: the thread pool has four threads. */
const IN_FLIGHT = 4

/**
 * Writes `capture` (capture-image.ts) to `path` as a version 3 snapshot (binary-format.ts),
 * through `writeSnapshotFile`: serialized per path, an exclusive temporary file, flushed,
 * renamed, the directory flushed (docs/spec.md §7). Failures reject with a `badSnapshot` error.
 */
export function writeImage(
  path: string,
  capture: Capture,
  options: WriteSnapshotOptions = {},
): Promise<void> {
  return writeSnapshotFile(path, (handle) => writeSections(handle, sectionsOf(capture)), options)
}

/**
 * The sections go where they belong in the file, each piece where it lies in memory (gathered by
 * `writev`, never copied), several writes under way at once while the next pieces are checksummed;
 * the table, which needs every checksum, is written last, at its place after the header.
 */
async function writeSections(handle: FileHandle, sections: readonly SectionPieces[]): Promise<void> {
  const table = Buffer.alloc(PREAMBLE_BYTES + ENTRY_BYTES * SECTIONS.length)
  const writes = new Writes(handle)
  let position = IMAGE_HEADER.length + table.length
  try {
    for (let i = 0; i < sections.length; i++) {
      let length = 0
      let crc = 0
      for (const part of bytesOf(sections[i])) {
        crc = checksum(part, crc)
        await writes.add(part, position + length)
        length += part.length
      }
      const at = PREAMBLE_BYTES + i * ENTRY_BYTES
      table.writeUInt32LE(sectionId(i), at)
      table.writeUInt32LE(crc, at + 4)
      table.writeDoubleLE(length, at + 8)
      position += length
    }
    // Every field of the table is little-endian; the mark alone is in the host's order.
    table.set(BYTE_ORDER_MARK, 0)
    table.writeUInt32LE(SECTIONS.length, 4)
    table.writeUInt32LE(checksum(table.subarray(PREAMBLE_BYTES), 0), 8)
    await writes.add(IMAGE_HEADER, 0)
    await writes.add(table, IMAGE_HEADER.length)
  } finally {
    await writes.done()
  }
}

/** A section's bytes, as views of its arrays. */
function bytesOf(value: SectionPieces): Uint8Array[] {
  const arrays: readonly ArrayBufferView[] = Array.isArray(value) ? value : [value as ArrayBufferView]
  return arrays.map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
}

/**
 * Positioned writes, batched and a few at a time. `add` waits only when `IN_FLIGHT` writes are
 * under way; `done` waits for all of them, and rejects with the first failure, once none is left
 * running (so that the file is never closed under a write).
 */
class Writes {
  private batch: Uint8Array[] = []
  private batchBytes = 0
  private batchAt = 0
  private readonly running = new Set<Promise<void>>()
  private failure: { error: unknown } | undefined

  constructor(private readonly handle: FileHandle) {}

  async add(bytes: Uint8Array, position: number): Promise<void> {
    // A large piece goes in parts, so that several threads write it.
    for (let offset = 0; offset < bytes.length; offset += BATCH_BYTES) {
      if (this.failure !== undefined) throw this.failure.error
      const part = bytes.subarray(offset, offset + BATCH_BYTES)
      const at = position + offset
      if (
        this.batch.length > 0 &&
        (this.batchAt + this.batchBytes !== at || this.batch.length >= BATCH_BUFFERS)
      )
        await this.flush()
      if (this.batch.length === 0) this.batchAt = at
      this.batch.push(part)
      this.batchBytes += part.length
      if (this.batchBytes >= BATCH_BYTES) await this.flush()
    }
  }

  async done(): Promise<void> {
    if (this.failure === undefined) await this.flush().catch(() => {})
    while (this.running.size > 0) await Promise.allSettled([...this.running])
    if (this.failure !== undefined) throw this.failure.error
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return
    const write = this.write(this.batch, this.batchAt).catch((error: unknown) => {
      this.failure ??= { error }
    })
    this.batch = []
    this.batchBytes = 0
    this.running.add(write)
    void write.then(() => this.running.delete(write))
    while (this.running.size >= IN_FLIGHT) await Promise.race(this.running)
    if (this.failure !== undefined) throw this.failure.error
  }

  /** All of `buffers` at `position`, whatever part of them one call writes. */
  private async write(buffers: Uint8Array[], position: number): Promise<void> {
    let left = buffers
    let at = position
    while (left.length > 0) {
      const { bytesWritten } = await this.handle.writev(left, at)
      at += bytesWritten
      let skip = bytesWritten
      const rest: Uint8Array[] = []
      for (const buffer of left) {
        if (skip >= buffer.length) skip -= buffer.length
        else {
          rest.push(skip > 0 ? buffer.subarray(skip) : buffer)
          skip = 0
        }
      }
      if (rest.length > 0 && bytesWritten === 0) throw new Error('a write wrote nothing')
      left = rest
    }
  }
}
