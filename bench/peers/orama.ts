/**
 * Orama 3 as a peer: one document per member with full-text properties for the public text and
 * the current companies, enums for names, industry, location values and connections, and a
 * number to sort by.
 *
 * Setup in its favour: the long text properties are left out of the sort index
 * (`unsortableProperties`), stemming and stop words are off (the words are pre-folded), and
 * documents are inserted with `insertMultiple`.
 */
import { create, insertMultiple, type Results, search } from '@orama/orama'
import type { PeerQuery } from '../workload.js'
import type { Peer } from './peer.js'

const schema = {
  text: 'string',
  currentCompany: 'string',
  firstName: 'enum',
  lastName: 'enum',
  location: 'enum[]',
  industry: 'enum',
  friends: 'enum[]',
  numConnections: 'number',
} as const

export const orama: Peer = {
  name: 'orama',
  counts: true,
  async build(_corpus, documents) {
    const db = create({
      schema,
      components: { tokenizer: { stemming: false, stopWords: false } },
      sort: { unsortableProperties: ['text', 'currentCompany'] },
    })
    const docs = documents.map((d) => ({ ...d, id: String(d.id) }))
    await insertMultiple(db, docs, 1000)
    return {
      run({ peer }) {
        const results = search(db, params(peer)) as Results<unknown> | Promise<Results<unknown>>
        return results instanceof Promise ? results.then((r) => r.count) : results.count
      },
    }
  },
}

type Where = Record<string, unknown>

function params(q: PeerQuery) {
  const where: Where = {}
  let term: string | undefined
  let properties: ('text' | 'currentCompany')[] | undefined
  if (q.firstName !== undefined) {
    where.firstName = { eq: q.firstName }
    where.lastName = { eq: q.lastName ?? '' }
  } else if (q.currentCompany !== undefined) {
    term = q.currentCompany.join(' ')
    properties = ['currentCompany']
  } else {
    term = (q.keywords ?? []).join(' ')
    properties = ['text']
  }
  if (q.locationAny !== undefined) where.location = { containsAny: q.locationAny }
  if (q.connectedTo !== undefined) where.friends = { containsAny: [q.connectedTo] }
  return {
    term,
    properties,
    // Every word must match (the default, 1, returns documents with any of them).
    threshold: 0,
    exact: true,
    where: Object.keys(where).length > 0 ? where : undefined,
    facets: q.facets === undefined ? undefined : Object.fromEntries(q.facets.map((f) => [f, { limit: 10 }])),
    sortBy: q.sort === 'connections' ? { property: 'numConnections', order: 'DESC' as const } : undefined,
    offset: q.offset,
    limit: q.limit,
  }
}
