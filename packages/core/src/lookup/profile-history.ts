import type { Profile } from '../model/profile.js'
import { UrlIndex } from './url-index.js'
import { backfillHorizon, MAX_VERSIONS, type ProfileVersion } from './versions.js'

/**
 * The index's memory of its members beyond the current profiles (docs/spec.md §6.1): earlier
 * versions of each member with their times, the time each current version was added (for a
 * profile without `updatedAt`), and which members carry which normalised `publicProfileUrl`.
 * Profiles are kept by reference, never copied. Every time comes from the caller's clock.
 */
export class ProfileHistory {
  private readonly versions = new Map<string, ProfileVersion[]>()
  private readonly addedAt = new Map<string, number>()
  private readonly urls = new UrlIndex()

  /** `profile` is now the current version of its member; `previous` was (if any). */
  replaced(previous: Profile | undefined, profile: Profile, now: number): void {
    if (previous !== undefined) {
      const time = this.timeOf(previous) ?? now
      let list = this.versions.get(previous.id)
      if (list === undefined) {
        list = []
        this.versions.set(previous.id, list)
      }
      list.push({ profile: previous, time })
      prune(list, now)
      this.urls.unlink(previous)
    }
    if (timeOfData(profile) === undefined) this.addedAt.set(profile.id, now)
    else this.addedAt.delete(profile.id)
    this.urls.link(profile)
  }

  /** A removed member leaves nothing behind: its earlier versions are not backfilled from. */
  removed(profile: Profile): void {
    this.versions.delete(profile.id)
    this.addedAt.delete(profile.id)
    this.urls.unlink(profile)
  }

  /** Earlier versions of a member, oldest first. */
  versionsOf(id: string): readonly ProfileVersion[] {
    return this.versions.get(id) ?? []
  }

  /** The time of the current version: its `updatedAt`, else when it was added. */
  timeOf(profile: Profile): number | undefined {
    return timeOfData(profile) ?? this.addedAt.get(profile.id)
  }

  /** See {@link UrlIndex.idsWithUrl}. */
  idsWithUrl(url: string, current: () => Iterable<Profile>): readonly string[] {
    return this.urls.idsWithUrl(url, current)
  }
}

// A version too old to backfill from is never needed again; the cap bounds a member edited often.
function prune(list: ProfileVersion[], now: number): void {
  const horizon = backfillHorizon(now)
  let keep = list.filter((v) => v.time >= horizon)
  if (keep.length > MAX_VERSIONS) keep = keep.slice(keep.length - MAX_VERSIONS)
  if (keep.length !== list.length) list.splice(0, list.length, ...keep)
}

function timeOfData(profile: Profile): number | undefined {
  if (profile.updatedAt === undefined) return undefined
  const time = Date.parse(profile.updatedAt)
  return Number.isNaN(time) ? undefined : time
}
