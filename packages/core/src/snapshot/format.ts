import type { Profile } from '../model/profile.js'

/**
 * Versions 1 and 2 of the snapshot format, which `load` still reads (`save` writes version 3,
 * binary-format.ts; `writeSnapshot` still writes version 2, for tests and tools). Such a snapshot
 * is JSON lines: a header, one line per record, and a trailer with the record count
 * (header included) and the SHA-256 of every line before it. Lines keep a million profiles far
 * below V8's maximum string length; the trailer makes truncation and corruption detectable
 * before anything is used.
 *
 * Version 2 (docs/spec.md §7: a snapshot holds everything an answer depends on) writes, in this
 * order: every current profile (in the order they were added, which is the order lookups by URL
 * prefer), when each one without a usable `updatedAt` was added, the earlier versions lookups
 * backfill from (oldest first per member), then edges, memberships and incarnations. Version 1
 * files (profiles, edges, memberships) still load; their members count as added at load time
 * and have no earlier versions.
 */
export const SNAPSHOT_FORMAT = 'people-search-snapshot'
/** The version `writeSnapshot` writes (JSON lines). */
export const SNAPSHOT_VERSION = 2
/** The JSON-lines versions `load` reads (version 3 is told by its exact first bytes, load-snapshot.ts). */
export const SNAPSHOT_VERSIONS: readonly number[] = [1, 2]

/**
 * The longest line a snapshot may hold, in bytes, newline excluded: far above any real profile,
 * and bounded so that `load` never buffers an unbounded line. `save` refuses a record beyond it.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024
/** The longest first line `load` reads before deciding the file is no snapshot. */
export const MAX_HEADER_BYTES = 4096

export interface SnapshotHeader {
  header: { format: typeof SNAPSHOT_FORMAT; version: number }
}

export type SnapshotRecord =
  | { profile: Profile }
  /** When the current version of a member was added (`[id, ms since the epoch]`), version 2. */
  | { added: [string, number] }
  /** An earlier version of a member and its time, version 2. */
  | { version: { time: number; profile: Profile } }
  | { edge: [string, string] }
  | { member: [string, string] }
  /** A member id removed at least once, with its current incarnation (docs/spec.md §6.2). */
  | { incarnation: [string, number] }

/** The kinds of record each version may hold. */
export const RECORD_KINDS: Readonly<Record<number, readonly string[]>> = {
  1: ['profile', 'edge', 'member'],
  2: ['profile', 'added', 'version', 'edge', 'member', 'incarnation'],
}

export interface SnapshotTrailer {
  end: { records: number; sha256: string }
}
