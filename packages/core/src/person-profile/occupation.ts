import { isCurrentPosition } from '../model/current.js'
import type { Position, Profile } from '../model/profile.js'
import { itemClass, PUBLIC, sectionClass } from '../model/visibility.js'

/**
 * "Title at Company" of the first public current position (the fixture's `occupation`), or
 * `null`: a hidden section or position gives nothing away (docs/spec.md §1.3). `now` (ms since
 * the epoch) judges a position by its end date; without it only a position marked current or
 * without an end date counts, so the answer never depends on when it is asked.
 */
export function occupationOf(profile: Profile, now: number | undefined): string | null {
  const section = sectionClass(profile, 'positions')
  for (const position of profile.positions ?? []) {
    if (itemClass(section, position.visibility) !== PUBLIC || !isCurrent(position, now)) continue
    if (position.title === undefined) continue
    const company = position.company?.name
    return company === undefined ? position.title : `${position.title} at ${company}`
  }
  return null
}

function isCurrent(position: Position, now: number | undefined): boolean {
  if (now !== undefined) return isCurrentPosition(position, now)
  return position.isCurrent ?? position.endDate === undefined
}
