/**
 * Q6 — sort by distance with a network facet filter.
 *
 * Measured: latency (p50/p99) of `keywords=<w>&sort=distance&facet=network,F`: only the
 * viewer's first-degree connections, F before S before the rest, then by connections.
 * Corpus: the seeded sample world; `<w>` is one of the 10 most frequent tokens; random viewer
 * (mean degree 50, heavy-tailed).
 * Notes: 64 cases cycled.
 */
import type { QueryScenario } from '../scenario.js'
import { CASES, type QueryCase, randomMember } from '../workload.js'

export const q6: QueryScenario = {
  id: 'q6',
  title: 'sort=distance with facet network F',
  pattern: 'keywords=<w>&sort=distance&facet=network,F',
  peers: {
    flexsearch:
      "the viewer's connections from a tag search `{ friends: <viewer> }` (each document is tagged with its " +
      'connections), intersected in the caller with every hit of the keyword, first 10: a query with a tag ' +
      "only filters the query's first 100 hits, which finds nothing for so selective a tag; no total",
    orama:
      'the keyword with `where: { friends: { containsAny: [<viewer>] } }` (an enum[] of connections), ' +
      '`sortBy: numConnections DESC`, `limit: 10`; exact count',
    minisearch:
      "the keyword with a `filter` on the document's connection list, sorted by connections in the caller",
    oracle: 'the same request and viewer',
  },
  cases(world) {
    const words = world.vocabulary.keywords.slice(0, 10)
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      const word = world.rng.pick(words)
      const viewer = randomMember(world)
      cases.push({
        viewer: world.corpus.ids[viewer],
        request: { keywords: word, sort: 'distance', facet: 'network,F' },
        peer: { keywords: [word], connectedTo: viewer, sort: 'connections', offset: 0, limit: 10 },
      })
    }
    return cases
  },
}
