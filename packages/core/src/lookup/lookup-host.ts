import type { Profile } from '../model/profile.js'
import type { ProfileSource } from './profile-source.js'
import type { ProfileVersion } from './versions.js'

/**
 * What a lookup needs from the index. The lookup owns no state: every read goes through here,
 * and so does its one write, so a refreshed copy is indexed like any `add`.
 */
export interface LookupHost {
  /** The index clock, ms since the epoch: it ages stored copies and judges current positions. */
  now(): number
  source: ProfileSource | undefined
  /** Ids of members whose `publicProfileUrl` normalises to `url`, most recent last. */
  idsWithUrl(url: string): readonly string[]
  /** The member's profile, decoded afresh at each call (compare versions with `versionOf`). */
  profileOf(id: string): Profile | undefined
  /** Which version of the member is stored: a number that changes at every `add` of it. */
  versionOf(id: string): number | undefined
  /**
   * How often the member id has been removed (docs/spec.md §6.2): a removed member added again
   * is a new incarnation. With `versionOf` it tells a refresh whether its member changed while it
   * was being fetched (docs/spec.md §7).
   */
  incarnationOf(id: string): number
  /** The time of the current version of a member (its `updatedAt`, else when it was added). */
  timeOf(profile: Profile): number | undefined
  versionsOf(id: string): readonly ProfileVersion[]
  /** Stores a new version through the index's `add` (search sees it). */
  store(profile: Profile): void
}
