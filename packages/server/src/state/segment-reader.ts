import type { FileHandle } from 'node:fs/promises'
import { fail } from '@people-search/core'
import { decodeLine, type LogRecord, MAX_RECORD_BYTES, readHeader, readRecord } from './log-record.js'

export interface ReadSegmentOptions {
  /** The state directory and the segment's name, for messages. */
  dir: string
  name: string
  /** The seq the segment's name gives its first record. */
  first: number
  /** Whether this is the newest segment: only its end may hold a torn append. */
  last: boolean
  /** Each record, in order; its seq has been checked to follow the one before. */
  record(record: LogRecord): void
}

export interface SegmentEnd {
  /** Bytes of whole valid lines, the header's included: where the next record goes. */
  end: number
  /** The seq the next record must have. */
  next: number
  /** Bytes after `end`: an append that was torn by a crash, never acknowledged (newest segment only). */
  torn: number
}

const CHUNK_BYTES = 1 << 20
const NEWLINE = 0x0a
/** A line longer than this is no record: not even a torn one. */
const MAX_LINE_BYTES = MAX_RECORD_BYTES + 64

/**
 * Reads one segment of the log (docs/spec.md §9.5), checking each line's checksum and that
 * records are numbered from `first` without a gap. A crash during an append leaves at most the
 * last line torn: no newline, or a checksum that does not match, with nothing after it. In the
 * newest segment that tail is reported (`torn`) for the caller to cut off; anywhere else, or
 * followed by more data, a bad line is corruption: `state-corrupted`, naming the file and line.
 */
export async function readSegment(handle: FileHandle, options: ReadSegmentOptions): Promise<SegmentEnd> {
  const { dir, name, first, last } = options
  const corrupted: (line: number, problem: string) => never = (line, problem) =>
    fail('state-corrupted', { dir, problem: `${name} line ${line}: ${problem}` })
  let next = first
  let end = 0
  /** A bad whole line: a torn append if nothing follows it. */
  let bad: { line: number; start: number; problem: string } | undefined
  let lineNumber = 0
  const take = (bytes: Buffer, start: number) => {
    lineNumber++
    if (bad !== undefined) corrupted(bad.line, `${bad.problem}, and more follows it`)
    const decoded = decodeLine(bytes)
    if ('problem' in decoded) {
      bad = { line: lineNumber, start, problem: decoded.problem }
      return
    }
    if (lineNumber === 1) {
      const header = readHeader(decoded.value)
      if (typeof header === 'string') corrupted(1, header)
      if (header.first !== first) corrupted(1, `its header says it starts at record ${header.first}`)
    } else {
      // A whole line with a matching checksum was written whole: anything wrong in it is corruption.
      const record = readRecord(decoded.value)
      if (typeof record === 'string') corrupted(lineNumber, record)
      if (record.seq !== next) corrupted(lineNumber, `record ${record.seq} where record ${next} was due`)
      next++
      options.record(record)
    }
    end = start + bytes.length + 1
  }
  const { size, partial } = await readLines(handle, take, () =>
    corrupted(lineNumber + 1, 'a line is too long'),
  )
  if (lineNumber === 0) corrupted(1, partial === 0 ? 'the segment is empty' : 'its header is torn')
  if (bad?.line === 1) corrupted(1, `its header: ${bad.problem}`)
  if (bad !== undefined && partial > 0) corrupted(bad.line, `${bad.problem}, and more follows it`)
  // Whatever follows the last good line is one torn append.
  const torn = size - end
  if (torn > 0 && !last) corrupted(lineNumber, 'an incomplete record in a segment that is not the newest')
  return { end, next, torn }
}

/**
 * Hands each line ending in `\n` (without it) to `line` with its byte offset; resolves with the
 * file's size and how many bytes follow the last newline.
 */
async function readLines(
  handle: FileHandle,
  line: (bytes: Buffer, start: number) => void,
  tooLong: () => never,
): Promise<{ size: number; partial: number }> {
  let parts: Buffer[] = []
  let partBytes = 0
  let offset = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, offset)
    if (bytesRead === 0) break
    const data = chunk.subarray(0, bytesRead)
    let from = 0
    for (;;) {
      const at = data.indexOf(NEWLINE, from)
      const stop = at === -1 ? bytesRead : at
      if (partBytes + (stop - from) > MAX_LINE_BYTES) tooLong()
      if (stop === bytesRead) {
        if (stop > from) parts.push(data.subarray(from, stop))
        partBytes += stop - from
        break
      }
      const piece = data.subarray(from, stop)
      const bytes = partBytes === 0 ? piece : Buffer.concat([...parts, piece], partBytes + piece.length)
      line(bytes, offset + from - partBytes)
      parts = []
      partBytes = 0
      from = stop + 1
    }
    offset += bytesRead
  }
  return { size: offset, partial: partBytes }
}
