import { elementName, itemElementName } from './element-names.js'
import { xmlChars } from './xml-chars.js'

/**
 * The input of fast-xml-parser's `XMLBuilder`: element name → text, child elements, or the
 * repeated items of a list; `@_`-prefixed keys are attributes. Object key order is element order.
 */
export interface ElementTree {
  [name: string]: string | ElementTree | (string | ElementTree)[]
}

/** The keys a legacy list may have (docs/spec.md §5.4): `{ _total, _count?, _start?, values? }`. */
const LIST_KEYS = new Set(['_total', '_count', '_start', 'values'])

/**
 * The elements of a legacy JSON document object, in its key order. `path` names the object in
 * error messages. An `undefined` field is absent, as in `JSON.stringify`.
 */
export function elementTree(document: object, path: string): ElementTree {
  const tree: ElementTree = {}
  for (const [key, value] of Object.entries(document)) {
    if (value === undefined) continue
    const name = elementName(key)
    // Two keys with one element name (`firstName`, `first-name`) would silently merge.
    if (Object.hasOwn(tree, name)) throw new TypeError(`${path}.${key} repeats the element <${name}>`)
    tree[name] = isList(value) ? listElement(key, value, `${path}.${key}`) : element(value, `${path}.${key}`)
  }
  return tree
}

function element(value: unknown, path: string): string | ElementTree {
  return isPlainObject(value) ? elementTree(value, path) : leafText(value, path)
}

/** Only plain objects are documents; a Date or Map would otherwise become an empty element. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** A list is an object with `_total`; its paging keys become attributes, in the spec's order. */
function isList(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, '_total')
}

function listElement(key: string, list: Record<string, unknown>, path: string): ElementTree {
  for (const listKey of Object.keys(list)) {
    if (!LIST_KEYS.has(listKey)) throw new TypeError(`${path} is a list but has the key "${listKey}"`)
  }
  // `<people total="…" count="…" start="…">` (docs/spec.md §5.3), whatever the JSON key order.
  const tree: ElementTree = { '@_total': leafText(list._total, `${path}._total`) }
  if (list._count !== undefined) tree['@_count'] = leafText(list._count, `${path}._count`)
  if (list._start !== undefined) tree['@_start'] = leafText(list._start, `${path}._start`)
  const itemName = itemElementName(key) // even for an empty list: an unknown list is a bug
  if (list.values === undefined) return tree
  if (!Array.isArray(list.values)) throw new TypeError(`${path}.values is not an array`)
  tree[itemName] = list.values.map((item, i) => element(item, `${path}.values[${i}]`))
  return tree
}

/**
 * The text of a scalar: strings without the characters XML forbids, numbers as `JSON.stringify`
 * writes them (so the XML and JSON documents carry the same digits), booleans as `true`/`false`.
 * `null`, arrays outside a list and non-finite numbers have no legacy form: programming errors.
 */
function leafText(value: unknown, path: string): string {
  if (typeof value === 'string') return xmlChars(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value)
  const kind = Array.isArray(value)
    ? 'an array'
    : value === null || typeof value === 'number'
      ? String(value)
      : `of type ${typeof value}`
  throw new TypeError(
    `${path} is ${kind}; a legacy document holds text, finite numbers, booleans, objects, lists`,
  )
}
