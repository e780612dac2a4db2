import type { Education, Position } from '../model/profile.js'
import { fold } from '../text/fold.js'

/** Same company (id, else name) and same title, compared folded (docs/spec.md §2). */
export function samePosition(a: Position, b: Position): boolean {
  if (a.title === undefined || b.title === undefined || fold(a.title) !== fold(b.title)) return false
  return sameOrganisation(a.company, b.company)
}

/** Same school: the same id when both have one, else the same name. */
export function sameSchool(a: Education, b: Education): boolean {
  return sameOrganisation(a.school, b.school)
}

// Case-blind: ids made from a document are lower-cased page slugs, so one organisation's id can
// differ in case between a version from a document and one added as a profile.
function sameOrganisation(
  a: { id?: string | number; name?: string } | undefined,
  b: { id?: string | number; name?: string } | undefined,
): boolean {
  if (a === undefined || b === undefined) return false
  if (a.id !== undefined && b.id !== undefined)
    return String(a.id).toLowerCase() === String(b.id).toLowerCase()
  return a.name !== undefined && b.name !== undefined && fold(a.name) === fold(b.name)
}
