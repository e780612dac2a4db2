import { fail } from '../errors.js'
import { parseSelector } from '../fields/parse-selector.js'
import { checkSelector, RESOURCES } from '../fields/schema.js'
import type { Selector } from '../fields/selector.js'

/** Every Person field, in schema order: what `getPerson` returns without a selector. */
export const FULL_PERSON: Selector = Object.keys(RESOURCES.Person.fields).map((name) => ({ name }))

/**
 * The Person selector a profile fetch asks for: none, `full` or `:full` is every field;
 * anything else must parse and name Person fields only (400 `badSelector`).
 */
export function readPersonSelector(fields: string | undefined): Selector {
  if (fields === undefined) return FULL_PERSON
  if (typeof fields !== 'string') fail('invalid-selector', { selector: fields })
  if (fields === 'full' || fields === ':full') return FULL_PERSON
  const selector = parseSelector(fields)
  checkSelector(selector, 'Person')
  return selector
}
