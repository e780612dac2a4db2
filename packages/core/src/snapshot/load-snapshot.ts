import { Buffer } from 'node:buffer'
import type { FileHandle } from 'node:fs/promises'
import { fail, PeopleSearchError } from '../errors.js'
import type { ProfileHistory } from '../lookup/profile-history.js'
import type { Profile } from '../model/profile.js'
import { ownValidProfile } from '../model/validate-profile.js'
import type { IndexStore } from '../store/store.js'
import { IMAGE_HEADER } from './binary-format.js'
import { loadImage } from './load-image.js'
import { openSnapshot, readRecords } from './read-snapshot.js'

/** What loading a snapshot builds into: a fresh, empty index. */
export interface SnapshotTarget {
  /** Adds a profile as `PeopleIndex.add` does (validating it). */
  add(profile: Profile): void
  /** Whether a member with this id has been loaded. */
  has(id: string): boolean
  connect(a: string, b: string): void
  joinGroup(member: string, group: string): void
  /** A snapshot's incarnation record, `[id, count]`; throws a `badSnapshot` error when it is not one. */
  restoreIncarnation(record: [string, number]): void
  history: ProfileHistory
  /** The index's own store, new and empty: a version 3 snapshot is imported into it. */
  store: IndexStore
  /** The index's incarnations, empty: a version 3 snapshot's are set into it. */
  incarnations: Map<string, number>
}

/**
 * Loads the snapshot at `path` into `target` (docs/spec.md §7), of any version, told by its first
 * bytes: version 3 (binary-format.ts) is imported whole once every section is read and checked
 * (load-image.ts); versions 1 and 2 (JSON lines) record by record as the file is read. Anything
 * refused rejects with a `badSnapshot` error; the caller then drops the target, so nothing is
 * half-loaded.
 */
export async function loadSnapshot(path: string, target: SnapshotTarget): Promise<void> {
  await openSnapshot(path, async (handle, size) => {
    if (await isImage(handle, size)) await loadImage(path, handle, size, target)
    else await loadRecords(path, handle, target)
  })
}

/** Whether the file starts with the header of version 3 (read without moving the file's position). */
async function isImage(handle: FileHandle, size: number): Promise<boolean> {
  if (size < IMAGE_HEADER.length) return false
  const head = Buffer.alloc(IMAGE_HEADER.length)
  const { bytesRead } = await handle.read(head, 0, head.length, 0)
  return bytesRead === head.length && head.equals(IMAGE_HEADER)
}

/**
 * A version 1 or 2 snapshot, record by record (`readRecords` checks the file's form). A record
 * whose content is refused (an invalid profile or earlier version, a second profile for one id,
 * an add time or a version of a member that is not in the snapshot, a link naming an unknown
 * member) rejects with a `badSnapshot` error.
 */
async function loadRecords(path: string, handle: FileHandle, target: SnapshotTarget): Promise<void> {
  let linking = false
  try {
    await readRecords(path, handle, (record, line) => {
      linking = false
      if ('profile' in record) {
        const { profile } = record
        if (typeof profile.id === 'string' && target.has(profile.id))
          fail('snapshot-duplicate-profile', { path, member: profile.id, line })
        target.add(profile)
      } else if ('added' in record) {
        const [id, time] = record.added
        member(path, target, id, line)
        target.history.restoreAddedAt(id, time)
      } else if ('version' in record) {
        const { time } = record.version
        const profile = ownValidProfile(record.version.profile)
        member(path, target, profile.id, line)
        target.history.restoreVersion({ profile, time })
      } else if ('incarnation' in record) target.restoreIncarnation(record.incarnation)
      else {
        linking = true
        if ('edge' in record) target.connect(...record.edge)
        else target.joinGroup(...record.member)
      }
    })
  } catch (error) {
    if (error instanceof PeopleSearchError && error.kind === 'badSnapshot') throw error
    fail(linking ? 'snapshot-invalid-link' : 'snapshot-invalid-record', { path, cause: error })
  }
}

function member(path: string, target: SnapshotTarget, id: string, line: number): void {
  if (!target.has(id)) fail('snapshot-unknown-member', { path, member: id, line })
}
