import { toXml } from '@people-search/xml'
import { describe, expect, test } from 'vitest'
import { crowd, expectError, ME, person, world } from './world.js'

const search = (index: ReturnType<typeof world>, request: string, viewer = ME) =>
  JSON.parse(JSON.stringify(index.search(request, { viewer })))

describe('§5.1 request form and field selectors', () => {
  const index = world(
    [
      person('ann', 'Ann', 'Lee', {
        headline: 'Java developer',
        numConnections: 720,
        industry: { code: 4, name: 'Computer Software' },
      }),
      person('bob', 'Bob', 'Ray', {
        headline: 'Chef',
        location: { name: 'San Francisco Bay Area', code: 'us:84' },
      }),
    ],
    { friends: ['ann'], edges: [['ann', 'bob']] },
  )

  test('without a selector the output is num-results and people:(id,first-name,last-name)', () => {
    const result = search(index, '/v1/people-search?keywords=java')
    expect(result).toEqual({
      numResults: 1,
      people: { _total: 1, values: [{ id: 'ann', firstName: 'Ann', lastName: 'Lee' }] },
    })
    expect(Object.keys(result)).toEqual(['numResults', 'people'])
  })

  test('with a selector exactly what it names is returned, in the order it names them', () => {
    const result = search(index, '/v1/people-search:(people:(headline,id),num-results)?keywords=java')
    expect(Object.keys(result)).toEqual(['people', 'numResults'])
    expect(result.people.values).toEqual([{ headline: 'Java developer', id: 'ann' }])
  })

  test('nested fields: location:(name,country:(code))', () => {
    const result = search(
      index,
      '/v1/people-search:(people:(id,location:(name,country:(code))))?keywords=chef',
    )
    expect(result.people.values).toEqual([
      { id: 'bob', location: { name: 'San Francisco Bay Area', country: { code: 'us' } } },
    ])
  })

  test('an unknown field is a 400 Unknown field {x} in resource {Person}', () => {
    expectError(
      () => index.search('/v1/people-search:(people:(id,shoe-size))', { viewer: ME }),
      400,
      'unknown-field',
      'Unknown field {shoe-size} in resource {Person}',
    )
    expectError(
      () => index.search('/v1/people-search:(people,colour)', { viewer: ME }),
      400,
      'unknown-field',
      'Unknown field {colour} in resource {PeopleSearch}',
    )
  })

  test('a field named twice is a 400 Duplicate field', () => {
    expectError(
      () => index.search('/v1/people-search:(people:(id,id))', { viewer: ME }),
      400,
      'duplicate-field',
      'Duplicate field {id}',
    )
  })

  test('a syntax error names its position', () => {
    expectError(
      () => index.search('/v1/people-search:(people:(id,first-name)', { viewer: ME }),
      400,
      'selector-syntax',
      'position',
    )
  })

  test('the selector is judged before the parameters (docs/spec.md §8)', () => {
    expectError(
      () => index.search('/v1/people-search:(people:(nope))?count=99', { viewer: ME }),
      400,
      'unknown-field',
      'nope',
    )
  })

  test('the object form takes the selector in `fields`', () => {
    const result = search(index, '/v1/people-search:(num-results)?keywords=java')
    expect(result).toEqual({ numResults: 1 })
    expect(
      JSON.parse(JSON.stringify(index.search({ keywords: 'java', fields: '(num-results)' }, { viewer: ME }))),
    ).toEqual({ numResults: 1 })
  })
})

describe('§5.2 person fields', () => {
  const index = world(
    [
      person('ann', 'Ann', 'Lee', {
        numConnections: 720,
        headline: 'Secret plans',
        visibility: { headline: 'connections' },
      }),
      person('bob', 'Bob', 'Ray', { numConnections: 12 }),
    ],
    { friends: ['ann'], edges: [['ann', 'bob']] },
  )
  const fields =
    '/v1/people-search:(people:(id,headline,distance,num-connections,num-connections-capped))?sort=connections'

  test('distance is 1 for F and 2 for S; num-connections is capped at 500 and says so', () => {
    expect(search(index, fields).people.values).toEqual([
      { id: 'ann', headline: 'Secret plans', distance: 1, numConnections: 500, numConnectionsCapped: true },
      { id: 'bob', distance: 2, numConnections: 12, numConnectionsCapped: false },
    ])
  })

  test('a field the viewer may not see is left out, not emptied', () => {
    const fromBob = search(
      index,
      '/v1/people-search:(people:(id,headline))?first-name=ann&last-name=lee',
      'bob',
    )
    expect(fromBob.people.values).toEqual([{ id: 'ann', headline: 'Secret plans' }])
    const fromStranger = world(
      [person('ann', 'Ann', 'Lee', { headline: 'Secret plans', visibility: { headline: 'connections' } })],
      {
        friends: [],
      },
    )
    expect(
      search(fromStranger, '/v1/people-search:(people:(id,headline))?first-name=ann&last-name=lee').people
        .values,
    ).toEqual([{ id: 'ann' }])
  })

  test('profile links carry the x-li-auth-token header: name for F and S, OUT_OF_NETWORK beyond', () => {
    const links = world([person('ann', 'Ann', 'Lee'), person('cy', 'Cy', 'Do')], { friends: ['ann'] })
    const request = (first: string, last: string) =>
      `/v1/people-search:(people:(id,api-standard-profile-request:(url,headers),site-standard-profile-request))?first-name=${first}&last-name=${last}`
    const friend = search(links, request('ann', 'lee')).people.values[0]
    expect(friend.apiStandardProfileRequest.url).toBe('/v1/people/ann:full')
    expect(friend.apiStandardProfileRequest.headers.values[0]).toMatchObject({ name: 'x-li-auth-token' })
    expect(friend.apiStandardProfileRequest.headers.values[0].value).toMatch(/^name:/)
    expect(friend.siteStandardProfileRequest.url).toMatch(/authToken=.+&authType=name$/)
    const stranger = search(links, request('cy', 'do')).people.values[0]
    expect(stranger.apiStandardProfileRequest.headers.values[0].value).toMatch(/^OUT_OF_NETWORK:/)
  })
})

describe('§5.3 legacy XML and §5.4 legacy JSON', () => {
  const index = world(crowd(30, 'Sam', 'Smith', { headline: 'Engineer & <builder>' }))

  test('lists carry total, count and start when paged; num-results follows', () => {
    const xml = toXml(
      index.search('/v1/people-search:(people:(id,headline),num-results)?keywords=engineer&start=5&count=2', {
        viewer: ME,
      }),
    )
    expect(xml).toContain('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    expect(xml).toContain('<people total="30" count="2" start="5">')
    expect(xml).toContain('<headline>Engineer &amp; &lt;builder&gt;</headline>')
    expect(xml).toContain('<num-results>30</num-results>')
  })

  test('_count and _start are present unless the page holds all total results from 0', () => {
    const all = search(world(crowd(6)), '/v1/people-search?count=25')
    expect(Object.keys(all.people)).toEqual(['_total', 'values'])
    const paged = search(index, '/v1/people-search?count=5&start=5')
    expect(paged.people).toMatchObject({ _count: 5, _start: 5, _total: 30 })
  })

  test('an empty list has no values key', () => {
    expect(search(index, '/v1/people-search?keywords=astronaut')).toEqual({
      numResults: 0,
      people: { _total: 0 },
    })
  })

  test('histograms appear only when the selector names facets', () => {
    const without = search(index, '/v1/people-search?keywords=engineer&facets=network')
    expect(without.facets).toBeUndefined()
    const withFacets = search(
      index,
      '/v1/people-search:(facets:(code,name,buckets:(code,name,count,selected)))?keywords=engineer&facets=network',
    )
    expect(withFacets).toEqual({
      facets: {
        _total: 1,
        values: [
          {
            code: 'network',
            name: 'Relationship',
            buckets: {
              _total: 1,
              values: [{ code: 'F', name: '1st Connections', count: 30, selected: false }],
            },
          },
        ],
      },
    })
  })
})
