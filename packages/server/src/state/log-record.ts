import { crc32 } from 'node:zlib'
import { PeopleSearchError } from '@people-search/core'
import { ownWrite, type Write } from './write.js'

/**
 * One line of the write-ahead log (docs/spec.md §9.5): a write, its sequence number and the
 * service clock when it was made (ms since the epoch). Replay applies it with the index clock
 * at `at`, so the earlier versions and times that lookups read (§6.1) come out as they did live.
 */
export type LogRecord = Write & { seq: number; at: number }

/** The first line of every segment. `first` is the seq of its first record (and in its name). */
export interface SegmentHeader {
  format: typeof LOG_FORMAT
  version: typeof LOG_VERSION
  first: number
}

export const LOG_FORMAT = 'people-search-wal'
export const LOG_VERSION = 1

/** The longest record written or read: far above any request body the service takes. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024

/** `<crc>` `' '` `<json>` `'\n'`: the checksum is 8 lower-case hex digits of the JSON's CRC-32. */
const CRC_DIGITS = 8
const PREFIX_BYTES = CRC_DIGITS + 1
const SPACE = 0x20
const NEWLINE = 0x0a
const CRC_FORM = /^[0-9a-f]{8}$/

/**
 * The line of `value` (a record or a header): its JSON after the CRC-32 of that JSON's UTF-8
 * bytes, ending in a newline, as one buffer so that it is appended with one write. A torn
 * append leaves either no newline or a checksum that does not match, never a valid line.
 */
export function encodeLine(value: LogRecord | SegmentHeader): Buffer {
  const json = JSON.stringify(value)
  const length = Buffer.byteLength(json, 'utf8')
  if (length > MAX_RECORD_BYTES) throw new RangeError(`a log record of ${length} bytes`)
  const line = Buffer.allocUnsafe(PREFIX_BYTES + length + 1)
  line.write(json, PREFIX_BYTES, 'utf8')
  const crc = crc32(line.subarray(PREFIX_BYTES, PREFIX_BYTES + length))
  line.write(crc.toString(16).padStart(CRC_DIGITS, '0'), 0, 'latin1')
  line[CRC_DIGITS] = SPACE
  line[PREFIX_BYTES + length] = NEWLINE
  return line
}

/** The JSON value of one line (without its newline), or why it is not a whole line of ours. */
export function decodeLine(bytes: Buffer): { value: unknown } | { problem: string } {
  if (bytes.length <= PREFIX_BYTES || bytes[CRC_DIGITS] !== SPACE) return { problem: 'not a log line' }
  const crc = bytes.toString('latin1', 0, CRC_DIGITS)
  if (!CRC_FORM.test(crc)) return { problem: 'not a log line' }
  const json = bytes.subarray(PREFIX_BYTES)
  if (crc32(json) !== Number.parseInt(crc, 16)) return { problem: 'its checksum does not match' }
  try {
    return { value: JSON.parse(json.toString('utf8')) }
  } catch {
    return { problem: 'its checksum matches but it is not JSON' }
  }
}

/** `value` as a segment header, or what is wrong with it. */
export function readHeader(value: unknown): SegmentHeader | string {
  const header = value as Partial<SegmentHeader> | null
  if (typeof header !== 'object' || header === null || header.format !== LOG_FORMAT)
    return `it does not start with a ${LOG_FORMAT} header`
  if (header.version !== LOG_VERSION) return `its log version ${String(header.version)} is not supported`
  if (!isSeq(header.first)) return 'its header has no first sequence number'
  return { format: LOG_FORMAT, version: LOG_VERSION, first: header.first }
}

/** `value` as a log record, or what is wrong with it. */
export function readRecord(value: unknown): LogRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a record is not an object'
  const { seq, at } = value as { seq?: unknown; at?: unknown }
  if (!isSeq(seq)) return 'a record has no sequence number'
  if (typeof at !== 'number' || !Number.isFinite(at)) return `record ${seq} has no time`
  try {
    return { ...ownWrite(value), seq, at }
  } catch (error) {
    if (!(error instanceof PeopleSearchError)) throw error
    return `record ${seq} is not a write (${error.message})`
  }
}

function isSeq(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1
}
