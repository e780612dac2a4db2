import type { XmlElement } from './xml-tree.js'

/**
 * Test-only inverse of `toXml`: our XML read back into the JSON shape (docs/spec.md §5.4), every scalar
 * as text. An element with a `total` attribute is a list; one with children an object; any other
 * element a text. (So an empty object and an empty text both read back as `''`.)
 */
export function xmlToJsonShape(element: XmlElement): unknown {
  if (element.attributes.some(([name]) => name === 'total')) return list(element)
  if (element.children.length === 0) return element.text
  const object: Record<string, unknown> = {}
  for (const c of element.children) {
    const key = camelCase(c.name)
    if (Object.hasOwn(object, key)) throw new Error(`<${element.name}> repeats <${c.name}> outside a list`)
    object[key] = xmlToJsonShape(c)
  }
  return object
}

/** Item element per list, restated from docs/spec.md §5.3 so that the test does not import the table. */
const ITEMS: Record<string, string> = {
  people: 'person',
  positions: 'position',
  educations: 'education',
  skills: 'skill',
  certifications: 'certification',
  publications: 'publication',
  projects: 'project',
  facets: 'facet',
  buckets: 'bucket',
  headers: 'http-header',
}

/** `{ _count?, _start?, _total, values? }`: the recorded JSON key order (fixtures/legacy-api). */
function list(element: XmlElement): Record<string, unknown> {
  const attributes = new Map(element.attributes)
  const names = element.attributes.map(([name]) => name).join(',')
  if (!['total', 'total,count', 'total,start', 'total,count,start'].includes(names)) {
    throw new Error(`<${element.name}> has the attributes ${names}, not total[,count][,start]`)
  }
  const shape: Record<string, unknown> = {}
  if (attributes.has('count')) shape._count = attributes.get('count')
  if (attributes.has('start')) shape._start = attributes.get('start')
  shape._total = attributes.get('total')
  if (element.children.length === 0) return shape
  const itemName = ITEMS[element.name]
  const stray = element.children.find((c) => c.name !== itemName)
  if (stray !== undefined) throw new Error(`<${element.name}> holds <${stray.name}>, not <${itemName}>`)
  shape.values = element.children.map(xmlToJsonShape)
  return shape
}

function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

/**
 * A JSON document as its XML carries it: scalars as text (numbers as `JSON.stringify` writes
 * them), forbidden characters dropped by `strip`, list keys in the recorded order, `undefined`
 * fields gone.
 */
export function asXmlText(value: unknown, strip: (text: string) => string): unknown {
  if (typeof value === 'string') return strip(value)
  if (typeof value === 'number') return JSON.stringify(value)
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map((item) => asXmlText(item, strip))
  const object = value as Record<string, unknown>
  const keys = Object.hasOwn(object, '_total')
    ? ['_count', '_start', '_total', 'values'].filter((key) => key in object)
    : Object.keys(object)
  const shape: Record<string, unknown> = {}
  for (const key of keys) if (object[key] !== undefined) shape[key] = asXmlText(object[key], strip)
  return shape
}
