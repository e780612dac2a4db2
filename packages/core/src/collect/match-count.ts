import { NO_FAILED_FACET } from '../query/matches.js'
import type { Collector } from './collector.js'

/** `num-results` (docs/spec.md §3.3): the members that match, near misses left out. */
export class MatchCount implements Collector {
  readonly requiresScoring = false
  readonly nearMissFacets = 0
  count = 0

  collect(_slot: number, _score: number, failedFacet: number): void {
    if (failedFacet === NO_FAILED_FACET) this.count++
  }
}
