import type { NetworkView } from '../store/network.js'
import type { IndexStore } from '../store/store.js'
import { type FacetDomain, facetDomain } from './facet-domains.js'
import type { FacetCode } from './search-query.js'

/**
 * The facet domains of one search, each bound once to the store and the viewer and then shared
 * by the facet filters (matching) and the histograms (collecting) of the same facet.
 */
export class SearchFacets {
  /** Room for one member's values in any facet: a location gives 2, an org facet one per item. */
  readonly valueRoom: number
  private readonly domains = new Map<FacetCode, FacetDomain>()

  constructor(
    private readonly store: IndexStore,
    private readonly view: NetworkView,
  ) {
    this.valueRoom = store.maxItemCount + 2
  }

  domain(code: FacetCode): FacetDomain {
    let domain = this.domains.get(code)
    if (domain === undefined) {
      domain = facetDomain(code, this.store, this.view)
      this.domains.set(code, domain)
    }
    return domain
  }
}
