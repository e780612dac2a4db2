/**
 * docs/spec.md §5.1 and §5.4, the two rules every level of the JSON document follows: exactly the
 * fields a selector names, in its order, under camelCase keys; and lists as `{ _total, values }`.
 */
import type { LegacyList } from '@people-search/core'
import type { parseSelector } from '@people-search/core/internal'

/** A parsed field selector: the selector parser is shared with core; reading it is the oracle's. */
export type Selector = ReturnType<typeof parseSelector>

/**
 * How one resource of docs/spec.md §5.2 shows its fields: for each field name as a selector writes
 * it, the document key (written out, not derived) and the value, given the field's sub-selection
 * (`undefined` when the selector names the field alone). A value of `undefined` leaves the key out.
 * The entries are listed in the spec's order, which is the order of a field named without a
 * sub-selection.
 */
export type Fields<Doc> = Record<string, { [K in keyof Doc]-?: Field<Doc, K> }[keyof Doc]>
type Field<Doc, K extends keyof Doc> = readonly [
  key: K,
  value: (sub: Selector | undefined) => Doc[K] | undefined,
]

/**
 * The document of one resource for `selected`, or for every field of `fields` when the selector
 * gave no sub-selection (docs/spec.md §5.1: "exactly what it names … in the order it names them").
 * A name the resource does not have is skipped: the selector was checked before (400, §5.1).
 */
export function select<Doc extends object>(selected: Selector | undefined, fields: Fields<Doc>): Doc {
  const names: Selector = selected ?? Object.keys(fields).map((name) => ({ name }))
  const doc: Partial<Record<keyof Doc, unknown>> = {}
  for (const node of names) {
    if (!Object.hasOwn(fields, node.name)) continue
    const [key, value] = fields[node.name]
    const shown = value(node.children)
    if (shown !== undefined) doc[key] = shown
  }
  return doc as Doc
}

/**
 * An object value of a person: absent when none of the fields the selector asks of it is there
 * (docs/spec.md §5.2: "no empty element").
 */
export function unlessEmpty<Doc extends object>(doc: Doc): Doc | undefined {
  return Object.keys(doc).length > 0 ? doc : undefined
}

/** docs/spec.md §5.4: a list is `{ _total, values }`, and an empty list has no `values` key. */
export function legacyList<T>(values: T[]): LegacyList<T> {
  return values.length > 0 ? { _total: values.length, values } : { _total: values.length }
}
