import { nameKey } from '../store/analyze-profile.js'
import type { NetworkView } from '../store/network.js'
import type { Posting } from '../store/postings.js'
import { COMPANY, type IndexStore, postalKey, SCHOOL, TITLE } from '../store/store.js'
import { idf } from './bm25.js'
import { BoundFacetFilter } from './facet-filter.js'
import { itemCriterionSlots } from './item-criterion.js'
import type { SearchFacets } from './search-facets.js'
import { FACET_CODES, type SearchQuery } from './search-query.js'

/** A sorted list of slots that every match must be in. */
export interface SlotList {
  readonly data: Uint32Array
  readonly length: number
}

const NOTHING: SlotList = { data: new Uint32Array(0), length: 0 }

/**
 * What a seek into a list costs against one step of a walk along it, measured at 100k members
 * (a common word's 75k slots walked in 1.0 ms, the same matches driven by a 30k network in
 * 1.5 ms): a seek is about four steps.
 */
const SEEK_COST = 4
/** One step of a walk along a list against one word of a bitset combined with m others. */
const STEP_WORDS = 8
/**
 * A posting gets bitsets only when it holds at least one member in 32: then its two bitsets
 * take no more memory than its list does, so no query can make the index grow much.
 */
const DENSE_SHARE = 32

/**
 * A query bound to one index and one viewer (tantivy's `Weight`): tokens become token ids and
 * postings, every criterion that is a sorted slot list becomes a source, and BM25's corpus
 * statistics are fixed. The plan holds no position, so `Matches` can walk it from the start.
 */
export class SearchPlan {
  readonly store: IndexStore
  readonly view: NetworkView
  /** docs/spec.md §3.2: only then may members outside the viewer's network match. */
  readonly canFindAll: boolean
  /**
   * Every sorted criterion, shortest first: `sources[0]` drives the intersection. A plan that
   * cannot match (an unknown token, name or country) has the empty list as its only source.
   */
  readonly sources: readonly SlotList[]
  /**
   * Postings of the distinct keyword tokens in the order they first appear in the query: the
   * order their scores are added in (docs/spec.md §3.4). Empty when nothing can match.
   */
  readonly keywords: readonly Posting[]
  /** Where each keyword's posting is in `sources`. */
  readonly keywordSources: readonly number[]
  readonly idfs: readonly number[]
  readonly avgdl: number
  /** Name-key ids of the first and last name criteria; −1 when absent. */
  readonly firstKey: number
  readonly lastKey: number
  /** The location id of the `country-code` bucket; −1 when absent. */
  readonly country: number
  readonly postal: { id: number; distance: number; lat: number; lon: number } | undefined
  readonly filters: readonly BoundFacetFilter[]
  /** The FACET_CODES index of each filter's facet. */
  readonly filterFacets: readonly number[]
  /**
   * Whether the plan is keywords alone (no name, place, item or facet filter; not by relevance,
   * which needs each match's frequencies) over lists long enough that combining bitsets a word
   * at a time (collect/collect-dense.ts) costs less than walking them: about (m + 2) words per
   * 32 members against the walk's cost in seeks and steps; or no criteria at all, the whole
   * network read from its bits. Only for a view that holds the whole network.
   */
  readonly dense: boolean

  /** `centroid`: the postal code's point, already resolved by the geocoder. */
  constructor(
    query: SearchQuery,
    store: IndexStore,
    view: NetworkView,
    centroid: { lat: number; lon: number } | undefined,
    facets: SearchFacets,
  ) {
    this.store = store
    this.view = view
    this.canFindAll = reachesEveryone(query)
    let impossible = false
    const keywords: Posting[] = []
    for (const token of new Set(query.keywords)) {
      const posting = store.postings[store.vocabulary.find(token)]
      if (posting === undefined) impossible = true
      else keywords.push(posting)
    }
    this.firstKey = query.firstName === undefined ? -1 : nameKeyId(store, query.firstName)
    this.lastKey = query.lastName === undefined ? -1 : nameKeyId(store, query.lastName)
    if (this.firstKey === 0 || this.lastKey === 0) impossible = true
    this.country = query.countryCode === undefined ? -1 : store.locations.find(`${query.countryCode}:0`)
    if (this.country === 0) impossible = true

    const lists: SlotList[] = keywords.map((posting) => ({ data: posting.slots, length: posting.length }))
    if (this.firstKey > 0 || this.lastKey > 0) lists.push(nameSlots(store, this.firstKey, this.lastKey))
    // Item criteria are built by walking item postings: not worth it when nothing can match.
    if (!impossible) {
      for (const [field, criterion] of [
        [COMPANY, query.companyName],
        [TITLE, query.title],
        [SCHOOL, query.schoolName],
      ] as const) {
        if (criterion !== undefined) {
          const slots = itemCriterionSlots(store, field, criterion, view)
          lists.push({ data: slots, length: slots.length })
        }
      }
    }
    // A network filter that keeps F alone of the degrees the search can reach (docs/spec.md §4.1)
    // bounds the matches by the viewer's F list, far shorter than its network, unless near
    // misses of that facet are counted for its histogram (§4.3).
    if (!impossible && boundByFirst(query, this.canFindAll))
      lists.push({ data: view.first, length: view.first.length })
    // docs/spec.md §3.2 through the view: Matches reads every candidate's degree anyway (one bit
    // of a whole-network view), so the network list joins the intersection only when driving by
    // it costs less than walking the shortest list and testing the bit of each slot. Without it,
    // the shortest list is walked and each of its slots sought in the m − 1 others; with it
    // driving, each network member is sought in all m lists. With no other list, the network
    // is the only source. A view that judges members one by one has no list: it is only given
    // to a plan with other sources (query/network-plan.ts).
    let walkCost = Number.POSITIVE_INFINITY
    const criteria = lists.length
    const whole = !this.canFindAll && view.networkBits !== undefined
    let byNetworkCheaper = false
    if (whole && criteria > 0) {
      let shortest = Number.POSITIVE_INFINITY
      for (const list of lists) shortest = Math.min(shortest, list.length)
      const byNetwork = view.networkSize * criteria * SEEK_COST
      const byShortest = shortest * (1 + (criteria - 1) * SEEK_COST)
      walkCost = Math.min(byNetwork, byShortest)
      byNetworkCheaper = byNetwork <= byShortest
    }
    // With no list at all, the bits are read a word at a time where the list drawn from them
    // would be walked a member at a time: the whole network of a hub, a million members.
    this.dense =
      !impossible &&
      whole &&
      criteria === keywords.length &&
      query.postal === undefined &&
      query.facetFilters.length === 0 &&
      query.sort !== 'relevance' &&
      this.country <= 0 &&
      (keywords.length === 0 ||
        (keywords.every((posting) => posting.length * DENSE_SHARE >= store.slotCount) &&
          ((store.slotCount + 31) >>> 5) * (keywords.length + 2) <= walkCost * STEP_WORDS))
    if (whole && !this.dense && (criteria === 0 || byNetworkCheaper))
      lists.push({ data: view.network, length: view.network.length })
    this.sources = impossible ? [NOTHING] : shortestFirst(lists)
    this.keywords = impossible ? [] : keywords
    const members = store.liveCount
    this.avgdl = store.publicLength / members
    // Plain loops, not typed arrays: these are a few entries per search, where a typed array's
    // buffer would cost more than it saves.
    const keywordSources: number[] = []
    const idfs: number[] = []
    for (let t = 0; t < this.keywords.length; t++) {
      keywordSources.push(this.sources.indexOf(lists[t]))
      idfs.push(idf(members, this.keywords[t].publicDocs))
    }
    this.keywordSources = keywordSources
    this.idfs = idfs

    const postal = query.postal
    this.postal =
      postal === undefined || centroid === undefined
        ? undefined
        : {
            id: store.postalCodes.find(postalKey(query.countryCode ?? '', postal.code)),
            distance: postal.distance,
            lat: centroid.lat,
            lon: centroid.lon,
          }
    const filters: BoundFacetFilter[] = []
    const filterFacets: number[] = []
    if (query.facetFilters.length > 0) {
      const buffer = new Uint32Array(facets.valueRoom)
      for (const filter of query.facetFilters) {
        filters.push(new BoundFacetFilter(facets.domain(filter.code), filter, buffer))
        filterFacets.push(FACET_CODES.indexOf(filter.code))
      }
    }
    this.filters = filters
    this.filterFacets = filterFacets
  }
}

/** docs/spec.md §3.2: only a search that gives both names can find beyond the viewer's network. */
export function reachesEveryone(query: SearchQuery): boolean {
  return query.firstName !== undefined && query.lastName !== undefined
}

/**
 * Whether a network filter keeps F alone of the degrees the search can reach (or nothing), and
 * no network histogram counts its near misses: then every match is in the viewer's F list.
 */
export function boundByFirst(query: SearchQuery, canFindAll: boolean): boolean {
  if (query.facets.includes('network')) return false
  const reachable = canFindAll ? ['F', 'S', 'A', 'O'] : ['F', 'S']
  return query.facetFilters.some(
    (filter) => filter.code === 'network' && filter.values.every((v) => v === 'F' || !reachable.includes(v)),
  )
}

export function nameKeyId(store: IndexStore, tokens: string[]): number {
  const ids = tokens.map((token) => store.vocabulary.find(token))
  return ids.includes(0) ? 0 : store.nameKeys.find(nameKey(ids))
}

// Shortest first: it drives, and the next shortest rejects a candidate soonest. An insertion
// sort, stable, on a handful of lists.
function shortestFirst(lists: readonly SlotList[]): SlotList[] {
  const sorted = lists.slice()
  for (let i = 1; i < sorted.length; i++) {
    const list = sorted[i]
    let at = i
    for (; at > 0 && sorted[at - 1].length > list.length; at--) sorted[at] = sorted[at - 1]
    sorted[at] = list
  }
  return sorted
}

// Both names: the few slots with that full name, not the longer list of either name.
export function nameSlots(store: IndexStore, firstKey: number, lastKey: number): SlotList {
  if (firstKey > 0 && lastKey > 0) {
    const slots = store.fullNameSlots(firstKey, lastKey)
    return { data: slots, length: slots.length }
  }
  // A name key exists once any member has those tokens as either name: as a first name it
  // may still have no list.
  return (firstKey > 0 ? store.firstNameSlots[firstKey] : store.lastNameSlots[lastKey]) ?? NOTHING
}
