import type { Profile } from '../model/profile.js'

/**
 * A snapshot is JSON lines: a header, one line per profile, edge and membership, and a
 * trailer with the record count and the SHA-256 of every line before it. Lines keep a
 * million profiles far below V8's maximum string length; the trailer makes truncation
 * and corruption detectable before anything is used.
 */
export const SNAPSHOT_FORMAT = 'people-search-snapshot'
export const SNAPSHOT_VERSION = 1

export type SnapshotRecord =
  | { header: { format: typeof SNAPSHOT_FORMAT; version: number } }
  | { profile: Profile }
  | { edge: [string, string] }
  | { member: [string, string] }

export interface SnapshotTrailer {
  end: { records: number; sha256: string }
}
