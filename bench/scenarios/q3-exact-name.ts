/**
 * Q3 — exact first and last name, beyond the network.
 *
 * Measured: latency (p50/p99) of `first-name=<f>&last-name=<l>`: the multiset of name tokens
 * must equal the member's, and with both names given every member can be found (F, S, A and O),
 * not only the viewer's network.
 * Corpus: the seeded sample world; the name is a random member's own first and last name
 * (Zipf-distributed, so common names match dozens of members at 1M); random viewer.
 * Notes: 64 cases cycled. Target at 1M: p50 ≤ 0.2 ms.
 */

import { folded } from '../common.js'
import type { QueryScenario } from '../scenario.js'
import { CASES, type QueryCase, randomMember } from '../workload.js'

export const q3: QueryScenario = {
  id: 'q3',
  title: 'exact first + last name, beyond the network',
  pattern: 'first-name=<f>&last-name=<l>',
  peers: {
    flexsearch:
      "a tag search `{ fullName: '<f> / <l>' }` on a tag holding both folded names (tags of two fields " +
      'come back as two lists, not intersected), `limit: 10`; exact equality stands in for the multiset ' +
      'rule; no total; not sorted by connections',
    orama:
      '`where: { firstName: { eq }, lastName: { eq } }` on enum properties of folded names, ' +
      '`sortBy: numConnections DESC`, `limit: 10`; exact count',
    minisearch:
      'the first name on the first-name field, `filter` keeping exact first and last names, sorted by ' +
      'connections in the caller',
    oracle: 'the same request and viewer',
  },
  cases(world) {
    const cases: QueryCase[] = []
    for (let k = 0; k < CASES; k++) {
      const member = world.corpus.nameOf(randomMember(world))
      cases.push({
        viewer: world.corpus.ids[randomMember(world)],
        request: { 'first-name': member.firstName, 'last-name': member.lastName },
        peer: {
          firstName: folded(member.firstName).join(' '),
          lastName: folded(member.lastName).join(' '),
          sort: 'connections',
          offset: 0,
          limit: 10,
        },
      })
    }
    return cases
  },
}
