import type { OwnedProfile } from '../model/own-profile.js'
import type { Profile } from '../model/profile.js'
import { ensureCapacity } from '../store/growable.js'
import { IdTable } from '../store/id-table.js'
import { EarlierVersions, type EarlierVersionsOptions, type VersionsImage } from './earlier-versions.js'
import { UrlIndex } from './url-index.js'
import type { ProfileVersion } from './versions.js'

/**
 * The index's memory of its members beyond the current profiles (docs/spec.md §6.1): earlier
 * versions of each member with their times, the time each current version was added (for a
 * profile without `updatedAt`), and which members carry which normalised `publicProfileUrl`.
 * Earlier versions are kept encoded (earlier-versions.ts: typed arrays and arena chunks, nothing
 * per version or per member for the collector to trace, issue 14) and decoded when a lookup asks:
 * a caller changing its objects after `add` changes no version. Every time comes from the
 * caller's clock.
 */
export class ProfileHistory {
  private readonly versions: EarlierVersions
  /**
   * When each current version without a usable `updatedAt` was added: the ids in an id table
   * (bytes and an open-addressing table, store/id-table.ts) and the times in a float64 array by
   * the table's slot, so a million such members cost no Map entry and no string each for the
   * collector to trace (issue 14). A slot is bound once; setting an id again after its delete
   * takes a new slot at the end, which keeps a Map's insertion order for the snapshot's image.
   */
  private readonly addedIds = new IdTable()
  private addedTimes = new Float64Array(0)
  private addedSlots = 0
  private readonly urls = new UrlIndex()

  /** `options` tune how dead version records are reclaimed (tests make every step small). */
  constructor(options: EarlierVersionsOptions = {}) {
    this.versions = new EarlierVersions(options)
  }

  /** `profile` is now the current version of its member; `previous` was (if any). */
  replaced(previous: OwnedProfile | undefined, profile: OwnedProfile, now: number): void {
    if (previous !== undefined) {
      const time = this.timeOf(previous) ?? now
      this.versions.push(previous.id, previous, time)
      this.versions.prune(previous.id, now)
      this.urls.unlink(previous)
    }
    if (timeOfData(profile) === undefined) this.setAddedAt(profile.id, now)
    else this.deleteAddedAt(profile.id)
    this.urls.link(profile)
  }

  /** A removed member leaves nothing behind: its earlier versions are not backfilled from. */
  removed(profile: OwnedProfile): void {
    this.versions.forget(profile.id)
    this.deleteAddedAt(profile.id)
    this.urls.unlink(profile)
  }

  /** Earlier versions of a member, oldest first, decoded afresh (a new list each call). */
  versionsOf(id: string): readonly ProfileVersion[] {
    return this.versions.of(id)
  }

  /** The time of the current version: its `updatedAt`, else when it was added. */
  timeOf(profile: Profile): number | undefined {
    return timeOfData(profile) ?? this.addedAtOf(profile.id)
  }

  /** When the current version of `id` was added, if it has no usable `updatedAt`. */
  addedAtOf(id: string): number | undefined {
    const slot = this.addedIds.get(id)
    return slot < 0 ? undefined : this.addedTimes[slot]
  }

  /** A snapshot's add time of the current version of `id` (docs/spec.md §7). */
  restoreAddedAt(id: string, time: number): void {
    this.setAddedAt(id, time)
  }

  /** A snapshot's earlier version of a current member, appended: snapshots list them oldest first. */
  restoreVersion(version: ProfileVersion): void {
    this.versions.push(version.profile.id, version.profile, version.time)
  }

  /** See {@link UrlIndex.idsWithUrl}. */
  idsWithUrl(url: string, current: () => Iterable<Profile>): readonly string[] {
    return this.urls.idsWithUrl(url, current)
  }

  /**
   * The earlier versions (member by member, oldest first, as records: earlier-versions.ts
   * `exportImage`, nothing decoded) and the add times, as they are now (a snapshot's image):
   * copies and append-only views, so nothing after the call changes them. The URL index is not in
   * it: it is built on the first lookup by URL.
   */
  exportImage(): ProfileHistoryImage {
    const addedIds: string[] = []
    const times: number[] = []
    for (let slot = 0; slot < this.addedSlots; slot++) {
      const id = this.addedIds.idOf(slot)
      if (this.addedIds.get(id) === slot) {
        addedIds.push(id)
        times.push(this.addedTimes[slot])
      }
    }
    return { ...this.versions.exportImage(), addedIds, addedTimes: Float64Array.from(times) }
  }

  /**
   * Makes this history, which must be new, hold `image`, whose records the caller has checked
   * (each a validated profile's, inside its chunk) and whose add times are of current members.
   * Returns the id of the first version whose member `isMember` refuses (the history must then
   * be dropped), or undefined.
   */
  importImage(image: ProfileHistoryImage, isMember: (id: string) => boolean): string | undefined {
    const refused = this.versions.importImage(image, isMember)
    if (refused !== undefined) return refused
    for (let i = 0; i < image.addedIds.length; i++) this.setAddedAt(image.addedIds[i], image.addedTimes[i])
    return undefined
  }

  private setAddedAt(id: string, time: number): void {
    const slot = this.addedIds.get(id)
    if (slot >= 0) {
      this.addedTimes[slot] = time
      return
    }
    const fresh = this.addedSlots++
    this.addedTimes = ensureCapacity(this.addedTimes, this.addedSlots)
    this.addedIds.bind(id, fresh)
    this.addedTimes[fresh] = time
  }

  private deleteAddedAt(id: string): void {
    const slot = this.addedIds.get(id)
    if (slot >= 0) this.addedIds.unbind(id, slot)
  }
}

/** What `ProfileHistory.exportImage` gives: the version 3 file's history sections, as they are laid out. */
export interface ProfileHistoryImage extends VersionsImage {
  /** The current members whose version has no usable `updatedAt`, in the order they were added … */
  readonly addedIds: readonly string[]
  /** … and when (ms since the epoch). */
  readonly addedTimes: Float64Array<ArrayBuffer>
}

function timeOfData(profile: Profile): number | undefined {
  if (profile.updatedAt === undefined) return undefined
  const time = Date.parse(profile.updatedAt)
  return Number.isNaN(time) ? undefined : time
}
