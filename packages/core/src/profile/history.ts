import type { Education, PartialDate, Position, Profile } from '../model/profile.js'
import { itemClass, PUBLIC, sectionClass } from '../model/visibility.js'
import { fold } from '../text/fold.js'
import { tryNormalizeProfileUrl } from './profile-url.js'

/** One earlier version of a member's profile and its time (ms since the epoch). */
export interface ProfileVersion {
  profile: Profile
  time: number
}

/** How far back backfilling looks (docs/spec.md §6.1: "the last 10 years"). */
export const BACKFILL_YEARS = 10
/** Earlier versions kept per member at most; older ones are dropped first. */
export const MAX_VERSIONS = 16

/** `time` minus `years` calendar years (UTC). */
export function yearsBefore(time: number, years: number): number {
  const date = new Date(time)
  date.setUTCFullYear(date.getUTCFullYear() - years)
  return date.getTime()
}

/**
 * The index's memory of its members beyond the current profiles (docs/spec.md §6.1): earlier versions
 * of each member with their times, the time each current version was added (for a profile
 * without `updatedAt`), and — built on the first lookup by URL — which members carry which
 * normalised `publicProfileUrl`. Profiles are kept by reference, never copied.
 */
export class ProfileHistory {
  private readonly versions = new Map<string, ProfileVersion[]>()
  private readonly addedAt = new Map<string, number>()
  private urls: Map<string, string[]> | undefined

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
      this.prune(list, now)
      this.unlinkUrl(previous)
    }
    if (timeOfData(profile) === undefined) this.addedAt.set(profile.id, now)
    else this.addedAt.delete(profile.id)
    this.linkUrl(profile)
  }

  /** A removed member leaves nothing behind: its earlier versions are not backfilled from. */
  removed(profile: Profile): void {
    this.versions.delete(profile.id)
    this.addedAt.delete(profile.id)
    this.unlinkUrl(profile)
  }

  /** Earlier versions of a member, oldest first. */
  versionsOf(id: string): readonly ProfileVersion[] {
    return this.versions.get(id) ?? []
  }

  /** The time of the current version: its `updatedAt`, else when it was added. */
  timeOf(profile: Profile): number | undefined {
    return timeOfData(profile) ?? this.addedAt.get(profile.id)
  }

  /**
   * Ids of the members whose `publicProfileUrl` normalises to `url`, most recently added last.
   * The map is built from `current` on first use and kept up to date afterwards.
   */
  idsWithUrl(url: string, current: () => Iterable<Profile>): readonly string[] {
    if (this.urls === undefined) {
      this.urls = new Map()
      for (const profile of current()) this.linkUrl(profile)
    }
    return this.urls.get(url) ?? []
  }

  private linkUrl(profile: Profile): void {
    if (this.urls === undefined || profile.publicProfileUrl === undefined) return
    const url = tryNormalizeProfileUrl(profile.publicProfileUrl)
    if (url === undefined) return
    const ids = this.urls.get(url)
    if (ids === undefined) this.urls.set(url, [profile.id])
    else if (!ids.includes(profile.id)) ids.push(profile.id)
  }

  private unlinkUrl(profile: Profile): void {
    if (this.urls === undefined || profile.publicProfileUrl === undefined) return
    const url = tryNormalizeProfileUrl(profile.publicProfileUrl)
    if (url === undefined) return
    const ids = this.urls.get(url)
    if (ids === undefined) return
    const at = ids.indexOf(profile.id)
    if (at >= 0) ids.splice(at, 1)
    if (ids.length === 0) this.urls.delete(url)
  }

  private prune(list: ProfileVersion[], now: number): void {
    const horizon = yearsBefore(now, BACKFILL_YEARS)
    let keep = list.filter((v) => v.time >= horizon)
    if (keep.length > MAX_VERSIONS) keep = keep.slice(keep.length - MAX_VERSIONS)
    if (keep.length !== list.length) list.splice(0, list.length, ...keep)
  }
}

function timeOfData(profile: Profile): number | undefined {
  if (profile.updatedAt === undefined) return undefined
  const time = Date.parse(profile.updatedAt)
  return Number.isNaN(time) ? undefined : time
}

/**
 * `profile` with its missing dates and school names filled from earlier versions of the same
 * item (docs/spec.md §6.1): same company and title for a position, same school for an education, in a
 * version no older than {@link BACKFILL_YEARS} years before `now`, where that item, its section
 * and (for dates) its dates were public. Only items that are public now are filled, and a
 * date is filled only where it is missing, not where the member hides it now; the end date of
 * an item marked current stays missing. Newer versions are asked first. Nothing is mutated:
 * the changed items and lists are copies.
 */
export function backfill(profile: Profile, history: readonly ProfileVersion[], now: number): Profile {
  const horizon = yearsBefore(now, BACKFILL_YEARS)
  const earlier = history.filter((v) => v.time >= horizon).sort((a, b) => b.time - a.time)
  if (earlier.length === 0) return profile
  const positions = fill(profile, 'positions', profile.positions, earlier, samePosition, () => false)
  const educations = fill(
    profile,
    'educations',
    profile.educations,
    earlier,
    sameSchool,
    (item) => item.school?.name === undefined,
  )
  if (positions === profile.positions && educations === profile.educations) return profile
  const out: Profile = { ...profile }
  if (positions !== undefined) out.positions = positions
  if (educations !== undefined) out.educations = educations
  return out
}

type Item = Position | Education

function fill<T extends Item>(
  profile: Profile,
  section: 'positions' | 'educations',
  list: T[] | undefined,
  earlier: readonly ProfileVersion[],
  same: (a: T, b: T) => boolean,
  missingName: (item: T) => boolean,
): T[] | undefined {
  if (list === undefined) return list
  const sectionCls = sectionClass(profile, section)
  if (sectionCls !== PUBLIC) return list
  let out: T[] | undefined
  list.forEach((item, i) => {
    const cls = itemClass(sectionCls, item.visibility)
    if (cls !== PUBLIC) return
    const datesShown = itemClass(cls, item.datesVisibility) === PUBLIC
    const wantStart = datesShown && item.startDate === undefined
    const wantEnd = datesShown && item.endDate === undefined && item.isCurrent !== true
    const wantName = missingName(item)
    if (!wantStart && !wantEnd && !wantName) return
    let startDate: PartialDate | undefined
    let endDate: PartialDate | undefined
    let schoolName: string | undefined
    for (const version of earlier) {
      const old = version.profile
      const oldSection = sectionClass(old, section)
      if (oldSection !== PUBLIC) continue
      for (const candidate of (old[section] ?? []) as T[]) {
        const oldCls = itemClass(oldSection, candidate.visibility)
        if (oldCls !== PUBLIC || !same(item, candidate)) continue
        const oldDatesShown = itemClass(oldCls, candidate.datesVisibility) === PUBLIC
        if (wantStart && startDate === undefined && oldDatesShown) startDate = candidate.startDate
        if (wantEnd && endDate === undefined && oldDatesShown) endDate = candidate.endDate
        if (wantName && schoolName === undefined) schoolName = (candidate as Education).school?.name
      }
    }
    if (startDate === undefined && endDate === undefined && schoolName === undefined) return
    const filled = { ...item }
    if (startDate !== undefined) filled.startDate = { ...startDate }
    if (endDate !== undefined) filled.endDate = { ...endDate }
    if (schoolName !== undefined)
      (filled as Education).school = { ...(item as Education).school, name: schoolName }
    out ??= [...list]
    out[i] = filled
  })
  return out ?? list
}

/** Same company (id, else name) and same title, compared folded (docs/spec.md §2). */
function samePosition(a: Position, b: Position): boolean {
  if (a.title === undefined || b.title === undefined || fold(a.title) !== fold(b.title)) return false
  return sameOrganisation(a.company, b.company)
}

/** Same school: the same id when both have one, else the same name. */
function sameSchool(a: Education, b: Education): boolean {
  return sameOrganisation(a.school, b.school)
}

function sameOrganisation(
  a: { id?: string | number; name?: string } | undefined,
  b: { id?: string | number; name?: string } | undefined,
): boolean {
  if (a === undefined || b === undefined) return false
  if (a.id !== undefined && b.id !== undefined)
    return String(a.id).toLowerCase() === String(b.id).toLowerCase()
  return a.name !== undefined && b.name !== undefined && fold(a.name) === fold(b.name)
}
