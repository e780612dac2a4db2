import type { LegacyList } from '../result.js'
import type { Selector } from './selector.js'

/** `first-name` → `firstName`: legacy JSON keys are the field names in camelCase (docs/spec.md §5.4). */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

/** `camelCase` at the type level: `CamelCase<'num-connections-capped'>` is `'numConnectionsCapped'`. */
export type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Letter}${infer Rest}`
  ? `${Head}${Uppercase<Letter>}${CamelCase<Rest>}`
  : Name

/**
 * What a renderer builds for a document value of type `T` before `project` keeps what the
 * selector names: the same objects with every field it has, but lists as plain arrays of items
 * (`project` makes them `{ _total, values }`). Builders are typed with it, so the compiler checks
 * what they make against the document types of result.ts.
 */
export type Unprojected<T> =
  T extends LegacyList<infer Item>
    ? Unprojected<Item>[]
    : T extends object
      ? { [K in keyof T]: Unprojected<T[K]> }
      : T

/**
 * The part of a built value that a sub-selection names, in the selection's order. Objects
 * are keyed by camelCase field names and lists are arrays, which become `{ _total, values }`
 * (no `values` when empty). A missing value, or an object none of whose selected fields is
 * present, yields `undefined` so that the caller leaves the key out; list items stay even
 * when empty, so `_total` always counts what the list holds.
 *
 * Typed, `project<T>(value, fields)` turns an `Unprojected<T>` into a `T`: selecting keys of an
 * object whose fields are all optional keeps its type. That holds when `fields` is given for
 * every composite value, which `expandSelector` sees to; the compiler cannot check this body.
 */
export function project<T>(value: Unprojected<T> | undefined, fields: Selector | undefined): T | undefined
export function project(value: unknown, fields: Selector | undefined): unknown {
  if (value === undefined || value === null) return undefined
  if (fields === undefined) return value
  if (Array.isArray(value)) {
    const list: { _total: number; values?: unknown[] } = { _total: value.length }
    if (value.length > 0) list.values = value.map((item) => pick(item, fields))
    return list
  }
  if (typeof value !== 'object') return value
  const picked = pick(value, fields)
  return Object.keys(picked).length > 0 ? picked : undefined
}

function pick(item: object, fields: Selector): Record<string, unknown> {
  const source = item as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const node of fields) {
    const key = camelCase(node.name)
    if (!Object.hasOwn(source, key)) continue
    const shown = project(source[key], node.children)
    if (shown !== undefined) out[key] = shown
  }
  return out
}
