/**
 * docs/spec.md §3.7 Errors: the limits that bound a request, and the rule that every error of the
 * public API is a `PeopleSearchError`, whatever the caller passes, leaving the index as it was.
 */
import {
  PeopleIndex,
  PeopleSearchError,
  type Profile,
  type SearchRequest,
  type UntypedSearchRequestObject,
} from '@people-search/core'
import { describe, expect, test } from 'vitest'
import { answer, expectError, ids, ME, person, world } from './world.js'

const PATH = '/v1/people-search'
const words = (n: number, word = 'w') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')
/** A request whose path and query are exactly `length` characters: an unknown parameter pads it. */
const urlOfLength = (length: number) => `${PATH}?pad=${'x'.repeat(length - PATH.length - 5)}`

const index = world([
  person('ann', 'Ann', 'Alder', {
    headline: 'Java developer',
    industry: { code: 4, name: 'Software' },
    positions: [{ title: 'Engineer', company: { id: 'acme', name: 'Acme' }, isCurrent: true }],
    educations: [{ school: { id: 'su', name: 'State University' } }],
  }),
])

/** The error a search throws, or a failure when it answers. */
function errorOf(request: unknown, viewer: unknown = ME): PeopleSearchError {
  try {
    index.searchAnswer(request as SearchRequest, { viewer } as { viewer: string })
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw new Error(`expected a PeopleSearchError, got ${String(error)}`)
  }
  throw new Error('expected an error, got an answer')
}

describe('§3.7 a request over 16,384 characters (path and query as given) is a 400', () => {
  test('16,384 characters are fine, one more is request-too-long', () => {
    expect(urlOfLength(16_384)).toHaveLength(16_384)
    expect(ids(index, urlOfLength(16_384))).toEqual(['ann'])
    expectError(() => answer(index, urlOfLength(16_385)), 400, 'request-too-long', '16384')
  })

  test('the length is counted as given, percent-encoded', () => {
    const encoded = `${PATH}?keywords=${'%41'.repeat(5_500)}` // 5,500 decoded characters
    expect(errorOf(encoded).code).toBe('request-too-long')
  })

  test('a scheme and host before the path do not count, nor does a fragment after the query', () => {
    const url = urlOfLength(16_384)
    expect(ids(index, `https://api.linkedin.com${url}`)).toEqual(['ann'])
    expect(ids(index, `${url}#${'f'.repeat(100_000)}`)).toEqual(['ann'])
    expect(errorOf(`https://api.linkedin.com${urlOfLength(16_385)}`).code).toBe('request-too-long')
  })

  test('the object form is held to the query it stands for: name=value pairs joined by &, and its selector', () => {
    // `facets=` and 16,377 commas (empty entries, ignored) are 16,384 characters.
    // (Not through `ids`, which would add `count`.)
    expect(index.searchAnswer({ facets: ','.repeat(16_377) }, { viewer: ME }).ids).toEqual(['ann'])
    expect(errorOf({ facets: ','.repeat(16_378) }).code).toBe('request-too-long')
    expect(errorOf({ facets: ',', sort: 'connections', facet: ['x'.repeat(16_364)] }).code).toBe(
      'request-too-long',
    )
    expect(errorOf({ facet: Array(10_000).fill('network,F,S') }).code).toBe('request-too-long')
    expect(errorOf({ fields: `(${'a'.repeat(16_400)})` }).code).toBe('request-too-long')
  })
})

describe('§3.7 more than 20 facet parameters in one request is a 400 naming facet', () => {
  test('20 are fine, 21 are too-many-facets, in either form', () => {
    const facets = (n: number) => Array(n).fill('network,F,S')
    expect(ids(index, { facet: facets(20) })).toEqual(['ann'])
    const error = errorOf({ facet: facets(21) })
    expect({ code: error.code, status: error.status, values: error.values }).toEqual({
      code: 'too-many-facets',
      status: 400,
      values: { parameter: 'facet', count: '21', max: '20' },
    })
    expect(
      errorOf(
        `${PATH}?${facets(21)
          .map((f) => `facet=${f}`)
          .join('&')}`,
      ).code,
    ).toBe('too-many-facets')
  })

  test('more than 100 values in one facet parameter is still too-many-facet-values', () => {
    const values = Array.from({ length: 101 }, (_, i) => `c${i}`).join(',')
    expectError(
      () => answer(index, { facet: `current-company,${values}` }),
      400,
      'too-many-facet-values',
      'facet',
    )
  })
})

describe('§3.7 every text parameter: over 1,000 characters or 32 tokens is a 400 naming it', () => {
  const TEXT = ['keywords', 'first-name', 'last-name', 'company-name', 'title', 'school-name'] as const

  test.each(TEXT)('%s of 1,001 characters is text-too-long', (parameter) => {
    expectError(() => answer(index, { [parameter]: 'a'.repeat(1001) }), 400, 'text-too-long', parameter)
  })

  test.each(TEXT)('%s of 33 tokens is too-many-words', (parameter) => {
    expectError(() => answer(index, { [parameter]: words(33) }), 400, 'too-many-words', parameter)
  })

  test.each(TEXT)('%s of 1,000 characters in 32 tokens is fine', (parameter) => {
    const value = `${words(31, 'q')} ${'z'.repeat(1000 - words(31, 'q').length - 1)}`
    expect(value).toHaveLength(1000)
    expect(ids(index, { [parameter]: value })).toEqual([])
  })

  test('the length is judged before the tokens: 8,000 tokens in 16,000 characters are text-too-long', () => {
    const request: UntypedSearchRequestObject = { 'company-name': 'a '.repeat(8_000) }
    expect(errorOf(request).code).toBe('text-too-long')
  })
})

describe('§3.7 a field selector over 4,096 characters or nested deeper than 8 is a 400', () => {
  const nested = (depth: number): string => (depth === 0 ? 'id' : `people:(${nested(depth - 1)})`)

  test('in the URL and in the object form', () => {
    const long = `(${'a'.repeat(4_095)})`
    expect(errorOf(`${PATH}:${long}`).code).toBe('selector-too-long')
    expect(errorOf({ fields: long }).code).toBe('selector-too-long')
    expect(errorOf({ fields: `:(${nested(8)})` }).code).toBe('selector-too-deep')
  })
})

describe('§3.7 a message quotes at most 100 characters of an offending value, ending a cut quote with …', () => {
  test('a 10 MB viewer id', () => {
    const viewer = 'v'.repeat(10_000_000)
    const error = errorOf(PATH, viewer)
    expect(error.code).toBe('unknown-viewer')
    expect(error.values.viewer).toBe(`${'v'.repeat(100)}…`)
    expect(error.message.length).toBeLessThan(200)
  })

  test('a keywords value of 2,000 characters', () => {
    const error = errorOf({ keywords: 'k'.repeat(2_000) })
    expect(error.code).toBe('text-too-long')
    expect(error.values.value).toBe(`${'k'.repeat(100)}…`)
  })
})

/**
 * A 20,000-member world in the shape of the sample (500 companies, 40 industries, each member
 * connected to its neighbours and the viewer to 200 of them): the reproductions of issue 11.
 */
function sampleIndex(size = 20_000): { index: PeopleIndex; companies: string[] } {
  const members: Profile[] = [person(ME, 'Viewer', 'Self')]
  for (let i = 0; i < size; i++) {
    members.push(
      person(`m${i}`, `First${i % 300}`, `Last${i % 700}`, {
        headline: `Engineer number ${i % 50}`,
        industry: { code: 1 + (i % 40), name: `Industry ${1 + (i % 40)}` },
        positions: [
          { title: 'Engineer', company: { id: `c${i % 500}`, name: `Company ${i % 500}` }, isCurrent: true },
          {
            title: 'Intern',
            company: { id: `c${(i * 7) % 500}`, name: `Company ${(i * 7) % 500}` },
            endDate: { year: 2010 },
          },
        ],
      }),
    )
  }
  const big = new PeopleIndex({ now: () => new Date('2026-06-15T00:00:00Z') })
  big.add(members)
  for (let i = 0; i < size; i++) {
    if (i < 200) big.connect(ME, `m${i}`)
    big.connect(`m${i}`, `m${(i + 1) % size}`)
  }
  return { index: big, companies: Array.from({ length: 100 }, (_, i) => `c${i}`) }
}

describe('§3.7 the reproductions of issue 11, on a 20,000-member index: each a 400 before any work', () => {
  const { index: big, companies } = sampleIndex()
  const expectCode = (request: SearchRequest, code: PeopleSearchError['code']) =>
    expectError(() => big.searchAnswer(request, { viewer: ME }), 400, code)

  test('10,000 × facet=network,F,S (was 5.8 s)', () => {
    expectCode(`${PATH}?${Array(10_000).fill('facet=network,F,S').join('&')}`, 'request-too-long')
    expectCode({ facet: Array(10_000).fill('network,F,S') }, 'request-too-long')
  })

  test('10,000 × facet=current-company,<100 ids>&facets=current-company (was 62 s and 132 MB)', () => {
    const pair = `facet=current-company,${companies.join(',')}&facets=current-company`
    expectCode(`${PATH}?${Array(10_000).fill(pair).join('&')}`, 'request-too-long')
  })

  test('a company-name of a million tokens (was 1 s)', () => {
    const million = Array(1_000_000).fill('a').join(' ')
    expectCode({ 'company-name': million }, 'request-too-long')
    expectCode(`${PATH}?company-name=${million.replaceAll(' ', '+')}`, 'request-too-long')
  })

  test('the same index still answers within the limits', () => {
    const answered = big.searchAnswer(
      { facet: `current-company,${companies.slice(0, 3).join(',')}`, facets: 'current-company' },
      { viewer: ME },
    )
    expect(answered.numResults).toBeGreaterThan(0)
  })
})

describe('§3.7 every error of the public API is a PeopleSearchError, whatever the caller passes', () => {
  const throwing = {
    toString() {
      throw new Error('toString')
    },
  }
  const trap = () => {
    throw new Error('trap')
  }
  const hostileProxy = new Proxy(
    {},
    { get: trap, getPrototypeOf: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, has: trap },
  )

  /** The answers of a fixed set of calls, to compare before and after. */
  const snapshotOf = (target: PeopleIndex) =>
    JSON.stringify([
      target.size,
      target.searchAnswer({ keywords: 'java' }, { viewer: ME }),
      target.getPerson('ann', { viewer: ME }),
    ])

  const cases: [string, (target: PeopleIndex) => unknown, number, PeopleSearchError['code']][] = [
    ['a Symbol viewer', (t) => t.search(PATH, { viewer: Symbol('me') as never }), 401, 'unknown-viewer'],
    [
      'a viewer whose toString throws',
      (t) => t.search(PATH, { viewer: throwing as never }),
      401,
      'unknown-viewer',
    ],
    ["connect('me', Symbol())", (t) => t.connect(ME, Symbol() as never), 404, 'unknown-member'],
    [
      'an object-form request with a throwing getter',
      (t) =>
        t.search(
          {
            get keywords(): string {
              throw new Error('getter')
            },
          },
          { viewer: ME },
        ),
      400,
      'unreadable-argument',
    ],
    [
      'a Proxy request whose traps throw',
      (t) => t.search(hostileProxy as never, { viewer: ME }),
      400,
      'unreadable-argument',
    ],
    ['a Proxy as search options', (t) => t.search(PATH, hostileProxy as never), 400, 'unreadable-argument'],
    [
      'a Proxy as getPerson options',
      (t) => t.getPerson('ann', hostileProxy as never),
      400,
      'unreadable-argument',
    ],
    ['a Proxy profile', (t) => t.add(hostileProxy as never), 400, 'invalid-profile'],
    ['a Proxy as index options', () => new PeopleIndex(hostileProxy as never), 400, 'unreadable-argument'],
    [
      'a network cache budget that is not an integer ≥ 0',
      () => new PeopleIndex({ networkCacheBytes: -1 }),
      400,
      'invalid-argument',
    ],
    [
      'a network plan that is not cost, whole or members',
      () => new PeopleIndex({ networkPlan: 'fastest' as never }),
      400,
      'invalid-argument',
    ],
    [
      'a compaction slack that is not an integer ≥ 0',
      () => new PeopleIndex({ compaction: { slack: 0.5 } }),
      400,
      'invalid-argument',
    ],
    [
      'a compaction step of no members',
      () => new PeopleIndex({ compaction: { stepMembers: 0 } }),
      400,
      'invalid-argument',
    ],
    [
      'compaction options that are not an object',
      () => new PeopleIndex({ compaction: 5 as never }),
      400,
      'invalid-argument',
    ],
  ]

  test.each(cases)('%s', (_, act, status, code) => {
    const target = world([person('ann', 'Ann', 'Alder', { headline: 'Java developer' })])
    const before = snapshotOf(target)
    expectError(() => act(target), status, code)
    expect(snapshotOf(target)).toBe(before)
  })

  test('getPerson with a token that is not a string is refused like a bad token', () => {
    const target = world([person('ann', 'Ann', 'Alder'), person('far', 'Far', 'Away')], { friends: ['ann'] })
    expectError(() => target.getPerson('far', { viewer: ME, token: {} as never }), 403, 'out-of-network')
  })

  test('a lookup whose parameters throw rejects with a PeopleSearchError costing nothing', async () => {
    const target = world([person('ann', 'Ann', 'Alder')])
    await expect(target.lookupProfile(hostileProxy as never)).rejects.toMatchObject({
      code: 'unreadable-argument',
      status: 400,
      credits: 0,
    })
  })

  test('save and load of a path that is not a string are 400s', async () => {
    const target = world([])
    await expect(target.save(Symbol('path') as never)).rejects.toMatchObject({
      code: 'invalid-argument',
      status: 400,
    })
    await expect(PeopleIndex.load({} as never)).rejects.toMatchObject({
      code: 'invalid-argument',
      status: 400,
    })
  })
})
