/**
 * The reference oracle (`@people-search/conformance`) as a peer: the spec as a linear scan, asked exactly the
 * same requests as we are, by the same viewers. It is the yardstick of "no index at all"; it
 * copies every profile on `add` and recomputes everything, BM25 corpus statistics included, on
 * every search.
 */
import { Oracle } from '@people-search/conformance'
import { NOW } from '../common.js'
import type { Peer } from './peer.js'

export const oracle: Peer = {
  name: 'oracle',
  counts: true,
  build(corpus) {
    const engine = new Oracle({ now: () => NOW })
    engine.add(corpus.profiles)
    const { ids, edges, groups } = corpus
    for (let k = 0; k < edges.length; k += 2) engine.connect(ids[edges[k]], ids[edges[k + 1]])
    for (const { group, members } of groups) for (const m of members) engine.joinGroup(ids[m], group)
    return {
      run({ viewer, request }) {
        return engine.answer(request, { viewer }).numResults
      },
    }
  },
}
