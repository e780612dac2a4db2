import { TERMINATED } from '../query/doc-set.js'
import { Matches, NO_FAILED_FACET } from '../query/matches.js'
import type { SearchPlan } from '../query/search-plan.js'
import type { Collector } from './collector.js'

/**
 * Hands every match and wanted near miss of a plan to a collector, in ascending slot order.
 * The collector says what evaluation must provide (scores, near misses of some facets); this
 * loop never learns what it keeps.
 */
export function collectMatches(plan: SearchPlan, collector: Collector): void {
  const matches = new Matches(plan, collector.requiresScoring, collector.nearMissFacets)
  for (let slot = matches.doc(); slot !== TERMINATED; slot = matches.advance()) {
    const failed = matches.failedFacet
    // Nobody ranks a near miss, so its score is not computed.
    collector.collect(slot, failed === NO_FAILED_FACET ? matches.score() : 0, failed)
  }
}
