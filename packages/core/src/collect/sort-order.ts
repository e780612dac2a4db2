import { DISTANCE_RANKS } from '../domain/degree.js'
import type { SortOrder } from '../query/search-query.js'
import type { MemberColumns } from '../store/columns.js'
import type { IdTable } from '../store/id-table.js'
import { RankKey } from './top-k.js'

/**
 * The four orders of docs/spec.md §3.4 as "a ranks strictly ahead of b", each ending in id ascending
 * (code-unit order) so every order is total and pages are stable.
 */
export function sortOrder(
  sort: SortOrder,
  columns: MemberColumns,
  ids: Pick<IdTable, 'compare'>,
  /** The degree code (domain/degree.ts) of a slot. */
  degree: (slot: number) => number,
): (a: number, scoreA: number, b: number, scoreB: number) => boolean {
  const connections = columns.numConnections
  const recommenders = columns.numRecommenders
  const idKey = columns.idKey
  // The id tie-break by its first eight characters (a double each), the strings only beyond.
  const byConnectionsThenId = (a: number, b: number): boolean =>
    connections[a] !== connections[b]
      ? connections[a] > connections[b]
      : idKey[a] !== idKey[b]
        ? idKey[a] < idKey[b]
        : ids.compare(a, b) < 0
  switch (sort) {
    case 'connections':
      return (a, _sa, b) => byConnectionsThenId(a, b)
    case 'recommenders':
      return (a, _sa, b) =>
        recommenders[a] !== recommenders[b] ? recommenders[a] > recommenders[b] : byConnectionsThenId(a, b)
    case 'distance': {
      const ranks = DISTANCE_RANKS
      return (a, _sa, b) => {
        const ra = ranks[degree(a)]
        const rb = ranks[degree(b)]
        return ra !== rb ? ra < rb : byConnectionsThenId(a, b)
      }
    }
    case 'relevance':
      return (a, sa, b, sb) => (sa !== sb ? sa > sb : byConnectionsThenId(a, b))
  }
}

/**
 * The first criterion of each order as a number, larger ranking ahead (collect/top-k.ts): the
 * count of connections or recommenders, the degree's rank negated (with the connections after
 * it), the score.
 */
export function rankKey(sort: SortOrder, columns: MemberColumns, degree: (slot: number) => number): RankKey {
  switch (sort) {
    case 'connections':
      return RankKey.column(columns.numConnections)
    case 'recommenders':
      return RankKey.column(columns.numRecommenders)
    case 'distance': {
      // The rank and then the count of connections in one exact double (ranks below 8, counts
      // clipped below 2^40; clipped ones tie and `before` decides), so that a page of members of
      // one degree (a network filter of F alone: all of them) is cut on doubles, not by asking
      // each pair's degrees again.
      const ranks = DISTANCE_RANKS
      const connections = columns.numConnections
      return RankKey.computed(
        (slot) => -ranks[degree(slot)] * CONNECTIONS_SPAN + Math.min(connections[slot], CONNECTIONS_SPAN - 1),
      )
    }
    case 'relevance':
      return RankKey.score()
  }
}

const CONNECTIONS_SPAN = 2 ** 40
