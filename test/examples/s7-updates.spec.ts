/** docs/spec.md §7 Updates (with §1.2): replace, remove, batches, and "as if built fresh". */
import type { PeopleIndex, SearchRequestObject } from '@people-search/core'
import { describe, expect, test } from 'vitest'
import { answer, degreeOf, emptyIndex, expectError, ids, ME, person, raw, world } from './world.js'

/** me–ann–cat is a chain; me and bea share the chess group. */
function town(): PeopleIndex {
  return world(
    [
      person('ann', 'Ann', 'Alder', {
        headline: 'violinist',
        positions: [{ company: { id: 1006, name: 'NASA' } }],
      }),
      person('bea', 'Bea', 'Brook', { headline: 'cellist' }),
      person('cat', 'Cat', 'Cole', { headline: 'violinist' }),
    ],
    { friends: ['ann'], edges: [['ann', 'cat']], groups: { chess: [ME, 'bea'] } },
  )
}

describe('§7 replacing a profile', () => {
  test('adding a profile whose id exists replaces it', () => {
    const index = town()
    index.add(person('ann', 'Anna', 'Alder', { headline: 'pianist' }))
    expect(ids(index, { keywords: 'pianist' })).toEqual(['ann'])
    expect(ids(index, { keywords: 'violinist' })).toEqual(['cat'])
    expect(ids(index, { 'first-name': 'ann', 'last-name': 'alder' })).toEqual([])
    expect(ids(index, { 'first-name': 'anna', 'last-name': 'alder' })).toEqual(['ann'])
  })

  test('a search after replace sees only the new version, facets included', () => {
    const index = town()
    index.add(person('ann', 'Ann', 'Alder', { positions: [{ company: { id: 1028, name: 'Oracle' } }] }))
    expect(answer(index, { facets: 'current-company' }).facets).toEqual([
      { code: 'current-company', buckets: [{ code: '1028', name: 'Oracle', count: 1, selected: false }] },
    ])
    expect(ids(index, { 'company-name': 'nasa' })).toEqual([])
    expect(ids(index, { keywords: 'violinist' })).toEqual(['cat'])
  })

  test('replacing a profile keeps its connections', () => {
    const index = town()
    index.add(person('ann', 'Ann', 'Alder', { headline: 'pianist' }))
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
    expect(degreeOf(index, 'Cat', 'Cole')).toEqual(['S'])
    expect(ids(index, {})).toEqual(['ann', 'cat'])
  })

  test('replacing a profile keeps its group memberships', () => {
    const index = town()
    index.add(person('bea', 'Bea', 'Brook', { headline: 'harpist' }))
    expect(degreeOf(index, 'Bea', 'Brook')).toEqual(['A'])
  })

  test('replacing the viewer keeps its network', () => {
    const index = town()
    index.add(person(ME, 'Viewer', 'Self', { headline: 'conductor' }))
    expect(ids(index, { keywords: 'violinist' })).toEqual(['ann', 'cat'])
    expect(degreeOf(index, 'Bea', 'Brook')).toEqual(['A'])
  })
})

describe('§7 removing a member', () => {
  test('remove answers whether the member was there', () => {
    const index = town()
    expect(index.remove('ann')).toBe(true)
    expect(index.remove('ann')).toBe(false)
    expect(index.remove('nobody')).toBe(false)
  })

  test('a removed member is never found', () => {
    const index = town()
    index.remove('ann')
    expect(ids(index, { 'first-name': 'ann', 'last-name': 'alder' })).toEqual([])
    expect(answer(index, { facets: 'current-company' }).facets[0].buckets).toEqual([])
  })

  test('removing a member removes its connections', () => {
    const index = town()
    index.remove('ann')
    expect(ids(index, {})).toEqual([])
    expect(degreeOf(index, 'Cat', 'Cole')).toEqual(['O'])
    index.add(person('ann', 'Ann', 'Alder'))
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['O'])
    expect(degreeOf(index, 'Cat', 'Cole')).toEqual(['O'])
  })

  test('removing a member removes its group memberships', () => {
    const index = town()
    index.remove('bea')
    index.add(person('bea', 'Bea', 'Brook'))
    expect(degreeOf(index, 'Bea', 'Brook')).toEqual(['O'])
  })

  test('connecting or joining a removed member is a 404 naming it', () => {
    const index = town()
    index.remove('cat')
    expectError(() => index.connect(ME, 'cat'), 404, 'unknown-member', 'cat')
    expectError(() => index.joinGroup('cat', 'chess'), 404, 'unknown-member', 'cat')
  })
})

describe('§7 batch add is all-or-nothing', () => {
  test('a batch with one bad profile changes nothing, replacements included', () => {
    const index = town()
    const batch = [
      person('ann', 'Ann', 'Alder', { headline: 'pianist' }),
      person('dan', 'Dan', 'Dorn', { headline: 'violinist' }),
      raw({ id: 'eve', firstName: 'Eve', lastName: 'Ek', visibility: { summary: 'everyone' } }),
    ]
    expectError(() => index.add(batch), 400, 'invalid-profile', 'eve')
    expect(ids(index, { keywords: 'violinist' })).toEqual(['ann', 'cat'])
    expect(ids(index, { keywords: 'pianist' })).toEqual([])
    expectError(() => index.connect(ME, 'dan'), 404, 'unknown-member', 'dan')
  })

  test('a good batch adds and replaces every profile in it', () => {
    const index = town()
    index.add([
      person('ann', 'Ann', 'Alder', { headline: 'pianist' }),
      person('dan', 'Dan', 'Dorn', { headline: 'pianist' }),
    ])
    index.connect(ME, 'dan')
    expect(ids(index, { keywords: 'pianist' })).toEqual(['ann', 'dan'])
    expect(ids(index, { keywords: 'violinist' })).toEqual(['cat'])
  })
})

describe('§7 every search answers as a fresh index built from the final state would', () => {
  test('after adds, replaces, removes, connects, disconnects, joins and leaves', () => {
    const worked = town()
    worked.add(person('dan', 'Dan', 'Dorn', { headline: 'violinist', numConnections: 3 }))
    worked.connect('cat', 'dan')
    worked.connect(ME, 'bea')
    worked.add(person('ann', 'Ann', 'Alder', { headline: 'violist' }))
    worked.disconnect(ME, 'bea')
    worked.joinGroup('cat', 'chess')
    worked.leaveGroup('bea', 'chess')
    worked.remove('cat')
    worked.connect(ME, 'dan')

    const fresh = emptyIndex()
    fresh.add([
      person(ME, 'Viewer', 'Self', { accountLevel: 'basic' }),
      person('ann', 'Ann', 'Alder', { headline: 'violist' }),
      person('bea', 'Bea', 'Brook', { headline: 'cellist' }),
      person('dan', 'Dan', 'Dorn', { headline: 'violinist', numConnections: 3 }),
    ])
    fresh.connect(ME, 'ann')
    fresh.connect(ME, 'dan')

    const requests: SearchRequestObject[] = [
      {},
      { keywords: 'violinist' },
      { keywords: 'violist', sort: 'relevance' },
      { 'first-name': 'bea', 'last-name': 'brook', facets: 'network' },
      { facets: 'network,current-company,language' },
      { sort: 'distance' },
    ]
    for (const request of requests) expect(answer(worked, request)).toEqual(answer(fresh, request))
    expect(ids(worked, {})).toEqual(['dan', 'ann'])
    expect(degreeOf(worked, 'Bea', 'Brook')).toEqual(['O'])
  })
})
