import type { PartialDate } from '../model/profile.js'
import { extrasOf } from './extras.js'
import type { ItemShape } from './item-shapes.js'
import type { ProfileDate } from './profile-date.js'

/**
 * The document item of profile item `item`, every key of `shape` present (`null` where the
 * profile holds nothing) except an `ifGiven` extra the document never had. `datesShown: false`
 * writes the dates as `null`, as for a member who hides them.
 */
export function writeItem<T, D>(shape: ItemShape<T, D>, item: T, datesShown: boolean): D {
  const fields = item as Record<string, unknown>
  const extras = extrasOf(item as object)
  const out: Record<string, unknown> = {}
  for (const column of shape.columns) {
    const { key } = column
    if ('text' in column)
      out[key] = fields[column.text] ?? (column.or === undefined ? undefined : fields[column.or]) ?? null
    else if ('date' in column)
      out[key] = datesShown ? dateDoc(fields[column.date] as PartialDate | undefined) : null
    else if ('orgName' in column)
      out[key] = (shape.org === undefined ? undefined : orgNameOf(fields[shape.org])) ?? null
    else if (!(column.ifGiven && extras[key] === undefined)) out[key] = extras[key] ?? null
  }
  return out as D
}

/** A profile date as a document date: a missing day or month is `null`. */
export function dateDoc(date: PartialDate | undefined): ProfileDate | null {
  return date === undefined ? null : { day: date.day ?? null, month: date.month ?? null, year: date.year }
}

function orgNameOf(org: unknown): unknown {
  return (org as { name?: unknown } | undefined)?.name
}
