import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PeopleIndex, PeopleSearchError } from '../../src/index.js'
import type { LookupParams } from '../../src/lookup/lookup-params.js'
import { saveVersion2 } from './snapshot-kit.js'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.UTC(2026, 0, 10)
const ANN_URL = 'https://www.linkedin.com/in/ann-lee'
const BOB_URL = 'https://www.linkedin.com/in/bob'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'people-search-history-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** An index on a clock the test moves. */
function timed(start = T0) {
  let time = start
  const options = { now: () => new Date(time) }
  return { index: new PeopleIndex(options), options, at: (t: number) => (time = t) }
}

async function outcome(index: PeopleIndex, params: LookupParams) {
  try {
    return await index.lookupProfile(params)
  } catch (error) {
    if (!(error instanceof PeopleSearchError)) throw error
    return { error: error.code }
  }
}

/**
 * Ann's current version lost the start date her earlier, public version had; Bob was added
 * forty days before the clock, without `updatedAt`; two members share one public URL.
 */
function history() {
  const { index, options, at } = timed()
  const engineer = { title: 'Engineer', company: { id: 'acme', name: 'Acme' } }
  index.add({
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    publicProfileUrl: ANN_URL,
    positions: [{ ...engineer, startDate: { year: 2020, month: 3 } }],
    educations: [{ school: { id: 'mit', name: 'MIT' }, startDate: { year: 2012 } }],
  })
  index.add({ id: 'bob', firstName: 'Bob', lastName: 'Ray', publicProfileUrl: BOB_URL })
  at(T0 + 5 * DAY)
  index.add({
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    publicProfileUrl: ANN_URL,
    positions: [engineer],
    educations: [{ school: { id: 'mit' } }],
  })
  index.add({ id: 'cy', firstName: 'Cy', lastName: 'Do', publicProfileUrl: BOB_URL })
  at(T0 + 10 * DAY)
  index.add({ id: 'bob', firstName: 'Bob', lastName: 'Ray', publicProfileUrl: BOB_URL, headline: 'back' })
  at(T0 + 40 * DAY)
  return { index, options, at }
}

const LOOKUPS: LookupParams[] = [
  { profile_url: ANN_URL },
  { profile_url: ANN_URL, use_cache: 'if-recent' },
  { profile_url: ANN_URL, use_cache: 'if-recent', fallback_to_cache: 'never' },
  { profile_url: BOB_URL },
  { profile_url: BOB_URL, use_cache: 'if-recent', fallback_to_cache: 'never' },
  { profile_url: 'https://www.linkedin.com/in/cy' },
]

describe('a snapshot holds the earlier versions and times lookups depend on (docs/spec.md §7, §6.1)', () => {
  it('a backfilled starts_at and school name stay after save and load', async () => {
    const { index, options } = history()
    const before = (await index.lookupProfile({ profile_url: ANN_URL })).profile
    expect(before.experiences?.[0].starts_at).toEqual({ day: null, month: 3, year: 2020 })
    expect(before.education?.[0].school).toBe('MIT')
    const path = join(dir, 'index.snapshot')
    await index.save(path)
    const after = (await (await PeopleIndex.load(path, options)).lookupProfile({ profile_url: ANN_URL }))
      .profile
    expect(after).toEqual(before)
  })

  it('an add time stays: a copy stale before the snapshot is stale after it', async () => {
    const { index, options } = history()
    const params: LookupParams = { profile_url: ANN_URL, use_cache: 'if-recent', fallback_to_cache: 'never' }
    expect(await outcome(index, params)).toEqual({ error: 'no-profile-source' })
    const path = join(dir, 'index.snapshot')
    await index.save(path)
    expect(await outcome(await PeopleIndex.load(path, options), params)).toEqual({
      error: 'no-profile-source',
    })
  })

  it('every lookup answers identically after save and load, the member a shared URL names included', async () => {
    const { index, options } = history()
    const path = join(dir, 'index.snapshot')
    await index.save(path)
    const loaded = await PeopleIndex.load(path, options)
    for (const params of LOOKUPS)
      expect(await outcome(loaded, params), JSON.stringify(params)).toEqual(await outcome(index, params))
    expect((await loaded.lookupProfile({ profile_url: BOB_URL })).profile.headline).toBe('back')
  })

  it('a version 2 snapshot lists add times and earlier versions as records of their own, and loads', async () => {
    const { index, options } = history()
    const path = join(dir, 'index.snapshot')
    await saveVersion2(index, path)
    const records = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => Object.keys(JSON.parse(line))[0])
    expect(records).toEqual([
      'header',
      'profile',
      'profile',
      'profile',
      'added',
      'added',
      'added',
      'version',
      'version',
      'end',
    ])
    const loaded = await PeopleIndex.load(path, options)
    for (const params of LOOKUPS)
      expect(await outcome(loaded, params), JSON.stringify(params)).toEqual(await outcome(index, params))
  })

  it('a removed member leaves no history in the snapshot', async () => {
    const { index, options } = history()
    index.remove('ann')
    index.add({
      id: 'ann',
      firstName: 'Ann',
      lastName: 'Lee',
      publicProfileUrl: ANN_URL,
      positions: [{ title: 'Engineer', company: { id: 'acme' } }],
    })
    const path = join(dir, 'index.snapshot')
    await index.save(path)
    const loaded = await PeopleIndex.load(path, options)
    expect(
      (await loaded.lookupProfile({ profile_url: ANN_URL })).profile.experiences?.[0].starts_at,
    ).toBeNull()
  })
})
