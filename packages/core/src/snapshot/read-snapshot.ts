import { createHash } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { TextDecoder } from 'node:util'
import { fail, PeopleSearchError } from '../errors.js'
import { isPlainObject } from '../model/validate-fields.js'
import {
  MAX_HEADER_BYTES,
  MAX_LINE_BYTES,
  RECORD_KINDS,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSIONS,
  type SnapshotRecord,
  type SnapshotTrailer,
} from './format.js'
import { readLines } from './read-lines.js'

// O_NONBLOCK: opening a FIFO must not wait for a writer; the fstat below then refuses it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)
const SHA256 = /^[0-9a-f]{64}$/

/**
 * Reads the snapshot at `path` and hands each record to `accept` (with its line number) as it
 * is read; resolves, with the snapshot's version, only when the trailer's count and checksum
 * agree. It accepts only a file that is exactly a snapshot (docs/spec.md §7): a regular file
 * (not a device, FIFO or directory), one header of a known version on its first line, records
 * of the kinds that version knows, each of its shape, a trailer, and nothing after it; lines
 * are read with a bounded length. Anything else is refused with a `badSnapshot` error. Callers
 * build into a fresh index and discard it on rejection, so a bad snapshot is never half-loaded.
 */
export async function readSnapshot(
  path: string,
  accept: (record: SnapshotRecord, line: number) => void,
): Promise<number> {
  return openSnapshot(path, (handle) => readRecords(path, handle, accept))
}

/**
 * Opens the file at `path` for reading a snapshot of any version: it must be a regular file (not
 * a device, FIFO or directory, told by fstat on the open file). `use` gets the handle, at
 * position 0, and the file's size; the handle is closed once it is done. A failure to open or
 * read is `snapshot-unreadable`; `badSnapshot` errors `use` throws pass through.
 */
export async function openSnapshot<T>(
  path: string,
  use: (handle: FileHandle, size: number) => Promise<T>,
): Promise<T> {
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    return fail('snapshot-unreadable', { path, cause: error })
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) fail('snapshot-not-a-file', { path, type: fileType(stats) })
    return await use(handle, stats.size)
  } catch (error) {
    if (error instanceof PeopleSearchError) throw error
    return fail('snapshot-unreadable', { path, cause: error })
  } finally {
    await handle.close().catch(() => {})
  }
}

/**
 * The records of the JSON-lines snapshot (version 1 or 2) open as `handle`, read from its
 * current position as `readSnapshot` describes; resolves with the version.
 */
export async function readRecords(
  path: string,
  handle: FileHandle,
  accept: (record: SnapshotRecord, line: number) => void,
): Promise<number> {
  const hash = createHash('sha256')
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let version = 0
  let kinds: readonly string[] = []
  let count = 0
  let trailer: SnapshotTrailer['end'] | undefined
  const { problem, bytes } = await readLines(
    handle,
    (line) => (line === 1 ? MAX_HEADER_BYTES : MAX_LINE_BYTES),
    (raw, line) => {
      if (trailer !== undefined) fail('snapshot-data-after-trailer', { path, line })
      const value = parseLine(decoder, raw)
      if (line === 1) {
        version = headerVersion(path, value)
        kinds = RECORD_KINDS[version]
      } else {
        if (value === undefined) fail('snapshot-corrupted-line', { path, line })
        const kind = onlyKey(value)
        if (kind === 'end') {
          trailer = trailerOf(path, value.end)
          return
        }
        if (kind === 'header') fail('snapshot-second-header', { path, line })
        if (kind === undefined || !kinds.includes(kind))
          fail('snapshot-unknown-record', { path, line, kind: kind ?? Object.keys(value).join(',') })
        if (!wellFormed(kind, value[kind])) fail('snapshot-malformed-record', { path, line, kind })
      }
      hash.update(raw)
      hash.update('\n')
      count++
      if (line > 1) accept(value as SnapshotRecord, line)
    },
  )
  if (problem !== undefined) {
    if ('tooLong' in problem) {
      const { line, max } = problem.tooLong
      if (line === 1) fail('snapshot-without-header', { path, format: SNAPSHOT_FORMAT })
      fail('snapshot-line-too-long', { path, line, max })
    }
    if (trailer !== undefined) fail('snapshot-data-after-trailer', { path, line: problem.unterminated.line })
    if (problem.unterminated.line === 1) fail('snapshot-without-header', { path, format: SNAPSHOT_FORMAT })
    fail('snapshot-truncated', { path, count })
  }
  if (bytes === 0) fail('snapshot-empty', { path })
  if (trailer === undefined) return fail('snapshot-truncated', { path, count })
  if (trailer.records !== count || trailer.sha256 !== hash.digest('hex')) fail('snapshot-corrupted', { path })
  return version
}

/** A line's JSON object, or `undefined` when it is not UTF-8, not JSON or not an object. */
function parseLine(decoder: TextDecoder, raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(decoder.decode(raw)) as unknown
    return isPlainObject(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function headerVersion(path: string, value: Record<string, unknown> | undefined): number {
  const header = value === undefined || onlyKey(value) !== 'header' ? undefined : value.header
  if (!isPlainObject(header) || header.format !== SNAPSHOT_FORMAT)
    return fail('snapshot-without-header', { path, format: SNAPSHOT_FORMAT })
  const keys = Object.keys(header)
  const version = header.version
  if (keys.length !== 2 || typeof version !== 'number' || !SNAPSHOT_VERSIONS.includes(version))
    return fail('snapshot-version', { version })
  return version
}

function trailerOf(path: string, end: unknown): SnapshotTrailer['end'] {
  if (
    !isPlainObject(end) ||
    Object.keys(end).length !== 2 ||
    !Number.isSafeInteger(end.records) ||
    typeof end.sha256 !== 'string' ||
    !SHA256.test(end.sha256)
  )
    return fail('snapshot-corrupted', { path })
  return end as SnapshotTrailer['end']
}

/** The one key of a record, or `undefined` when it has none or several. */
function onlyKey(value: Record<string, unknown>): string | undefined {
  let only: string | undefined
  for (const key in value) {
    if (only !== undefined) return undefined
    only = key
  }
  return only
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isPair = (value: unknown, second: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.length === 2 && isString(value[0]) && second(value[1])

/** The shape of each kind of record; what its values mean is checked as they are loaded. */
function wellFormed(kind: string, value: unknown): boolean {
  switch (kind) {
    case 'profile':
      return isPlainObject(value)
    case 'added':
      return isPair(value, isTime)
    case 'version':
      return (
        isPlainObject(value) &&
        Object.keys(value).length === 2 &&
        isTime(value.time) &&
        isPlainObject(value.profile)
      )
    case 'edge':
    case 'member':
      return isPair(value, isString)
    case 'incarnation':
      return isPair(value, (v) => typeof v === 'number')
    default:
      return false
  }
}

function fileType(stats: Stats): string {
  if (stats.isDirectory()) return 'directory'
  if (stats.isCharacterDevice()) return 'character device'
  if (stats.isBlockDevice()) return 'block device'
  if (stats.isFIFO()) return 'FIFO'
  if (stats.isSocket()) return 'socket'
  return 'special file'
}
