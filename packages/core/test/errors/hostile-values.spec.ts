import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ERROR_CATALOGUE,
  type ErrorCode,
  fail,
  MAX_SHOWN_LENGTH,
  PeopleSearchError,
} from '../../src/errors.js'

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[]

function placeholders(code: ErrorCode): string[] {
  return [...ERROR_CATALOGUE[code].template.matchAll(/\{(\w+)\}|<(\w+)>/g)].map((m) => m[1] ?? m[2])
}

const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
})()
const trap = () => {
  throw new Error('trap')
}
const circular: Record<string, unknown> = {}
circular.self = circular
const hostileError = new Error('x')
Object.defineProperty(hostileError, 'message', { get: trap })

/** Values that break naive stringifying: each one made `${value}` or JSON.stringify throw or mislead. */
const HOSTILE: [string, unknown][] = [
  ['a Symbol', Symbol('hostile')],
  ['a BigInt', 12345678901234567890n],
  ['an object whose toString throws', { toString: trap }],
  [
    'a class instance whose toString throws',
    new (class {
      toString = trap
    })(),
  ],
  ['an object whose toPrimitive throws', { [Symbol.toPrimitive]: trap }],
  ['an object whose toString returns an object', { toString: () => ({}), valueOf: () => ({}) }],
  ['an object whose toJSON throws', { toJSON: trap }],
  ['an object with a throwing getter', Object.defineProperty({}, 'x', { get: trap, enumerable: true })],
  ['an object holding a BigInt', { n: 1n }],
  ['a cycle', circular],
  ['a proxy that throws on every trap', new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap })],
  ['a revoked proxy', revoked],
  ['an object without a prototype', Object.create(null)],
  ['an Error whose message throws', hostileError],
  ['an Error with a huge message', new Error('x'.repeat(100_000))],
  ['a huge string', 'x'.repeat(1_000_000)],
  ['a huge array', Array.from({ length: 10_000 }, () => 'x')],
  ['a string of braces and brackets', '}{<cause>}{value}'.repeat(20)],
  ['lone surrogates', '\uD800x\uDC00'.repeat(50)],
  ['a function', trap],
  ['undefined', undefined],
  ['null', null],
]

/** Every placeholder of `code` given `value`. */
function allValues(code: ErrorCode, value: unknown): Record<string, unknown> {
  return Object.fromEntries(placeholders(code).map((name) => [name, value]))
}

/** What a message may hold besides its template: at most 100 characters of each value, and `…`. */
function expectBounded(error: PeopleSearchError, code: ErrorCode): void {
  const names = placeholders(code)
  expect(typeof error.message).toBe('string')
  expect(error.message.length).toBeLessThanOrEqual(
    ERROR_CATALOGUE[code].template.length + names.length * (MAX_SHOWN_LENGTH + 1),
  )
  for (const name of names) expect(error.values[name].length).toBeLessThanOrEqual(MAX_SHOWN_LENGTH + 1)
  // No run of one value's characters longer than 100 reaches the message.
  expect(error.message).not.toMatch(/x{101}/)
}

describe('every catalogue entry renders any value without throwing (docs/spec.md §3.7)', () => {
  it.each(HOSTILE)('%s', (_, value) => {
    for (const code of CODES) {
      let error: PeopleSearchError | undefined
      expect(() => {
        error = new PeopleSearchError(code, allValues(code, value) as never)
      }).not.toThrow()
      expectBounded(error as PeopleSearchError, code)
      expect(() => fail(code, allValues(code, value) as never)).toThrow(PeopleSearchError)
    }
  })

  it('cuts a huge value to 100 characters and …, whichever form shows it', () => {
    for (const code of CODES) {
      const error = new PeopleSearchError(code, allValues(code, 'x'.repeat(1_000_000)) as never)
      for (const name of placeholders(code)) expect(error.values[name]).toBe(`${'x'.repeat(100)}…`)
    }
  })

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['null', null],
    ['a string', 'values'],
    ['a proxy that throws', new Proxy({}, { get: trap, has: trap, ownKeys: trap })],
    ['a revoked proxy', revoked],
  ])('and values that are %s', (_, values) => {
    for (const code of CODES) {
      expect(() => new PeopleSearchError(code, values as never)).not.toThrow()
    }
  })

  it('holds for any value fast-check can think of', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    })
    fc.assert(
      fc.property(fc.constantFrom(...CODES), anything, (code, value) => {
        const error = new PeopleSearchError(code, allValues(code, value) as never)
        for (const name of placeholders(code))
          expect(error.values[name].length).toBeLessThanOrEqual(MAX_SHOWN_LENGTH + 1)
      }),
      { numRuns: 300 },
    )
  })
})
