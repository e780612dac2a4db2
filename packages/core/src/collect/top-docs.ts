import { NO_FAILED_FACET } from '../query/matches.js'
import type { Collector } from './collector.js'
import { TopK } from './top-k.js'

/**
 * The best `k` matches under a sort order, k being the end of the requested page within the
 * viewer's cap: nothing past it can be shown (docs/spec.md §3.3, §3.5).
 */
export class TopDocs implements Collector {
  readonly nearMissFacets = 0
  private readonly top: TopK

  /** `requiresScoring`: whether the order reads scores (relevance). */
  constructor(
    k: number,
    before: (a: number, scoreA: number, b: number, scoreB: number) => boolean,
    readonly requiresScoring: boolean,
  ) {
    this.top = new TopK(k, before)
  }

  collect(slot: number, score: number, failedFacet: number): void {
    if (failedFacet === NO_FAILED_FACET) this.top.offer(slot, score)
  }

  /** The kept slots, best first. */
  ranked(): number[] {
    return this.top.sorted()
  }
}
