import type { Education, PartialDate, Position, Profile } from '../model/profile.js'
import { itemClass, PUBLIC, sectionClass } from '../model/visibility.js'
import { samePosition, sameSchool } from './same-item.js'
import { backfillHorizon, type ProfileVersion } from './versions.js'

/**
 * `profile` with its missing dates and school names filled from earlier versions of the same
 * item (docs/spec.md §6.1): same company and title for a position, same school for an education, in a
 * version no older than `BACKFILL_YEARS` years before `now`, where that item, its section
 * and (for dates) its dates were public. Only items that are public now are filled, and a
 * date is filled only where it is missing, not where the member hides it now; the end date of
 * an item marked current stays missing. Newer versions are asked first. Nothing is mutated:
 * the changed items and lists are copies.
 */
export function backfill(profile: Profile, history: readonly ProfileVersion[], now: number): Profile {
  const horizon = backfillHorizon(now)
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
