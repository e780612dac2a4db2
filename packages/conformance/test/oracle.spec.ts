import type { Geocoder, Profile } from '@people-search/core'
import { describe, expect, it } from 'vitest'
import { Oracle } from '../src/oracle/oracle.js'
import { tokens } from '../src/oracle/text.js'

const NOW = new Date('2024-06-01T00:00:00Z')

/** Two points ~0.7 miles apart, and one far away; only the country `zz`. */
const fakeGeocoder: Geocoder = {
  covers: (country) => country === 'us',
  locate: (_country, code) =>
    ({
      '10001': { lat: 40.75, lon: -73.99 },
      '10002': { lat: 40.71, lon: -73.98 },
      '94043': { lat: 37.4, lon: -122.08 },
    })[code.trim()],
}

const people: Profile[] = [
  { id: 'v', firstName: 'Vera', lastName: 'Viewer', numConnections: 2 },
  {
    id: 'a',
    firstName: 'Ann',
    lastName: 'Archer',
    headline: 'Rust engineer',
    summary: 'secret sauce',
    visibility: { summary: 'connections' },
    location: { name: 'Greater New York', code: 'us:70', postalCode: '10001' },
    language: 'en_US',
    numConnections: 50,
    positions: [
      { title: 'Staff Engineer', company: { id: 'ACME1', name: 'Acme, Inc' } },
      { title: 'Intern', company: { id: 'g1', name: 'Globex' }, endDate: { year: 2020 } },
    ],
  },
  {
    id: 'b',
    firstName: 'Bob',
    lastName: 'Baker',
    language: 'fr',
    numConnections: 50,
    skills: ['rust'],
    location: { name: 'NYC', code: 'us:70', postalCode: '10002' },
    positions: [{ title: 'Secret Title', company: { id: 'acme1', name: 'Acme' }, visibility: 'private' }],
  },
  {
    id: 'c',
    firstName: 'Cara',
    lastName: 'Cole',
    headline: 'Hobbyist',
    summary: 'hidden gem',
    visibility: { summary: 'connections' },
    location: { name: 'Mountain View', code: 'us:84', lat: 37.39, lon: -122.08 },
    numConnections: 200,
  },
  { id: 'd', firstName: 'Dan', lastName: 'Doe', numConnections: 999 },
  { id: 'e', firstName: 'Eve', lastName: 'Evans', language: 'de-DE', numConnections: 7 },
]

function world(options: ConstructorParameters<typeof Oracle>[0] = {}): Oracle {
  const oracle = new Oracle({ now: () => NOW, geocoder: fakeGeocoder, ...options })
  oracle.add(people)
  oracle.connect('v', 'a') // a: F
  oracle.connect('b', 'v') // b: F
  oracle.connect('a', 'c') // c: S
  oracle.joinGroup('v', 'rustaceans')
  oracle.joinGroup('e', 'rustaceans') // e: A; d: O
  return oracle
}

const as = { viewer: 'v' }

describe('oracle: tokens (docs/spec.md §2)', () => {
  it('folds, joins apostrophes inside words and splits ideographs', () => {
    expect(tokens("O'Reilly & José, STRASSE-Straße 東京x")).toEqual([
      'oreilly',
      'jose',
      'strasse',
      'strasse',
      '東',
      '京',
      'x',
    ])
    expect(tokens("a''b * AND ı")).toEqual(['a', 'b', 'and', 'i'])
  })
})

describe('oracle: who can be found (docs/spec.md §3.2, §3.3)', () => {
  it('finds only F and S without both names, sorted by connections then id', () => {
    expect(world().answer({}, as)).toEqual({
      numResults: 3,
      total: 3,
      start: 0,
      ids: ['c', 'a', 'b'],
      facets: [],
    })
  })

  it('finds anyone, O included, with both names', () => {
    expect(world().answer({ 'first-name': 'dan', 'last-name': 'DOE' }, as).ids).toEqual(['d'])
    expect(world().answer({ 'first-name': 'dan' }, as).ids).toEqual([])
  })

  it('requires a known viewer', () => {
    expect(() => world().answer({}, {})).toThrow('People search must be done on behalf of a member.')
    expect(() => world().answer({}, { viewer: 'zed' })).toThrow(
      expect.objectContaining({ code: 'unknown-viewer', values: { viewer: 'zed' } }),
    )
  })

  it('caps total by account level but not num-results', () => {
    const answer = world({ caps: { basic: 2 } }).answer({}, as)
    expect(answer).toMatchObject({ numResults: 3, total: 2, ids: ['c', 'a'] })
  })
})

describe('oracle: privacy (docs/spec.md §3.6)', () => {
  it('matches connections-only text for F members only, private items never', () => {
    expect(world().answer({ keywords: 'secret' }, as).ids).toEqual(['a']) // a's summary; b's title is private
    expect(world().answer({ keywords: 'hidden' }, as).ids).toEqual([]) // c is S
  })

  it('judges company-name with the current flag over visible positions', () => {
    expect(world().answer({ 'company-name': 'acme', 'current-company': 'true' }, as).ids).toEqual(['a'])
    expect(world().answer({ 'company-name': 'globex', 'current-company': 'false' }, as).ids).toEqual(['a'])
    expect(world().answer({ 'company-name': 'globex', 'current-company': 'true' }, as).ids).toEqual([])
  })
})

describe('oracle: sort and relevance (docs/spec.md §3.4)', () => {
  it('orders by BM25, where a short document can beat a heavier field', () => {
    // N = 6, avgdl = 57 / 6; a: tf 2 (headline), dl 23 → 0.982…; b: tf 1 (skill), dl 8 → 1.069…
    expect(world().answer({ keywords: 'rust' }, as).ids).toEqual(['a', 'b'])
    expect(world().answer({ keywords: 'rust', sort: 'relevance' }, as).ids).toEqual(['b', 'a'])
  })

  it('orders by degree for sort=distance', () => {
    const ids = world().answer({ 'first-name': 'eve', 'last-name': 'evans', sort: 'distance' }, as).ids
    expect(ids).toEqual(['e'])
    expect(world().answer({ sort: 'distance' }, as).ids).toEqual(['a', 'b', 'c'])
  })
})

describe('oracle: postal codes (docs/spec.md §3.1)', () => {
  it('measures from the centroid; radius 0 means the same postal code', () => {
    expect(world().answer({ 'country-code': 'us', 'postal-code': '10001' }, as).ids).toEqual(['a'])
    expect(world().answer({ 'country-code': 'us', 'postal-code': '10001', distance: '5' }, as).ids).toEqual([
      'a',
      'b',
    ])
    expect(world().answer({ 'country-code': 'us', 'postal-code': '94043', distance: '5' }, as).ids).toEqual([
      'c',
    ])
  })

  it('rejects a country or code the geocoder does not know', () => {
    expect(() => world().answer({ 'country-code': 'fr', 'postal-code': '75001' }, as)).toThrow(
      expect.objectContaining({ code: 'unknown-postal-country', values: { country: 'fr' } }),
    )
    expect(() => world().answer({ 'country-code': 'us', 'postal-code': '99999' }, as)).toThrow(
      expect.objectContaining({
        code: 'unknown-postal-code',
        values: { postalCode: '99999', country: 'us' },
      }),
    )
  })
})

describe('oracle: facets (docs/spec.md §4)', () => {
  it('counts disjunctively and appends selected buckets', () => {
    const answer = world().answer({ facet: 'network,F', facets: 'network,language' }, as)
    expect(answer.ids).toEqual(['a', 'b'])
    expect(answer.facets).toEqual([
      {
        code: 'network',
        buckets: [
          { code: 'F', name: '1st Connections', count: 2, selected: true },
          { code: 'S', name: '2nd Connections', count: 1, selected: false },
        ],
      },
      {
        code: 'language',
        buckets: [
          { code: 'en', name: 'English', count: 1, selected: false },
          { code: 'fr', name: 'French', count: 1, selected: false },
        ],
      },
    ])
  })

  it('names location buckets and lists a selected empty bucket', () => {
    const answer = world().answer({ facet: 'location,us:84,gb:0', facets: 'location' }, as)
    expect(answer.facets[0].buckets).toEqual([
      { code: 'us:0', name: 'United States of America', count: 3, selected: false },
      { code: 'us:70', name: 'Greater New York', count: 2, selected: false },
      { code: 'us:84', name: 'Mountain View', count: 1, selected: true },
      { code: 'gb:0', name: 'United Kingdom', count: 0, selected: true },
    ])
  })

  it('names company buckets only from visible positions', () => {
    const answer = world().answer({ facets: 'current-company' }, as)
    expect(answer.facets[0].buckets).toEqual([
      { code: 'acme1', name: 'Acme, Inc', count: 1, selected: false },
    ])
  })
})

describe('oracle: the three readings of docs/spec.md §8 "Buckets"', () => {
  const small = (profiles: Profile[]) => {
    const oracle = new Oracle({ now: () => NOW, facetBucketLimit: 1 })
    oracle.add([{ id: 'v', firstName: 'Vera', lastName: 'Viewer' }, ...profiles])
    for (const p of profiles) oracle.connect('v', p.id)
    return oracle
  }

  it('puts a member without a language in _o', () => {
    const oracle = small([{ id: 'a', firstName: 'Ann', lastName: 'A' }])
    expect(oracle.answer({ facets: 'language' }, as).facets[0].buckets).toEqual([
      { code: '_o', name: 'Others', count: 1, selected: false },
    ])
  })

  it('names a bucket by its code when no visible display name is a name (empty or blank is none)', () => {
    const oracle = small([
      { id: 'a', firstName: 'Ann', lastName: 'A', positions: [{ company: { id: 'x', name: '' } }] },
      { id: 'b', firstName: 'Bob', lastName: 'B', positions: [{ company: { id: 'x', name: 'Real Name' } }] },
      { id: 'c', firstName: 'Cy', lastName: 'C', location: { name: ' ', code: 'us:84' } },
    ])
    const [company, location] = oracle.answer({ facets: 'current-company,location' }, as).facets
    expect(company.buckets).toEqual([{ code: 'x', name: 'Real Name', count: 2, selected: false }])
    expect(location.buckets).toEqual([
      { code: 'us:0', name: 'United States of America', count: 1, selected: false },
    ])
    const selected = oracle.answer({ facet: 'location,us:84', facets: 'location' }, as).facets[0]
    expect(selected.buckets.map((b) => [b.code, b.name])).toEqual([
      ['us:0', 'United States of America'],
      ['us:84', 'us:84'],
    ])
  })

  it('lists selected buckets outside the top list in the order the facet filters name them', () => {
    const industry = (id: string, code: number): Profile => ({
      id,
      firstName: 'I',
      lastName: id,
      industry: { code, name: `Industry ${code}` },
    })
    const oracle = small([industry('a', 1), industry('b', 1), industry('c', 2), industry('d', 3)])
    const answer = oracle.answer({ facet: ['industry,3,9', 'industry,2'], facets: 'industry' }, as)
    expect(answer.facets[0].buckets.map((b) => [b.code, b.count, b.selected])).toEqual([
      ['1', 2, false],
      ['3', 1, true],
      ['9', 0, true],
      ['2', 1, true],
    ])
  })
})

describe('oracle: updates and the legacy document (docs/spec.md §1.2, §5.4, §7)', () => {
  it('keeps edges across a replace and drops them on remove', () => {
    const oracle = world()
    oracle.add({ ...people[1], numConnections: 1 })
    expect(oracle.answer({}, as).ids).toEqual(['c', 'b', 'a'])
    expect(oracle.remove('a')).toBe(true)
    expect(oracle.answer({}, as).ids).toEqual(['b']) // c was S only through a
    expect(() => oracle.connect('v', 'a')).toThrow(expect.objectContaining({ code: 'unknown-member' }))
  })

  it('writes paging keys only for a partial page', () => {
    expect(world().search({}, as)).toEqual({
      numResults: 3,
      people: {
        _total: 3,
        values: [
          { id: 'c', firstName: 'Cara', lastName: 'Cole' },
          { id: 'a', firstName: 'Ann', lastName: 'Archer' },
          { id: 'b', firstName: 'Bob', lastName: 'Baker' },
        ],
      },
    })
    expect(world().search({ start: 1, count: 1 }, as).people).toEqual({
      _count: 1,
      _start: 1,
      _total: 3,
      values: [{ id: 'a', firstName: 'Ann', lastName: 'Archer' }],
    })
    expect(world().search({ start: 5 }, as).people).toEqual({ _count: 0, _start: 5, _total: 3 })
  })
})
