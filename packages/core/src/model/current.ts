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

/**
 * The instant a position stops being current by the clock (its `endDate`): `isCurrentPosition`
 * is `turn > now` exactly when this is a number. NaN when its current-ness never depends on
 * the clock (an explicit `isCurrent`, or no end date).
 */
export function positionTurn(position: Position): number {
  if (position.isCurrent !== undefined || position.endDate === undefined) return Number.NaN
  return dateInstant(position.endDate)
}

/** `positionTurn` for an education: only one with a start and an end date changes with the clock. */
export function educationTurn(education: Education): number {
  if (education.isCurrent !== undefined || education.startDate === undefined) return Number.NaN
  return education.endDate === undefined ? Number.NaN : dateInstant(education.endDate)
}
