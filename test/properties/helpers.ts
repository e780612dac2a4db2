import type { World } from '@people-search/conformance'
import { degreeOf, type Materialized, Oracle, testGeocoder } from '@people-search/conformance'
import {
  type CompactionOptions,
  type NetworkPlan,
  PeopleIndex,
  type SearchAnswer,
  type SearchRequest,
  type SearchResult,
  tokens,
} from '@people-search/core'
import fc from 'fast-check'
import { expect } from 'vitest'

/** Runs per property: 100 by default, `FC_RUNS=2000` for the deep run. */
export const RUNS = Number(process.env.FC_RUNS ?? 100)

/** The fixed clock of every property (positions ending on this day are past, docs/spec.md §8). */
export const NOW = new Date('2026-06-15T00:00:00Z')

/** Index options for a world: fixed clock, test geocoder, the world's caps and bucket limit. */
const SECRET = Buffer.from('conformance suite secret, 32+ bytes')

export function optionsFor(world: Pick<World, 'caps' | 'facetBucketLimit'>) {
  return {
    now: () => NOW,
    geocoder: testGeocoder,
    secret: SECRET,
    ...(world.caps ? { caps: world.caps } : {}),
    ...(world.facetBucketLimit !== undefined ? { facetBucketLimit: world.facetBucketLimit } : {}),
  }
}

/** The verbs the index and the oracle share (docs/spec.md §1.2, §7). */
interface Mutable {
  add(profile: World['profiles'] | World['profiles'][number]): void
  connect(a: string, b: string): void
  joinGroup(member: string, group: string): void
}

/** Adds the world's profiles as one batch, then its edges and memberships. */
export function load<T extends Mutable>(target: T, world: World): T {
  target.add(structuredClone(world.profiles))
  for (const [a, b] of world.edges) target.connect(a, b)
  for (const [m, g] of world.memberships) target.joinGroup(m, g)
  return target
}

/**
 * `compaction` tunes when the index compacts (tests make it start early and step slowly);
 * `networkPlan` forces one way of judging the network rule (the default weighs them per query).
 */
export function buildIndex(
  world: World,
  compaction?: CompactionOptions,
  networkPlan?: NetworkPlan,
): PeopleIndex {
  return load(
    new PeopleIndex({
      ...optionsFor(world),
      ...(compaction ? { compaction } : {}),
      ...(networkPlan ? { networkPlan } : {}),
    }),
    world,
  )
}

/** Every way of judging the network rule (docs/architecture.md, "The network plan"): the answers never differ. */
export const networkPlanArb = fc.constantFrom<NetworkPlan>('cost', 'whole', 'members')

export function buildOracle(world: World): Oracle {
  return load(new Oracle(optionsFor(world)), world)
}

export function buildBoth(world: World, networkPlan?: NetworkPlan): { index: PeopleIndex; oracle: Oracle } {
  return { index: buildIndex(world, undefined, networkPlan), oracle: buildOracle(world) }
}

/** A value, or the error it threw as `{ error: "400 badParameter" }` (messages may differ). */
export type Outcome<T> = T | { error: string }

export function outcome<T>(fn: () => T): Outcome<T> {
  try {
    return fn()
  } catch (e) {
    const err = e as { status?: unknown; kind?: unknown; name?: string; message?: string }
    if (typeof err?.status === 'number' && typeof err.kind === 'string')
      return { error: `${err.status} ${err.kind}` }
    // Anything but a PeopleSearchError is a crash: never equal to anything, so it fails loudly.
    return { error: `CRASH ${err?.name}: ${err?.message} ${Math.random()}` }
  }
}

const searchOptions = (viewer: string | undefined) => (viewer === undefined ? {} : { viewer })

export function indexAnswer(index: PeopleIndex, m: Pick<Materialized, 'request' | 'viewer'>) {
  return outcome<SearchAnswer>(() => index.searchAnswer(m.request, searchOptions(m.viewer)))
}

export function oracleAnswer(oracle: Oracle, m: Pick<Materialized, 'request' | 'viewer'>) {
  return outcome<SearchAnswer>(() => oracle.answer(m.request, searchOptions(m.viewer)))
}

/** The legacy JSON document as it goes on the wire (key order counts). */
export function searchJson(
  x: { search(request: SearchRequest, options: { viewer?: string }): SearchResult },
  m: Pick<Materialized, 'request' | 'viewer'>,
): string {
  return JSON.stringify(
    outcome(() => x.search(m.request, searchOptions(m.viewer))),
    null,
    1,
  )
}

/** Context for a failure message: what was asked, on whose behalf. */
export function describeRequest(m: Pick<Materialized, 'request' | 'viewer'>): string {
  return `request ${JSON.stringify(m.request)} viewer ${JSON.stringify(m.viewer)}`
}

/**
 * Asserts that the index answers `m` exactly like the oracle: the answer (ids in order,
 * counts, histograms) and, when no field selector is in play, the legacy JSON document.
 */
export function expectSameAsOracle(
  index: PeopleIndex,
  oracle: Oracle,
  m: Materialized,
  compareSearch = true,
) {
  const expected = oracleAnswer(oracle, m)
  expect(indexAnswer(index, m), `searchAnswer differs: ${describeRequest(m)}`).toEqual(expected)
  if (compareSearch) {
    expect(searchJson(index, m), `search differs: ${describeRequest(m)}`).toBe(searchJson(oracle, m))
  }
}

const DEFAULT_CAPS = { basic: 100, business: 300, 'business-plus': 500, executive: 700 } as const

/**
 * What docs/spec.md says of any answer, judged from the world alone (no oracle): counts (§3.3), page
 * bounds (§3.5), the viewer never in its results and only F/S without both names (§3.2),
 * and the order of the three sorts that do not need scores (§3.4).
 */
export function expectSpecInvariants(world: World, m: Materialized, answer: Outcome<SearchAnswer>) {
  if ('error' in answer) return
  const why = describeRequest(m)
  const param = (k: string) => m.params.find(([x]) => x === k)?.[1]
  const viewer = world.profiles.find((p) => p.id === m.viewer)
  expect(viewer, why).toBeDefined()
  const cap = { ...DEFAULT_CAPS, ...world.caps }[viewer?.accountLevel ?? 'basic']
  expect(answer.total, why).toBe(Math.min(answer.numResults, cap))
  const start = Number(param('start') ?? 0)
  const count = Number(param('count') ?? 10)
  expect(answer.start, why).toBe(start)
  expect(answer.ids.length, why).toBe(Math.max(0, Math.min(count, answer.total - start)))
  expect(answer.ids, why).not.toContain(m.viewer)
  const hasTokens = (k: string) => tokens(String(param(k) ?? '')).length > 0
  const byId = new Map(world.profiles.map((p) => [p.id, p]))
  const degree = (id: string) => degreeOf(world, m.viewer ?? '', id)
  if (!(hasTokens('first-name') && hasTokens('last-name'))) {
    for (const id of answer.ids) expect(['F', 'S'], `${why}: ${id} is ${degree(id)}`).toContain(degree(id))
  }
  const sort = String(param('sort') ?? 'connections')
  if (sort === 'relevance') return
  const key = (id: string): number[] => {
    const p = byId.get(id) as World['profiles'][number]
    const c = -(p.numConnections ?? 0)
    if (sort === 'recommenders') return [-(p.numRecommenders ?? 0), c]
    if (sort === 'distance') return [Math.min('FS'.indexOf(degree(id)) >>> 0, 2), c]
    return [c]
  }
  for (let i = 1; i < answer.ids.length; i++) {
    const [a, b] = [answer.ids[i - 1], answer.ids[i]]
    const [ka, kb] = [key(a), key(b)]
    const cmp = ka.map((x, j) => x - kb[j]).find((d) => d !== 0) ?? (a < b ? -1 : 1)
    expect(cmp, `${why}: ${a} before ${b} under sort=${sort}`).toBeLessThan(0)
  }
}
