import type { FacetCode, SearchAnswer } from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ALL_FACETS,
  materialize,
  type RequestPlan,
  requestPlanArb,
  vocabularyOf,
} from '../arbitraries/request.js'
import { INDUSTRIES, type World, worldArb } from '../arbitraries/world.js'
import { buildBoth, describeRequest, RUNS } from './helpers.js'

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
  it('bucket counts predict filtered result counts; more filters never raise a count', () => {
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
  })
})
