/** docs/spec.md §4 Facets: filtering (§4.1), types and names (§4.2), histograms (§4.3), §8 facet points. */
import type { Position, Profile } from '@people-search/core'
import { describe, expect, test } from 'vitest'
import { answer, buckets, counts, crowd, expectError, ids, ME, person, world } from './world.js'

const job = (id: number | string, name: string, extra: Partial<Position> = {}): Position => ({
  company: { id, name },
  ...extra,
})
const ended = { endDate: { year: 2019 } }

/** A small world of five findable members in four countries. */
function atlas() {
  return world([
    person('sf1', 'Sue', 'Frank', {
      location: { name: 'San Francisco Bay Area', code: 'us:84' },
      industry: { code: 4, name: 'Computer Software' },
      positions: [job(1006, 'NASA'), job(1028, 'Oracle'), job(1035, 'Microsoft', ended)],
      educations: [{ school: { id: 17, name: 'Stanford University' } }],
    }),
    person('sf2', 'Sam', 'Fisher', {
      location: { name: 'San Francisco Bay Area', code: 'us:84' },
      industry: { code: 4, name: 'Computer Software' },
      positions: [job(1028, 'Oracle')],
    }),
    person('ny', 'Ned', 'York', {
      location: { name: 'Greater New York City Area', code: 'us:70' },
      industry: { code: 6, name: 'Internet' },
      positions: [job(1006, 'NASA', ended)],
    }),
    person('usa', 'Una', 'States', {
      location: { name: 'United States', code: 'us:0' },
      industry: { code: 4, name: 'Computer Software' },
    }),
    person('paris', 'Pia', 'Ris', {
      location: { name: 'France', code: 'fr:0' },
      industry: { code: 6, name: 'Internet' },
    }),
  ])
}

describe('§4.1 filtering with facet=CODE,v1,v2…', () => {
  const index = atlas()

  test('a member matches when its value for the facet is one of the listed bucket codes', () => {
    expect(ids(index, { facet: 'location,us:84' })).toEqual(['sf1', 'sf2'])
    expect(ids(index, { facet: 'industry,6' })).toEqual(['ny', 'paris'])
  })

  test('values within one facet are ORed', () => {
    expect(ids(index, { facet: 'location,us:84,fr:0' })).toEqual(['paris', 'sf1', 'sf2'])
    expect(ids(index, { facet: 'current-company,1006,1028' })).toEqual(['sf1', 'sf2'])
  })

  test('several facet parameters are ANDed', () => {
    expect(ids(index, { facet: ['location,us:0', 'industry,6'] })).toEqual(['ny'])
    expect(ids(index, '/v1/people-search?facet=location%2Cus%3A84&facet=network%2CF')).toEqual(['sf1', 'sf2'])
  })

  test('the same facet repeated is ANDed too', () => {
    expect(ids(index, { facet: ['current-company,1006', 'current-company,1028'] })).toEqual(['sf1'])
    expect(ids(index, { facet: ['location,us:84', 'location,fr:0'] })).toEqual([])
  })

  test('us:0 selects every member in the US', () => {
    expect(ids(index, { facet: 'location,us:0' })).toEqual(['ny', 'sf1', 'sf2', 'usa'])
  })

  test('facet and bucket codes are case-insensitive; a location code compares as text', () => {
    expect(ids(index, { facet: 'LOCATION,US:84' })).toEqual(['sf1', 'sf2'])
    expect(ids(index, { facet: 'network,f' })).toEqual(['ny', 'paris', 'sf1', 'sf2', 'usa'])
    expect(ids(index, { facet: 'location,us:084' })).toEqual([])
  })

  test('current-company, past-company and school take ids of current positions, past positions and schools', () => {
    expect(ids(index, { facet: 'current-company,1006' })).toEqual(['sf1'])
    expect(ids(index, { facet: 'past-company,1006' })).toEqual(['ny'])
    expect(ids(index, { facet: 'past-company,1035' })).toEqual(['sf1'])
    expect(ids(index, { facet: 'school,17' })).toEqual(['sf1'])
  })

  test('an unknown facet code is a 400 naming it', () => {
    expectError(() => answer(index, { facet: 'colour,red' }), 400, 'unknown-facet', 'facet', 'colour')
    expectError(() => answer(index, { facets: 'location,colour' }), 400, 'unknown-facet', 'facets', 'colour')
  })

  test('a malformed location value is a 400', () => {
    expectError(
      () => answer(index, { facet: 'location,us-84' }),
      400,
      'invalid-facet-value',
      'facet',
      'us-84',
    )
    expectError(
      () => answer(index, { facet: 'location,us:8a' }),
      400,
      'invalid-facet-value',
      'facet',
      'us:8a',
    )
  })
})

describe('§4.2 facet types and bucket names', () => {
  test('the legacy sample: a location histogram holding both us:0 and us:84', () => {
    const index = atlas()
    const result = answer(index, '/v1/people-search?facets=location&facet=location%2Cus%3A84')
    expect(result.ids).toEqual(['sf1', 'sf2'])
    expect(result.facets).toEqual([
      {
        code: 'location',
        buckets: [
          { code: 'us:0', name: 'United States of America', count: 4, selected: false },
          { code: 'us:84', name: 'San Francisco Bay Area', count: 2, selected: true },
          { code: 'fr:0', name: 'France', count: 1, selected: false },
          { code: 'us:70', name: 'Greater New York City Area', count: 1, selected: false },
        ],
      },
    ])
  })

  test('a member in us:84 counts in us:84 and in us:0', () => {
    const index = world([
      person('a', 'Ann', 'Roe', { location: { name: 'San Francisco Bay Area', code: 'us:84' } }),
    ])
    expect(counts(index, {}, 'location')).toEqual([
      ['us:0', 1],
      ['us:84', 1],
    ])
  })

  test('industry buckets are industry codes named as indexed', () => {
    expect(buckets(atlas(), {}, 'industry')).toEqual([
      { code: '4', name: 'Computer Software', count: 3, selected: false },
      { code: '6', name: 'Internet', count: 2, selected: false },
    ])
  })

  test('network buckets are F, S, A, O named 1st Connections, 2nd Connections, Group Members, 3rd + Everyone Else', () => {
    const sam = (id: string) => person(id, 'Sam', 'Smith')
    const index = world(['f1', 'f2', 'f3', 'f4', 's1', 's2', 's3', 'a1', 'a2', 'o1'].map(sam), {
      friends: ['f1', 'f2', 'f3', 'f4'],
      edges: [
        ['f1', 's1'],
        ['f2', 's2'],
        ['f2', 's3'],
      ],
      groups: { club: [ME, 'a1', 'a2'] },
    })
    expect(buckets(index, { 'first-name': 'sam', 'last-name': 'smith' }, 'network')).toEqual([
      { code: 'F', name: '1st Connections', count: 4, selected: false },
      { code: 'S', name: '2nd Connections', count: 3, selected: false },
      { code: 'A', name: 'Group Members', count: 2, selected: false },
      { code: 'O', name: '3rd + Everyone Else', count: 1, selected: false },
    ])
    expect(ids(index, { facet: 'network,A' })).toEqual([])
    expect(ids(index, { facet: 'network,a,o', 'first-name': 'sam', 'last-name': 'smith' })).toEqual([
      'a1',
      'a2',
      'o1',
    ])
  })

  test('a language bucket is the locale up to - or _ when one of six codes, else _o (Others)', () => {
    const speaker = (id: string, language: string) => person(id, 'Lang', id, { language })
    const index = world([
      speaker('en1', 'en_US'),
      speaker('en2', 'en-GB'),
      speaker('en3', 'EN'),
      speaker('es1', 'es'),
      speaker('fr1', 'fr_CA'),
      speaker('de1', 'de-AT'),
      speaker('it1', 'it'),
      speaker('pt1', 'pt_BR'),
      speaker('ja1', 'ja_JP'),
      speaker('nl1', 'nl'),
      speaker('xx1', 'english'),
    ])
    expect(buckets(index, {}, 'language')).toEqual([
      { code: '_o', name: 'Others', count: 3, selected: false },
      { code: 'en', name: 'English', count: 3, selected: false },
      { code: 'de', name: 'German', count: 1, selected: false },
      { code: 'es', name: 'Spanish', count: 1, selected: false },
      { code: 'fr', name: 'French', count: 1, selected: false },
      { code: 'it', name: 'Italian', count: 1, selected: false },
      { code: 'pt', name: 'Portuguese', count: 1, selected: false },
    ])
    expect(ids(index, { facet: 'language,_O' })).toEqual(['ja1', 'nl1', 'xx1'])
    expect(ids(index, { facet: 'language,en' })).toEqual(['en1', 'en2', 'en3'])
  })

  test('company and school buckets carry lower-case ids and the name as indexed', () => {
    const index = world([
      person('a', 'Ann', 'Roe', {
        positions: [job('ACME-X', 'Acme Experimental'), job(1028, 'Oracle', ended)],
        educations: [{ school: { id: 'MIT-1', name: 'MIT' } }],
      }),
    ])
    expect(buckets(index, {}, 'current-company')).toEqual([
      { code: 'acme-x', name: 'Acme Experimental', count: 1, selected: false },
    ])
    expect(buckets(index, {}, 'past-company')).toEqual([
      { code: '1028', name: 'Oracle', count: 1, selected: false },
    ])
    expect(buckets(index, {}, 'school')).toEqual([{ code: 'mit-1', name: 'MIT', count: 1, selected: false }])
    expect(ids(index, { facet: 'current-company,Acme-X' })).toEqual(['a'])
  })

  test('a bucket is named with the most frequent display name for its id', () => {
    const index = world([
      person('a', 'Ann', 'Roe', { positions: [job(1006, 'NASA')] }),
      person('b', 'Bob', 'Kim', { positions: [job(1006, 'N.A.S.A.')] }),
      person('c', 'Cy', 'Lu', { positions: [job(1006, 'NASA')] }),
    ])
    expect(buckets(index, {}, 'current-company')).toEqual([
      { code: '1006', name: 'NASA', count: 3, selected: false },
    ])
  })

  test('company buckets come only from positions the viewer may see', () => {
    const index = world(
      [
        person('vis', 'Vi', 'Sible', { positions: [job(1006, 'NASA')] }),
        person('hid1', 'Hi', 'Dden', { positions: [job(1006, 'Skunk Works', { visibility: 'private' })] }),
        person('hid2', 'Hy', 'Dden', { positions: [job(1006, 'Skunk Works', { visibility: 'private' })] }),
        person('spy', 'Spy', 'Vee', { positions: [job(1099, 'Black Ops', { visibility: 'private' })] }),
        person('pal', 'Pal', 'Only', {
          positions: [job(2000, 'Friends Inc')],
          visibility: { positions: 'connections' },
        }),
        person('sid', 'Sid', 'Sato'),
      ],
      { friends: ['vis', 'hid1', 'hid2', 'spy', 'pal', 'sid'] },
    )
    expect(buckets(index, {}, 'current-company')).toEqual([
      { code: '1006', name: 'NASA', count: 1, selected: false },
      { code: '2000', name: 'Friends Inc', count: 1, selected: false },
    ])
    expect(ids(index, { facet: 'current-company,1099' })).toEqual([])
    expect(ids(index, { facet: 'current-company,1006' })).toEqual(['vis'])
    // For sid every one of them is S: the connections positions of pal are hidden too.
    expect(counts(index, {}, 'current-company', 'sid')).toEqual([['1006', 1]])
    expect(ids(index, { facet: 'current-company,2000' }, 'sid')).toEqual([])
  })

  test('a member counts once in a bucket even with two positions at that company', () => {
    const index = world([person('a', 'Ann', 'Roe', { positions: [job(1006, 'NASA'), job(1006, 'NASA')] })])
    expect(counts(index, {}, 'current-company')).toEqual([['1006', 1]])
  })
})

describe('§4.3 histograms', () => {
  test('histograms are disjunctive: the facet filter on X does not narrow the histogram of X', () => {
    const result = answer(atlas(), { facet: 'location,us:84', facets: 'location,industry' })
    expect(result.ids).toEqual(['sf1', 'sf2'])
    expect(result.facets.map((f) => [f.code, f.buckets.map((b) => [b.code, b.count, b.selected])])).toEqual([
      [
        'location',
        [
          ['us:0', 4, false],
          ['us:84', 2, true],
          ['fr:0', 1, false],
          ['us:70', 1, false],
        ],
      ],
      ['industry', [['4', 2, false]]],
    ])
  })

  test('every other criterion narrows every histogram', () => {
    const index = atlas()
    expect(counts(index, { 'company-name': 'oracle' }, 'location')).toEqual([
      ['us:0', 2],
      ['us:84', 2],
    ])
    expect(counts(index, { facet: 'industry,6' }, 'location')).toEqual([
      ['fr:0', 1],
      ['us:0', 1],
      ['us:70', 1],
    ])
  })

  test('histograms come in the order asked, each once', () => {
    const result = answer(atlas(), { facets: 'network,language,network' })
    expect(result.facets.map((f) => f.code)).toEqual(['network', 'language'])
  })

  test('the 10 buckets with the highest counts, count descending then code ascending', () => {
    const index = world(industries())
    expect(counts(index, {}, 'industry')).toEqual([
      ['101', 3],
      ['102', 3],
      ['103', 2],
      ['104', 1],
      ['105', 1],
      ['106', 1],
      ['107', 1],
      ['108', 1],
      ['109', 1],
      ['110', 1],
    ])
  })

  test('plus every selected bucket not among them', () => {
    const index = world(industries())
    const histogram = buckets(index, { facet: 'industry,112,101' }, 'industry')
    expect(histogram.map((b) => [b.code, b.count, b.selected])).toEqual([
      ['101', 3, true],
      ['102', 3, false],
      ['103', 2, false],
      ['104', 1, false],
      ['105', 1, false],
      ['106', 1, false],
      ['107', 1, false],
      ['108', 1, false],
      ['109', 1, false],
      ['110', 1, false],
      ['112', 1, true],
    ])
  })

  test('the bucket limit is configurable', () => {
    const index = world(industries(), { options: { facetBucketLimit: 3 } })
    expect(counts(index, {}, 'industry')).toEqual([
      ['101', 3],
      ['102', 3],
      ['103', 2],
    ])
  })

  test('a bucket with count 0 appears only when selected', () => {
    const index = atlas()
    const result = answer(index, { facet: 'location,de:0', facets: 'location,network' })
    expect(result.ids).toEqual([])
    expect(result.facets).toEqual([
      {
        code: 'location',
        buckets: [
          { code: 'us:0', name: 'United States of America', count: 4, selected: false },
          { code: 'us:84', name: 'San Francisco Bay Area', count: 2, selected: false },
          { code: 'fr:0', name: 'France', count: 1, selected: false },
          { code: 'us:70', name: 'Greater New York City Area', count: 1, selected: false },
          { code: 'de:0', name: 'Germany', count: 0, selected: true },
        ],
      },
      { code: 'network', buckets: [] },
    ])
  })

  test('histograms count only members that can be found, and the result cap does not limit them', () => {
    const index = world(crowd(150), { me: { accountLevel: 'basic' } })
    const result = answer(index, { facets: 'network' })
    expect(result).toMatchObject({ numResults: 150, total: 100 })
    expect(result.facets[0].buckets).toEqual([
      { code: 'F', name: '1st Connections', count: 150, selected: false },
    ])
    const stranger = world([person('o', 'Oda', 'Other', { headline: 'pilot' })], { friends: [] })
    expect(counts(stranger, { keywords: 'pilot' }, 'network')).toEqual([])
    expect(
      counts(stranger, { keywords: 'pilot', 'first-name': 'oda', 'last-name': 'other' }, 'network'),
    ).toEqual([['O', 1]])
  })

  test('the viewer never counts in its own histograms', () => {
    const index = world([person('a', 'Ann', 'Roe', { language: 'en' })], { me: { language: 'en' } })
    expect(counts(index, {}, 'language')).toEqual([['en', 1]])
  })
})

describe('§8 buckets: every bucket can be selected', () => {
  const acme = () =>
    world([
      person('a', 'Ann', 'Roe', { positions: [job('acme corp', 'Acme Corporation')] }),
      person('b', 'Bob', 'Kim', { positions: [job('ACME Corp', 'Acme Corporation')] }),
      person('c', 'Cy', 'Lu', { positions: [job('acme', 'Acme Vending')] }),
    ])

  test('a company id with a space is a bucket, and facet=current-company,acme%20corp selects it', () => {
    const index = acme()
    expect(buckets(index, {}, 'current-company')).toEqual([
      { code: 'acme corp', name: 'Acme Corporation', count: 2, selected: false },
      { code: 'acme', name: 'Acme Vending', count: 1, selected: false },
    ])
    expect(ids(index, '/v1/people-search?facet=current-company,acme%20corp')).toEqual(['a', 'b'])
    expect(ids(index, '/v1/people-search?facet=current-company,acme+corp')).toEqual(['a', 'b'])
    expect(ids(index, { facet: 'current-company,acme corp' })).toEqual(['a', 'b'])
  })

  test('company and school ids compare case-insensitively; the bucket code is lower case', () => {
    const index = acme()
    expect(ids(index, { facet: 'current-company,Acme CORP' })).toEqual(['a', 'b'])
    const histogram = buckets(index, { facet: 'current-company,ACME CORP' }, 'current-company')
    expect(histogram.map((b) => [b.code, b.selected])).toEqual([
      ['acme corp', true],
      ['acme', false],
    ])
  })

  test('facet values are trimmed and empty entries of facets= are ignored', () => {
    const index = acme()
    expect(ids(index, '/v1/people-search?facet=current-company,%20acme%20corp%20,+acme+')).toEqual([
      'a',
      'b',
      'c',
    ])
    const result = answer(index, '/v1/people-search?facets=,current-company,,network,')
    expect(result.facets.map((f) => f.code)).toEqual(['current-company', 'network'])
  })

  test('a comma cannot be in a company or school id, so no bucket needs one to be selected', () => {
    expectError(
      () => acme().add(person('d', 'Di', 'Ng', { positions: [job('Acme, Inc', 'Acme, Inc')] })),
      400,
      'invalid-profile',
      'positions[0].company.id',
    )
  })

  test('numeric codes compare as numbers: industry 007 is 7', () => {
    const index = world([person('a', 'Ann', 'Roe', { industry: { code: 7, name: 'Banking' } })])
    expect(ids(index, { facet: 'industry,007' })).toEqual(['a'])
    expect(buckets(index, { facet: 'industry,007' }, 'industry')).toEqual([
      { code: '7', name: 'Banking', count: 1, selected: true },
    ])
  })

  test('a longer value than any id ingest accepts is a 400', () => {
    expectError(
      () => answer(acme(), { facet: `school,${'s'.repeat(1001)}` }),
      400,
      'invalid-facet-value',
      'facet',
      'a school id of 1–1,000 characters',
    )
  })
})

describe('§8 buckets: three readings', () => {
  test('a member without a language is in _o', () => {
    const index = world([person('a', 'Ann', 'Roe'), person('b', 'Bob', 'Kim', { language: 'en' })])
    expect(counts(index, {}, 'language')).toEqual([
      ['_o', 1],
      ['en', 1],
    ])
    expect(ids(index, { facet: 'language,_o' })).toEqual(['a'])
  })

  test('an empty or blank display name is no name: the name as indexed is the most frequent other one', () => {
    const index = world([
      person('a', 'Ann', 'Roe', { positions: [job('x', '')] }),
      person('b', 'Bob', 'Kim', { positions: [job('x', '  ')] }),
      person('c', 'Cy', 'Lu', { positions: [job('x', 'Real Name')] }),
    ])
    expect(buckets(index, {}, 'current-company')).toEqual([
      { code: 'x', name: 'Real Name', count: 3, selected: false },
    ])
  })

  test('a bucket whose name is unknown is named by its code', () => {
    const index = world([
      person('a', 'Ann', 'Roe', {
        location: { name: '', code: 'us:84' },
        industry: { code: 4, name: ' ' },
        positions: [job('Zeta Labs', ''), { company: { id: 1006 } }],
        educations: [{ school: { id: 17, name: '' } }],
      }),
    ])
    // A selected value no member holds has no indexed name either; a country is named from ISO 3166.
    expect(
      buckets(index, { facet: 'location,gb:4573,de:0' }, 'location').map((b) => [b.code, b.name]),
    ).toEqual([
      ['us:0', 'United States of America'],
      ['us:84', 'us:84'],
      ['gb:4573', 'gb:4573'],
      ['de:0', 'Germany'],
    ])
    expect(buckets(index, {}, 'industry').map((b) => [b.code, b.name])).toEqual([['4', '4']])
    expect(
      buckets(index, { facet: 'current-company,1099' }, 'current-company').map((b) => [b.code, b.name]),
    ).toEqual([
      ['1006', '1006'],
      ['zeta labs', 'zeta labs'],
      ['1099', '1099'],
    ])
    expect(buckets(index, {}, 'school').map((b) => [b.code, b.name])).toEqual([['17', '17']])
  })

  test('selected buckets outside the top list follow it in the order the facet filters name them', () => {
    const index = world(industries(), { options: { facetBucketLimit: 3 } })
    const order = (facet: string | string[]) =>
      buckets(index, { facet }, 'industry').map((b) => [b.code, b.count, b.selected])
    expect(order('industry,112,999,104,102')).toEqual([
      ['101', 3, false],
      ['102', 3, true],
      ['103', 2, false],
      ['112', 1, true],
      ['999', 0, true],
      ['104', 1, true],
    ])
    expect(order(['industry,110', 'industry,105,110'])).toEqual([
      ['101', 3, false],
      ['102', 3, false],
      ['103', 2, false],
      ['110', 1, true],
      ['105', 1, true],
    ])
  })
})

/** Industries 101…112: 101 and 102 with three members, 103 with two, the rest with one. */
function industries(): Profile[] {
  const sizes = [3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1]
  return sizes.flatMap((size, i) =>
    Array.from({ length: size }, (_, k) =>
      person(`i${101 + i}-${k}`, 'Ind', 'Member', {
        industry: { code: 101 + i, name: `Industry ${101 + i}` },
      }),
    ),
  )
}
