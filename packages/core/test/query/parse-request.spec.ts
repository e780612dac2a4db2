import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import { parseSearchRequest } from '../../src/query/parse-request.js'
import type { SearchQuery, SearchRequest, UntypedSearchRequestObject } from '../../src/query/search-query.js'

const DEFAULTS: SearchQuery = {
  keywords: [],
  facetFilters: [],
  facets: [],
  sort: 'connections',
  start: 0,
  count: 10,
}

/** The error `parseSearchRequest` throws for `request`, which must throw one. */
function errorOf(request: SearchRequest): PeopleSearchError {
  try {
    parseSearchRequest(request)
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error(`no error for ${JSON.stringify(request)}`)
}

function q(query: string): string {
  return `/v1/people-search?${query}`
}

describe('parseSearchRequest: the path', () => {
  it.each([
    ['people-search', {}],
    ['/people-search', {}],
    ['v1/people-search', {}],
    ['/v1/people-search', {}],
    ['https://api.linkedin.com/v1/people-search', {}],
    ['http://localhost:8080/people-search?', {}],
    ['/v1/people-search:(people:(id),num-results)', { fields: '(people:(id),num-results)' }],
    ['/v1/people-search:(people:(id))?count=5', { fields: '(people:(id))', count: 5 }],
    ['/v1/people-search:(people%3A(id))', { fields: '(people:(id))' }],
    ['/v1/people-search?keywords=a#ignored', { keywords: ['a'] }],
  ])('accepts %s', (url, expected) => {
    expect(parseSearchRequest(url)).toEqual({ ...DEFAULTS, ...expected })
  })

  it.each([
    '',
    '/v2/people-search',
    '/v1/people',
    '/v1/people-search/',
    '/v1/People-Search',
    'https://api.linkedin.compeople-search',
    'api.linkedin.com/v1/people-search',
    ' /v1/people-search',
    '/v1/people-search&count=1',
  ])('rejects the path %j', (url) => {
    const error = errorOf(url)
    expect(error).toMatchObject({
      code: 'invalid-request-path',
      kind: 'badRequest',
      status: 400,
      values: { url },
    })
  })

  it('words a rejected path as documented', () => {
    expect(errorOf('/v2/people-search').message).toBe(
      'Invalid request path {/v2/people-search}: expected [/][v1/]people-search[:(fields)][?query]',
    )
  })

  it('rejects a selector with malformed percent-encoding', () => {
    const url = '/v1/people-search:(id%zz)'
    const error = errorOf(url)
    expect(error).toMatchObject({ code: 'malformed-selector-encoding', kind: 'badRequest', values: { url } })
  })

  it.each([
    [null, 'null'],
    [42, 'number'],
    [true, 'boolean'],
    [['keywords'], 'an array'],
    [new Map(), 'object'],
    [undefined, 'undefined'],
  ])('rejects the request %o', (request, type) => {
    const error = errorOf(request as unknown as SearchRequest)
    expect(error).toMatchObject({
      code: 'unreadable-request',
      kind: 'badRequest',
      status: 400,
      values: { type },
    })
  })
})

describe('parseSearchRequest: reading parameters', () => {
  it('decodes + and percent-escapes', () => {
    expect(parseSearchRequest(q('keywords=Jos%C3%A9+O%27Reilly')).keywords).toEqual(['jose', 'oreilly'])
  })

  it('counts a repeated parameter once, its first occurrence', () => {
    expect(parseSearchRequest(q('count=3&count=abc&keywords=a&keywords=b'))).toMatchObject({
      count: 3,
      keywords: ['a'],
    })
  })

  it('treats parameter names as case-sensitive and ignores unknown ones', () => {
    expect(parseSearchRequest(q('Count=abc&KEYWORDS=x&format=json&fields=x'))).toEqual(DEFAULTS)
  })

  it('reads the object form like the URL form', () => {
    expect(
      parseSearchRequest({
        keywords: 'java developer',
        'current-company': true,
        'company-name': 'Acme',
        count: 5,
        start: 20,
        facet: ['network,F', 'location,us:84'],
        fields: ':(people:(id))',
        unknown: undefined,
        sort: undefined,
      } as UntypedSearchRequestObject), // `unknown` is no parameter: untyped input
    ).toEqual({
      ...DEFAULTS,
      keywords: ['java', 'developer'],
      companyName: { tokens: ['acme'], current: true },
      count: 5,
      start: 20,
      facetFilters: [
        { code: 'network', values: ['F'] },
        { code: 'location', values: ['us:84'] },
      ],
      fields: '(people:(id))',
    })
  })

  it('keeps only the first value of an array for parameters other than facet', () => {
    // Arrays only type-check for facet; the parser takes them anywhere from untyped input.
    const request: UntypedSearchRequestObject = { count: [3, 'abc'], fields: ['(id)', '(x)'] }
    expect(parseSearchRequest(request)).toEqual({
      ...DEFAULTS,
      count: 3,
      fields: '(id)',
    })
  })

  it('strips only one leading colon of an object-form selector', () => {
    expect(parseSearchRequest({ fields: '(id)' }).fields).toBe('(id)')
    expect(parseSearchRequest({ fields: '::(id)' }).fields).toBe(':(id)')
  })

  it('converts object-form numbers with String, so a fraction is a 400', () => {
    const error = errorOf({ count: 2.5 })
    expect(error).toMatchObject({ code: 'invalid-integer', values: { parameter: 'count', value: '2.5' } })
  })

  it.each([
    ['null', { keywords: null }, 'keywords', 'null'],
    ['an object', { count: { n: 1 } }, 'count', 'object'],
    ['a nested array', { facet: [['network,F']] }, 'facet', 'an array'],
  ])('rejects an object-form value that is %s', (_, request, parameter, type) => {
    const error = errorOf(request as unknown as SearchRequest)
    expect(error).toMatchObject({
      code: 'unreadable-parameter-value',
      kind: 'badRequest',
      status: 400,
      values: { parameter, type },
    })
  })

  it('ignores unknown object-form keys whatever their type', () => {
    expect(parseSearchRequest({ viewer: { id: 'x' } } as unknown as SearchRequest)).toEqual(DEFAULTS)
  })
})

describe('parseSearchRequest: accepted values', () => {
  it.each<[string, Partial<SearchQuery>]>([
    ['keywords=', {}],
    ['keywords=***', {}],
    ['keywords=a+b+a', { keywords: ['a', 'b', 'a'] }],
    [`keywords=${'a'.repeat(1000)}`, { keywords: ['a'.repeat(1000)] }],
    [`keywords=${Array(32).fill('w').join('+')}`, { keywords: Array(32).fill('w') }],
    ['first-name=Mary+Ann&last-name=O%27Brien', { firstName: ['mary', 'ann'], lastName: ['obrien'] }],
    ['first-name=&last-name=-', {}],
    ['company-name=Acme,+Inc', { companyName: { tokens: ['acme', 'inc'] } }],
    ['company-name=Acme&current-company=TRUE', { companyName: { tokens: ['acme'], current: true } }],
    ['title=CEO&current-title=False', { title: { tokens: ['ceo'], current: false } }],
    ['school-name=MIT&current-school=true', { schoolName: { tokens: ['mit'], current: true } }],
    ['company-name=', {}],
    ['country-code=us', { countryCode: 'us' }],
    [
      'country-code=gb&postal-code=+SW1A+1AA+',
      { countryCode: 'gb', postal: { code: 'SW1A 1AA', distance: 0 } },
    ],
    [
      'country-code=us&postal-code=94043&distance=10',
      { countryCode: 'us', postal: { code: '94043', distance: 10 } },
    ],
    [
      'country-code=us&postal-code=94043&distance=2.',
      { countryCode: 'us', postal: { code: '94043', distance: 2 } },
    ],
    [
      'country-code=us&postal-code=94043&distance=.5',
      { countryCode: 'us', postal: { code: '94043', distance: 0.5 } },
    ],
    [
      'country-code=us&postal-code=94043&distance=0',
      { countryCode: 'us', postal: { code: '94043', distance: 0 } },
    ],
    ['postal-code=++', {}],
    ['sort=RELEVANCE', { sort: 'relevance' }],
    ['sort=recommenders', { sort: 'recommenders' }],
    ['sort=distance', { sort: 'distance' }],
    ['sort=connections', { sort: 'connections' }],
    ['start=0&count=0', { start: 0, count: 0 }],
    ['start=007&count=25', { start: 7, count: 25 }],
    [`start=${Number.MAX_SAFE_INTEGER}`, { start: Number.MAX_SAFE_INTEGER }],
  ])('%s', (query, expected) => {
    expect(parseSearchRequest(q(query))).toEqual({ ...DEFAULTS, ...expected })
  })
})

describe('parseSearchRequest: facets', () => {
  it.each<[string, SearchQuery['facetFilters']]>([
    ['facet=LOCATION,US:84,us:0', [{ code: 'location', values: ['us:84', 'us:0'] }]],
    ['facet=location,us:084', [{ code: 'location', values: ['us:084'] }]],
    ['facet=industry,004,4,12', [{ code: 'industry', values: ['4', '12'] }]],
    ['facet=network,f,S,a,o', [{ code: 'network', values: ['F', 'S', 'A', 'O'] }]],
    ['facet=language,EN,_O,pt', [{ code: 'language', values: ['en', '_o', 'pt'] }]],
    [
      'facet=current-company,+ACME-1+,acme-1,x.y_z',
      [{ code: 'current-company', values: ['acme-1', 'x.y_z'] }],
    ],
    ['facet=past-company,1337', [{ code: 'past-company', values: ['1337'] }]],
    ['facet=School,Mit', [{ code: 'school', values: ['mit'] }]],
    // Any id ingest accepts is a value (docs/spec.md §8): spaces inside, any letters, 1,000 characters.
    [
      'facet=current-company,acme%20corp,ACME+Corp,+Straße+GmbH+,1e%2B21',
      [{ code: 'current-company', values: ['acme corp', 'straße gmbh', '1e+21'] }],
    ],
    [`facet=school,${'S'.repeat(1000)}`, [{ code: 'school', values: ['s'.repeat(1000)] }]],
    ['facet=+network+,F', [{ code: 'network', values: ['F'] }]],
    [
      'facet=network,F&facet=network,S',
      [
        { code: 'network', values: ['F'] },
        { code: 'network', values: ['S'] },
      ],
    ],
    [`facet=network${',F'.repeat(100)}`, [{ code: 'network', values: ['F'] }]],
  ])('%s', (query, facetFilters) => {
    expect(parseSearchRequest(q(query))).toEqual({ ...DEFAULTS, facetFilters })
  })

  it.each<[string, SearchQuery['facets']]>([
    ['facets=location,NETWORK', ['location', 'network']],
    ['facets=', []],
    ['facets=,school,,+industry+,school,', ['school', 'industry']],
  ])('%s', (query, facets) => {
    expect(parseSearchRequest(q(query))).toEqual({ ...DEFAULTS, facets })
  })
})

describe('parseSearchRequest: 400s name the parameter and the value', () => {
  const longKeywords = 'a'.repeat(1001)
  const manyWords = Array(33).fill('w').join(' ')
  const manyValues = `network${',F'.repeat(101)}`
  const place = { 'country-code': 'us', 'postal-code': '1' }
  const cut = (value: string) => (value.length > 100 ? `${value.slice(0, 100)}…` : value)

  // `values` is what each placeholder of the message showed: at most 100 characters of a value.
  it.each<[string, Record<string, string>, string, Record<string, string>]>([
    [
      'keywords too long',
      { keywords: longKeywords },
      'text-too-long',
      { value: cut(longKeywords), max: '1000' },
    ],
    ['keywords with 33 words', { keywords: manyWords }, 'too-many-words', { value: manyWords, max: '32' }],
    ['a bad flag', { 'company-name': 'Acme', 'current-company': 'yes' }, 'invalid-flag', { value: 'yes' }],
    ['an empty flag', { title: 'CEO', 'current-title': '' }, 'invalid-flag', { value: '' }],
    ['a padded flag', { title: 'CEO', 'current-title': ' true' }, 'invalid-flag', { value: ' true' }],
    [
      'a flag alone',
      { 'current-company': 'true' },
      'missing-companion',
      { parameter: 'current-company', value: 'true', companion: 'company-name' },
    ],
    [
      'a flag beside an empty name',
      { 'school-name': '--', 'current-school': 'false' },
      'missing-companion',
      { parameter: 'current-school', value: 'false', companion: 'school-name' },
    ],
    ['an upper-case country', { 'country-code': 'US' }, 'invalid-country-code', { value: 'US' }],
    ['an unknown country', { 'country-code': 'zz' }, 'invalid-country-code', { value: 'zz' }],
    ['a three-letter country', { 'country-code': 'usa' }, 'invalid-country-code', { value: 'usa' }],
    ['a blank country', { 'country-code': ' ' }, 'invalid-country-code', { value: ' ' }],
    [
      'a postal code without country',
      { 'postal-code': '94043' },
      'missing-companion',
      { parameter: 'postal-code', value: '94043', companion: 'country-code' },
    ],
    ['a negative distance', { ...place, distance: '-1' }, 'invalid-distance', { value: '-1' }],
    ['a distance with an exponent', { ...place, distance: '1e3' }, 'invalid-distance', { value: '1e3' }],
    ['an empty distance', { ...place, distance: '' }, 'invalid-distance', { value: '' }],
    ['a lone dot distance', { ...place, distance: '.' }, 'invalid-distance', { value: '.' }],
    [
      'an endless distance',
      { ...place, distance: '9'.repeat(400) },
      'invalid-distance',
      { value: cut('9'.repeat(400)) },
    ],
    [
      'a distance without postal code',
      { distance: '5' },
      'missing-companion',
      { parameter: 'distance', value: '5', companion: 'postal-code' },
    ],
    [
      'an unknown facet',
      { facet: 'planet,earth' },
      'unknown-facet',
      { value: 'planet,earth', facet: 'planet' },
    ],
    ['an empty facet', { facet: '' }, 'unknown-facet', { value: '', facet: '' }],
    ['a facet without values', { facet: 'network' }, 'facet-without-values', { facet: 'network' }],
    ['a facet with an empty value', { facet: 'network,F,' }, 'invalid-facet-value', { bucket: '' }],
    [
      'a facet with 101 values',
      { facet: manyValues },
      'too-many-facet-values',
      { value: cut(manyValues), max: '100' },
    ],
    ['a malformed location', { facet: 'location,us-84' }, 'invalid-facet-value', { bucket: 'us-84' }],
    ['a location in no country', { facet: 'location,zz:0' }, 'invalid-facet-value', { bucket: 'zz:0' }],
    ['a bare country location', { facet: 'location,us' }, 'invalid-facet-value', { bucket: 'us' }],
    ['a non-numeric industry', { facet: 'industry,4a' }, 'invalid-facet-value', { bucket: '4a' }],
    [
      'a huge industry',
      { facet: 'industry,99999999999999999999' },
      'invalid-facet-value',
      { bucket: '99999999999999999999' },
    ],
    ['an unknown degree', { facet: 'network,X' }, 'invalid-facet-value', { bucket: 'X' }],
    ['an unknown language', { facet: 'language,en_US' }, 'invalid-facet-value', { bucket: 'en_US' }],
    [
      'a school id longer than any id ingest accepts',
      { facet: `school,${'s'.repeat(1001)}` },
      'invalid-facet-value',
      { bucket: cut('s'.repeat(1001)) },
    ],
    [
      'an unknown histogram',
      { facets: 'location,planet' },
      'unknown-facet',
      { value: 'location,planet', facet: 'planet' },
    ],
    ['an unknown sort', { sort: 'name' }, 'invalid-sort', { value: 'name' }],
    ['an empty sort', { sort: '' }, 'invalid-sort', { value: '' }],
    ['a negative start', { start: '-1' }, 'invalid-integer', { value: '-1' }],
    [
      'a start past the safe integers',
      { start: '9007199254740992' },
      'invalid-integer',
      { value: '9007199254740992', max: String(Number.MAX_SAFE_INTEGER) },
    ],
    ['a fractional start', { start: '1.0' }, 'invalid-integer', { value: '1.0' }],
    ['an empty start', { start: '' }, 'invalid-integer', { value: '' }],
    ['a count over 25', { count: '26' }, 'invalid-integer', { value: '26', max: '25' }],
    ['a signed count', { count: '+5' }, 'invalid-integer', { value: '+5' }],
    ['a padded count', { count: ' 5' }, 'invalid-integer', { value: ' 5' }],
    ['an exponent count', { count: '1e1' }, 'invalid-integer', { value: '1e1' }],
    ['a word count', { count: 'abc' }, 'invalid-integer', { value: 'abc' }],
  ])('%s', (_, params, code, values) => {
    // The parameter is the one the request gives, except beside a companion (the flag, not the name).
    const parameter = values.parameter ?? Object.keys(params).at(-1)
    for (const request of [q(new URLSearchParams(params).toString()), params]) {
      const error = errorOf(request)
      expect(error).toMatchObject({ code, kind: 'badParameter', status: 400, errorCode: 0 })
      expect(error.values).toMatchObject({ parameter, ...values })
    }
  })

  it('words the count message as documented', () => {
    expect(errorOf(q('count=abc')).message).toBe(
      'Invalid value {abc} for parameter {count}: must be an integer from 0 to 25',
    )
  })

  it('words a missing companion and an unknown facet as documented', () => {
    expect(errorOf(q('current-company=true')).message).toBe(
      'Invalid value {true} for parameter {current-company}: current-company requires company-name',
    )
    expect(errorOf(q('facet=planet,earth')).message).toBe(
      'Invalid value {planet,earth} for parameter {facet}: Unknown facet {planet}',
    )
  })

  it('quotes at most 100 characters of a value, ending a cut one with …', () => {
    const error = errorOf(q(`keywords=${'k'.repeat(1001)}`))
    expect(error.message).toBe(
      `Invalid value {${'k'.repeat(100)}…} for parameter {keywords}: longer than 1000 characters`,
    )
  })
})

describe('parseSearchRequest: order of checks', () => {
  it.each([
    ['keywords before first-name', `keywords=${'a'.repeat(1001)}&count=99`, 'keywords'],
    ['company before title', 'current-company=x&current-title=y', 'current-company'],
    ['title before school', 'current-school=x&current-title=y', 'current-title'],
    ['school before country', 'current-school=x&country-code=US', 'current-school'],
    ['country before postal', 'country-code=US&postal-code=1', 'country-code'],
    ['postal before distance', 'postal-code=1&distance=x', 'postal-code'],
    ['distance before facet', 'country-code=us&postal-code=1&distance=x&facet=x', 'distance'],
    ['facet before facets', 'facets=x&facet=x', 'facet'],
    ['facets before sort', 'sort=x&facets=x', 'facets'],
    ['sort before start', 'start=x&sort=x', 'sort'],
    ['start before count', 'count=x&start=x', 'start'],
  ])('%s', (_, query, parameter) => {
    expect(errorOf(q(query)).values.parameter).toBe(parameter)
  })

  it('judges the path before any parameter', () => {
    expect(errorOf('/v2/people-search?count=x')).toMatchObject({
      code: 'invalid-request-path',
      kind: 'badRequest',
    })
  })

  it('judges a bad flag value before its missing companion', () => {
    expect(errorOf(q('current-company=maybe')).code).toBe('invalid-flag')
  })
})
