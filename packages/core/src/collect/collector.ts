/**
 * What is done with each member the match step yields (tantivy's `Collector`). The search
 * that drives it knows nothing of what it keeps: a count, a ranking, histograms, or several
 * of them combined into one collector.
 */
export interface Collector {
  /**
   * Whether `collect` needs real scores. When no part of a collector does, scores are not
   * computed and every one is 0.
   */
  readonly requiresScoring: boolean
  /**
   * The facets whose near misses it wants (bit i: FACET_CODES[i]): members failing only the
   * facet filters on that facet. Near misses of other facets are never handed to it.
   */
  readonly nearMissFacets: number
  /**
   * Takes one member, in ascending slot order. `failedFacet` is NO_FAILED_FACET for a match,
   * else the facet whose filters alone the member fails; a near miss has score 0.
   */
  collect(slot: number, score: number, failedFacet: number): void
}
