/** docs/spec.md §7 Updates (with §1.2): replace, remove, batches, and "as if built fresh". */

import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  PeopleIndex,
  type PeopleSearchError,
  type PersonProfileDocument,
  type ProfileSource,
  type SearchRequestObject,
} from '@people-search/core'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { answer, degreeOf, emptyIndex, expectError, ids, ME, NOW, person, raw, world } from './world.js'

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

/**
 * A profile source whose answer waits until the test lets it go, so that the index can change
 * while a lookup is fetching (docs/spec.md §7).
 */
function slowSource(answer: () => PersonProfileDocument | Error) {
  let release = () => {}
  const fetched = new Promise<void>((resolve) => {
    release = resolve
  })
  let asked = 0
  const source: ProfileSource = {
    fetch: async () => {
      asked++
      await fetched
      const document = answer()
      if (document instanceof Error) throw document
      return structuredClone(document)
    },
  }
  return { source, release, asked: () => asked }
}

const ANN_URL = 'https://www.linkedin.com/in/ann-lee'
/** Ann as the index last stored her, two months ago: a friends-only summary and a private phone. */
const annStored = () =>
  person('ann', 'Ann', 'Lee', {
    headline: 'Java developer',
    summary: 'Only for friends',
    phone: '+1 555 0100',
    publicProfileUrl: ANN_URL,
    visibility: { summary: 'connections', phone: 'private' },
    updatedAt: '2026-04-01T00:00:00Z',
  })
/** What the source says of Ann now: no summary or phone key, so a refresh would keep the stored ones. */
const annFetched = {
  public_identifier: 'ann-lee',
  first_name: 'Ann',
  last_name: 'Lee',
  headline: 'Kotlin lead',
} as PersonProfileDocument
const ifRecent = { profile_url: ANN_URL, use_cache: 'if-recent' } as const

async function rejection(promise: Promise<unknown>): Promise<PeopleSearchError & { credits?: number }> {
  return promise.then(
    () => {
      throw new Error('expected the lookup to fail')
    },
    (error: PeopleSearchError) => error,
  )
}

describe('§7 a fresh copy a lookup fetched is stored only if its member did not change meanwhile', () => {
  test('a member removed while its refresh is fetched stays removed, and the lookup is a 404', async () => {
    const slow = slowSource(() => annFetched)
    const index = world([annStored()], { options: { source: slow.source } })
    const lookup = index.lookupProfile(ifRecent)
    expect(slow.asked()).toBe(1)
    expect(index.remove('ann')).toBe(true)
    slow.release()
    expect(await rejection(lookup)).toMatchObject({ status: 404, code: 'profile-not-found', credits: 0 })
    expect(index.size).toBe(1)
    expect(ids(index, { 'first-name': 'ann', 'last-name': 'lee' })).toEqual([])
    expect(ids(index, { keywords: 'kotlin' })).toEqual([])
    expect(await rejection(index.lookupProfile({ profile_url: ANN_URL }))).toMatchObject({ status: 404 })
    expectError(() => index.connect(ME, 'ann'), 404, 'unknown-member', 'ann')
    // Nobody holds the removed version's friends-only summary and private phone any more, not
    // even the member itself.
    expectError(() => index.getPerson('ann', { viewer: 'ann', fields: 'full' }), 401, 'unknown-viewer')
  })

  test('a member replaced while its refresh is fetched keeps the replacement, which the lookup answers', async () => {
    const slow = slowSource(() => annFetched)
    const index = world([annStored()], { options: { source: slow.source } })
    const lookup = index.lookupProfile(ifRecent)
    index.add({ ...annStored(), headline: 'Violinist', updatedAt: '2026-06-14T00:00:00Z' })
    slow.release()
    const { profile, credits } = await lookup
    expect(profile.headline).toBe('Violinist')
    expect(credits).toBe(2)
    expect(ids(index, { keywords: 'violinist' })).toEqual(['ann'])
    expect(ids(index, { keywords: 'kotlin' })).toEqual([])
    expect((await index.lookupProfile({ profile_url: ANN_URL })).profile.headline).toBe('Violinist')
  })

  test('a member removed and added again with the very same profile object is a new incarnation', async () => {
    const slow = slowSource(() => annFetched)
    const stored = annStored()
    const index = world([stored], { options: { source: slow.source } })
    const lookup = index.lookupProfile(ifRecent)
    index.remove('ann')
    index.add(stored)
    slow.release()
    expect((await lookup).profile.headline).toBe('Java developer')
    expect(ids(index, { keywords: 'kotlin' })).toEqual([])
    expect(degreeOf(index, 'Ann', 'Lee')).toEqual(['O'])
  })

  test('a failed refresh of a member removed meanwhile does not fall back on the removed copy', async () => {
    const slow = slowSource(() => new Error('upstream down'))
    const index = world([annStored()], { options: { source: slow.source } })
    const lookup = index.lookupProfile(ifRecent)
    index.remove('ann')
    slow.release()
    expect(await rejection(lookup)).toMatchObject({ status: 503, code: 'profile-source-failed', credits: 0 })
    expect(index.size).toBe(1)
  })

  test('a member that did not change while fetched is refreshed as usual', async () => {
    const slow = slowSource(() => annFetched)
    const index = world([annStored()], { options: { source: slow.source } })
    const lookup = index.lookupProfile(ifRecent)
    index.add(person('bea', 'Bea', 'Brook'))
    index.connect(ME, 'bea')
    slow.release()
    expect((await lookup).profile.headline).toBe('Kotlin lead')
    expect(ids(index, { keywords: 'kotlin' })).toEqual(['ann'])
    expect(degreeOf(index, 'Ann', 'Lee')).toEqual(['F'])
  })

  test('a profile the index did not hold is not added when a member took its URL meanwhile', async () => {
    const slow = slowSource(() => annFetched)
    const index = world([], { options: { source: slow.source } })
    const lookup = index.lookupProfile(ifRecent)
    index.add({ ...annStored(), headline: 'Violinist', updatedAt: '2026-06-14T00:00:00Z' })
    slow.release()
    expect((await lookup).profile.headline).toBe('Violinist')
    expect(index.size).toBe(2)
  })
})

describe('§7 snapshots', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-s7-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const load = (path: string, options = {}) =>
    PeopleIndex.load(path, { now: () => new Date(NOW), ...options })
  const refusal = (path: string) =>
    load(path).then(
      () => undefined,
      (error: PeopleSearchError) => error.code,
    )

  test('an index loaded back from its snapshot answers identically', async () => {
    const index = town()
    await index.save(join(dir, 's'))
    const loaded = await load(join(dir, 's'))
    for (const request of [{}, { keywords: 'violinist' }, { facets: 'network,current-company' }])
      expect(answer(loaded, request)).toEqual(answer(index, request))
  })

  test('a snapshot is the state at the moment save is called, whatever changes follow while it is written', async () => {
    const index = town()
    const saving = index.save(join(dir, 's'))
    index.add(person('ann', 'Ann', 'Alder', { headline: 'pianist' }))
    index.remove('cat')
    await saving
    const loaded = await load(join(dir, 's'))
    expect(ids(loaded, { keywords: 'violinist' })).toEqual(['ann', 'cat'])
    expect(ids(loaded, { keywords: 'pianist' })).toEqual([])
    expect(degreeOf(loaded, 'Cat', 'Cole')).toEqual(['S'])
  })

  test('saves to one path are serialized: both succeed and the last one called wins', async () => {
    const index = town()
    const first = index.save(join(dir, 's'))
    index.remove('bea')
    const second = index.save(join(dir, 's'))
    await Promise.all([first, second])
    expect((await load(join(dir, 's'))).size).toBe(3)
  })

  test('the snapshot file has mode 0600: it holds connections-only and private sections', async () => {
    await town().save(join(dir, 's'))
    expect((await stat(join(dir, 's'))).mode & 0o777).toBe(0o600)
  })

  test('it holds the earlier versions lookups backfill from', async () => {
    let time = Date.parse('2026-01-01T00:00:00Z')
    const options = { now: () => new Date(time) }
    const index = emptyIndex(options)
    const url = 'https://www.linkedin.com/in/ann-alder'
    const violinist = { title: 'Violinist', company: { name: 'LSO' } }
    index.add(
      person('ann', 'Ann', 'Alder', {
        publicProfileUrl: url,
        positions: [{ ...violinist, startDate: { year: 2019 } }],
      }),
    )
    time = Date.parse(NOW)
    index.add(person('ann', 'Ann', 'Alder', { publicProfileUrl: url, positions: [violinist] }))
    await index.save(join(dir, 's'))
    const loaded = await PeopleIndex.load(join(dir, 's'), options)
    const { profile } = await loaded.lookupProfile({ profile_url: url })
    expect(profile.experiences?.[0].starts_at).toEqual({ day: null, month: null, year: 2019 })
    expect(profile).toEqual((await index.lookupProfile({ profile_url: url })).profile)
  })

  test('a truncated or corrupted snapshot is refused, never half-loaded', async () => {
    await town().save(join(dir, 's'))
    const bytes = await readFile(join(dir, 's'))
    await writeFile(join(dir, 'cut'), bytes.subarray(0, bytes.length - 100))
    expect(await refusal(join(dir, 'cut'))).toBe('snapshot-image-size')
    const changed = Buffer.from(bytes)
    changed.write('a', changed.indexOf('violinist') + 4, 'latin1')
    await writeFile(join(dir, 'changed'), changed)
    expect(await refusal(join(dir, 'changed'))).toBe('snapshot-image-checksum')
  })

  test('load accepts only a file that is exactly a snapshot', async () => {
    await writeFile(join(dir, 'empty'), '')
    expect(await refusal(join(dir, 'empty'))).toBe('snapshot-empty')
    await writeFile(join(dir, 'foreign'), '{"id":"ann","firstName":"Ann","lastName":"Alder"}\n')
    expect(await refusal(join(dir, 'foreign'))).toBe('snapshot-without-header')
    if (existsSync('/dev/zero')) expect(await refusal('/dev/zero')).toBe('snapshot-not-a-file')
    // Anything after the last section its table lists is no part of a snapshot.
    await town().save(join(dir, 's'))
    const bytes = await readFile(join(dir, 's'))
    await writeFile(join(dir, 'longer'), Buffer.concat([bytes, Buffer.from('\n')]))
    expect(await refusal(join(dir, 'longer'))).toBe('snapshot-image-size')
  })
})
