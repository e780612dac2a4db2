/** docs/spec.md §1 Data: profile rules, current-ness from the injected clock, and the graph (§1.2, §8). */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Education,
  fromPersonProfile,
  PeopleIndex,
  type PersonProfileDocument,
  type Position,
  type Profile,
} from '@people-search/core'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  answer,
  buckets,
  counts,
  degreeOf,
  emptyIndex,
  expectError,
  ids,
  ME,
  NO_VIEWER,
  NOW,
  person,
  raw,
  world,
} from './world.js'

const everyone = (first: string, last: string) => ({ 'first-name': first, 'last-name': last })

describe('§1.1 a profile that breaks the rules is rejected naming the field and the record', () => {
  const rejected: [string, Record<string, unknown>, string[]][] = [
    ['a missing id', { firstName: 'Ann', lastName: 'Alder' }, ['id']],
    ['an empty id', { id: '', firstName: 'Ann', lastName: 'Alder' }, ['id']],
    ['an id with a space', { id: 'ann alder', firstName: 'Ann', lastName: 'Alder' }, ['id', 'ann alder']],
    ['an id of 65 characters', { id: 'a'.repeat(65), firstName: 'Ann', lastName: 'Alder' }, ['id']],
    ['a missing first name', { id: 'ann', lastName: 'Alder' }, ['firstName', 'ann']],
    ['an empty last name', { id: 'ann', firstName: 'Ann', lastName: '' }, ['lastName', 'ann']],
    ['an empty first name', { id: 'ann', firstName: '', lastName: 'Alder' }, ['firstName', 'ann']],
    // A company or school id must be one a facet value can select (docs/spec.md §8, docs/decisions.md).
    [
      'a company id with a comma',
      { id: 'ann', firstName: 'Ann', lastName: 'A', positions: [{ company: { id: 'Acme, Inc' } }] },
      ['positions[0].company.id', 'Acme, Inc', 'ann'],
    ],
    [
      'an empty company id',
      { id: 'ann', firstName: 'Ann', lastName: 'A', positions: [{ company: { id: '', name: 'Acme' } }] },
      ['positions[0].company.id', 'ann'],
    ],
    [
      'a school id with a space at its end',
      { id: 'ann', firstName: 'Ann', lastName: 'A', educations: [{ school: { id: 'mit ' } }] },
      ['educations[0].school.id', 'ann'],
    ],
    [
      'a blank school id',
      { id: 'ann', firstName: 'Ann', lastName: 'A', educations: [{ school: { id: '\t' } }] },
      ['educations[0].school.id', 'ann'],
    ],
    [
      'a company id of 1,001 characters',
      { id: 'ann', firstName: 'Ann', lastName: 'A', positions: [{ company: { id: 'c'.repeat(1001) } }] },
      ['positions[0].company.id', 'ann'],
    ],
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

  test('a company or school id is a number or 1–1,000 characters without a comma or whitespace at either end', () => {
    const at = (id: string | number): Position => ({ company: { id, name: 'Acme' } })
    const index = world([
      person('a', 'Ann', 'Alder', { positions: [at('acme corp'), at(1002), at('c'.repeat(1000))] }),
      person('b', 'Bo', 'Berg', {
        positions: [at('Straße GmbH'), at(-1.5)],
        educations: [{ school: { id: 'É N S' } }],
      }),
    ])
    expect(ids(index, { facet: 'current-company,ACME CORP' })).toEqual(['a'])
    expect(ids(index, { facet: `current-company,${'C'.repeat(1000)}` })).toEqual(['a'])
    expect(ids(index, { facet: 'current-company,straße gmbh,-1.5' })).toEqual(['b'])
    expect(ids(index, { facet: 'school,é n s' })).toEqual(['b'])
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

describe('§1.3 Person Profile data: an organisation page gives its company or school id', () => {
  test('the page slug is the id when a facet value can select it, and no id otherwise', () => {
    const experience = (company: string, url: string) => ({
      company,
      company_linkedin_profile_url: url,
      title: 'Founder',
      starts_at: null,
      ends_at: null,
    })
    const profile = fromPersonProfile({
      public_identifier: 'ann-lee',
      first_name: 'Ann',
      last_name: 'Lee',
      experiences: [
        experience('Acme Corp', 'https://www.linkedin.com/company/Acme%20Corp/'),
        experience('Acme, Inc', 'https://www.linkedin.com/company/acme%2C-inc'),
      ],
    } as unknown as PersonProfileDocument)
    expect(profile.positions?.map((p) => p.company)).toEqual([
      { id: 'acme corp', name: 'Acme Corp' },
      { name: 'Acme, Inc' },
    ])
    const index = world([profile])
    expect(ids(index, '/v1/people-search?facet=current-company,acme%20corp')).toEqual(['ann-lee'])
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

describe('§1.3 a field derived from a section is null whenever that section is hidden', () => {
  const stealthy = () =>
    fromPersonProfile({
      public_identifier: 'stealthy',
      first_name: 'Sam',
      last_name: 'Stealth',
      occupation: 'Chief Stealth Officer at StealthCo',
      experiences: [
        { title: 'Chief Stealth Officer', company: 'StealthCo', starts_at: { day: 1, month: 1, year: 2024 } },
      ],
    } as unknown as PersonProfileDocument)

  test('occupation, even as the document gave it, is null once the positions are private', async () => {
    const index = world([stealthy()])
    const before = await index.lookupProfile({ profile_url: 'linkedin.com/in/stealthy' })
    expect(before.profile.occupation).toBe('Chief Stealth Officer at StealthCo')
    index.add({ ...stealthy(), visibility: { positions: 'private' } })
    const after = await index.lookupProfile({ profile_url: 'linkedin.com/in/stealthy' })
    expect(after.profile).toMatchObject({ experiences: null, occupation: null })
    expect(JSON.stringify(after.profile)).not.toContain('Stealth Officer')
  })

  test('connections-only positions are hidden from a lookup too, and so is the occupation', async () => {
    const index = world([{ ...stealthy(), visibility: { positions: 'connections' } }])
    const { profile } = await index.lookupProfile({ profile_url: 'linkedin.com/in/stealthy' })
    expect(profile).toMatchObject({ experiences: null, occupation: null })
  })

  test('without an occupation of its own, the derived one ("Title at Company") is hidden the same way', async () => {
    const { occupation, ...rest } = stealthy().personProfile ?? {}
    const derived = { ...stealthy(), personProfile: rest }
    const index = world([derived])
    expect((await index.lookupProfile({ profile_url: 'linkedin.com/in/stealthy' })).profile.occupation).toBe(
      'Chief Stealth Officer at StealthCo',
    )
    index.add({ ...derived, visibility: { positions: 'private' } })
    expect(
      (await index.lookupProfile({ profile_url: 'linkedin.com/in/stealthy' })).profile.occupation,
    ).toBeNull()
  })
})

describe('§1.1 the index keeps its own copy of what it indexed', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-s1-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const reloaded = async (index: PeopleIndex) => {
    await index.save(join(dir, 'index.snapshot'))
    return PeopleIndex.load(join(dir, 'index.snapshot'), { now: () => new Date(NOW) })
  }
  const headlines = (index: PeopleIndex, keywords: string) =>
    index.search(`/v1/people-search:(people:(id,headline))?keywords=${keywords}`, { viewer: ME }).people
      ?.values

  test('an object changed after add, then its member added again: no error, one member, one result', () => {
    const ann = person('a', 'Ann', 'Alder', { headline: 'java' })
    const index = world([ann])
    ann.headline = 'zebra'
    index.add(person('a', 'Ann', 'Alder', { headline: 'java' }))
    expect(index.size).toBe(2) // `me` and `a`
    expect(ids(index, everyone('Ann', 'Alder'))).toEqual(['a'])
    expect(ids(index, { keywords: 'java' })).toEqual(['a'])
    // The changed object itself, added again, is a new version like any other.
    index.add(ann)
    expect(index.size).toBe(2)
    expect(ids(index, { keywords: 'zebra' })).toEqual(['a'])
    expect(ids(index, { keywords: 'java' })).toEqual([])
  })

  test('an object changed but not added again changes nothing: matching and output keep the added values', () => {
    const ann = person('a', 'Ann', 'Alder', { headline: 'java' })
    const index = world([ann])
    ann.headline = 'zebra'
    Object.freeze(ann)
    expect(ids(index, { keywords: 'java' })).toEqual(['a'])
    expect(ids(index, { keywords: 'zebra' })).toEqual([])
    expect(headlines(index, 'java')).toEqual([{ id: 'a', headline: 'java' }])
  })

  test('a position made private on the added object and added again no longer names its bucket', () => {
    const ann = person('a', 'Ann', 'Alder', { positions: [{ company: { id: 'acme', name: 'Acme Corp' } }] })
    const index = world([ann, person('b', 'Bob', 'Brown', { positions: [{ company: { id: 'acme' } }] })])
    const named = () => buckets(index, {}, 'current-company').map((b) => [b.code, b.name, b.count])
    expect(named()).toEqual([['acme', 'Acme Corp', 2]])
    ;(ann.positions as Position[])[0].visibility = 'private'
    index.add(ann)
    // Bob's position has no name: the bucket is named by its code (docs/spec.md §8).
    expect(named()).toEqual([['acme', 'acme', 1]])
  })

  test('a getter that throws when read a second time: add, search, save and load all work', async () => {
    let reads = 0
    const ann = {
      id: 'a',
      firstName: 'Ann',
      lastName: 'Alder',
      get headline() {
        if (reads++ > 0) throw new Error('read twice')
        return 'java'
      },
    }
    const index = world([ann as Profile])
    expect(reads).toBe(1)
    expect(headlines(index, 'java')).toEqual([{ id: 'a', headline: 'java' }])
    const loaded = await reloaded(index)
    expect(ids(loaded, everyone('Ann', 'Alder'))).toEqual(['a'])
    expect(reads).toBe(1)
  })

  test('a getter that throws when read a second time in a replacing add: the member is replaced, URL and all', async () => {
    const url = 'https://www.linkedin.com/in/ann-alder-1'
    const index = world([person('a', 'Ann', 'Alder', { headline: 'violinist', publicProfileUrl: url })])
    expect((await index.lookupProfile({ profile_url: url })).profile.headline).toBe('violinist')
    let reads = 0
    const again = {
      ...person('a', 'Ann', 'Alder', { headline: 'cellist' }),
      get publicProfileUrl() {
        if (reads++ > 0) throw new Error('read twice')
        return url
      },
    }
    index.add(again)
    expect((await index.lookupProfile({ profile_url: url })).profile.headline).toBe('cellist')
    expect(ids(index, { keywords: 'cellist' })).toEqual(['a'])
  })

  test('a Proxy is read once per key the profile table names, and never for any other key', () => {
    const reads = new Map<string, number>()
    const count = <T extends object>(target: T, path: string): T =>
      new Proxy(target, {
        get(t, key, receiver) {
          const at = `${path}.${String(key)}`
          reads.set(at, (reads.get(at) ?? 0) + 1)
          const value = Reflect.get(t, key, receiver)
          return typeof value === 'object' && value !== null ? count(value, at) : value
        },
      })
    const index = world([])
    const ann = {
      id: 'a',
      firstName: 'Ann',
      lastName: 'Alder',
      headline: 'java',
      positions: [{ title: 'violinist', company: { id: 'acme', name: 'Acme' } }],
      visibility: { summary: 'private' },
      secret: 'not read',
    }
    index.add(count(raw(ann), 'profile'))
    index.connect(ME, 'a')
    expect(ids(index, { keywords: 'java violinist' })).toEqual(['a'])
    expect(reads.has('profile.secret')).toBe(false)
    expect([...reads].filter(([, n]) => n > 1)).toEqual([])
    expect(reads.get('profile.positions.0.company.name')).toBe(1)
  })

  test('a cycle, a BigInt and a throwing toJSON under unknown keys are not kept: add, save and load work', async () => {
    const ann: Record<string, unknown> = {
      id: 'a',
      firstName: 'Ann',
      lastName: 'Alder',
      headline: 'java',
      count: 10n,
      meta: {
        toJSON() {
          throw new Error('not JSON')
        },
      },
    }
    ann.self = ann
    const index = world([raw(ann)])
    const loaded = await reloaded(index)
    expect(ids(loaded, everyone('Ann', 'Alder'))).toEqual(['a'])
    expect(headlines(loaded, 'java')).toEqual([{ id: 'a', headline: 'java' }])
  })

  test('a cycle or a BigInt in the Person Profile extras (a key the index keeps) is a 400 naming the field', () => {
    const extras: Record<string, unknown> = { full_name: 'Ann Alder' }
    extras.self = extras
    const index = world([])
    expectError(
      () => index.add(raw({ id: 'a', firstName: 'Ann', lastName: 'Alder', personProfile: extras })),
      400,
      'invalid-profile',
      'personProfile.self',
      'cycle',
    )
    expectError(
      () =>
        index.add(
          raw({ id: 'a', firstName: 'Ann', lastName: 'Alder', personProfile: { follower_count: 3n } }),
        ),
      400,
      'invalid-profile',
      'personProfile.follower_count',
    )
    expect(index.size).toBe(1)
  })

  test('the Person Profile extras are kept as data: changing the document afterwards changes no lookup', async () => {
    const document = {
      public_identifier: 'ann-alder',
      first_name: 'Ann',
      last_name: 'Alder',
      people_also_viewed: [{ name: 'Bob Brown', link: 'https://www.linkedin.com/in/bob' }],
      experiences: [
        {
          company: 'Acme',
          title: 'Violinist',
          starts_at: { day: 1, month: 1, year: 2020 },
          ends_at: null,
          logo_url: 'https://media.example.com/acme.png',
        },
      ],
    } as unknown as PersonProfileDocument
    const profile = fromPersonProfile(document)
    const index = world([profile])
    const extras = profile.personProfile as { people_also_viewed: { name: string }[] }
    extras.people_also_viewed[0].name = 'Changed'
    ;(profile.positions?.[0].personProfile as Record<string, unknown>).logo_url = 'changed'
    const { profile: found } = await index.lookupProfile({ profile_url: 'linkedin.com/in/ann-alder' })
    expect(found.people_also_viewed).toEqual([{ name: 'Bob Brown', link: 'https://www.linkedin.com/in/bob' }])
    expect(found.experiences?.[0]).toMatchObject({ logo_url: 'https://media.example.com/acme.png' })
    const loaded = await reloaded(index)
    const again = await loaded.lookupProfile({ profile_url: 'linkedin.com/in/ann-alder' })
    expect(again.profile).toEqual(found)
  })

  test('an inherited visibility key does not count, before and after a snapshot: only own keys do', async () => {
    const inherited = Object.create(Object.create(null, { headline: { value: 'private', enumerable: true } }))
    const index = world([person('a', 'Ann', 'Alder', { headline: 'java', visibility: inherited })])
    expect(headlines(index, 'java')).toEqual([{ id: 'a', headline: 'java' }])
    expect(headlines(await reloaded(index), 'java')).toEqual([{ id: 'a', headline: 'java' }])
  })

  test('a batch with a profile whose read throws is a 400 naming the field and record, and changes nothing', async () => {
    const url = 'https://www.linkedin.com/in/ann-alder-1'
    const index = world([person('a', 'Ann', 'Alder', { headline: 'violinist', publicProfileUrl: url })])
    expect((await index.lookupProfile({ profile_url: url })).profile.headline).toBe('violinist')
    const unreadable = {
      ...person('b', 'Bob', 'Brown'),
      get positions(): Position[] {
        throw new Error('boom')
      },
    }
    const batch = [
      person('a', 'Ann', 'Alder', { headline: 'cellist', publicProfileUrl: `${url}-new` }),
      unreadable,
    ]
    expectError(() => index.add(batch), 400, 'invalid-profile', 'record 1', '"b"', 'positions')
    expect(ids(index, { keywords: 'violinist' })).toEqual(['a'])
    expect(ids(index, everyone('Bob', 'Brown'))).toEqual([])
    expect((await index.lookupProfile({ profile_url: url })).profile.headline).toBe('violinist')
    await expect(index.lookupProfile({ profile_url: `${url}-new` })).rejects.toMatchObject({
      code: 'profile-not-found',
    })
  })

  test('a revoked Proxy, as a profile or as a batch entry, is a 400 invalidProfile', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const index = world([])
    expectError(() => index.add(proxy as Profile), 400, 'invalid-profile', 'cannot be read')
    expectError(
      () => index.add([person('b', 'Bob', 'Brown'), proxy as Profile]),
      400,
      'invalid-profile',
      'record 1',
    )
    expect(index.size).toBe(1)
  })
})

describe('§1.1 current-ness is judged against the clock of each search', () => {
  // Added on the example clock, 2026-06-15; the position ends 2026-07-01, the course 2026-07-01.
  const LATER = '2026-08-01T00:00:00Z'
  const leaving = () =>
    person('lea', 'Lea', 'Leaving', {
      positions: [
        { title: 'java', company: { id: 'acme', name: 'Acme' }, endDate: { year: 2026, month: 7 } },
      ],
      educations: [
        { school: { id: 'mit', name: 'MIT' }, startDate: { year: 2025 }, endDate: { year: 2026, month: 7 } },
      ],
    })
  const clocked = (people: Profile[], start = NOW) => {
    const clock = { now: new Date(start) }
    const index = world(people, { options: { now: () => clock.now } })
    return { index, at: (iso: string) => (clock.now = new Date(iso)) }
  }
  const currentCompany = (index: PeopleIndex, flag: 'true' | 'false') =>
    ids(index, { 'company-name': 'Acme', 'current-company': flag })

  test('once the clock passes the endDate, current-company=true stops matching, and the histograms and output agree', () => {
    const { index, at } = clocked([leaving()])
    expect(currentCompany(index, 'true')).toEqual(['lea'])
    expect(counts(index, {}, 'current-company')).toEqual([['acme', 1]])
    at(LATER)
    expect(currentCompany(index, 'true')).toEqual([])
    expect(currentCompany(index, 'false')).toEqual(['lea'])
    expect(counts(index, {}, 'current-company')).toEqual([])
    expect(counts(index, {}, 'past-company')).toEqual([['acme', 1]])
    const shown = index.search('/v1/people-search:(people:(id,positions:(title,is-current)))?keywords=java', {
      viewer: ME,
    })
    expect(shown.people?.values).toEqual([
      { id: 'lea', positions: { _total: 1, values: [{ title: 'java', isCurrent: false }] } },
    ])
  })

  test('an education with a start date stops being current when its endDate passes (current-school)', () => {
    const { index, at } = clocked([leaving()])
    expect(ids(index, { 'school-name': 'MIT', 'current-school': 'true' })).toEqual(['lea'])
    at(LATER)
    expect(ids(index, { 'school-name': 'MIT', 'current-school': 'true' })).toEqual([])
    expect(ids(index, { 'school-name': 'MIT', 'current-school': 'false' })).toEqual(['lea'])
  })

  test('a current title weighs 2 until its endDate passes, then 1: relevance is that of a fresh index (§3.4)', () => {
    const ys = person('yara', 'Yara', 'Yu', { skills: ['java'] })
    const { index, at } = clocked([leaving(), ys])
    const relevance = { keywords: 'java', sort: 'relevance' } as const
    expect(ids(index, relevance)).toEqual(['lea', 'yara'])
    at(LATER)
    expect(ids(index, relevance)).toEqual(['yara', 'lea'])
    const fresh = world([leaving(), ys], { options: { now: () => new Date(LATER) } })
    expect(answer(index, relevance)).toEqual(answer(fresh, relevance))
  })

  test('moving the clock back before the endDate makes the position current again', () => {
    const { index, at } = clocked([leaving()], LATER)
    expect(currentCompany(index, 'true')).toEqual([])
    at(NOW)
    expect(currentCompany(index, 'true')).toEqual(['lea'])
    expect(counts(index, {}, 'current-company')).toEqual([['acme', 1]])
    at(LATER)
    expect(currentCompany(index, 'true')).toEqual([])
  })

  test('a member added while the clock is later is judged by the clock of each search too', () => {
    const { index, at } = clocked([])
    at(LATER)
    index.add(leaving())
    index.connect(ME, 'lea')
    at(NOW)
    expect(currentCompany(index, 'true')).toEqual(['lea'])
  })

  test('an unrelated compaction changes no answer', () => {
    const { index, at } = clocked([leaving()])
    expect(currentCompany(index, 'true')).toEqual(['lea'])
    at(LATER)
    const before = answer(index, {
      'company-name': 'Acme',
      'current-company': 'false',
      facets: 'past-company',
    })
    // Replacing one member again and again leaves dead slots until the index compacts (architecture.md).
    for (let i = 0; i < 1100; i++) index.add(person('filler', 'Fil', 'Ler', { numConnections: i }))
    const after = answer(index, {
      'company-name': 'Acme',
      'current-company': 'false',
      facets: 'past-company',
    })
    expect(after).toEqual(before)
    expect(before.ids).toEqual(['lea'])
  })

  test('a compaction in steps: every answer during it and after it is the one without it', () => {
    // One member copied per step, so the compaction spans the calls below (docs/architecture.md).
    const options = { options: { compaction: { slack: 0, stepMembers: 1 } } }
    const people = () => [
      person('ann', 'Ann', 'Alder', { headline: 'Java developer' }),
      person('bob', 'Bob', 'Brown', { headline: 'Java architect' }),
      person('cat', 'Cat', 'Cole', { headline: 'Rust developer' }),
    ]
    const index = world(people(), { ...options, edges: [['ann', 'bob']], groups: { g: ['cat', ME] } })
    const plain = world(people(), { edges: [['ann', 'bob']], groups: { g: ['cat', ME] } })
    const same = () => {
      for (const keywords of ['java', 'developer', 'cole'])
        expect(ids(index, { keywords, facets: 'network' }), keywords).toEqual(
          ids(plain, { keywords, facets: 'network' }),
        )
      expect(index.size).toBe(plain.size)
    }
    // Two rounds of replaces leave more dead slots than live ones: the compaction starts.
    for (let round = 0; round < 2; round++) for (const p of people()) index.add(p)
    same()
    // During it: a replace of a member already copied, a new member and a link, then (once
    // cat's copy is made) cat's removal.
    for (const t of [index, plain]) {
      t.add(person('ann', 'Ann', 'Alder', { headline: 'Go developer' }))
      t.add(person('dee', 'Dee', 'Dunn', { headline: 'Java developer' }))
      t.connect('dee', ME)
      t.remove('cat')
    }
    same()
    expect(ids(index, { keywords: 'java' })).toEqual(['bob', 'dee'])
    // Enough steps to finish it: the answers stay the same.
    for (let i = 0; i < 12; i++)
      for (const t of [index, plain]) t.add(person('dee', 'Dee', 'Dunn', { headline: 'Java developer' }))
    same()
    expect(degreeOf(index, 'Bob', 'Brown')).toEqual(degreeOf(plain, 'Bob', 'Brown'))
  })

  test('getPerson renders is-current by the clock of the call', () => {
    const { index, at } = clocked([leaving()])
    const current = () =>
      index.getPerson('lea', { viewer: ME, fields: '(positions:(is-current))' }).positions?.values?.[0]
        .isCurrent
    expect(current()).toBe(true)
    at(LATER)
    expect(current()).toBe(false)
  })
})

describe('§1.2 connectMany: many connections at once, as connect makes each', () => {
  const people = () => [
    person('ann', 'Ann', 'Alder'),
    person('bob', 'Bob', 'Brown'),
    person('cat', 'Cat', 'Cole'),
    person('dee', 'Dee', 'Dunn'),
  ]

  test('id pairs: F and S as connect gives them; repeats and a self-pair change nothing', () => {
    const index = world(people(), { friends: [] })
    index.connectMany([
      [ME, 'ann'],
      ['ann', 'bob'],
      ['bob', 'ann'],
      ['cat', 'cat'],
    ])
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
    expect(degreeOf(index, 'Bob', 'Brown')).toEqual(['S'])
    expect(degreeOf(index, 'Cat', 'Cole')).toEqual(['O'])
    expect(answer(index, {}).numResults).toBe(2)
  })

  test('indexes into a member list, each id resolved once; after it, connect and disconnect work as ever', () => {
    const index = world(people(), { friends: [] })
    index.connectMany({ members: [ME, 'ann', 'bob', 'unused'], pairs: Uint32Array.of(0, 1, 1, 2, 0, 1) })
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['F'])
    expect(degreeOf(index, 'Bob', 'Brown')).toEqual(['S'])
    index.disconnect('ann', ME)
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['O'])
    index.connect('dee', ME)
    expect(degreeOf(index, 'Dee', 'Dunn')).toEqual(['F'])
  })

  test('one unknown member rejects the whole call (404 naming it) and connects nothing', () => {
    const index = world(people(), { friends: [] })
    expectError(
      () =>
        index.connectMany([
          [ME, 'ann'],
          ['bob', 'nobody'],
        ]),
      404,
      'unknown-member',
      'nobody',
    )
    expect(degreeOf(index, 'Ann', 'Alder')).toEqual(['O'])
  })

  test('bad shapes are 400s naming what was wrong, and change nothing', () => {
    const index = world(people(), { friends: [] })
    const bad: [unknown, string][] = [
      [[[ME, 'ann'], [ME]], 'links[1]'],
      [[[ME, 7]], 'links[0][1]'],
      [{ members: [ME, 'ann'], pairs: [0, 1, 1] }, 'links.pairs'],
      [{ members: [ME, 'ann'], pairs: [0, 2] }, 'links.pairs[1]'],
      [{ members: [ME, 'ann'], pairs: [0, 0.5] }, 'links.pairs[1]'],
      [{ members: 'me,ann', pairs: [0, 1] }, 'links.members'],
      [{ members: [ME, 42], pairs: [0, 1] }, 'links.members[1]'],
      [null, 'links'],
    ]
    for (const [links, named] of bad)
      expectError(() => index.connectMany(links as never), 400, 'invalid-argument', named)
    const hostile = new Proxy([], {
      get: () => {
        throw new Error('boom')
      },
    })
    expectError(() => index.connectMany(hostile as never), 400, 'unreadable-argument', 'links')
    expect(answer(index, {}).numResults).toBe(0)
  })
})
