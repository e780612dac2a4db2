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
  profileOf(id: string): Profile | undefined
  /** The time of the current version of a member (its `updatedAt`, else when it was added). */
  timeOf(profile: Profile): number | undefined
  versionsOf(id: string): readonly ProfileVersion[]
  /** Stores a new version through the index's `add` (search sees it). */
  store(profile: Profile): void
}
