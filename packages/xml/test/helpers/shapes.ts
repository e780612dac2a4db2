/**
 * The structure of a JSON document without its values, to compare our documents with the
 * recorded ones: objects keep their keys (in order), the items of a list merge into one shape,
 * scalars become their kind.
 */
export type Shape = string | Shape[] | { [key: string]: Shape }

export function jsonShape(value: unknown, kind: (scalar: unknown) => string = (s) => typeof s): Shape {
  if (typeof value !== 'object' || value === null) return kind(value)
  if (Array.isArray(value))
    return value.length === 0 ? [] : [value.map((v) => jsonShape(v, kind)).reduce(merge)]
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, jsonShape(v, kind)]))
}

/** Every field of every item, in first-seen order: the recorded items each omit some fields. */
function merge(a: Shape, b: Shape): Shape {
  if (typeof a === 'string' && typeof b === 'string') return a === b ? a : [a, b].sort().join('|')
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === 0 ? b : b.length === 0 ? a : [merge(a[0], b[0])]
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const merged = { ...a }
    for (const [key, shape] of Object.entries(b))
      merged[key] = Object.hasOwn(merged, key) ? merge(merged[key], shape) : shape
    return merged
  }
  throw new Error(`cannot merge ${JSON.stringify(a)} with ${JSON.stringify(b)}`)
}

/** The same shape with every object's keys sorted: the recorded JSON is in alphabetical order. */
export function sortedShape(shape: Shape): Shape {
  if (typeof shape === 'string') return shape
  if (Array.isArray(shape)) return shape.map(sortedShape)
  return Object.fromEntries(
    Object.keys(shape)
      .sort()
      .map((key) => [key, sortedShape(shape[key])]),
  )
}

/** Key lists of every object in a document: lists (`_total` present) and plain objects apart. */
export function keyLists(value: unknown, found = { lists: [] as string[], keys: [] as string[] }) {
  if (typeof value !== 'object' || value === null) return found
  if (Array.isArray(value)) {
    for (const item of value) keyLists(item, found)
    return found
  }
  const keys = Object.keys(value)
  if (keys.includes('_total')) found.lists.push(keys.join(','))
  else found.keys.push(...keys)
  for (const v of Object.values(value)) keyLists(v, found)
  return found
}
