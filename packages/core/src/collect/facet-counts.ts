import { NO_FAILED_FACET } from '../query/matches.js'
import type { BucketAnswer } from '../query/search-answer.js'
import type { SearchFacets } from '../query/search-facets.js'
import { FACET_CODES, type FacetCode, type FacetFilter } from '../query/search-query.js'
import type { Collector } from './collector.js'
import { Histogram } from './histogram.js'

const EMPTY = new Uint32Array(0)

/**
 * The histograms of `facets=` (docs/spec.md §4.3), counted disjunctively: the histogram of X
 * takes the matches and the members that fail only the filters on X, so picking a bucket of X
 * does not hide how many the other buckets of X hold.
 */
export class FacetCounts implements Collector {
  readonly requiresScoring = false
  readonly nearMissFacets: number
  private readonly histograms: Histogram[]
  /** The FACET_CODES index of each histogram's facet. */
  private readonly facets: readonly number[]

  /** `counters`: counter arrays by facet, kept between searches and given back by `harvest`. */
  constructor(
    private readonly codes: readonly FacetCode[],
    domains: Pick<SearchFacets, 'domain' | 'valueRoom'>,
    counters: ReadonlyMap<FacetCode, Uint32Array>,
  ) {
    const histograms: Histogram[] = []
    const facets: number[] = []
    let nearMissFacets = 0
    for (const code of codes) {
      const counts = counters.get(code) ?? EMPTY
      histograms.push(new Histogram(domains.domain(code), counts, new Uint32Array(domains.valueRoom)))
      const facet = FACET_CODES.indexOf(code)
      facets.push(facet)
      nearMissFacets |= 1 << facet
    }
    this.histograms = histograms
    this.facets = facets
    this.nearMissFacets = nearMissFacets
  }

  collect(slot: number, _score: number, failedFacet: number): void {
    const { histograms, facets } = this
    for (let h = 0; h < histograms.length; h++) {
      if (failedFacet === NO_FAILED_FACET || failedFacet === facets[h]) histograms[h].add(slot)
    }
  }

  /**
   * Each histogram's buckets, in the order asked, marking the buckets `filters` select; hands
   * the zeroed counter arrays back to `counters` for the next search.
   */
  harvest(
    bucketLimit: number,
    filters: readonly FacetFilter[],
    counters: Map<FacetCode, Uint32Array>,
  ): { code: FacetCode; buckets: BucketAnswer[] }[] {
    return this.histograms.map((histogram, h) => {
      const code = this.codes[h]
      const selected = filters.filter((f) => f.code === code).flatMap((f) => f.values)
      const buckets = histogram.buckets(bucketLimit, selected)
      counters.set(code, histogram.storage)
      return { code, buckets }
    })
  }
}
