import { type NetworkCache, type NetworkView, wholeNetworkCost } from '../store/network.js'
import type { IndexStore } from '../store/store.js'
import { boundByFirst, nameKeyId, nameSlots, reachesEveryone } from './search-plan.js'
import type { SearchQuery } from './search-query.js'

/**
 * How a search judges the network rule of docs/spec.md §3.2 (the index option `networkPlan`):
 * `cost` weighs the two ways per query; `whole` always marks the viewer's whole network first;
 * `members` checks each candidate that meets the other criteria on its own whenever the query
 * has criteria that bound the candidates. Every choice gives the same answers: the other two
 * exist for tests and benchmarks.
 */
export type NetworkPlan = 'cost' | 'whole' | 'members'
export const NETWORK_PLANS: readonly NetworkPlan[] = ['cost', 'whole', 'members']

/**
 * What checking one candidate costs beyond walking its list, in neighbour steps of the whole
 * walk: finding its node and its list, and remembering its degree for the rest of the search.
 */
const CANDIDATE_STEPS = 16

/**
 * The view a search is judged through (docs/architecture.md, "The network plan"). A viewer's
 * cached whole view costs nothing and is always taken. Otherwise the whole view costs Σ of the
 * degrees of the viewer's F (a neighbour step each, in list order, marking a bit of a bitset
 * that stays in cache) and a pass over the node words; checking candidates one by one costs,
 * for each candidate the other criteria let through, a lookup and a walk of its own list
 * against a set of F until it meets one, which is about min(its degree, members / |F|) steps.
 * The candidates are estimated from the lists the query intersects as if their members were
 * independent (the shortest list times the others' shares), before any list is walked.
 */
export function networkViewFor(
  query: SearchQuery,
  store: IndexStore,
  networks: NetworkCache,
  viewer: number,
  plan: NetworkPlan,
): NetworkView {
  const graph = store.graph
  if (reachesEveryone(query)) return networks.memberView(viewer, graph)
  const whole = () => networks.view(viewer, graph, store.slotCount)
  if (plan === 'whole' || networks.cached(viewer, graph) !== undefined) return whole()
  // Matches bounded by the F list (a network filter of F alone) are each found in the set of F at
  // once, with no walk; the view then sorts the list it is bounded by.
  const firstOnly = boundByFirst(query, false)
  const listed = estimatedCandidates(query, store)
  if (listed === undefined && !firstOnly) return whole()
  if (plan === 'members') return networks.memberView(viewer, graph)
  const firsts = graph.linksOfNode(graph.nodeOf(viewer)).length
  const nodes = Math.max(1, graph.nodeSpan)
  const candidates = firstOnly ? Math.min(listed ?? firsts, firsts) : (listed as number)
  const walk = firstOnly ? 0 : Math.min(graph.meanDegree, nodes / Math.max(1, firsts))
  const sort = firstOnly ? firsts * Math.log2(firsts + 1) : 0
  const byMembers = 2 * firsts + sort + candidates * (CANDIDATE_STEPS + walk)
  return byMembers < wholeNetworkCost(viewer, graph, byMembers) ? networks.memberView(viewer, graph) : whole()
}

/**
 * How many members the query's keyword and name lists let through, if they were independent;
 * undefined when the query has no such list (its candidates are then the network itself, or the
 * F list that a network filter of F alone bounds them by).
 */
function estimatedCandidates(query: SearchQuery, store: IndexStore): number | undefined {
  const lengths: number[] = []
  for (const token of new Set(query.keywords))
    lengths.push(store.postings[store.vocabulary.find(token)]?.length ?? 0)
  const first = query.firstName === undefined ? -1 : nameKeyId(store, query.firstName)
  const last = query.lastName === undefined ? -1 : nameKeyId(store, query.lastName)
  if (first === 0 || last === 0) lengths.push(0)
  else if (first > 0 || last > 0) lengths.push(nameSlots(store, first, last).length)
  if (lengths.length === 0) return undefined
  const slots = Math.max(1, store.slotCount)
  let shortest = Number.POSITIVE_INFINITY
  for (const length of lengths) shortest = Math.min(shortest, length)
  let estimate = shortest
  let skipped = false
  for (const length of lengths) {
    if (length === shortest && !skipped) skipped = true
    else estimate *= length / slots
  }
  return estimate
}
