import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { fail, PeopleSearchError } from '../errors.js'
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotRecord, type SnapshotTrailer } from './format.js'

/**
 * Reads a snapshot and hands each record to `accept` while checking it; resolves only when the
 * trailer's count and checksum agree. Callers build into a fresh index and discard it on
 * rejection, so a bad snapshot never leaves a half-loaded index behind.
 */
export async function readSnapshot(path: string, accept: (record: SnapshotRecord) => void): Promise<void> {
  const hash = createHash('sha256')
  let count = 0
  let trailer: SnapshotTrailer['end'] | undefined
  let lineNumber = 0
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  try {
    for await (const line of lines) {
      lineNumber++
      if (trailer !== undefined) fail('snapshot-data-after-trailer', { path, line: lineNumber })
      const record = parseLine(path, line, lineNumber)
      if ('end' in record) {
        trailer = (record as SnapshotTrailer).end
        continue
      }
      if (count === 0 && !isHeader(record)) fail('snapshot-without-header', { path, format: SNAPSHOT_FORMAT })
      hash.update(`${line}\n`)
      count++
      if (count > 1) accept(record as SnapshotRecord)
    }
  } catch (error) {
    if (error instanceof PeopleSearchError) throw error
    fail('snapshot-unreadable', { path, cause: error })
  }
  if (trailer === undefined) fail('snapshot-truncated', { path, count })
  if (trailer.records !== count || trailer.sha256 !== hash.digest('hex')) fail('snapshot-corrupted', { path })
}

function parseLine(path: string, line: string, lineNumber: number): SnapshotRecord | SnapshotTrailer {
  try {
    const value = JSON.parse(line) as unknown
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as SnapshotRecord
  } catch {
    // reported below with the line number
  }
  return fail('snapshot-corrupted-line', { path, line: lineNumber })
}

function isHeader(record: unknown): boolean {
  const header = (record as { header?: { format?: unknown; version?: unknown } }).header
  if (header?.format !== SNAPSHOT_FORMAT) return false
  if (header.version !== SNAPSHOT_VERSION) return fail('snapshot-version', { version: header.version })
  return true
}
