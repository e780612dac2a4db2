import type { OwnedProfile } from '../model/own-profile.js'
import type { Profile } from '../model/profile.js'
import { ensureCapacity } from '../store/growable.js'
import { IdTable } from '../store/id-table.js'
import { UrlIndex } from './url-index.js'
import { backfillHorizon, MAX_VERSIONS, type ProfileVersion } from './versions.js'

/**
 * The index's memory of its members beyond the current profiles (docs/spec.md §6.1): earlier
 * versions of each member with their times, the time each current version was added (for a
 * profile without `updatedAt`), and which members carry which normalised `publicProfileUrl`.
 * Profiles are the index's own frozen copies (model/own-profile.ts), kept by reference: a
 * caller changing its objects after `add` changes no version. Every time comes from the
 * caller's clock.
 */
export class ProfileHistory {
  private readonly versions = new Map<string, ProfileVersion[]>()
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

  /** `profile` is now the current version of its member; `previous` was (if any). */
  replaced(previous: OwnedProfile | undefined, profile: OwnedProfile, now: number): void {
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
    if (timeOfData(profile) === undefined) this.setAddedAt(profile.id, now)
    else this.deleteAddedAt(profile.id)
    this.urls.link(profile)
  }

  /** A removed member leaves nothing behind: its earlier versions are not backfilled from. */
  removed(profile: OwnedProfile): void {
    this.versions.delete(profile.id)
    this.deleteAddedAt(profile.id)
    this.urls.unlink(profile)
  }

  /** Earlier versions of a member, oldest first. */
  versionsOf(id: string): readonly ProfileVersion[] {
    return this.versions.get(id) ?? []
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
    const id = version.profile.id
    const list = this.versions.get(id)
    if (list === undefined) this.versions.set(id, [version])
    else list.push(version)
  }

  /** See {@link UrlIndex.idsWithUrl}. */
  idsWithUrl(url: string, current: () => Iterable<Profile>): readonly string[] {
    return this.urls.idsWithUrl(url, current)
  }

  /**
   * The earlier versions (member by member, oldest first) and the add times, as they are now (a
   * snapshot's image): new lists, so pruning after the call changes nothing in them; the versions
   * themselves never change. The URL index is not in it: it is built on the first lookup by URL.
   */
  exportImage(): ProfileHistoryImage {
    const versions: ProfileVersion[] = []
    for (const list of this.versions.values()) for (const version of list) versions.push(version)
    const added: [string, number][] = []
    for (let slot = 0; slot < this.addedSlots; slot++) {
      const id = this.addedIds.idOf(slot)
      if (this.addedIds.get(id) === slot) added.push([id, this.addedTimes[slot]])
    }
    return { versions, added }
  }

  /** Makes this history, which must be new, hold `image` (checked by the caller: every id a current member's). */
  importImage(image: ProfileHistoryImage): void {
    for (const version of image.versions) this.restoreVersion(version)
    for (const [id, time] of image.added) this.setAddedAt(id, time)
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

/** What `ProfileHistory.exportImage` gives. */
export interface ProfileHistoryImage {
  readonly versions: readonly ProfileVersion[]
  /** When each current version without a usable `updatedAt` was added: `[id, ms since the epoch]`. */
  readonly added: readonly (readonly [string, number])[]
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
