import type { SearchAnswer } from '../query/search-answer.js'
import { SearchFacets } from '../query/search-facets.js'
import { SearchPlan } from '../query/search-plan.js'
import type { FacetCode, SearchQuery } from '../query/search-query.js'
import type { NetworkView } from '../store/network.js'
import type { IndexStore } from '../store/store.js'
import { collectDense } from './collect-dense.js'
import { collectMatches } from './collect-matches.js'
import { FacetCounts } from './facet-counts.js'
import { MatchCount } from './match-count.js'
import { page } from './page.js'
import { SearchCollector } from './search-collector.js'
import { rankKey, sortOrder } from './sort-order.js'
import { TopDocs } from './top-docs.js'

/** What a search needs beyond the query: the viewer's view, its cap and reused buffers. */
export interface ExecutionContext {
  store: IndexStore
  view: NetworkView
  cap: number
  bucketLimit: number
  /** Where the postal code of a distance search is (already resolved by the geocoder). */
  centroid?: { lat: number; lon: number }
  /** Counter arrays kept between queries, by facet code. */
  counters: Map<FacetCode, Uint32Array>
}

/**
 * Runs a parsed query: binds it to the index (the plan), collects the count, the best
 * start + count matches and the histograms in one pass over the matches, and only then cuts
 * the page, so that facets are counted over the whole match set.
 */
export function execute(query: SearchQuery, context: ExecutionContext): SearchAnswer {
  const { store, view } = context
  const facets = new SearchFacets(store, view)
  const plan = new SearchPlan(query, store, view, context.centroid, facets)
  const count = new MatchCount()
  const degree = (slot: number) => view.degreeOf(slot)
  const top = new TopDocs(
    Math.min(query.start + query.count, context.cap),
    sortOrder(query.sort, store.columns, store.ids, degree),
    query.sort === 'relevance',
    rankKey(query.sort, store.columns, degree),
  )
  const histograms = new FacetCounts(query.facets, facets, context.counters)
  const collector = new SearchCollector(count, top, histograms)
  if (plan.dense) collectDense(plan, collector)
  else collectMatches(plan, collector)

  const numResults = count.count
  const total = Math.min(numResults, context.cap)
  // The ranks before `start` are never shown: only the ranks from it on are put in order.
  const ids = page(top.rankedFrom(query.start), 0, query.count, total - query.start).map((slot) =>
    store.ids.idOf(slot),
  )
  return {
    numResults,
    total,
    start: query.start,
    ids,
    facets: histograms.harvest(context.bucketLimit, query.facetFilters, context.counters),
  }
}
