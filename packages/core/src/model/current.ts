import type { Education, PartialDate, Position } from './profile.js'

/** A partial date stands for its first instant, UTC (docs/spec.md §8). */
export function dateInstant(date: PartialDate): number {
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1)
}

/** docs/spec.md §1.1: explicit `isCurrent`, else no end date or an end strictly after the clock. */
export function isCurrentPosition(position: Position, now: number): boolean {
  if (position.isCurrent !== undefined) return position.isCurrent
  return position.endDate === undefined || dateInstant(position.endDate) > now
}

/** Like positions, but an education without a start date is never current by default. */
export function isCurrentEducation(education: Education, now: number): boolean {
  if (education.isCurrent !== undefined) return education.isCurrent
  if (education.startDate === undefined) return false
  return education.endDate === undefined || dateInstant(education.endDate) > now
}
