/**
 * Q7 — deep paging under the executive cap.
 *
 * Measured: latency (p50/p99) of `keywords=<w>&start=675&count=25` for executive viewers (cap
 * 700, so the page is the last one that may be shown: results 675–699 by connections).
 * Corpus: the seeded sample world; `<w>` is the most frequent token of public text ("area", in
 * three members out of four); viewers are the 16 best-connected members whose account level is
 * `executive`, so their network holds more than 700 matches.
 * Notes: 64 cases cycled over the 16 viewers (the network cache holds 8, so most are cold).
 */
import type { QueryScenario } from '../scenario.js'
import { CASES, type QueryCase } from '../workload.js'

export const q7: QueryScenario = {
  id: 'q7',
  title: 'deep paging: start=675, count=25, executive cap',
  pattern: 'keywords=<most frequent word>&start=675&count=25 (executive viewer)',
  peers: {
    flexsearch: 'the keyword, `offset: 675`, `limit: 25`; its own order; all members',
    orama: 'the keyword, `sortBy: numConnections DESC`, `offset: 675`, `limit: 25`; all members',
    minisearch: 'the keyword, sorted by connections in the caller, results 675–699; all members',
    oracle: 'the same request and viewer',
  },
  cases(world) {
    const { corpus } = world
    const executives: number[] = []
    for (let i = 0; i < corpus.size; i++) if (corpus.accountLevelOf(i) === 'executive') executives.push(i)
    executives.sort((a, b) => corpus.degree[b] - corpus.degree[a] || a - b)
    const viewers = executives.slice(0, 16)
    const word = world.vocabulary.keywords[0]
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      cases.push({
        viewer: corpus.ids[world.rng.pick(viewers)],
        request: { keywords: word, start: 675, count: 25 },
        peer: { keywords: [word], sort: 'connections', offset: 675, limit: 25 },
      })
    }
    return cases
  },
}
