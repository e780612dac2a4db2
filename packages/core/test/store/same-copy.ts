import { expect } from 'vitest'

/**
 * Asserts that `actual` is what `copyProfile` made, `expected`, down to the details a plain
 * deep equality skips: the same own keys in the same order in every object and list (so keys
 * whose value is `undefined` too), every object and list frozen, the same prototypes, and
 * numbers equal by `Object.is` (−0 is not 0). Also compared as JSON, as snapshots write them.
 */
export function expectSameCopy(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
  sameDeep(actual, expected, 'profile')
}

function sameDeep(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected !== 'object' || expected === null) {
    expect(Object.is(actual, expected), `${path}: ${String(actual)} is not ${String(expected)}`).toBe(true)
    return
  }
  expect(typeof actual, path).toBe('object')
  const a = actual as Record<string, unknown>
  const e = expected as Record<string, unknown>
  expect(Object.isFrozen(a), `${path} is frozen`).toBe(true)
  expect(Object.getPrototypeOf(a), `${path} prototype`).toBe(Object.getPrototypeOf(e))
  expect(Array.isArray(a), `${path} is a list`).toBe(Array.isArray(e))
  expect(Reflect.ownKeys(a), `${path} keys`).toEqual(Reflect.ownKeys(e))
  for (const key of Object.keys(e)) sameDeep(a[key], e[key], `${path}.${key}`)
}
