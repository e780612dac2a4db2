import type { Fields } from '../model/validate-fields.js'
import { plainObject } from '../model/validate-fields.js'
import type { ItemShape } from './item-shapes.js'
import { organisationId } from './organisation-page.js'
import { keptText, nullableDate, nullableText, setIf } from './read-values.js'

/**
 * The profile item of one document item of shape `shape`: its strings and dates under the
 * profile's names, its organisation (id from the page URL, then name) when the shape has one,
 * and the keys no profile field holds under `personProfile` when the shape has any. A `null`
 * value leaves the profile field out. The result is unchecked as a `T`: the whole converted
 * profile is validated afterwards.
 */
export function readItem<T, D>(shape: ItemShape<T, D>, value: unknown): T {
  const fields: Fields = plainObject(value, '')
  const org: { id?: string; name?: string } = {}
  const item: Record<string, unknown> = shape.org === undefined ? {} : { [shape.org]: org }
  const extras: Record<string, unknown> = {}
  let orgName: string | undefined
  let orgPage: string | null | undefined
  let hasExtras = false
  for (const column of shape.columns) {
    const { key } = column
    if ('text' in column) setIf(item, column.text, nullableText(fields[key], key))
    else if ('date' in column) setIf(item, column.date, nullableDate(fields[key], key))
    else if ('orgName' in column) orgName = nullableText(fields[key], key)
    else {
      hasExtras = true
      const kept = keptText(fields[key], key)
      setIf(extras, key, kept)
      if (column.orgPage) orgPage = kept
    }
  }
  if (shape.org !== undefined) {
    setIf(org, 'id', organisationId(orgPage, shape.org))
    setIf(org, 'name', orgName)
  }
  if (hasExtras) item.personProfile = extras
  return item as T
}
