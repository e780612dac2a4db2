import {
  ALL_FACETS,
  INDUSTRIES,
  materialize,
  type RequestPlan,
  requestPlanArb,
  vocabularyOf,
  type World,
  worldArb,
} from '@people-search/conformance'
import type { FacetCode, SearchAnswer } from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildBoth, describeRequest, outcome, RUNS } from './helpers.js'

/** Deep runs (`FC_RUNS=2000`) take longer than vitest's default minute. */
const DEEP_TIMEOUT = Math.max(60_000, RUNS * 100)

/** Facets where a member has at most one value, so buckets are disjoint (docs/spec.md §4.2). */
const SINGLE_VALUED = ['industry', 'network', 'language'] as const
type Single = (typeof SINGLE_VALUED)[number]

const EVERY_CODE: Record<Single, string[]> = {
  industry: INDUSTRIES.map((i) => String(i.code)),
  network: ['F', 'S', 'A', 'O'],
  language: ['en', 'es', 'fr', 'de', 'it', 'pt', '_o'],
}

type Answerer = (plan: RequestPlan) => SearchAnswer

const countOf = (answer: SearchAnswer, facet: FacetCode, code: string) =>
  answer.facets.find((f) => f.code === facet)?.buckets.find((b) => b.code === code)?.count ?? 0

function withFilter(plan: RequestPlan, code: FacetCode, values: string[]): RequestPlan {
  return { ...plan, facet: [...plan.facet, { code, anchored: false, picks: [0], upper: false, values }] }
}

/** Checks the three relations on one answerer (the index or the oracle). */
function checkRelations(
  ask: Answerer,
  plan: RequestPlan,
  x: Single,
  picks: [number, number],
  other: { code: FacetCode; value: string } | undefined,
  label: string,
) {
  const base = ask(plan)
  const histogram = base.facets.find((f) => f.code === x)?.buckets ?? []
  // Every bucket shows (limit 1000) and no bucket is selected: there is no filter on x.
  expect(
    histogram.every((b) => !b.selected && b.count > 0),
    label,
  ).toBe(true)
  const codes = EVERY_CODE[x]
  const a = codes[picks[0] % codes.length]
  const b = codes[picks[1] % codes.length]

  const onA = ask(withFilter(plan, x, [a]))
  expect(onA.numResults, `${label}: filter ${x}=${a}`).toBe(countOf(base, x, a))
  // Disjunctive counting: x's own histogram ignores the filter on x, except for `selected`.
  const expected = histogram.map((bucket) => ({ ...bucket, selected: bucket.code === a }))
  if (!histogram.some((bucket) => bucket.code === a))
    expected.push({ code: a, name: expect.any(String), count: 0, selected: true })
  expect(
    onA.facets.find((f) => f.code === x)?.buckets,
    `${label}: histogram of ${x} filtered on ${a}`,
  ).toEqual(expected)

  if (a !== b) {
    const onAB = ask(withFilter(plan, x, [a, b]))
    expect(onAB.numResults, `${label}: filter ${x}=${a},${b}`).toBe(countOf(base, x, a) + countOf(base, x, b))
  }

  if (other) {
    const narrowed = ask(withFilter(plan, other.code, [other.value]))
    expect(narrowed.numResults, `${label}: + ${other.code}=${other.value}`).toBeLessThanOrEqual(
      base.numResults,
    )
    for (const facet of narrowed.facets) {
      for (const bucket of facet.buckets) {
        expect(
          bucket.count,
          `${label}: + ${other.code}=${other.value}, ${facet.code} ${bucket.code}`,
        ).toBeLessThanOrEqual(countOf(base, facet.code, bucket.code))
      }
    }
  }
}

describe('facet histograms (docs/spec.md §4)', () => {
  it(
    'bucket counts predict filtered result counts; more filters never raise a count',
    () => {
      fc.assert(
        fc.property(
          worldArb({ facetBucketLimit: 1000 }),
          fc.constantFrom(...SINGLE_VALUED),
          fc.tuple(fc.nat(), fc.nat()),
          fc.tuple(fc.constantFrom(...ALL_FACETS), fc.nat()),
          fc.boolean(),
          requestPlanArb({ invalidRate: 0 }),
          (world: World, x, picks, [otherCode, otherPick], withOther, raw) => {
            if (world.profiles.length === 0) return
            const otherValues = vocabularyOf(world).facetValues[otherCode]
            const other =
              withOther && otherCode !== x && otherValues.length > 0
                ? { code: otherCode, value: otherValues[otherPick % otherValues.length] }
                : undefined
            // A plan without a filter on x, asking for x's histogram (and maybe others).
            const plan: RequestPlan = {
              ...raw,
              facet: raw.facet.filter((f) => f.code !== x),
              facets: [x, ...raw.facets.filter((c) => c !== x)],
            }
            const { index, oracle } = buildBoth(world)
            const label = describeRequest(materialize(plan, world))
            for (const [name, answerer] of [
              ['index', index.searchAnswer.bind(index)],
              ['oracle', oracle.answer.bind(oracle)],
            ] as const) {
              const ask: Answerer = (p) => {
                const m = materialize(p, world)
                return answerer(m.request, { viewer: m.viewer })
              }
              checkRelations(ask, plan, x, picks, other, `${name}: ${label}`)
            }
          },
        ),
        { numRuns: RUNS },
      )
    },
    DEEP_TIMEOUT,
  )
})

describe('every bucket can be selected (docs/spec.md §8 "Buckets")', () => {
  it(
    'filtering on any bucket a histogram shows is accepted and finds exactly its count',
    () => {
      fc.assert(
        fc.property(
          worldArb({ facetBucketLimit: 1000 }),
          requestPlanArb({ invalidRate: 0 }),
          fc.constantFrom<'as shown' | 'upper' | 'padded'>('as shown', 'upper', 'padded'),
          (world: World, raw, spelling) => {
            if (world.profiles.length === 0) return
            // Every histogram, none narrowed by a filter on itself: a bucket's count is then the
            // number of results a filter on that bucket alone gives (§4.3 disjunctive counting).
            const plan: RequestPlan = { ...raw, facet: [], facets: [...ALL_FACETS] }
            const { index, oracle } = buildBoth(world)
            for (const [name, answerer] of [
              ['index', index.searchAnswer.bind(index)],
              ['oracle', oracle.answer.bind(oracle)],
            ] as const) {
              const ask = (p: RequestPlan) => {
                const m = materialize(p, world)
                return { m, answer: outcome(() => answerer(m.request, { viewer: m.viewer })) }
              }
              const base = ask(plan)
              if ('error' in base.answer)
                throw new Error(`${name}: ${base.answer.error} ${describeRequest(base.m)}`)
              for (const histogram of base.answer.facets) {
                for (const bucket of histogram.buckets) {
                  const value = spell(bucket.code, spelling)
                  const filtered = ask(withFilter(plan, histogram.code, [value]))
                  const label = `${name}: bucket ${histogram.code} ${JSON.stringify(bucket.code)}, ${describeRequest(filtered.m)}`
                  expect(
                    'error' in filtered.answer ? filtered.answer : filtered.answer.numResults,
                    label,
                  ).toBe(bucket.count)
                }
              }
            }
          },
        ),
        { numRuns: Math.max(10, Math.round(RUNS / 4)) },
      )
    },
    DEEP_TIMEOUT,
  )
})

/**
 * A bucket code as the answer shows it, sent as it is, upper-cased (where lower-casing gives it
 * back: not `ß` → `SS`) or padded with spaces: all the same value (docs/spec.md §8).
 */
function spell(code: string, spelling: 'as shown' | 'upper' | 'padded'): string {
  if (spelling === 'padded') return ` ${code} `
  const upper = code.toUpperCase()
  return spelling === 'upper' && upper.toLowerCase() === code ? upper : code
}
