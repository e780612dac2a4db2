/**
 * MiniSearch 7 as a peer: fields for the public text, current companies and first name; every
 * match comes back scored, so the caller does what MiniSearch cannot: filter on location,
 * count histograms, sort by connections and cut the page. That caller code is timed with it.
 *
 * Setup in its favour: the words are pre-folded, so tokenising is a split on spaces and terms
 * are not processed again; numeric ids; no stored fields (the caller reads its own documents).
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch'
import type { PeerQuery } from '../workload.js'
import { byConnections, type PeerDocument } from './documents.js'
import type { Peer } from './peer.js'

export const minisearch: Peer = {
  name: 'minisearch',
  counts: true,
  build(_corpus, documents) {
    const index = new MiniSearch<PeerDocument>({
      fields: ['text', 'currentCompany', 'firstName'],
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    })
    index.addAll(documents)
    const order = byConnections(documents)
    return {
      run({ peer }) {
        return answer(peer, index, documents, order)
      },
    }
  },
}

function answer(
  q: PeerQuery,
  index: MiniSearch<PeerDocument>,
  docs: readonly PeerDocument[],
  order: (a: number, b: number) => number,
): number {
  let results: SearchResult[]
  if (q.firstName !== undefined) {
    const filter = (r: SearchResult) =>
      docs[r.id].firstName === q.firstName && docs[r.id].lastName === q.lastName
    results = index.search(q.firstName, { fields: ['firstName'], combineWith: 'AND', filter })
  } else if (q.currentCompany !== undefined) {
    results = index.search(q.currentCompany.join(' '), { fields: ['currentCompany'], combineWith: 'AND' })
  } else {
    const options: SearchOptions = { fields: ['text'], combineWith: 'AND' }
    const friend = q.connectedTo
    if (friend !== undefined) options.filter = (r) => docs[r.id].friends.includes(friend)
    results = index.search((q.keywords ?? []).join(' '), options)
  }
  let ids = results.map((r) => r.id as number)
  if (q.locationAny !== undefined) {
    const wanted = new Set(q.locationAny)
    // Disjunctive: the location histogram counts the matches before the location filter.
    if (q.facets?.includes('location')) histogram(ids, (id) => docs[id].location)
    ids = ids.filter((id) => docs[id].location.some((v) => wanted.has(v)))
  }
  if (q.facets?.includes('industry')) histogram(ids, (id) => [docs[id].industry])
  if (q.sort === 'connections') ids.sort(order)
  ids.slice(q.offset, q.offset + q.limit)
  return ids.length
}

/** The 10 most frequent values. */
function histogram(ids: readonly number[], values: (id: number) => readonly string[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const id of ids) for (const v of values(id)) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10)
}
