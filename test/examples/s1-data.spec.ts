/** docs/spec.md §1 Data: profile rules, current-ness from the injected clock, and the graph (§1.2, §8). */
import type { Education, Position } from '@people-search/core'
import { describe, expect, test } from 'vitest'
import { degreeOf, emptyIndex, expectError, ids, ME, NO_VIEWER, person, raw, world } from './world.js'

const everyone = (first: string, last: string) => ({ 'first-name': first, 'last-name': last })

describe('§1.1 a profile that breaks the rules is rejected naming the field and the record', () => {
  const rejected: [string, Record<string, unknown>, string[]][] = [
    ['a missing id', { firstName: 'Ann', lastName: 'Alder' }, ['id']],
    ['an empty id', { id: '', firstName: 'Ann', lastName: 'Alder' }, ['id']],
    ['an id with a space', { id: 'ann alder', firstName: 'Ann', lastName: 'Alder' }, ['id', 'ann alder']],
    ['an id of 65 characters', { id: 'a'.repeat(65), firstName: 'Ann', lastName: 'Alder' }, ['id']],
    ['a missing first name', { id: 'ann', lastName: 'Alder' }, ['firstName', 'ann']],
    ['an empty last name', { id: 'ann', firstName: 'Ann', lastName: '' }, ['lastName', 'ann']],
    [
      'a headline that is not a string',
      { id: 'ann', firstName: 'Ann', lastName: 'A', headline: 42 },
      ['headline', 'ann'],
    ],
    [
      'skills that are not a list',
      { id: 'ann', firstName: 'Ann', lastName: 'A', skills: 'java' },
      ['skills', 'ann'],
    ],
    [
      'a negative numConnections',
      { id: 'ann', firstName: 'Ann', lastName: 'A', numConnections: -1 },
      ['numConnections', 'ann'],
    ],
    [
      'a fractional numRecommenders',
      { id: 'ann', firstName: 'Ann', lastName: 'A', numRecommenders: 1.5 },
      ['numRecommenders', 'ann'],
    ],
    [
      'a count given as text',
      { id: 'ann', firstName: 'Ann', lastName: 'A', numConnections: '5' },
      ['numConnections', 'ann'],
    ],
    [
      'a location code with a three-letter country',
      { id: 'ann', firstName: 'Ann', lastName: 'A', location: { name: 'Somewhere', code: 'usa:84' } },
      ['location', 'ann'],
    ],
    [
      'a location code with a country ISO 3166 does not know',
      { id: 'ann', firstName: 'Ann', lastName: 'A', location: { name: 'Nowhere', code: 'yy:0' } },
      ['location', 'ann'],
    ],
    [
      'an unknown section visibility',
      { id: 'ann', firstName: 'Ann', lastName: 'A', visibility: { headline: 'friends' } },
      ['visibility', 'ann'],
    ],
    [
      'an unknown position visibility',
      {
        id: 'ann',
        firstName: 'Ann',
        lastName: 'A',
        positions: [{ company: { name: 'Acme' }, visibility: 'secret' }],
      },
      ['visibility', 'ann'],
    ],
  ]
  test.each(rejected)('a profile with %s is a 400 invalidProfile', (_, profile, mentions) => {
    const index = emptyIndex()
    expectError(() => index.add(raw(profile)), 400, 'invalid-profile', ...mentions)
  })

  test('an id of 64 characters of [A-Za-z0-9_-] is accepted', () => {
    const id = `A-z_9${'x'.repeat(59)}`
    const index = world([person(id, 'Long', 'Id')])
    expect(ids(index, everyone('Long', 'Id'))).toEqual([id])
  })

  test('the index is left exactly as it was after a rejected add', () => {
    const index = world([person('ann', 'Ann', 'Alder', { headline: 'violinist' })])
    expectError(
      () => index.add(raw({ id: 'ann', firstName: 'Ann', lastName: 'Alder', headline: 7 })),
      400,
      'invalid-profile',
    )
    expectError(
      () => index.add(raw({ id: 'bob', firstName: '', lastName: 'Brown' })),
      400,
      'invalid-profile',
      'bob',
    )
    expect(ids(index, { keywords: 'violinist' })).toEqual(['ann'])
    expect(ids(index, { 'last-name': 'Brown', 'first-name': 'Bob' })).toEqual([])
    expect(index.remove('bob')).toBe(false)
  })

  test('a batch add is all-or-nothing: one bad record keeps every other one out', () => {
    const index = world([person('ann', 'Ann', 'Alder', { headline: 'violinist' })])
    const batch = [
      person('ann', 'Ann', 'Alder', { headline: 'cellist' }),
      person('carl', 'Carl', 'Cole'),
      raw({ id: 'dan', firstName: 'Dan', lastName: 'Dorn', numConnections: -3 }),
    ]
    expectError(() => index.add(batch), 400, 'invalid-profile', 'numConnections', 'dan')
    expect(ids(index, { keywords: 'violinist' })).toEqual(['ann'])
    expect(ids(index, { keywords: 'cellist' })).toEqual([])
    expect(ids(index, everyone('Carl', 'Cole'))).toEqual([])
    expect(index.remove('carl')).toBe(false)
  })
})

describe('§1.1 current-ness of positions and educations comes from dates and the index clock', () => {
  // The clock is 2026-06-15T00:00:00Z; a partial date stands for its first instant (§8 Dates).
  const worker = (id: string, position: Record<string, unknown>) =>
    person(id, id, 'Worker', { positions: [{ company: { name: 'Acme' }, ...position } as Position] })
  const people = [
    worker('no-end', { startDate: { year: 2020 } }),
    worker('ends-july', { endDate: { year: 2026, month: 7 } }),
    worker('ends-june', { endDate: { year: 2026, month: 6 } }),
    worker('ends-today', { endDate: { year: 2026, month: 6, day: 15 } }),
    worker('ends-tomorrow', { endDate: { year: 2026, month: 6, day: 16 } }),
    worker('ends-2026', { endDate: { year: 2026 } }),
    worker('flag-current', { endDate: { year: 2001 }, isCurrent: true }),
    worker('flag-past', { isCurrent: false }),
    worker('private-dates', { endDate: { year: 2020 }, datesVisibility: 'private' }),
  ]

  test('a position is current when it has no endDate or an endDate strictly after the clock', () => {
    const index = world(people)
    expect(ids(index, { 'company-name': 'Acme', 'current-company': 'true' })).toEqual([
      'ends-july',
      'ends-tomorrow',
      'flag-current',
      'no-end',
    ])
    expect(ids(index, { 'company-name': 'Acme', 'current-company': 'false' })).toEqual([
      'ends-2026',
      'ends-june',
      'ends-today',
      'flag-past',
      'private-dates',
    ])
  })

  test('the same profiles judged by a later injected clock', () => {
    const index = world(people, { options: { now: () => new Date('2026-08-01T00:00:00Z') } })
    expect(ids(index, { 'company-name': 'Acme', 'current-company': 'true' })).toEqual([
      'flag-current',
      'no-end',
    ])
  })

  test('an education is current when it has a startDate and no endDate or one after the clock', () => {
    const student = (id: string, education: Record<string, unknown>) =>
      person(id, id, 'Student', {
        educations: [{ school: { name: 'Shermer High School' }, ...education } as Education],
      })
    const index = world([
      student('started', { startDate: { year: 2024, month: 9 } }),
      student('graduates-2027', { startDate: { year: 2023 }, endDate: { year: 2027 } }),
      student('graduated', { startDate: { year: 2019 }, endDate: { year: 2023 } }),
      student('no-dates', {}),
      student('end-only', { endDate: { year: 2030 } }),
    ])
    expect(ids(index, { 'school-name': 'Shermer', 'current-school': 'true' })).toEqual([
      'graduates-2027',
      'started',
    ])
    expect(ids(index, { 'school-name': 'Shermer', 'current-school': 'false' })).toEqual([
      'end-only',
      'graduated',
      'no-dates',
    ])
  })
})

describe('§1.2 and §8 Graph', () => {
  const people = () => [
    person('ann', 'Ann', 'Alder'),
    person('bob', 'Bob', 'Brown'),
    person('cat', 'Cat', 'Cole'),
    person('dee', 'Dee', 'Dunn'),
  ]

  test('connections are undirected first-degree links', () => {
    const index = world(people(), { friends: [], edges: [['ann', ME]] })
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
    expect(degreeOf(index, 'Viewer', 'Self', 'ann')).toEqual(['F'])
  })

  test('a connection of a connection is S, a group mate is A, everyone else is O', () => {
    const index = world(people(), {
      friends: ['ann'],
      edges: [['ann', 'bob']],
      groups: { chess: [ME, 'cat'] },
    })
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
    expect(degreeOf(index, 'Bob', 'Brown')).toEqual(['S'])
    expect(degreeOf(index, 'Cat', 'Cole')).toEqual(['A'])
    expect(degreeOf(index, 'Dee', 'Dunn')).toEqual(['O'])
  })

  test('an F member who also shares a group is F, and an S member who shares one is S', () => {
    const index = world(people(), {
      friends: ['ann'],
      edges: [['ann', 'bob']],
      groups: { chess: [ME, 'ann', 'bob'] },
    })
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
    expect(degreeOf(index, 'Bob', 'Brown')).toEqual(['S'])
  })

  test('disconnect and leaveGroup undo connect and joinGroup', () => {
    const index = world(people(), { friends: ['ann'], groups: { chess: [ME, 'cat'] } })
    index.disconnect(ME, 'ann')
    index.leaveGroup('cat', 'chess')
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['O'])
    expect(degreeOf(index, 'Cat', 'Cole')).toEqual(['O'])
    expect(ids(index, {})).toEqual([])
  })

  test('disconnect takes its arguments in either order', () => {
    const index = world(people(), { friends: ['ann'] })
    index.disconnect('ann', ME)
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['O'])
  })

  test('connect(a, a) does nothing', () => {
    const index = world(people(), { friends: [] })
    index.connect(ME, ME)
    index.connect('ann', 'ann')
    expect(answer0(index)).toEqual({ numResults: 0, ids: [] })
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['O'])
  })

  test('disconnect and leaveGroup of a pair that is not linked do nothing', () => {
    const index = world(people(), { friends: ['ann'] })
    index.disconnect('bob', 'cat')
    index.disconnect(ME, 'dee')
    index.leaveGroup('ann', 'chess')
    index.leaveGroup(ME, 'no-such-group')
    expect(ids(index, {})).toEqual(['ann'])
  })

  test('connect with an unknown member is a 404 naming it', () => {
    const index = world(people())
    expectError(() => index.connect(ME, 'ghost'), 404, 'unknown-member', 'ghost')
    expectError(() => index.connect('phantom', 'ann'), 404, 'unknown-member', 'phantom')
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
  })

  test('joinGroup of an unknown member is a 404 naming it', () => {
    const index = world(people())
    expectError(() => index.joinGroup('ghost', 'chess'), 404, 'unknown-member', 'ghost')
  })

  test('a search on behalf of a member sees its own network, not another one', () => {
    const index = world(people(), { friends: ['ann'], edges: [['bob', 'cat']] })
    expect(ids(index, {})).toEqual(['ann'])
    expect(ids(index, {}, 'bob')).toEqual(['cat'])
    expect(ids(index, {}, 'dee')).toEqual([])
    expect(() => index.searchAnswer({}, NO_VIEWER)).toThrow()
  })
})

function answer0(index: ReturnType<typeof world>) {
  const { numResults, ids } = index.searchAnswer({}, { viewer: ME })
  return { numResults, ids }
}
