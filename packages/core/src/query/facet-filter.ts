import type { FacetDomain } from './facet-domains.js'
import type { FacetFilter } from './search-query.js'

/** One `facet=` parameter bound to its domain: does a member hold one of the listed buckets? */
export class BoundFacetFilter {
  private readonly wanted: Set<number>

  constructor(
    readonly domain: FacetDomain,
    filter: FacetFilter,
    private readonly buffer: Uint32Array,
  ) {
    // A code no member has is kept out: it can select nobody.
    this.wanted = new Set(filter.values.map((code) => domain.idOf(code)).filter((id) => id !== 0))
  }

  test(slot: number): boolean {
    if (this.wanted.size === 0) return false
    const n = this.domain.values(slot, this.buffer)
    for (let i = 0; i < n; i++) if (this.wanted.has(this.buffer[i])) return true
    return false
  }
}
