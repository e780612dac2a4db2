/**
 * Q2 — two keywords, AND.
 *
 * Measured: latency (p50/p99) of `keywords=<w1> <w2>` (both must occur in the text the viewer
 * may see), default sort by connections, page of 10.
 * Corpus: the seeded sample world; the two words are frequent tokens (top 200) that occur
 * together in one randomly drawn member's public text, so the pair is realistic; random viewer.
 * Notes: 64 cases cycled (cold network cache, as in Q1).
 */
import type { QueryScenario } from '../scenario.js'
import { CASES, cooccurring, type QueryCase, randomMember } from '../workload.js'

export const q2: QueryScenario = {
  id: 'q2',
  title: 'two keywords, AND',
  pattern: 'keywords=<w1> <w2>',
  peers: {
    flexsearch:
      'both words on the public-text field (FlexSearch requires every term by default), `limit: 10`; its ' +
      'own order; no total; all members',
    orama:
      'both words on the public-text property with `threshold: 0` (every term must match), ' +
      '`sortBy: numConnections DESC`, `limit: 10`; exact count; all members',
    minisearch: "both words with `combineWith: 'AND'`, sorted by connections in the caller; all members",
    oracle: 'the same request and viewer',
  },
  cases(world) {
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      const words = cooccurring(world, 2)
      cases.push({
        viewer: world.corpus.ids[randomMember(world)],
        request: { keywords: words.join(' ') },
        peer: { keywords: words, sort: 'connections', offset: 0, limit: 10 },
      })
    }
    return cases
  },
}
