/**
 * Q5 — three keywords sorted by relevance.
 *
 * Measured: latency (p50/p99) of `keywords=<w1> <w2> <w3>&sort=relevance`: all three words
 * must match, ordered by BM25 over the text the viewer may see (docs/spec.md §3.4), page of 10.
 * Corpus: the seeded sample world; three frequent tokens drawn from one random member's public
 * text, so they co-occur; random viewer.
 * Notes: 64 cases cycled.
 */
import type { QueryScenario } from '../scenario.js'
import { CASES, cooccurring, type QueryCase, randomMember } from '../workload.js'

export const q5: QueryScenario = {
  id: 'q5',
  title: 'three keywords, sorted by relevance',
  pattern: 'keywords=<w1> <w2> <w3>&sort=relevance',
  peers: {
    flexsearch:
      'the three words on the public-text field, `limit: 10`, in its own relevance order (term positions, ' +
      'not BM25); no total; all members',
    orama:
      'the three words on the public-text property, `threshold: 0`, its BM25 order (its own field ' +
      'statistics, no field weights), `limit: 10`; exact count; all members',
    minisearch:
      "the three words with `combineWith: 'AND'`, its BM25+ order (no field weights), first 10; all members",
    oracle: 'the same request and viewer (the oracle recomputes corpus statistics on every search)',
  },
  cases(world) {
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      const words = cooccurring(world, 3)
      cases.push({
        viewer: world.corpus.ids[randomMember(world)],
        request: { keywords: words.join(' '), sort: 'relevance' },
        peer: { keywords: words, sort: 'relevance', offset: 0, limit: 10 },
      })
    }
    return cases
  },
}
