/**
 * FlexSearch 0.8 as a peer: a `Document` index with two full-text fields (all public text, and
 * current-position company names) and tags for the full name, location values and connections.
 *
 * It has no way to count all matches or to order by a number, so every search asks for just the
 * page (`limit` = page size), in FlexSearch's own relevance order: a handicap in its favour.
 * Setup in its favour too: numeric ids, the exact encoder on pre-folded words (no normalisation
 * work at build or query time), no document store.
 */
import { Charset, Document, type DocumentData, type DocumentSearchOptions } from 'flexsearch'
import type { PeerQuery } from '../workload.js'
import type { PeerDocument } from './documents.js'
import type { Peer } from './peer.js'

type Doc = PeerDocument & DocumentData
/** The typings allow one string per tag field; the library also takes arrays (any of) and numbers. */
type Tags = Record<string, string>

export const flexsearch: Peer = {
  name: 'flexsearch',
  counts: false,
  build(_corpus, documents) {
    const index = new Document<Doc>({
      encoder: Charset.Exact,
      tokenize: 'strict',
      document: {
        id: 'id',
        index: ['text', 'currentCompany'],
        tag: ['fullName', 'location', 'friends'],
      },
    })
    for (const doc of documents) index.add(doc as unknown as Doc)
    const search = (options: DocumentSearchOptions<Doc>): number[] => {
      const groups = index.search(options) as unknown as { result: number[] }[]
      return groups.length === 0 ? [] : groups[0].result
    }
    return {
      run({ peer }) {
        return answer(peer, search, documents.length)
      },
    }
  },
}

function answer(
  q: PeerQuery,
  search: (options: DocumentSearchOptions<Doc>) => number[],
  size: number,
): number {
  const page = { limit: q.limit, offset: q.offset }
  if (q.firstName !== undefined) {
    // Tags of two fields come back as two lists, not their intersection: one key for both names.
    return search({ tag: { fullName: `${q.firstName} / ${q.lastName}` }, ...page }).length
  }
  if (q.currentCompany !== undefined) {
    // An array of values for one tag field matches any of them (checked: 0.8.212 unions them).
    const tag = { location: q.locationAny ?? [] } as unknown as Tags
    return search({ query: q.currentCompany.join(' '), index: 'currentCompany', tag, ...page }).length
  }
  const query = (q.keywords ?? []).join(' ')
  if (q.connectedTo !== undefined) {
    // A query with a tag filters only the query's first 100 hits (the tag path searches with
    // limit 0, which becomes 100), so a selective tag finds nothing: intersect in the caller.
    const tag = { friends: q.connectedTo } as unknown as Tags
    const friends = new Set(search({ tag, limit: size }))
    let found = 0
    for (const id of search({ query, index: 'text', limit: size })) {
      if (friends.has(id) && ++found === q.limit) break
    }
    return found
  }
  return search({ query, index: 'text', ...page }).length
}
