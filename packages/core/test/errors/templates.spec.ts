import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  ERROR_CATALOGUE,
  ERROR_KINDS,
  type ErrorCode,
  ErrorDetail,
  fail,
  PeopleSearchError,
  shortened,
} from '../../src/errors.js'

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[]

/** The placeholders of a template, read independently of errors.ts: `{name}` and `<name>`. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}|<([^<>]*)>/g)].map((m) => m[1] ?? m[2])
}

function thrown(run: () => unknown): PeopleSearchError {
  try {
    run()
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected a PeopleSearchError')
}

describe('the catalogue', () => {
  it('gives every code its family, the family’s status and error code, and a template', () => {
    for (const code of CODES) {
      const { kind, status, errorCode, template } = ERROR_CATALOGUE[code]
      expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      expect(ERROR_KINDS[kind]).toEqual({ status, errorCode })
      expect(template.length).toBeGreaterThan(0)
    }
  })

  it('has at least one code in every family', () => {
    const used = new Set(CODES.map((code) => ERROR_CATALOGUE[code].kind))
    expect([...used].sort()).toEqual(Object.keys(ERROR_KINDS).sort())
  })

  it('names its placeholders as identifiers, with no stray brace or angle bracket', () => {
    for (const code of CODES) {
      const { template } = ERROR_CATALOGUE[code]
      for (const name of placeholders(template)) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/)
      expect(template.replace(/\{[A-Za-z0-9]+\}|<[A-Za-z0-9]+>/g, '')).not.toMatch(/[{}<>]/)
    }
  })

  it('puts every value where its template says, in braces or bare, and records what it showed', () => {
    for (const code of CODES) {
      const { template } = ERROR_CATALOGUE[code]
      const names = placeholders(template)
      const values = Object.fromEntries(names.map((name) => [name, `«${name}»`]))
      const error = new PeopleSearchError(code, values as never)
      const expected = template.replace(/\{(\w+)\}|<(\w+)>/g, (_, quoted, bare) =>
        quoted === undefined ? `«${bare}»` : `{«${quoted}»}`,
      )
      expect(error.message).toBe(expected)
      expect(error.values).toEqual(values)
      expect(error).toMatchObject({
        code,
        kind: ERROR_CATALOGUE[code].kind,
        status: ERROR_CATALOGUE[code].status,
      })
    }
  })

  it('has no code that the library never raises', () => {
    // The catalogue is the whole project's: the HTTP service raises its own codes from it.
    const sources = ['../../src', '../../../server/src'].map((dir) =>
      fileURLToPath(new URL(dir, import.meta.url)),
    )
    const files = sources
      .flatMap((src) =>
        readdirSync(src, { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.ts') && file !== 'errors.ts')
          .map((file) => readFileSync(join(src, file), 'utf8')),
      )
      .join('\n')
    expect(CODES.filter((code) => !files.includes(`'${code}'`))).toEqual([])
  })
})

describe('PeopleSearchError', () => {
  it('carries the code, family, status, error code, values, request id and timestamp', () => {
    const error = new PeopleSearchError('unknown-member', { member: 'ghost' })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('PeopleSearchError')
    expect(error).toMatchObject({
      code: 'unknown-member',
      kind: 'notFound',
      status: 404,
      errorCode: 0,
      message: 'Unknown member {ghost}',
      values: { member: 'ghost' },
    })
    expect(error.requestId).toMatch(/^[A-Z0-9]{10}$/)
    expect(Math.abs(error.timestamp - Date.now())).toBeLessThan(60_000)
  })

  it('takes a request id and timestamp, as a recorded error has them', () => {
    const error = new PeopleSearchError(
      'search-without-viewer',
      {},
      { requestId: 'IC4IG64OXE', timestamp: 1 },
    )
    expect(error).toMatchObject({ requestId: 'IC4IG64OXE', timestamp: 1 })
    expect(new PeopleSearchError('search-without-viewer', undefined, { timestamp: 2 }).timestamp).toBe(2)
  })

  it('fail throws it', () => {
    expect(() => fail('unknown-viewer', { viewer: 'zed' })).toThrow(PeopleSearchError)
    expect(thrown(() => fail('unknown-viewer', { viewer: 'zed' })).code).toBe('unknown-viewer')
  })

  it('refuses a code that is not in the catalogue with a TypeError naming it (a caller’s bug)', () => {
    expect(() => new PeopleSearchError('notFound' as ErrorCode, {} as never)).toThrow(
      new TypeError('Unknown error code notFound'),
    )
    expect(() => new PeopleSearchError(Symbol('x') as unknown as ErrorCode, {} as never)).toThrow(TypeError)
  })
})

// One example per family, each message in full: the templates write what the legacy API wrote.
describe('the families and their messages', () => {
  it('badParameter names the parameter and the value (docs/spec.md §3.7)', () => {
    const error = thrown(() =>
      fail('missing-companion', { parameter: 'distance', value: '5', companion: 'postal-code' }),
    )
    expect(error).toMatchObject({ kind: 'badParameter', status: 400 })
    expect(error.message).toBe('Invalid value {5} for parameter {distance}: distance requires postal-code')
    expect(new PeopleSearchError('missing-parameter', { parameter: 'profile_url' }).message).toBe(
      'Missing parameter {profile_url}',
    )
  })

  it('badSelector writes the legacy messages', () => {
    const error = new PeopleSearchError('unknown-field', { field: 'x', resource: 'Person' })
    expect(error).toMatchObject({ kind: 'badSelector', status: 400 })
    expect(error.message).toBe('Unknown field {x} in resource {Person}')
    expect(new PeopleSearchError('selector-syntax', { position: 3, expected: 'a field name' }).message).toBe(
      'Invalid field selector at position 3: expected a field name',
    )
  })

  it('badRequest', () => {
    const error = new PeopleSearchError('unreadable-parameter-value', { parameter: 'count', type: 'null' })
    expect(error).toMatchObject({ kind: 'badRequest', status: 400 })
    expect(error.message).toBe(
      'Unreadable value for parameter {count}: expected a string, number or boolean, got null',
    )
  })

  it('invalidProfile shows the composed problem whole, however long', () => {
    const problem = new ErrorDetail(`positions[0].title must be a string (got ${'"x'.repeat(60)})`)
    const error = new PeopleSearchError('invalid-profile', { record: 'record 3 (id "abc")', problem })
    expect(error).toMatchObject({ kind: 'invalidProfile', status: 400 })
    expect(error.message).toBe(`Invalid profile record 3 (id "abc"): ${problem.text}`)
    expect(new PeopleSearchError('invalid-person-profile', { slug: 'ann', problem }).message).toBe(
      `Invalid Person Profile document (public_identifier "ann"): ${problem.text}`,
    )
  })

  it('unknownPlace', () => {
    const error = new PeopleSearchError('unknown-postal-code', { postalCode: '99999', country: 'us' })
    expect(error).toMatchObject({ kind: 'unknownPlace', status: 400 })
    expect(error.message).toBe('Unknown postal code {99999} in country {us}')
  })

  it('unauthorized writes the legacy messages', () => {
    const none = new PeopleSearchError('search-without-viewer')
    expect(none).toMatchObject({ kind: 'unauthorized', status: 401, values: {} })
    expect(none.message).toBe('People search must be done on behalf of a member.')
    expect(new PeopleSearchError('unknown-viewer', { viewer: 'ghost' }).message).toBe(
      'Unknown viewer {ghost}',
    )
  })

  it('forbidden', () => {
    const error = new PeopleSearchError('out-of-network', { member: 'cy' })
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 })
    expect(error.message).toBe("Member {cy} is out of the viewer's network: a valid profile token is needed")
  })

  it('notFound', () => {
    const error = new PeopleSearchError('profile-not-found', { url: 'https://www.linkedin.com/in/zed' })
    expect(error).toMatchObject({ kind: 'notFound', status: 404 })
    expect(error.message).toBe('Profile {https://www.linkedin.com/in/zed} not found')
  })

  it('badSnapshot shows a path and a count bare, and another error whole as its cause', () => {
    const error = new PeopleSearchError('snapshot-truncated', { path: '/tmp/a.snapshot', count: 12 })
    expect(error).toMatchObject({ kind: 'badSnapshot', status: 500 })
    expect(error.message).toBe('Snapshot /tmp/a.snapshot is truncated: no trailer after 12 records')
    const inner = new PeopleSearchError('invalid-profile', {
      record: 'record 1',
      problem: new ErrorDetail(`id must be 1–64 characters of [A-Za-z0-9_-] (got "${'i'.repeat(59)}…")`),
    })
    const outer = new PeopleSearchError('snapshot-invalid-record', { path: '/tmp/a.snapshot', cause: inner })
    expect(outer.message).toBe(`Snapshot /tmp/a.snapshot holds an invalid record: ${inner.message}`)
    expect(outer.cause).toBe(inner)
  })

  it('sourceFailed shows another Error by its message, shortened like any value', () => {
    const cause = new Error('connection reset')
    const error = new PeopleSearchError('profile-source-failed', { cause })
    expect(error).toMatchObject({ kind: 'sourceFailed', status: 503, values: { cause: 'connection reset' } })
    expect(error.message).toBe('The profile source failed: connection reset')
    expect(error.cause).toBe(cause)
    const long = new PeopleSearchError('profile-source-failed', { cause: new Error('e'.repeat(500)) })
    expect(long.message).toBe(`The profile source failed: ${'e'.repeat(100)}…`)
  })
})

describe('how values are shown (docs/spec.md §3.7)', () => {
  it('quotes at most 100 characters, ending a cut quote with …', () => {
    expect(new PeopleSearchError('unknown-viewer', { viewer: 'v'.repeat(100) }).message).toBe(
      `Unknown viewer {${'v'.repeat(100)}}`,
    )
    expect(new PeopleSearchError('unknown-viewer', { viewer: 'v'.repeat(101) }).message).toBe(
      `Unknown viewer {${'v'.repeat(100)}…}`,
    )
    expect(new PeopleSearchError('snapshot-truncated', { path: 'p'.repeat(300), count: 1 }).values.path).toBe(
      `${'p'.repeat(100)}…`,
    )
  })

  it('never cuts a surrogate pair in two', () => {
    const text = `${'a'.repeat(99)}😀tail`
    expect(shortened(text)).toBe(`${'a'.repeat(99)}…`)
    expect(shortened(`${'a'.repeat(98)}😀tail`)).toBe(`${'a'.repeat(98)}😀…`)
  })

  it.each<[string, unknown, string]>([
    ['a number', 2.5, '2.5'],
    ['NaN', Number.NaN, 'NaN'],
    ['a boolean', true, 'true'],
    ['a BigInt', 10n, '10'],
    ['a Symbol', Symbol('s'), 'Symbol(s)'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['an array', ['a', 1], '["a",1]'],
    ['a plain object', { a: 1 }, '{"a":1}'],
    ['an object without a prototype', Object.assign(Object.create(null), { a: 1 }), '{"a":1}'],
    ['a class instance', new URL('https://example.com/x'), 'https://example.com/x'],
    ['a Map', new Map([[1, 2]]), '[object Map]'],
    ['a function', () => 1, 'a function'],
    ['an Error', new RangeError('out of range'), 'out of range'],
  ])('writes %s', (_, value, shown) => {
    expect(new PeopleSearchError('unknown-viewer', { viewer: value }).values.viewer).toBe(shown)
  })

  it('shows a missing value as undefined rather than failing', () => {
    expect(new PeopleSearchError('unknown-viewer', {} as never).message).toBe('Unknown viewer {undefined}')
  })
})

// Never called: the types make every call site pass exactly its template's values.
export function refusedByTheTypes(): void {
  // @ts-expect-error a value the template needs is missing
  fail('unknown-field', { field: 'x' })
  // @ts-expect-error a value the template does not show
  fail('unknown-viewer', { viewer: 'x', member: 'y' })
  // @ts-expect-error a code that is not in the catalogue
  fail('notFound', {})
  // @ts-expect-error a template without placeholders takes no values
  fail('search-without-viewer', { viewer: 'x' })
  // @ts-expect-error a template with placeholders needs its values
  fail('unknown-viewer')
}
