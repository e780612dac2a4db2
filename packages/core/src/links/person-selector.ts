import { fail } from '../errors.js'
import { parseSelector } from '../fields/parse-selector.js'
import { checkSelector, RESOURCES } from '../fields/schema.js'
import type { Selector } from '../fields/selector.js'

/** Every Person field, in schema order: what `getPerson` returns without a selector. */
export const FULL_PERSON: Selector = Object.keys(RESOURCES.Person.fields).map((name) => ({ name }))

/** The fields a profile fetch renders, and whether it shows only the member's public sections. */
export interface PersonSelection {
  selector: Selector
  publicOnly: boolean
}

/**
 * The Person selector a profile fetch asks for: none, `full` or `:full` is every field;
 * `public` or `:public` is every field of the public sections only (docs/spec.md §9.1);
 * anything else must parse and name Person fields only (400 `badSelector`).
 */
export function readPersonSelector(fields: string | undefined): PersonSelection {
  if (fields === undefined) return { selector: FULL_PERSON, publicOnly: false }
  if (typeof fields !== 'string') fail('invalid-selector', { selector: fields })
  if (fields === 'full' || fields === ':full') return { selector: FULL_PERSON, publicOnly: false }
  if (fields === 'public' || fields === ':public') return { selector: FULL_PERSON, publicOnly: true }
  const selector = parseSelector(fields)
  checkSelector(selector, 'Person')
  return { selector, publicOnly: false }
}
