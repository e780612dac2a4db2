/**
 * The first path at which two plain JSON values differ, in document order: `people.values[2].id`,
 * `numResults`, `status`; `''` when they are equal. Objects are compared key by key in `a`'s order,
 * then for keys only `b` has; when both hold the same keys with the same values but in another
 * order, the path of the object is returned with ` (key order)` after it, since docs/spec.md §5.1
 * makes the order of output fields part of the answer.
 */
export function firstDifference(a: unknown, b: unknown): string {
  return differenceAt(a, b, '') ?? ''
}

function differenceAt(a: unknown, b: unknown, path: string): string | undefined {
  if (Object.is(a, b)) return undefined
  const here = path === '' ? '(root)' : path
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return here
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `${path}[${i}]`
      const inner = differenceAt(a[i], b[i], `${path}[${i}]`)
      if (inner !== undefined) return inner
    }
    return undefined
  }
  if (!isObject(a) || !isObject(b)) return here
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  for (const key of [...keysA, ...keysB.filter((k) => !Object.hasOwn(a, k))]) {
    const child = path === '' ? key : `${path}.${key}`
    if (!Object.hasOwn(a, key) || !Object.hasOwn(b, key)) return child
    const inner = differenceAt(a[key], b[key], child)
    if (inner !== undefined) return inner
  }
  if (keysA.some((k, i) => keysB[i] !== k)) return `${here} (key order)`
  return undefined
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null
}
