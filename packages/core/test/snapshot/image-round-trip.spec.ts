import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PeopleIndex, PeopleSearchError } from '../../src/index.js'
import type { Profile } from '../../src/model/profile.js'
import { tokens } from '../../src/text/tokens.js'
import { rawProfileArb } from '../store/owned-profile-arb.js'
import { imageOf, saveVersion2 } from './snapshot-kit.js'

const RUNS = Number(process.env.FC_RUNS ?? 40)
const DAY = 24 * 60 * 60 * 1000
const T0 = Date.UTC(2026, 5, 15)
const SECRET = 'a secret of the round-trip tests, 32 bytes or more'
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'member-0000000001']
const GROUPS = ['g1', 'g2']

/**
 * A profile of one of the pool's ids: anything a validated copy can hold (owned-profile-arb.ts),
 * mostly with names, headlines, positions and places from small pools, so that searches match,
 * facets fill and positions start and end as the clock moves; half with a public profile URL.
 */
const commonArb = fc.record({
  firstName: fc.constantFrom('Ann', 'Bob', 'Cy', 'Zed'),
  lastName: fc.constantFrom('Lee', 'Ray', 'Do'),
  headline: fc.constantFrom('Java developer', 'Software Engineer', 'java architect at Acme', 'violinist'),
  position: fc.record({
    title: fc.constantFrom('Engineer', 'Java developer', 'CEO'),
    company: fc.constantFrom({ id: 'acme', name: 'Acme' }, { id: 1002, name: 'Globex' }, { name: 'Initech' }),
    startDate: fc.record({ year: fc.integer({ min: 2010, max: 2040 }) }),
    endDate: fc.option(fc.record({ year: fc.integer({ min: 2015, max: 2045 }) }), { nil: undefined }),
  }),
  school: fc.constantFrom({ id: 'mit', name: 'MIT' }, { name: 'Stanford University' }),
  location: fc.constantFrom(
    { name: 'San Francisco', code: 'us:84', postalCode: '94103' },
    { name: 'London', code: 'gb:4573' },
    undefined,
  ),
})
const profileArb: fc.Arbitrary<Profile> = fc
  .tuple(fc.constantFrom(...IDS), rawProfileArb, commonArb, fc.nat(5), fc.boolean(), fc.boolean())
  .map(([id, raw, common, shape, url, dated]) => {
    const profile = { ...raw, id } as Record<string, unknown>
    if (shape > 0) {
      profile.firstName = common.firstName
      profile.lastName = common.lastName
      profile.headline = common.headline
      profile.positions = [
        common.position,
        ...((raw.positions as unknown[] | undefined) ?? []).slice(0, shape - 1),
      ]
      profile.educations = [{ school: common.school, startDate: { year: 2008 } }]
      if (common.location === undefined) delete profile.location
      else profile.location = common.location
    }
    if (shape > 2) delete profile.visibility
    if (url) profile.publicProfileUrl = `https://www.linkedin.com/in/${id}`
    if (!dated) delete profile.updatedAt
    return profile as unknown as Profile
  })

const memberArb = fc.constantFrom(...IDS, 'ghost')
type Op =
  | { add: Profile[] }
  | { remove: string }
  | { connect: [string, string] }
  | { connectMany: [string, string][] }
  | { disconnect: [string, string] }
  | { join: [string, string] }
  | { leave: [string, string] }
  | { clock: number }
  | { search: string }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ add: fc.array(profileArb, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ remove: memberArb }) },
  { weight: 6, arbitrary: fc.record({ connect: fc.tuple(memberArb, memberArb) }) },
  {
    weight: 2,
    arbitrary: fc.record({ connectMany: fc.array(fc.tuple(memberArb, memberArb), { maxLength: 10 }) }),
  },
  { weight: 1, arbitrary: fc.record({ disconnect: fc.tuple(memberArb, memberArb) }) },
  { weight: 4, arbitrary: fc.record({ join: fc.tuple(memberArb, fc.constantFrom(...GROUPS)) }) },
  { weight: 1, arbitrary: fc.record({ leave: fc.tuple(memberArb, fc.constantFrom(...GROUPS)) }) },
  // Days forward or back: members whose positions start or end meanwhile are judged again.
  { weight: 2, arbitrary: fc.record({ clock: fc.integer({ min: -4000, max: 4000 }) }) },
  { weight: 1, arbitrary: fc.record({ search: memberArb }) },
)

/** A world: members first, then connections and groups among them, then any changes. */
const worldArb: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.array(profileArb, { minLength: 1, maxLength: 8 }),
    fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS)), { maxLength: 14 }),
    fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...GROUPS)), { maxLength: 5 }),
    fc.array(opArb, { maxLength: 30 }),
  )
  .map(([profiles, edges, groups, ops]) => [
    { add: profiles },
    // One pair at a time: a pair naming a member not added is a 404 of its own.
    ...edges.map((connect) => ({ connect })),
    ...groups.map((join) => ({ join })),
    ...ops,
  ])

/** An index on a clock of its own, which `apply` moves. */
function timed(start: number) {
  const clock = { time: start }
  const options = { now: () => new Date(clock.time), secret: SECRET }
  return { index: new PeopleIndex(options), clock, options }
}

/** What a call gives: its value, or the code of the error it threw; anything else thrown fails. */
function outcome(call: () => unknown): unknown {
  try {
    return call()
  } catch (error) {
    if (error instanceof PeopleSearchError) return { error: error.code }
    throw error
  }
}

async function asyncOutcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof PeopleSearchError) return { error: error.code }
    throw error
  }
}

function apply(target: { index: PeopleIndex; clock: { time: number } }, op: Op): unknown {
  const { index, clock } = target
  if ('add' in op) return outcome(() => index.add(structuredClone(op.add)))
  if ('remove' in op) return index.remove(op.remove)
  if ('connect' in op) return outcome(() => index.connect(...op.connect))
  if ('connectMany' in op) return outcome(() => index.connectMany(op.connectMany))
  if ('disconnect' in op) return outcome(() => index.disconnect(...op.disconnect))
  if ('join' in op) return outcome(() => index.joinGroup(...op.join))
  if ('leave' in op) return outcome(() => index.leaveGroup(...op.leave))
  if ('clock' in op) {
    clock.time += op.clock * DAY
    return clock.time
  }
  return outcome(() => index.searchAnswer('/v1/people-search?keywords=a', { viewer: op.search }))
}

/** Searches over what the members hold: their words, names, facets and sort orders, from each viewer. */
function requests(index: PeopleIndex): string[] {
  const words = new Set<string>(['a', 'zed', 'software', 'engineer', 'acme'])
  for (const id of IDS) {
    const profile = outcome(() => index.getPerson(id, { viewer: id, fields: ':full' })) as Record<
      string,
      unknown
    >
    for (const key of ['firstName', 'lastName', 'headline', 'summary'])
      if (typeof profile?.[key] === 'string')
        for (const token of tokens(profile[key] as string).slice(0, 2)) words.add(token)
  }
  const out: string[] = []
  const selector =
    ':(people:(id,first-name,last-name,headline,location,industry,distance,num-connections,public-profile-url,api-standard-profile-request,positions,educations,skills),num-results,facets:(code,buckets:(code,name,count,selected)))'
  const facets = 'facets=network,location,industry,language,current-company,past-company,school'
  for (const word of [...words].slice(0, 12)) {
    const keyword = encodeURIComponent(word)
    out.push(`/v1/people-search${selector}?keywords=${keyword}&${facets}&count=25`)
    out.push(`/v1/people-search?first-name=${keyword}&sort=connections&count=25`)
    out.push(`/v1/people-search?last-name=${keyword}&first-name=${keyword}`)
    out.push(`/v1/people-search?company-name=${keyword}&current-company=true&sort=recommenders`)
    out.push(`/v1/people-search?title=${keyword}&school-name=${keyword}`)
  }
  out.push(`/v1/people-search${selector}?${facets}&facet=network,F,S,A,O&count=25`)
  out.push('/v1/people-search?country-code=us&postal-code=94103&distance=50&sort=distance')
  return out
}

/** Every answer the index gives: searches from every viewer, every member to every viewer, every lookup. */
async function answers(index: PeopleIndex): Promise<unknown[]> {
  const out: unknown[] = []
  for (const request of requests(index))
    for (const viewer of IDS) out.push(outcome(() => index.search(request, { viewer })))
  for (const viewer of IDS)
    for (const member of IDS) out.push(outcome(() => index.getPerson(member, { viewer, fields: ':full' })))
  for (const id of [...IDS, 'ghost']) {
    out.push(
      await asyncOutcome(() => index.lookupProfile({ profile_url: `https://www.linkedin.com/in/${id}` })),
    )
    out.push(
      await asyncOutcome(() =>
        index.lookupProfile({ profile_url: `https://www.linkedin.com/in/${id}`, skills: 'include' }),
      ),
    )
  }
  return out
}

describe('a version 3 snapshot is an exact image (docs/spec.md §7)', () => {
  let dir: string
  let run = 0
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-image-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('loads into the same store, answers as the saved index, and goes on changing exactly as it would', async () => {
    const seen = { matches: 0, dead: 0, versions: 0 }
    await fc.assert(
      fc.asyncProperty(worldArb, fc.array(opArb, { maxLength: 20 }), async (before, after) => {
        const saved = timed(T0)
        for (const op of before) apply(saved, op)
        const path = join(dir, `image-${run++}.snapshot`)
        await saved.index.save(path)
        const loaded = { clock: { time: saved.clock.time }, index: undefined as unknown as PeopleIndex }
        loaded.index = await PeopleIndex.load(path, {
          now: () => new Date(loaded.clock.time),
          secret: SECRET,
        })
        // The same arrays, dead slots, history and incarnations included.
        expect(imageOf(loaded.index)).toEqual(imageOf(saved.index))
        const got = await answers(loaded.index)
        expect(got).toEqual(await answers(saved.index))
        seen.matches += got.filter((a) => ((a as { numResults?: number }).numResults ?? 0) > 0).length
        seen.dead += imageOf(saved.index).store.slotCount - saved.index.size
        seen.versions += imageOf(saved.index).history.times.length
        for (const op of after) expect(apply(loaded, op)).toEqual(apply(saved, op))
        expect(await answers(loaded.index)).toEqual(await answers(saved.index))
      }),
      { numRuns: RUNS },
    )
    // The worlds hold what the image must carry: searches that match, dead slots, earlier versions.
    if (RUNS >= 20) expect(Math.min(seen.matches, seen.dead, seen.versions)).toBeGreaterThan(0)
  })

  it('is the state at the call: what changes right after save() returns is not in the file', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.array(opArb, { minLength: 1, maxLength: 20 }), async (before, after) => {
        const saved = timed(T0)
        const twin = timed(T0)
        for (const op of before) {
          apply(saved, op)
          apply(twin, op)
        }
        const path = join(dir, `moment-${run++}.snapshot`)
        const saving = saved.index.save(path)
        // Appends to postings within their room, replaces, removes, links, a clock that re-judges.
        for (const op of after) apply(saved, op)
        apply(saved, { add: [{ id: 'a', firstName: 'Ann', lastName: 'Lee', headline: 'java' } as Profile] })
        saved.index.searchAnswer('/v1/people-search?keywords=java', { viewer: 'a' })
        await saving
        const loaded = await PeopleIndex.load(path, twin.options)
        expect(imageOf(loaded)).toEqual(imageOf(twin.index))
        expect(await answers(loaded)).toEqual(await answers(twin.index))
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    )
  })

  it('an index saved while it compacts loads, answers, compacts and re-judges as the saved one', async () => {
    const saved = timed(T0)
    // More members than one step of a compaction copies (256), so that one is under way between calls.
    const ids = [...IDS, ...Array.from({ length: 300 }, (_, i) => `p${i}`)]
    const profiles = ids.map((id, i) => ({
      id,
      firstName: 'Ann',
      lastName: `Lee${i % 3}`,
      headline: 'Java developer',
      positions: [
        {
          title: 'CEO',
          company: { id: 'acme', name: 'Acme' },
          startDate: { year: 2020 },
          endDate: { year: 2027 + (i % 9) },
        },
      ],
    }))
    saved.index.add(profiles)
    for (let i = 1; i < ids.length; i++) saved.index.connect(ids[i - 1], ids[i])
    saved.index.joinGroup('a', 'g1')
    saved.index.joinGroup('c', 'g1')
    // Replaces until dead slots pass the live ones by the slack (1024): a compaction starts, in steps.
    const compacting = () => (saved.index as unknown as { compaction?: unknown }).compaction !== undefined
    for (let round = 0; round < 10 && !compacting(); round++)
      saved.index.add(profiles.map((p) => ({ ...p, headline: `Java ${round}` })))
    expect(compacting(), 'a compaction is under way when save is called').toBe(true)
    const path = join(dir, 'compacting.snapshot')
    await saved.index.save(path)
    const loaded = { clock: { time: saved.clock.time }, index: undefined as unknown as PeopleIndex }
    loaded.index = await PeopleIndex.load(path, { now: () => new Date(loaded.clock.time), secret: SECRET })
    expect(await answers(loaded.index)).toEqual(await answers(saved.index))
    for (let round = 0; round < 12; round++) {
      const batch = profiles.map((p) => ({ ...p, headline: `Kotlin ${round}` }))
      expect(apply(loaded, { add: batch })).toEqual(apply(saved, { add: batch }))
      if (round % 4 === 0) await new Promise((resolve) => setImmediate(resolve))
      expect(await answers(loaded.index)).toEqual(await answers(saved.index))
    }
    // Years on, every position has ended: every member is judged again.
    apply(loaded, { clock: 3000 })
    apply(saved, { clock: 3000 })
    expect(await answers(loaded.index)).toEqual(await answers(saved.index))
  })

  it('a version 2 snapshot of the same index loads with the same answers', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (ops) => {
        const saved = timed(T0)
        for (const op of ops) apply(saved, op)
        const path = join(dir, `v2-${run++}.snapshot`)
        await saveVersion2(saved.index, path)
        const loaded = await PeopleIndex.load(path, saved.options)
        // As JSON: version 2 is JSON, which has no −0.
        expect(JSON.stringify(await answers(loaded))).toBe(JSON.stringify(await answers(saved.index)))
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    )
  })
})
