import { describe, expect, it } from 'vitest'
import {
  FACET_BY_CODE,
  FACET_CODES,
  FACETS,
  type FacetCode,
  isDisplayName,
  isEntityId,
  LOCATION_CODE,
} from '../../src/domain/facets.js'

describe('the facet table (docs/spec.md §4.2)', () => {
  it('has every row of §4.2: code and display name, in the spec’s order', () => {
    expect(FACETS.map(({ code, name }) => [code, name])).toEqual([
      ['location', 'Location'],
      ['industry', 'Industry'],
      ['network', 'Relationship'],
      ['language', 'Language'],
      ['current-company', 'Current Company'],
      ['past-company', 'Past Company'],
      ['school', 'School'],
    ])
  })

  it('lists its codes in FACET_CODES and finds each row by code', () => {
    expect(FACET_CODES).toEqual(FACETS.map((facet) => facet.code))
    for (const code of FACET_CODES) expect(FACET_BY_CODE[code].code).toBe(code)
  })

  it('fixes the network buckets: F, S, A, O with the names of §4.2', () => {
    expect(FACET_BY_CODE.network.buckets.map(({ code, name }) => [code, name])).toEqual([
      ['F', '1st Connections'],
      ['S', '2nd Connections'],
      ['A', 'Group Members'],
      ['O', '3rd + Everyone Else'],
    ])
  })

  it('fixes the language buckets: en, es, fr, de, it, pt, _o with the names of §4.2', () => {
    expect(FACET_BY_CODE.language.buckets.map(({ code, name }) => [code, name])).toEqual([
      ['en', 'English'],
      ['es', 'Spanish'],
      ['fr', 'French'],
      ['de', 'German'],
      ['it', 'Italian'],
      ['pt', 'Portuguese'],
      ['_o', 'Others'],
    ])
  })

  it('leaves the other buckets to the index: no fixed list', () => {
    const fixed = FACETS.filter((facet) => 'buckets' in facet).map((facet) => facet.code)
    expect(fixed).toEqual(['network', 'language'])
  })
})

describe('bucket codes (docs/spec.md §4.1, §8)', () => {
  const canonical = (code: FacetCode, value: string) => FACET_BY_CODE[code].canonical(value)

  it.each<[FacetCode, string, string | undefined]>([
    // Location: `cc:N`, any letter case in, lower case out; N compares as text.
    ['location', 'us:84', 'us:84'],
    ['location', 'US:84', 'us:84'],
    ['location', 'us:0', 'us:0'],
    ['location', 'us:084', 'us:084'],
    ['location', 'gb:7', 'gb:7'],
    ['location', 'xx:1', undefined],
    ['location', 'us', undefined],
    ['location', 'usa:1', undefined],
    ['location', 'us:', undefined],
    ['location', 'us:-1', undefined],
    ['location', 'us:1a', undefined],
    // Industry: numeric codes compare as numbers.
    ['industry', '4', '4'],
    ['industry', '007', '7'],
    ['industry', '0', '0'],
    ['industry', '9007199254740991', '9007199254740991'],
    ['industry', '9007199254740992', undefined],
    ['industry', '1.5', undefined],
    ['industry', '-3', undefined],
    ['industry', '1e3', undefined],
    ['industry', 'x', undefined],
    // Network: the degree letters, `f` is `F`.
    ['network', 'F', 'F'],
    ['network', 'f', 'F'],
    ['network', 's', 'S'],
    ['network', 'a', 'A'],
    ['network', 'O', 'O'],
    ['network', 'X', undefined],
    ['network', 'FS', undefined],
    ['network', '1', undefined],
    // Language: the six codes and `_o`, lower case out.
    ['language', 'en', 'en'],
    ['language', 'EN', 'en'],
    ['language', '_O', '_o'],
    ['language', 'Pt', 'pt'],
    ['language', 'en_US', undefined],
    ['language', 'zh', undefined],
    ['language', 'o', undefined],
    // Company and school ids: any id ingest accepts, compared case-insensitively (docs/spec.md §8).
    ['current-company', 'ACME-1', 'acme-1'],
    ['past-company', 'a.b_c', 'a.b_c'],
    ['school', 'MIT', 'mit'],
    ['current-company', 'Acme Corp', 'acme corp'],
    ['current-company', 'Straße GmbH', 'straße gmbh'],
    ['past-company', "O'Reilly & Söhne (Wien)", "o'reilly & söhne (wien)"],
    ['school', '1e+21', '1e+21'],
    ['school', 'x'.repeat(1000), 'x'.repeat(1000)],
    ['school', 'x'.repeat(1001), undefined],
    ['past-company', 'acme,inc', undefined],
    ['current-company', ' acme', undefined],
    ['current-company', 'acme\t', undefined],
  ])('%s: %s → %s', (code, value, expected) => {
    expect(canonical(code, value)).toBe(expected)
  })

  it('takes every fixed bucket code, in either letter case, to itself', () => {
    for (const code of ['network', 'language'] as const) {
      for (const bucket of FACET_BY_CODE[code].buckets) {
        expect(canonical(code, bucket.code)).toBe(bucket.code)
        expect(canonical(code, bucket.code.toLowerCase())).toBe(bucket.code)
        expect(canonical(code, bucket.code.toUpperCase())).toBe(bucket.code)
      }
    }
  })

  it('says what a bucket code is, as a 400 for a malformed one quotes it', () => {
    expect(Object.fromEntries(FACETS.map((facet) => [facet.code, facet.bucketShape]))).toEqual({
      location: 'a location code cc:N with an ISO 3166-1 alpha-2 country',
      industry: 'an industry code',
      network: 'one of F, S, A, O',
      language: 'one of en, es, fr, de, it, pt, _o',
      'current-company': 'a company id of 1–1,000 characters',
      'past-company': 'a company id of 1–1,000 characters',
      school: 'a school id of 1–1,000 characters',
    })
  })

  it('shares the company and school id rule with profile validation (isEntityId)', () => {
    for (const id of ['acme corp', 'ACME', '1002', 'a', 'x'.repeat(1000), 'São Paulo FC', 'a\u00a0b'])
      expect([id, isEntityId(id)]).toEqual([id, true])
    for (const id of ['', ' ', 'a,b', ',', ' a', 'a ', '\na', 'a\u00a0', '\ufeffa', 'x'.repeat(1001)])
      expect([id, isEntityId(id)]).toEqual([id, false])
  })

  it('reads a blank display name as no name (docs/spec.md §8 "Buckets")', () => {
    for (const name of ['NASA', ' NASA ', '.', '東京大学'])
      expect([name, isDisplayName(name)]).toEqual([name, true])
    for (const name of ['', ' ', '\t\n', '\u00a0', '\u3000'])
      expect([name, isDisplayName(name)]).toEqual([name, false])
  })

  it('shares the location code shape with profile validation: lower case `cc:N`', () => {
    expect(LOCATION_CODE.test('us:84')).toBe(true)
    expect(LOCATION_CODE.test('US:84')).toBe(false)
    expect(LOCATION_CODE.test('us:')).toBe(false)
  })
})
