import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { materialize, requestPlanArb, type World, worldArb } from '@people-search/conformance'
import { type LookupParams, PeopleIndex, type Profile } from '@people-search/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOW, optionsFor, RUNS, searchJson } from './helpers.js'

const DAY = 24 * 60 * 60 * 1000
const ALL = {
  certifications: 'include',
  projects: 'include',
  publications: 'include',
  skills: 'include',
} as const

/**
 * What happened to a world's members before it reached its final state: earlier versions added
 * days before the clock (some after a removal), and how long before the clock the final
 * profiles were added (around the 29 days that make a copy stale, docs/spec.md §6.1).
 */
interface Past {
  steps: { member: number; daysAgo: number; removeFirst: boolean }[]
  /** Whether the final versions lose the dates the earlier ones had (so lookups backfill them). */
  dropDates: boolean
  finalDaysAgo: number
}

const pastArb: fc.Arbitrary<Past> = fc.record({
  steps: fc.array(
    fc.record({
      member: fc.nat(),
      daysAgo: fc.integer({ min: 61, max: 4500 }),
      removeFirst: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
    { maxLength: 10 },
  ),
  dropDates: fc.boolean(),
  finalDaysAgo: fc.integer({ min: 0, max: 60 }),
})

function withoutDates(profile: Profile): Profile {
  const copy = structuredClone(profile)
  for (const item of [...(copy.positions ?? []), ...(copy.educations ?? [])]) {
    delete item.startDate
    delete item.endDate
  }
  return copy
}

/**
 * The world's index, built through its past on a clock that moves, then set to the fixed clock
 * of every property; and the options (that clock) to load its snapshot with.
 */
function buildThroughPast(world: World, past: Past) {
  let time = NOW.getTime()
  const options = { ...optionsFor(world), now: () => new Date(time) }
  const index = new PeopleIndex(options)
  const profiles = world.profiles
  const changed = new Set<string>()
  for (const step of [...past.steps].sort((a, b) => b.daysAgo - a.daysAgo)) {
    if (profiles.length === 0) break
    const profile = profiles[step.member % profiles.length]
    time = NOW.getTime() - step.daysAgo * DAY
    if (step.removeFirst) index.remove(profile.id)
    index.add(structuredClone(profile))
    changed.add(profile.id)
  }
  time = NOW.getTime() - past.finalDaysAgo * DAY
  index.add(profiles.map((p) => (past.dropDates && changed.has(p.id) ? withoutDates(p) : structuredClone(p))))
  for (const [a, b] of world.edges) index.connect(a, b)
  for (const [m, g] of world.memberships) index.joinGroup(m, g)
  time = NOW.getTime()
  return { index, options, changed }
}

async function lookupJson(index: PeopleIndex, params: LookupParams): Promise<string> {
  try {
    return JSON.stringify(await index.lookupProfile(params))
  } catch (error) {
    const e = error as { status?: unknown; code?: unknown; name?: unknown; message?: unknown }
    if (typeof e.status === 'number') return `error ${e.status} ${String(e.code)}`
    return `CRASH ${String(e.name)}: ${String(e.message)} ${Math.random()}`
  }
}

describe('snapshots (docs/spec.md §7)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-snapshot-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('an index loaded back from its snapshot answers every search and lookup exactly as before', async () => {
    let run = 0
    let backfilled = 0
    await fc.assert(
      fc.asyncProperty(
        worldArb(),
        pastArb,
        fc.array(requestPlanArb(), { minLength: 1, maxLength: 6 }),
        async (world, past, plans) => {
          const { index, options, changed } = buildThroughPast(world, past)
          const path = join(dir, `world-${run++}.snapshot`)
          await index.save(path)
          const loaded = await PeopleIndex.load(path, options)
          for (const plan of plans) {
            const m = materialize(plan, world)
            expect(searchJson(loaded, m)).toBe(searchJson(index, m))
          }
          for (const { id } of world.profiles) {
            const profile_url = `https://www.linkedin.com/in/${id}`
            for (const params of [
              { profile_url, ...ALL },
              { profile_url, use_cache: 'if-recent', fallback_to_cache: 'never' },
            ] as LookupParams[]) {
              const expected = await lookupJson(index, params)
              expect(await lookupJson(loaded, params), `${JSON.stringify(params)}`).toBe(expected)
              if (past.dropDates && changed.has(id) && expected.includes('"starts_at":{')) backfilled++
            }
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 4) },
    )
    // The pasts are built so that lookups backfill from earlier versions, not only read the
    // current ones.
    if (RUNS >= 100) expect(backfilled).toBeGreaterThan(0)
  })
})
