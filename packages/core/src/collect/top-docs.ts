import { NO_FAILED_FACET } from '../query/matches.js'
import type { Collector } from './collector.js'
import { type RankedBefore, type RankKey, TopK } from './top-k.js'

/**
 * The best `k` matches under a sort order, k being the end of the requested page within the
 * viewer's cap: nothing past it can be shown (docs/spec.md §3.3, §3.5).
 */
export class TopDocs implements Collector {
  readonly nearMissFacets = 0
  private readonly top: TopK

  /** `requiresScoring`: whether the order reads scores (relevance); `key`: the order's first criterion. */
  constructor(
    k: number,
    before: RankedBefore,
    readonly requiresScoring: boolean,
    key?: RankKey,
  ) {
    this.top = new TopK(k, before, key)
  }

  collect(slot: number, score: number, failedFacet: number): void {
    if (failedFacet === NO_FAILED_FACET) this.top.offer(slot, score)
  }

  /** The kept slots, best first. */
  ranked(): number[] {
    return this.top.sorted()
  }

  /** The kept slots from rank `from` on (0-based), best first: a page needs no more. */
  rankedFrom(from: number): number[] {
    return this.top.sortedFrom(from)
  }
}
