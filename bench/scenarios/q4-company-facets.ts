/**
 * Q4 — company name at a current position, a location filter and three histograms.
 *
 * Measured: latency (p50/p99) of `company-name=<c>&current-company=true&facet=location,<b1>,<b2>,<b3>
 * &facets=location,industry,network`: the page of 10 by connections, the counts, and three
 * disjunctive histograms (the location histogram ignores the location filter).
 * Corpus: the seeded sample world; `<c>` is one of the 5 most frequent current companies (the
 * top one employs about 1% of members); the three buckets are the 3 most frequent location codes
 * (metro areas); random viewer.
 * Notes: 64 cases cycled. Target at 1M: p50 ≤ 5 ms.
 */

import { folded } from '../common.js'
import type { QueryScenario } from '../scenario.js'
import { CASES, type QueryCase, randomMember } from '../workload.js'

export const q4: QueryScenario = {
  id: 'q4',
  title: 'current company + 3-bucket location filter + 3 histograms',
  pattern:
    'company-name=<c>&current-company=true&facet=location,<3 buckets>&facets=location,industry,network',
  peers: {
    flexsearch:
      'the company words on a field of current-position company names with tag `{ location: [3 buckets] }` ' +
      "(values of one tag field are ORed), `limit: 10`; a query with a tag filters only the query's first " +
      '100 hits, so its page holds real matches but not necessarily its own top 10; no total, no histograms',
    orama:
      'the company words on a current-company property with `threshold: 0`, `where: { location: { ' +
      'containsAny: [3 buckets] } }`, `facets: { location, industry }`, `sortBy: numConnections DESC`, ' +
      '`limit: 10`; its facets count the filtered matches, so the location histogram is not disjunctive; ' +
      'no network histogram',
    minisearch:
      "the company words with `combineWith: 'AND'` on the current-company field; in the caller: the " +
      'location filter, disjunctive location and industry histograms, the sort by connections; no network ' +
      'histogram',
    oracle: 'the same request and viewer',
  },
  cases(world) {
    const { companies, locations } = world.vocabulary
    const buckets = locations.slice(0, 3)
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      const company = world.rng.pick(companies.slice(0, 5))
      cases.push({
        viewer: world.corpus.ids[randomMember(world)],
        request: {
          'company-name': company,
          'current-company': 'true',
          facet: `location,${buckets.join(',')}`,
          facets: 'location,industry,network',
        },
        peer: {
          currentCompany: folded(company),
          locationAny: buckets,
          facets: ['location', 'industry'],
          sort: 'connections',
          offset: 0,
          limit: 10,
        },
      })
    }
    return cases
  },
}
