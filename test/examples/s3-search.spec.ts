/** docs/spec.md §3 Searching: parameters, network, counts, sort, paging, privacy and errors. */
import type {
  Geocoder,
  PeopleSearchError,
  Profile,
  SearchRequestObject,
  UntypedSearchRequestObject,
} from '@people-search/core'
import { describe, expect, test } from 'vitest'
import { answer, crowd, emptyIndex, expectError, ids, ME, NO_VIEWER, person, world } from './world.js'

const past = { endDate: { year: 2020 } }

describe('§3.1 keywords', () => {
  test('every token of the value must be a token of the searchable text, in any field', () => {
    const index = world([
      person('ann', 'Ann', 'Alder', { headline: 'Java developer', skills: ['Kotlin'] }),
      person('bob', 'Bob', 'Brown', { headline: 'Java developer' }),
    ])
    expect(ids(index, { keywords: 'java' })).toEqual(['ann', 'bob'])
    expect(ids(index, { keywords: 'kotlin java' })).toEqual(['ann'])
    expect(ids(index, { keywords: 'ann kotlin' })).toEqual(['ann'])
    expect(ids(index, { keywords: 'java scala' })).toEqual([])
  })

  const fields: [string, Record<string, unknown>][] = [
    ['headline', { headline: 'zork' }],
    ['current position titles', { positions: [{ title: 'zork', company: { name: 'X' } }] }],
    ['past position titles', { positions: [{ title: 'zork', company: { name: 'X' }, ...past }] }],
    ['company names', { positions: [{ company: { name: 'Zork Ltd' } }] }],
    ['position summaries', { positions: [{ summary: 'zork', company: { name: 'X' } }] }],
    ['summary', { summary: 'zork' }],
    ['specialties', { specialties: 'zork' }],
    ['interests', { interests: 'zork' }],
    ['honors', { honors: 'zork' }],
    ['location name', { location: { name: 'Zork City', code: 'us:84' } }],
    ['industry name', { industry: { code: 4, name: 'Zork' } }],
    ['school names', { educations: [{ school: { name: 'Zork U' } }] }],
    ['degrees', { educations: [{ school: { name: 'U' }, degree: 'zork' }] }],
    ['fields of study', { educations: [{ school: { name: 'U' }, fieldOfStudy: 'zork' }] }],
    ['activities', { educations: [{ school: { name: 'U' }, activities: 'zork' }] }],
    ['notes', { educations: [{ school: { name: 'U' }, notes: 'zork' }] }],
    ['skills', { skills: ['zork'] }],
    ['certification names', { certifications: [{ name: 'zork' }] }],
    ['project titles', { projects: [{ title: 'zork' }] }],
    ['publication titles', { publications: [{ title: 'zork' }] }],
  ]
  test.each(fields)('keywords search the %s', (_, extra) => {
    const index = world([
      person('hit', 'Hit', 'Member', extra as Partial<Profile>),
      person('miss', 'Miss', 'Member'),
    ])
    expect(ids(index, { keywords: 'ZORK' })).toEqual(['hit'])
  })

  test('email and phone are never searchable', () => {
    const index = world([person('ann', 'Ann', 'Alder', { email: 'zork@example.com', phone: '555 0199' })])
    expect(ids(index, { keywords: 'zork' })).toEqual([])
    expect(ids(index, { keywords: '0199' })).toEqual([])
  })
})

describe('§3.1 first-name and last-name', () => {
  const index = world([
    person('ma', 'Mary Ann', 'Smith'),
    person('am', 'Ann Mary', 'Smith-Jones'),
    person('m', 'Mary', 'Jones'),
    person('aam', 'Ann Ann Mary', 'Jones'),
  ])

  test('the multiset of tokens of the value equals that of the name, word order free', () => {
    expect(ids(index, { 'first-name': 'mary ann' })).toEqual(['am', 'ma'])
    expect(ids(index, { 'first-name': 'MARY' })).toEqual(['m'])
    expect(ids(index, { 'first-name': 'ann mary ann' })).toEqual(['aam'])
    expect(ids(index, { 'first-name': 'ann' })).toEqual([])
  })

  test('last-name is exact too, and both names must hold', () => {
    expect(ids(index, { 'last-name': 'jones' })).toEqual(['aam', 'm'])
    expect(ids(index, { 'last-name': 'jones smith' })).toEqual(['am'])
    expect(ids(index, { 'first-name': 'mary', 'last-name': 'jones' })).toEqual(['m'])
  })

  test('a name that only ever was the other name matches nobody', () => {
    expect(ids(index, { 'first-name': 'smith' })).toEqual([])
    expect(ids(index, { 'last-name': 'mary' })).toEqual([])
  })
})

describe('§3.1 company-name, title and school-name', () => {
  const index = world([
    person('inc', 'Ina', 'Inc', {
      positions: [{ title: 'Senior Software Engineer', company: { name: 'Acme, Inc' } }],
    }),
    person('vending', 'Val', 'Vend', {
      positions: [{ title: 'Sales Manager', company: { name: 'Acme Vending' } }],
    }),
    person('acmeco', 'Al', 'Co', { positions: [{ title: 'Engineer', company: { name: 'Acmeco' } }] }),
    person('services', 'Sue', 'Serv', {
      positions: [{ title: 'Engineer', company: { name: 'Acme Services' }, ...past }],
    }),
    person('split', 'Sol', 'Split', {
      positions: [
        { title: 'Engineer', company: { name: 'Initech' }, ...past },
        { title: 'Manager', company: { name: 'Globex' } },
      ],
    }),
  ])

  test('company-name Acme matches Acme, Inc and Acme Vending but not Acmeco', () => {
    expect(ids(index, { 'company-name': 'Acme' })).toEqual(['inc', 'services', 'vending'])
  })

  test('every token of company-name must be in one company name, in any order', () => {
    expect(ids(index, { 'company-name': 'acme inc' })).toEqual(['inc'])
    expect(ids(index, { 'company-name': 'Inc. ACME' })).toEqual(['inc'])
    expect(ids(index, { 'company-name': 'acme globex' })).toEqual([])
  })

  test('current-company=true keeps current positions, false past ones, in any case', () => {
    expect(ids(index, { 'company-name': 'acme', 'current-company': 'true' })).toEqual(['inc', 'vending'])
    // The request type names the lower-case flags; other cases come from untyped input.
    const upper: UntypedSearchRequestObject = { 'company-name': 'acme', 'current-company': 'TRUE' }
    const capitalized: UntypedSearchRequestObject = { 'company-name': 'acme', 'current-company': 'False' }
    expect(ids(index, upper)).toEqual(['inc', 'vending'])
    expect(ids(index, capitalized)).toEqual(['services'])
  })

  test('title matches over position titles, with current-title', () => {
    expect(ids(index, { title: 'engineer' })).toEqual(['acmeco', 'inc', 'services', 'split'])
    expect(ids(index, { title: 'software engineer', 'current-title': 'true' })).toEqual(['inc'])
    expect(ids(index, { title: 'engineer', 'current-title': 'false' })).toEqual(['services', 'split'])
    expect(ids(index, { title: 'manager' })).toEqual(['split', 'vending'])
  })

  test('each criterion is judged on its own: title and company-name may be different positions', () => {
    expect(ids(index, { title: 'engineer', 'company-name': 'globex' })).toEqual(['split'])
    expect(
      ids(index, {
        title: 'manager',
        'current-title': 'true',
        'company-name': 'initech',
        'current-company': 'false',
      }),
    ).toEqual(['split'])
    expect(ids(index, { title: 'engineer', 'current-title': 'true', 'company-name': 'globex' })).toEqual([])
  })

  test('a company-name, title or school-name with no tokens is as if absent', () => {
    const all = ['acmeco', 'inc', 'services', 'split', 'vending']
    expect(ids(index, { 'company-name': '***' })).toEqual(all)
    expect(ids(index, { title: ' - ' })).toEqual(all)
    expect(ids(index, { 'school-name': '?' })).toEqual(all)
  })

  test('school-name Yale matches Yale University, with current-school', () => {
    const schools = world([
      person('now', 'Nia', 'Now', {
        educations: [{ school: { name: 'Yale University' }, startDate: { year: 2024 } }],
      }),
      person('then', 'Theo', 'Then', {
        educations: [
          { school: { name: 'Yale University' }, startDate: { year: 2010 }, endDate: { year: 2014 } },
        ],
      }),
      person('yalena', 'Yan', 'Yalena', { educations: [{ school: { name: 'Yalena College' } }] }),
      person('noname', 'Nat', 'Noname', { educations: [{ school: { id: 7 } }] }),
    ])
    expect(ids(schools, { 'school-name': 'yale' })).toEqual(['now', 'then'])
    expect(ids(schools, { 'school-name': 'yale', 'current-school': 'true' })).toEqual(['now'])
    expect(ids(schools, { 'school-name': 'yale', 'current-school': 'false' })).toEqual(['then'])
  })
})

describe('§3.1 country-code, postal-code and distance (default UsZipGeocoder)', () => {
  // 94043 Mountain View → 94301 Palo Alto is 4.78 mi; → 10001 New York about 2,557 mi.
  const geo = [
    person('mv', 'Mia', 'View', { location: { name: 'Mountain View', code: 'us:84', postalCode: '94043' } }),
    person('mv-point', 'Max', 'Point', {
      location: { name: 'San Francisco Bay Area', code: 'us:84', lat: 37.4056, lon: -122.0775 },
    }),
    person('pa', 'Pal', 'Alto', { location: { name: 'Palo Alto', code: 'us:84', postalCode: '94301' } }),
    person('ny', 'Ned', 'York', { location: { name: 'New York', code: 'us:70', postalCode: '10001' } }),
    person('paris', 'Pia', 'Ris', { location: { name: 'Paris', code: 'fr:0', postalCode: '75001' } }),
    person('nowhere', 'No', 'Where'),
  ]
  const index = world(geo)
  const near = (extra: SearchRequestObject) =>
    ids(index, { 'country-code': 'us', 'postal-code': '94043', ...extra })

  test('country-code matches the country of the location', () => {
    expect(ids(index, { 'country-code': 'us' })).toEqual(['mv', 'mv-point', 'ny', 'pa'])
    expect(ids(index, { 'country-code': 'fr' })).toEqual(['paris'])
    expect(ids(index, { 'country-code': 'de' })).toEqual([])
  })

  test('postal-code without distance matches only members in that postal code', () => {
    expect(near({})).toEqual(['mv', 'mv-point'])
    expect(ids(index, { 'country-code': 'us', 'postal-code': '10001' })).toEqual(['ny'])
  })

  test('distance is in miles from the centroid: Palo Alto is 4.78 mi from 94043', () => {
    expect(near({ distance: '4.75' })).toEqual(['mv', 'mv-point'])
    expect(near({ distance: '4.8' })).toEqual(['mv', 'mv-point', 'pa'])
    expect(near({ distance: 2550 })).toEqual(['mv', 'mv-point', 'pa'])
    expect(near({ distance: 2560 })).toEqual(['mv', 'mv-point', 'ny', 'pa'])
  })

  test("a member's own lat/lon wins over its postal code centroid", () => {
    // Their point is Palo Alto (4.78 mi from 94043) although their postal code is New York's.
    const moved = world([
      person('moved', 'Mo', 'Ved', {
        location: { name: 'New York', code: 'us:70', postalCode: '10001', lat: 37.4443, lon: -122.1497 },
      }),
      person('stay', 'Stu', 'Ay', { location: { name: 'New York', code: 'us:70', postalCode: '10001' } }),
    ])
    expect(ids(moved, { 'country-code': 'us', 'postal-code': '94043', distance: 5 })).toEqual(['moved'])
    expect(ids(moved, { 'country-code': 'us', 'postal-code': '94043', distance: '4.75' })).toEqual([])
    expect(ids(moved, { 'country-code': 'us', 'postal-code': '94301', distance: 0 })).toEqual(['moved'])
  })

  test('a member holding the postal code matches at any distance (a larger radius never loses one)', () => {
    // Project reading: "only members in that postal code" (radius 0) stays true as the radius grows.
    const moved = world([
      person('moved', 'Mo', 'Ved', {
        location: { name: 'New York', code: 'us:70', postalCode: '10001', lat: 37.4443, lon: -122.1497 },
      }),
    ])
    expect(ids(moved, { 'country-code': 'us', 'postal-code': '10001' })).toEqual(['moved'])
    expect(ids(moved, { 'country-code': 'us', 'postal-code': '10001', distance: 100 })).toEqual(['moved'])
  })

  test('a postal code the geocoder does not know is a 400 that says which', () => {
    expectError(
      () => ids(index, { 'country-code': 'us', 'postal-code': '00000' }),
      400,
      'unknown-postal-code',
      '00000',
    )
  })

  test('a country the geocoder does not cover is a 400 that says which', () => {
    expectError(
      () => ids(index, { 'country-code': 'fr', 'postal-code': '75001' }),
      400,
      'unknown-postal-country',
      'fr',
    )
  })

  test('the geocoder is injectable', () => {
    const paris: Geocoder = {
      covers: (country) => country === 'fr',
      locate: (country, code) =>
        country === 'fr' && code === '75001' ? { lat: 48.8625, lon: 2.3364 } : undefined,
    }
    const french = world(geo, { options: { geocoder: paris } })
    expect(ids(french, { 'country-code': 'fr', 'postal-code': '75001' })).toEqual(['paris'])
    expectError(
      () => ids(french, { 'country-code': 'us', 'postal-code': '94043' }),
      400,
      'unknown-postal-country',
      'us',
    )
  })
})

describe('§3.1 §3.5 §3.7 §8 bad input is a 400 naming the parameter', () => {
  const index = world([person('ann', 'Ann', 'Alder', { positions: [{ company: { name: 'Acme' } }] })])
  // Values the request type refuses too (a bad sort, `count: 'ten'`): untyped input.
  const bad: [string, UntypedSearchRequestObject, PeopleSearchError['code'], string[]][] = [
    [
      'current-company without company-name',
      { 'current-company': 'true' },
      'missing-companion',
      ['current-company'],
    ],
    ['current-title without title', { 'current-title': 'false' }, 'missing-companion', ['current-title']],
    [
      'current-school without school-name',
      { 'current-school': 'true' },
      'missing-companion',
      ['current-school'],
    ],
    [
      'current-company beside a company-name with no tokens',
      { 'company-name': '***', 'current-company': 'true' },
      'missing-companion',
      ['current-company'],
    ],
    [
      'current-company=yes',
      { 'company-name': 'acme', 'current-company': 'yes' },
      'invalid-flag',
      ['current-company', 'yes'],
    ],
    ['current-title=1', { title: 'cto', 'current-title': '1' }, 'invalid-flag', ['current-title']],
    [
      'distance without postal-code',
      { 'country-code': 'us', distance: 5 },
      'missing-companion',
      ['distance'],
    ],
    ['postal-code without country-code', { 'postal-code': '94043' }, 'missing-companion', ['postal-code']],
    [
      'a negative distance',
      { 'country-code': 'us', 'postal-code': '94043', distance: -1 },
      'invalid-distance',
      ['distance'],
    ],
    [
      'a distance that is not a number',
      { 'country-code': 'us', 'postal-code': '94043', distance: 'far' },
      'invalid-distance',
      ['distance', 'far'],
    ],
    ['an upper-case country-code', { 'country-code': 'US' }, 'invalid-country-code', ['country-code', 'US']],
    [
      'a three-letter country-code',
      { 'country-code': 'usa' },
      'invalid-country-code',
      ['country-code', 'usa'],
    ],
    ['start=-1', { start: -1 }, 'invalid-integer', ['start', '-1']],
    ['start=1.5', { start: '1.5' }, 'invalid-integer', ['start', '1.5']],
    ['start=abc', { start: 'abc' }, 'invalid-integer', ['start', 'abc']],
    ['count=26', { count: 26 }, 'invalid-integer', ['count', '26']],
    ['count=-1', { count: -1 }, 'invalid-integer', ['count', '-1']],
    ['count=2.5', { count: '2.5' }, 'invalid-integer', ['count', '2.5']],
    ['count=ten', { count: 'ten' }, 'invalid-integer', ['count', 'ten']],
    ['an unknown sort', { sort: 'alphabetical' }, 'invalid-sort', ['sort', 'alphabetical']],
    ['keywords over 1,000 characters', { keywords: 'a'.repeat(1001) }, 'text-too-long', ['keywords']],
    [
      'keywords of 33 tokens',
      { keywords: Array.from({ length: 33 }, (_, i) => `w${i}`).join(' ') },
      'too-many-words',
      ['keywords'],
    ],
    [
      'more than 100 values in one facet parameter',
      { facet: `industry,${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}` },
      'too-many-facet-values',
      ['facet'],
    ],
  ]
  test.each(bad)('%s is a 400', (_, request, code, mentions) => {
    expectError(() => answer(index, request), 400, code, ...mentions)
  })

  test('the limits themselves are fine: 1,000 characters, 32 tokens, 100 facet values, count 25', () => {
    expect(ids(index, { keywords: `ann ${'a'.repeat(996)}` })).toEqual([])
    expect(ids(index, { keywords: Array.from({ length: 32 }, () => 'ann').join(' ') })).toEqual(['ann'])
    expect(ids(index, { facet: `network,F,${Array.from({ length: 99 }, () => 'S').join(',')}` })).toEqual([
      'ann',
    ])
    expect(ids(index, { count: 25, start: 0 })).toEqual(['ann'])
  })

  test('unknown parameters are ignored and parameter names are case-sensitive', () => {
    const unknown: UntypedSearchRequestObject = { colour: 'red', Keywords: 'zzz', COUNT: 'many' }
    expect(ids(index, unknown)).toEqual(['ann'])
  })

  test('a repeated parameter other than facet counts once, its first occurrence', () => {
    expect(ids(index, '/v1/people-search?keywords=ann&keywords=zzz')).toEqual(['ann'])
    const repeated: UntypedSearchRequestObject = { keywords: ['zzz', 'ann'] } // arrays type-check for facet only
    expect(ids(index, repeated)).toEqual([])
  })

  test('the viewer is checked before the parameters', () => {
    expectError(() => index.searchAnswer({ count: 99 }, NO_VIEWER), 401, 'search-without-viewer')
    expectError(() => index.searchAnswer({ count: 99 }, { viewer: 'ghost' }), 401, 'unknown-viewer', 'ghost')
  })
})

describe('§3.2 network degree and who can be found', () => {
  const pilots = () =>
    world(
      [
        person('f', 'Fay', 'First', { headline: 'pilot' }),
        person('s', 'Sid', 'Second', { headline: 'pilot' }),
        person('a', 'Abe', 'Group', { headline: 'pilot' }),
        person('o', 'Oda', 'Other', { headline: 'pilot' }),
      ],
      { me: { headline: 'pilot' }, friends: ['f'], edges: [['f', 's']], groups: { club: [ME, 'a'] } },
    )

  test('a search without both names finds only F and S members', () => {
    const index = pilots()
    expect(ids(index, { keywords: 'pilot' })).toEqual(['f', 's'])
    expect(ids(index, { 'first-name': 'abe' })).toEqual([])
    expect(ids(index, { 'last-name': 'other' })).toEqual([])
  })

  test('a search with both names finds A and O members too', () => {
    const index = pilots()
    expect(ids(index, { 'first-name': 'abe', 'last-name': 'group' })).toEqual(['a'])
    expect(ids(index, { 'first-name': 'oda', 'last-name': 'other', keywords: 'pilot' })).toEqual(['o'])
  })

  test('an empty name does not count towards both names', () => {
    const index = pilots()
    expect(ids(index, { 'first-name': 'oda', 'last-name': '*' })).toEqual([])
  })

  test('the viewer never appears in its own results', () => {
    const index = pilots()
    expect(ids(index, { 'first-name': 'viewer', 'last-name': 'self' })).toEqual([])
    expect(answer(index, { keywords: 'pilot' }).numResults).toBe(2)
    expect(ids(index, { 'first-name': 'viewer', 'last-name': 'self' }, 'o')).toEqual([ME])
  })

  test('a search without a viewer is a 401 "People search must be done on behalf of a member."', () => {
    const index = pilots()
    expectError(
      () => index.search('/v1/people-search?keywords=pilot', NO_VIEWER),
      401,
      'search-without-viewer',
      'People search must be done on behalf of a member.',
    )
  })

  test('an unknown viewer id is a 401 that names it', () => {
    const index = pilots()
    expectError(
      () => index.search({ keywords: 'pilot' }, { viewer: 'nobody-42' }),
      401,
      'unknown-viewer',
      'nobody-42',
    )
  })
})

describe('§3.3 num-results counts every match, total is capped by the account level', () => {
  test('150 matching members, basic viewer: total 100, numResults 150', () => {
    const index = world(crowd(150))
    const result = index.search({}, { viewer: ME })
    expect(result.numResults).toBe(150)
    expect(result.people).toMatchObject({ _count: 10, _start: 0, _total: 100 })
    expect(answer(index, {})).toMatchObject({ numResults: 150, total: 100 })
  })

  test('the page never goes past position total − 1', () => {
    const index = world(crowd(150))
    expect(ids(index, { start: 95, count: 10 })).toEqual(['m095', 'm096', 'm097', 'm098', 'm099'])
    expect(ids(index, { start: 100, count: 10 })).toEqual([])
  })

  test.each([
    ['business', 150],
    ['business-plus', 150],
    ['executive', 150],
  ] as const)('a %s viewer gets total %i of 150', (accountLevel, total) => {
    const index = world(crowd(150), { me: { accountLevel } })
    expect(answer(index, {})).toMatchObject({ numResults: 150, total })
  })

  test('a business viewer is capped at 300 and business-plus at 500', () => {
    const business = world(crowd(320), { me: { accountLevel: 'business' } })
    expect(answer(business, {})).toMatchObject({ numResults: 320, total: 300 })
    const plus = world(crowd(520), { me: { accountLevel: 'business-plus' } })
    expect(answer(plus, {})).toMatchObject({ numResults: 520, total: 500 })
  })

  test('the caps are configurable', () => {
    const caps = { basic: 40, business: 300, 'business-plus': 500, executive: 700 }
    const index = world(crowd(150), { options: { caps } })
    expect(answer(index, {})).toMatchObject({ numResults: 150, total: 40 })
  })
})

describe('§3.4 sort', () => {
  test('connections (the default): numConnections descending, ties by id in code-unit order', () => {
    const index = world([
      ...['a', 'B', '_c', '-d', '0e'].map((id) => person(id, 'Tie', 'Member', { numConnections: 7 })),
      person('z', 'Top', 'Member', { numConnections: 9 }),
    ])
    const order = ['z', '-d', '0e', 'B', '_c', 'a']
    expect(ids(index, {})).toEqual(order)
    expect(ids(index, { sort: 'connections' })).toEqual(order)
    const upper: UntypedSearchRequestObject = { sort: 'CONNECTIONS' } // the type names lower-case sorts
    expect(ids(index, upper)).toEqual(order)
  })

  test('recommenders: numRecommenders descending, then numConnections descending, then id', () => {
    const index = world([
      person('r1', 'R', 'One', { numRecommenders: 5, numConnections: 1 }),
      person('r2', 'R', 'Two', { numRecommenders: 5, numConnections: 10 }),
      person('r3', 'R', 'Three', { numRecommenders: 9 }),
      person('r4', 'R', 'Four', { numConnections: 500 }),
      person('r5', 'R', 'Five', { numRecommenders: 5, numConnections: 10 }),
    ])
    expect(ids(index, { sort: 'recommenders' })).toEqual(['r3', 'r2', 'r5', 'r1', 'r4'])
  })

  test('distance: F, then S, then A and O together; within a degree numConnections descending', () => {
    const sam = (id: string, numConnections: number) => person(id, 'Sam', 'Smith', { numConnections })
    const index = world(
      [sam('f1', 10), sam('f2', 20), sam('s1', 500), sam('a1', 50), sam('o1', 100), sam('o2', 50)],
      {
        friends: ['f1', 'f2'],
        edges: [['f1', 's1']],
        groups: { club: [ME, 'a1'] },
      },
    )
    const both = { 'first-name': 'sam', 'last-name': 'smith' }
    expect(ids(index, { ...both, sort: 'distance' })).toEqual(['f2', 'f1', 's1', 'o1', 'a1', 'o2'])
    expect(ids(index, both)).toEqual(['s1', 'o1', 'a1', 'o2', 'f2', 'f1'])
  })

  test('relevance: a first-name match (weight 3) outranks a summary match (weight 1)', () => {
    const index = world([
      person('x', 'Rust', 'Cohle', { numConnections: 1 }),
      person('y', 'Yan', 'Sum', { summary: 'rust', numConnections: 9 }),
    ])
    expect(ids(index, { keywords: 'rust', sort: 'relevance' })).toEqual(['x', 'y'])
    expect(ids(index, { keywords: 'rust' })).toEqual(['y', 'x'])
  })

  test('relevance is BM25: a short profile with one skill outranks a long one with the word in its headline', () => {
    // tf 1 with dl 7 beats tf 2 with dl 48 (avgdl ≈ 20.3): 0.642 > 0.467.
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const index = world([
      person('p', 'Pat', 'Long', { headline: 'rust', summary: long, numConnections: 9 }),
      person('q', 'Quin', 'Short', { skills: ['rust'], numConnections: 1 }),
    ])
    expect(ids(index, { keywords: 'rust', sort: 'relevance' })).toEqual(['q', 'p'])
  })

  test('relevance ties go to numConnections descending, then id', () => {
    const index = world([
      person('c', 'Cal', 'Lee', { headline: 'rust', numConnections: 5 }),
      person('b', 'Bob', 'Kim', { headline: 'rust', numConnections: 9 }),
      person('a', 'Ann', 'Roe', { headline: 'rust', numConnections: 5 }),
    ])
    expect(ids(index, { keywords: 'rust', sort: 'relevance' })).toEqual(['b', 'a', 'c'])
  })

  test('a search without keywords scores every member 0, so relevance falls back to connections', () => {
    const index = world([
      person('a', 'Ann', 'Roe', { headline: 'rust', numConnections: 1 }),
      person('b', 'Bob', 'Kim', { numConnections: 2 }),
    ])
    expect(ids(index, { sort: 'relevance' })).toEqual(['b', 'a'])
  })
})

describe('§3.5 paging', () => {
  const twelve = () =>
    world(
      Array.from({ length: 12 }, (_, i) =>
        person(`p${String(i + 1).padStart(2, '0')}`, 'Page', 'Member', { numConnections: i + 1 }),
      ),
    )

  test('start defaults to 0 and count to 10', () => {
    const index = twelve()
    expect(index.searchAnswer({}, { viewer: ME })).toMatchObject({
      numResults: 12,
      total: 12,
      start: 0,
      ids: ['p12', 'p11', 'p10', 'p09', 'p08', 'p07', 'p06', 'p05', 'p04', 'p03'],
    })
  })

  test('the page is the sorted matches from position start, at most count of them', () => {
    const index = twelve()
    expect(ids(index, { start: 5, count: 3 })).toEqual(['p07', 'p06', 'p05'])
    expect(ids(index, { start: 10 })).toEqual(['p02', 'p01'])
    expect(ids(index, '/v1/people-search?start=10&count=1')).toEqual(['p02'])
  })

  test('a start at or past total gives an empty page, count 0, not an error', () => {
    const index = twelve()
    expect(answer(index, { start: 12 })).toMatchObject({ numResults: 12, total: 12, start: 12, ids: [] })
    expect(index.search({ start: 50 }, { viewer: ME })).toEqual({
      numResults: 12,
      people: { _count: 0, _start: 50, _total: 12 },
    })
  })

  test('count=0 gives an empty page with the counts', () => {
    const index = twelve()
    expect(answer(index, { count: 0 })).toMatchObject({ numResults: 12, total: 12, ids: [] })
  })

  test('paging is stable: pages of ties put together are the whole order', () => {
    const index = world(['e', 'b', 'D', 'a', 'c', '_', 'A', '9'].map((id) => person(id, 'Same', 'Same')))
    const pages = [0, 3, 6].flatMap((start) => ids(index, { start, count: 3 }))
    expect(pages).toEqual(['9', 'A', 'D', '_', 'a', 'b', 'c', 'e'])
  })

  test('six results from position 0 are {_total: 6, values}, without _count and _start', () => {
    const index = world(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id, `First${id}`, `Last${id}`)))
    expect(index.search('/v1/people-search', { viewer: ME })).toEqual({
      numResults: 6,
      people: {
        _total: 6,
        values: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
          id,
          firstName: `First${id}`,
          lastName: `Last${id}`,
        })),
      },
    })
    expect(index.search({ count: 2, start: 1 }, { viewer: ME }).people).toEqual({
      _count: 2,
      _start: 1,
      _total: 6,
      values: [
        { id: 'b', firstName: 'Firstb', lastName: 'Lastb' },
        { id: 'c', firstName: 'Firstc', lastName: 'Lastc' },
      ],
    })
  })

  test('no results at all is {_total: 0}', () => {
    const index = world([person('a', 'Ann', 'Roe')])
    expect(index.search({ keywords: 'nobody' }, { viewer: ME })).toEqual({
      numResults: 0,
      people: { _total: 0 },
    })
  })
})

describe('§3.6 privacy', () => {
  // me–fay and me–sid are connected, so fay is F for me and S for sid.
  const privacy = (fay: Parameters<typeof person>[3], more: ReturnType<typeof person>[] = []) =>
    world([person('fay', 'Fay', 'Fox', fay), person('sid', 'Sid', 'Sato'), ...more], {
      friends: ['fay', 'sid'],
    })

  test('a connections headline word finds the member for an F viewer but not for an S viewer', () => {
    const index = privacy({
      headline: 'quantum',
      summary: 'physicist',
      visibility: { headline: 'connections' },
    })
    expect(ids(index, { keywords: 'quantum' })).toEqual(['fay'])
    expect(ids(index, { keywords: 'physicist' }, 'sid')).toEqual(['fay'])
    expect(answer(index, { keywords: 'quantum' }, 'sid')).toMatchObject({ numResults: 0, total: 0, ids: [] })
  })

  test('a private section is never searchable, not even by an F viewer', () => {
    const index = privacy({ summary: 'quantum', visibility: { summary: 'private' } })
    expect(ids(index, { keywords: 'quantum' })).toEqual([])
  })

  test("a private position's company does not match company-name", () => {
    const index = privacy({
      positions: [
        { title: 'Spy', company: { name: 'Globex' }, visibility: 'private' },
        { title: 'Clerk', company: { name: 'Initech' } },
      ],
    })
    expect(ids(index, { 'company-name': 'globex' })).toEqual([])
    expect(ids(index, { title: 'spy' })).toEqual([])
    expect(ids(index, { keywords: 'globex' })).toEqual([])
    expect(ids(index, { 'company-name': 'initech', title: 'clerk' })).toEqual(['fay'])
  })

  test('a connections positions section matches company-name for F viewers only', () => {
    const index = privacy({
      positions: [{ company: { name: 'Globex' } }],
      visibility: { positions: 'connections' },
    })
    expect(ids(index, { 'company-name': 'globex' })).toEqual(['fay'])
    expect(ids(index, { 'company-name': 'globex' }, 'sid')).toEqual([])
  })

  test("a private education's school does not match school-name", () => {
    const index = privacy({
      educations: [{ school: { name: 'Yale University' }, visibility: 'private' }],
    })
    expect(ids(index, { 'school-name': 'yale' })).toEqual([])
  })

  test('hidden words never change relevance order', () => {
    // Equal visible text: quin wins on connections. Counting pat's hidden summary would put pat first.
    const rivals = (patExtra: Parameters<typeof person>[3]) =>
      world(
        [
          person('pat', 'Pat', 'Poe', { headline: 'rust', numConnections: 1, ...patExtra }),
          person('quin', 'Quin', 'Qua', { headline: 'rust', numConnections: 5 }),
          person('sid', 'Sid', 'Sato'),
        ],
        { friends: ['pat', 'quin', 'sid'] },
      )
    const hiddenPrivate = rivals({ summary: 'rust rust rust', visibility: { summary: 'private' } })
    const hiddenFromS = rivals({ summary: 'rust rust rust', visibility: { summary: 'connections' } })
    const without = rivals({})
    const query: SearchRequestObject = { keywords: 'rust', sort: 'relevance' }
    expect(ids(without, query)).toEqual(['quin', 'pat'])
    expect(ids(hiddenPrivate, query)).toEqual(['quin', 'pat'])
    expect(ids(hiddenFromS, query, 'sid')).toEqual(['quin', 'pat'])
    // The F viewer may see the connections summary, so for it pat does score higher.
    expect(ids(hiddenFromS, query)).toEqual(['pat', 'quin'])
  })

  test("another member's hidden words never move an order through BM25's corpus statistics (§3.4)", () => {
    // Two keywords, mirrored text: with n(rust) = n(go), ann and ben score exactly alike and ann
    // leads on connections. Cal's connections-only summary holds 'rust' (not 'go', so cal never
    // matches): were it counted in n(rust) or avgdl, idf(rust) would fall and ben would lead.
    const members = (calSummary: Partial<Profile>) =>
      world(
        [
          person('ann', 'Ann', 'Roe', { headline: 'rust rust go', numConnections: 9 }),
          person('ben', 'Ben', 'Kim', { headline: 'rust go go', numConnections: 1 }),
          person('cal', 'Cal', 'Lee', { summary: 'rust rust rust rust', ...calSummary }),
          person('sid', 'Sid', 'Sato'),
        ],
        { friends: ['ann', 'ben', 'cal', 'sid'] },
      )
    const hidden = members({ visibility: { summary: 'connections' } })
    const query: SearchRequestObject = { keywords: 'rust go', sort: 'relevance' }
    // For the F viewer `me` (who may read cal's summary) and for the S viewer sid alike.
    expect(ids(hidden, query)).toEqual(['ann', 'ben'])
    expect(ids(hidden, query, 'sid')).toEqual(['ann', 'ben'])
    // The same summary made public is corpus text: idf(rust) falls and ben leads.
    expect(ids(members({}), query)).toEqual(['ben', 'ann'])
  })

  test('a removed member can no longer search: a 401 that names it', () => {
    const index = emptyIndex()
    index.add([person('a', 'Ann', 'Roe'), person('b', 'Bob', 'Kim')])
    index.connect('a', 'b')
    expect(ids(index, {}, 'a')).toEqual(['b'])
    index.remove('a')
    expectError(() => ids(index, {}, 'a'), 401, 'unknown-viewer', 'a')
  })
})
