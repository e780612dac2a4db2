import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FacetCounts } from '../../src/collect/facet-counts.js'
import { NO_FAILED_FACET } from '../../src/query/matches.js'
import { FACET_CODES, type FacetCode } from '../../src/query/search-query.js'
import { domainDouble, facetWorld, naiveBuckets } from './facet-domain-double.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
const ALL = 100

describe('FacetCounts (disjunctive histograms, docs/spec.md §4.3)', () => {
  it("counts in X's histogram the matches and the members failing only X's filters", () => {
    fc.assert(
      fc.property(
        facetWorld.chain((world) =>
          fc.record({
            world: fc.constant(world),
            codes: fc.uniqueArray(fc.constantFrom(...FACET_CODES), { minLength: 1, maxLength: 3 }),
            // Near misses of any facet, asked for or not.
            collected: fc.array(
              fc.tuple(
                fc.nat(world.members.length - 1),
                fc.integer({ min: NO_FAILED_FACET, max: FACET_CODES.length - 1 }),
              ),
              { maxLength: 20 },
            ),
          }),
        ),
        ({ world, codes, collected }) => {
          const domains = {
            valueRoom: world.codes.length,
            domain: (code: FacetCode) => domainDouble(world, code),
          }
          const counters = new Map<FacetCode, Uint32Array>()
          const facets = new FacetCounts(codes, domains, counters)
          expect(facets.nearMissFacets).toBe(
            codes.reduce((bits, code) => bits | (1 << FACET_CODES.indexOf(code)), 0),
          )
          for (const [slot, failed] of collected) facets.collect(slot, 0, failed)
          const answers = facets.harvest(ALL, [], counters)
          expect(answers.map((answer) => answer.code)).toEqual(codes)
          for (const { code, buckets } of answers) {
            const facet = FACET_CODES.indexOf(code)
            const counted = collected
              .filter(([, failed]) => failed === NO_FAILED_FACET || failed === facet)
              .map(([slot]) => slot)
            expect(buckets).toEqual(naiveBuckets(world, counted, ALL, []))
            expect(counters.get(code)?.every((count) => count === 0)).toBe(true)
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('marks the buckets the filters on its own facet select', () => {
    const world = { codes: ['', 'a', 'b', 'c'], members: [[1], [2], [1, 3]] }
    const domains = { valueRoom: 4, domain: (code: FacetCode) => domainDouble(world, code) }
    const facets = new FacetCounts(['industry', 'network'], domains, new Map())
    for (const slot of [0, 1, 2]) facets.collect(slot, 0, NO_FAILED_FACET)
    const filters = [
      { code: 'industry' as const, values: ['c', 'zz'] },
      { code: 'network' as const, values: ['b'] },
    ]
    const [industry, network] = facets.harvest(1, filters, new Map())
    expect(industry.buckets.map((b) => [b.code, b.count, b.selected])).toEqual([
      ['a', 2, false],
      ['c', 1, true],
      ['zz', 0, true],
    ])
    expect(network.buckets.map((b) => [b.code, b.selected])).toEqual([
      ['a', false],
      ['b', true],
    ])
  })
})
