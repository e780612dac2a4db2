import type { Collector } from './collector.js'
import type { FacetCounts } from './facet-counts.js'
import type { MatchCount } from './match-count.js'
import type { TopDocs } from './top-docs.js'

/**
 * What a people search collects, as one collector: the count, the ranking and the histograms.
 * Fixed fields rather than a list of collectors keep each call below monomorphic, which a
 * loop over mixed collectors would not be.
 */
export class SearchCollector implements Collector {
  readonly requiresScoring: boolean
  readonly nearMissFacets: number

  constructor(
    readonly count: MatchCount,
    readonly top: TopDocs,
    readonly facets: FacetCounts,
  ) {
    this.requiresScoring = count.requiresScoring || top.requiresScoring || facets.requiresScoring
    this.nearMissFacets = count.nearMissFacets | top.nearMissFacets | facets.nearMissFacets
  }

  collect(slot: number, score: number, failedFacet: number): void {
    this.count.collect(slot, score, failedFacet)
    this.top.collect(slot, score, failedFacet)
    this.facets.collect(slot, score, failedFacet)
  }
}
