import type { PartialDate } from '../model/profile.js'
import { inside, mapItems, problem } from '../model/profile-problem.js'
import { isCount, isPlainObject, optionalDate } from '../model/validate-fields.js'

// Readers of document values, on the model's problem reporting: each takes the value and its
// path relative to the object being read, and throws a ProfileProblem that the nesting levels
// prefix on the way out. In a document `null` means "not public", never "empty" (docs/spec.md
// §1.3), so every reader takes `null` as well as a missing key.

/** A string, or `undefined` for `null` and for no key. */
export function nullableText(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') problem(path, 'must be a string or null', value)
  return value
}

/** A string kept as given: `null` stays apart from no key, so it is given back as `null`. */
export function keptText(value: unknown, path: string): string | null | undefined {
  if (value === undefined || value === null) return value
  if (typeof value !== 'string') problem(path, 'must be a string or null', value)
  return value
}

/** An integer ≥ 0, or `undefined` for `null` and for no key. */
export function nullableCount(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined
  if (!isCount(value)) problem(path, 'must be an integer ≥ 0', value)
  return value
}

/** A `{ day, month, year }` with `null` day or month for a partial date, as a profile date. */
export function nullableDate(value: unknown, path: string): PartialDate | undefined {
  if (value === undefined || value === null) return undefined
  if (!isPlainObject(value)) problem(path, 'must be a date {day, month, year} or null', value)
  const date: PartialDate = { year: value.year as number }
  if (value.month !== undefined && value.month !== null) date.month = value.month as number
  if (value.day !== undefined && value.day !== null) date.day = value.day as number
  // The ranges are the model's own, so a document date is valid exactly when its profile date is.
  optionalDate(date, path)
  return date
}

/** A list read item by item, `null` (a section that is not public), or `undefined` for no key. */
export function nullableList<T>(
  value: unknown,
  path: string,
  read: (item: unknown) => T,
): T[] | null | undefined {
  if (value === undefined || value === null) return value
  if (!Array.isArray(value)) problem(path, 'must be a list or null', value)
  return inside(path, value, (list) => mapItems(list, read))
}

/** A list item that must be a string (skills, emails, phone numbers). */
export function textItem(value: unknown): string {
  if (typeof value !== 'string') problem('', 'must be a string', value)
  return value
}

/** Sets a read value on the object being built; `undefined` (a `null` or no key) leaves it out. */
export function setIf(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value
}
