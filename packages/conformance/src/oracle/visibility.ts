/**
 * docs/spec.md §3.6 privacy and docs/spec.md §1.1 "current", as small predicates. A `Sight` says what kind of
 * reader looks at a member: a first-degree connection (F) or anybody else.
 */
import type { Education, PartialDate, Position, Profile, Section, Visibility } from '@people-search/core'

/**
 * Who is looking. `connection: true` — the viewer is F to the member (docs/spec.md §3.2), so it may
 * read `connections` sections. `connection: false` — everybody else, and also the "public
 * reader" that BM25 corpus statistics use (docs/spec.md §3.4).
 */
export interface Sight {
  connection: boolean
}

export const PUBLIC_SIGHT: Sight = { connection: false }

/** docs/spec.md §3.6: public always; `connections` only for F; `private` never. Absent = public (§1.1). */
export function mayRead(visibility: Visibility | undefined, sight: Sight): boolean {
  const level = visibility ?? 'public'
  if (level === 'public') return true
  if (level === 'connections') return sight.connection
  return false
}

/** docs/spec.md §1.1: a section's visibility comes from `profile.visibility`, default public. */
export function sectionVisible(profile: Profile, section: Section, sight: Sight): boolean {
  return mayRead(profile.visibility?.[section], sight)
}

/** docs/spec.md §3.6: a position is seen when the `positions` section and the position itself are. */
export function visiblePositions(profile: Profile, sight: Sight): Position[] {
  if (!sectionVisible(profile, 'positions', sight)) return []
  return (profile.positions ?? []).filter((p) => mayRead(p.visibility, sight))
}

/** docs/spec.md §3.6: an education is seen when the `educations` section and the item itself are. */
export function visibleEducations(profile: Profile, sight: Sight): Education[] {
  if (!sectionVisible(profile, 'educations', sight)) return []
  return (profile.educations ?? []).filter((e) => mayRead(e.visibility, sight))
}

/**
 * docs/spec.md §8 dates: a partial date is its first instant, UTC; missing month → January, missing
 * day → the 1st. Built with `setUTCFullYear` so that years 0–99 are not read as 19xx (which
 * `Date.UTC` would do).
 */
export function firstInstant(date: PartialDate): number {
  const d = new Date(0)
  d.setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1)
  return d.getTime()
}

/** docs/spec.md §1.1: `isCurrent` if given, else no end date or an end date strictly after the clock. */
export function isCurrentPosition(position: Position, now: Date): boolean {
  if (position.isCurrent !== undefined) return position.isCurrent
  if (position.endDate === undefined) return true
  return firstInstant(position.endDate) > now.getTime()
}

/** docs/spec.md §1.1: `isCurrent` if given, else a start date and (no end date or one after the clock). */
export function isCurrentEducation(education: Education, now: Date): boolean {
  if (education.isCurrent !== undefined) return education.isCurrent
  if (education.startDate === undefined) return false
  if (education.endDate === undefined) return true
  return firstInstant(education.endDate) > now.getTime()
}
