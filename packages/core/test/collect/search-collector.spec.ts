import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FacetCounts } from '../../src/collect/facet-counts.js'
import { MatchCount } from '../../src/collect/match-count.js'
import { SearchCollector } from '../../src/collect/search-collector.js'
import { TopDocs } from '../../src/collect/top-docs.js'
import { NO_FAILED_FACET } from '../../src/query/matches.js'
import { FACET_CODES, type FacetCode } from '../../src/query/search-query.js'
import { domainDouble } from './facet-domain-double.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
const before = (a: number, sa: number, b: number, sb: number): boolean => (sa !== sb ? sa > sb : a < b)
const world = { codes: ['', 'a'], members: Array.from({ length: 50 }, () => [1]) }
const domains = { valueRoom: 2, domain: (code: FacetCode) => domainDouble(world, code) }

describe('SearchCollector (count, top-k and histograms as one collector)', () => {
  it('counts and ranks only the matches, and hands near misses to the histograms alone', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.nat(49), fc.constantFrom(0, 1, 2), fc.integer({ min: NO_FAILED_FACET, max: 6 })),
          { selector: ([slot]) => slot, maxLength: 40 },
        ),
        fc.nat(12),
        fc.boolean(),
        (collected, k, scoring) => {
          collected.sort(([a], [b]) => a - b)
          const count = new MatchCount()
          const top = new TopDocs(k, before, scoring)
          const facets = new FacetCounts(['location'], domains, new Map())
          const collector = new SearchCollector(count, top, facets)
          expect(collector.requiresScoring).toBe(scoring)
          expect(collector.nearMissFacets).toBe(1 << FACET_CODES.indexOf('location'))
          for (const [slot, score, failed] of collected) collector.collect(slot, score, failed)

          const matches = collected.filter(([, , failed]) => failed === NO_FAILED_FACET)
          expect(count.count).toBe(matches.length)
          expect(top.ranked()).toEqual(
            [...matches]
              .sort(([a, sa], [b, sb]) => (before(a, sa, b, sb) ? -1 : 1))
              .slice(0, k)
              .map(([slot]) => slot),
          )
          const histogram = facets.harvest(10, [], new Map())[0].buckets
          const counted = collected.filter(([, , failed]) => failed === NO_FAILED_FACET || failed === 0)
          expect(histogram.map((b) => b.count)).toEqual(counted.length === 0 ? [] : [counted.length])
        },
      ),
      { numRuns: RUNS },
    )
  })
})
