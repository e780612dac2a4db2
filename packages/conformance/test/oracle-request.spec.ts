// The oracle's own request parser and distance (src/oracle/request.ts, criteria.ts) on the spec's
// own cases. These are the places where the oracle used to share the index's code, so that a bug
// there (kilometres, a strict radius, an inverted current flag) was a bug of both and no property
// could see it; each case here is one the spec decides in so many words.
import type { Geocoder, Profile } from '@people-search/core'
import { describe, expect, it } from 'vitest'
import { greatCircleMiles, type Point } from '../src/oracle/criteria.js'
import { Oracle } from '../src/oracle/oracle.js'
import { parseRequest } from '../src/oracle/request.js'

const NOW = new Date('2024-06-01T00:00:00Z')
const noSelector = () => {}
const parse = (request: Parameters<typeof parseRequest>[0]) => parseRequest(request, noSelector)

/** The error a call throws, as the properties compare it and with what its message names. */
function refusal(call: () => unknown): { code: string; status: number; kind: string; parameter?: string } {
  try {
    call()
  } catch (error) {
    const e = error as { code: string; status: number; kind: string; values: Record<string, string> }
    return { code: e.code, status: e.status, kind: e.kind, parameter: e.values.parameter }
  }
  throw new Error('expected a refusal, got an answer')
}

/** One mile north of a point, in degrees of latitude: the spec's Earth radius, 3958.8 mi. */
const DEGREES_PER_MILE = 180 / (Math.PI * 3958.8)
const CENTROID: Point = { lat: 40, lon: -74 }
/** 9.99 miles due north of the centroid: inside 10 miles, outside 9; 16.08 km, outside 10 km. */
const NEAR: Point = { lat: CENTROID.lat + 9.99 * DEGREES_PER_MILE, lon: CENTROID.lon }
/** Off the meridian, farther than 10 miles: its distance is an arbitrary double. */
const ASKEW: Point = { lat: 40.1731, lon: -73.7862 }

const geocoder: Geocoder = {
  covers: (country) => country === 'us',
  locate: (_country, code) => (code === '10001' ? CENTROID : undefined),
}

const people: Profile[] = [
  { id: 'v', firstName: 'Vera', lastName: 'Viewer' },
  {
    id: 'now',
    firstName: 'Nia',
    lastName: 'Current',
    numConnections: 2,
    location: { name: 'Near', code: 'us:70', ...NEAR },
    positions: [{ title: 'Engineer', company: { id: 'acme', name: 'Acme, Inc' } }],
  },
  {
    id: 'was',
    firstName: 'Pat',
    lastName: 'Past',
    numConnections: 1,
    location: { name: 'Askew', code: 'us:70', ...ASKEW },
    positions: [
      { title: 'Engineer', company: { id: 'acme', name: 'Acme' }, endDate: { year: 2020 } },
      { title: 'Founder', company: { id: 'globex', name: 'Globex' } },
    ],
  },
]

function world(): Oracle {
  const oracle = new Oracle({ now: () => NOW, geocoder })
  oracle.add(people)
  oracle.connect('v', 'now')
  oracle.connect('v', 'was')
  return oracle
}

const ids = (request: Parameters<Oracle['answer']>[0]) => world().answer(request, { viewer: 'v' }).ids

describe('the oracle reads the current flags (docs/spec.md §3.1, §8)', () => {
  it('current-company=true keeps only members whose matching position is current', () => {
    expect(ids('people-search?company-name=acme&current-company=true')).toEqual(['now'])
  })

  it('current-company=false keeps only members whose matching position is past', () => {
    expect(ids('people-search?company-name=acme&current-company=false')).toEqual(['was'])
    expect(ids('people-search?company-name=acme')).toEqual(['now', 'was'])
  })

  it('accepts the flags in any case, the object form included', () => {
    expect(parse('people-search?title=engineer&current-title=TRUE').title).toEqual({
      tokens: ['engineer'],
      current: true,
    })
    expect(parse({ 'school-name': 'MIT', 'current-school': false }).schoolName).toEqual({
      tokens: ['mit'],
      current: false,
    })
    expect(refusal(() => parse('people-search?title=ceo&current-title=yes'))).toMatchObject({
      code: 'invalid-flag',
      parameter: 'current-title',
    })
  })

  it('refuses a flag beside a value without tokens, naming the flag', () => {
    expect(refusal(() => parse({ 'company-name': ' * ', 'current-company': 'true' }))).toMatchObject({
      code: 'missing-companion',
      parameter: 'current-company',
    })
  })
})

describe('the oracle measures distances in miles, boundary included (docs/spec.md §3.1)', () => {
  it('measures a degree of latitude as 2π · 3958.8 / 360 miles', () => {
    expect(greatCircleMiles({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo((3958.8 * Math.PI) / 180, 9)
    expect(greatCircleMiles(NEAR, CENTROID)).toBeCloseTo(9.99, 9)
  })

  it('finds a member 9.99 miles away within distance=10 but not within 9', () => {
    expect(ids('people-search?country-code=us&postal-code=10001&distance=10')).toEqual(['now'])
    expect(ids('people-search?country-code=us&postal-code=10001&distance=9')).toEqual([])
  })

  it('finds a member lying exactly on the radius', () => {
    const boundary = greatCircleMiles(ASKEW, CENTROID)
    expect(boundary).toBeGreaterThan(10)
    const at = (miles: number) => ids({ 'country-code': 'us', 'postal-code': '10001', distance: miles })
    expect(at(boundary)).toContain('was')
    expect(at(boundary * (1 - 1e-12))).not.toContain('was')
  })

  it('reads distance as a decimal number of miles ≥ 0', () => {
    const postal = (distance?: string) => {
      const place = 'people-search?country-code=us&postal-code=%2010001+'
      return parse(distance === undefined ? place : `${place}&distance=${encodeURIComponent(distance)}`)
    }
    expect(postal('.5').postal).toEqual({ code: '10001', distance: 0.5 })
    expect(postal('5.').postal).toEqual({ code: '10001', distance: 5 })
    expect(postal().postal).toEqual({ code: '10001', distance: 0 })
    for (const distance of ['-1', '1e3', '', '.', ' 5', '9'.repeat(400)]) {
      expect(
        refusal(() => postal(distance)),
        distance,
      ).toMatchObject({ code: 'invalid-distance' })
    }
  })
})

describe('the oracle holds text parameters to the limits of docs/spec.md §3.7', () => {
  const TEXT = ['keywords', 'first-name', 'last-name', 'company-name', 'title', 'school-name']

  it.each(TEXT)('%s: 1,000 characters and 32 tokens are fine', (parameter) => {
    expect(() => parse({ [parameter]: 'a'.repeat(1000) })).not.toThrow()
    expect(() =>
      parse({ [parameter]: Array.from({ length: 32 }, (_, i) => `w${i}`).join(' ') }),
    ).not.toThrow()
  })

  it.each(TEXT)('%s: 1,001 characters is a 400 naming the parameter', (parameter) => {
    expect(refusal(() => parse({ [parameter]: 'a'.repeat(1001) }))).toEqual({
      code: 'text-too-long',
      status: 400,
      kind: 'badParameter',
      parameter,
    })
  })

  it.each(TEXT)('%s: 33 tokens is a 400 naming the parameter', (parameter) => {
    const words = Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ')
    expect(refusal(() => parse(`people-search?${parameter}=${encodeURIComponent(words)}`))).toEqual({
      code: 'too-many-words',
      status: 400,
      kind: 'badParameter',
      parameter,
    })
  })

  it('counts characters in UTF-16 code units (docs/spec.md §8)', () => {
    expect(refusal(() => parse({ keywords: '😀'.repeat(501) }))).toMatchObject({ code: 'text-too-long' })
    expect(() => parse({ keywords: '😀'.repeat(500) })).not.toThrow()
  })
})

describe('the oracle reads requests as docs/spec.md §8 says', () => {
  it('reads the selector before the parameters and hands it over', () => {
    const seen: (string | undefined)[] = []
    const query = parseRequest('/v1/people-search:(people:(id))?count=5', (fields) => seen.push(fields))
    expect(seen).toEqual(['(people:(id))'])
    expect(query).toMatchObject({ fields: '(people:(id))', count: 5 })
    const refuse = () => {
      throw new Error('selector refused')
    }
    expect(() => parseRequest('people-search:(x)?count=99', refuse)).toThrow('selector refused')
  })

  it('counts a repeated parameter once, its first occurrence, but every facet', () => {
    expect(parse('people-search?count=3&count=99&facet=network,F&facet=language,en')).toMatchObject({
      count: 3,
      facetFilters: [
        { code: 'network', values: ['F'] },
        { code: 'language', values: ['en'] },
      ],
    })
  })

  it('reads an empty country-code or postal-code as absent', () => {
    expect(parse('people-search?country-code=').countryCode).toBeUndefined()
    expect(parse('people-search?postal-code=&country-code=us').postal).toBeUndefined()
  })

  it('refuses a request longer than 16,384 characters, path and query as given', () => {
    const path = '/people-search?keywords='
    const longest = `${path}${'a'.repeat(16_384 - path.length)}`
    expect(refusal(() => parse(longest))).toMatchObject({ code: 'text-too-long' })
    expect(refusal(() => parse(`${longest}a`))).toMatchObject({ code: 'request-too-long' })
    // Neither the scheme and host nor a fragment is part of the request's length.
    expect(refusal(() => parse(`https://api.linkedin.com${longest}#${'f'.repeat(100)}`))).toMatchObject({
      code: 'text-too-long',
    })
  })
})
