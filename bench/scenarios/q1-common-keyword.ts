/**
 * Q1 — one common keyword, sorted by connections.
 *
 * Measured: latency (p50/p99) of `keywords=<w>` with the default sort (numConnections
 * descending) and the default page (10), through `PeopleIndex.searchAnswer`.
 * Corpus: the seeded sample world; `<w>` is one of the 10 most frequent tokens of public
 * searchable text (each held by roughly 30–75% of members: "area", "bachelor", "science",
 * "management"…); the viewer is a random member.
 * Notes: 64 (viewer, keyword) cases are cycled, more than the index's 8-viewer network cache,
 * so nearly every search computes its viewer's F/S degrees from the graph.
 */
import type { QueryScenario } from '../scenario.js'
import { CASES, type QueryCase, randomMember } from '../workload.js'

export const q1: QueryScenario = {
  id: 'q1',
  title: 'one common keyword, sorted by connections',
  pattern: 'keywords=<frequent word>',
  peers: {
    flexsearch:
      'the keyword on one field holding all public searchable text, `limit: 10`; ordered by its own ' +
      'relevance, not by connections; no total; all members, not the viewer network',
    orama:
      'the keyword on the public-text property, `sortBy: numConnections DESC`, `limit: 10`; exact count ' +
      'of all matching members, not the viewer network',
    minisearch:
      'the keyword on the public-text field (every match, scored), then sorted by connections and cut to 10 ' +
      'in the caller; all members, not the viewer network',
    oracle: 'the same request and viewer',
  },
  cases(world) {
    const words = world.vocabulary.keywords.slice(0, 10)
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      const word = world.rng.pick(words)
      cases.push({
        viewer: world.corpus.ids[randomMember(world)],
        request: { keywords: word },
        peer: { keywords: [word], sort: 'connections', offset: 0, limit: 10 },
      })
    }
    return cases
  },
}
