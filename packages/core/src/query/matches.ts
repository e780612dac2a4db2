import { FIRST, SECOND, SELF } from '../domain/degree.js'
import { distanceMiles } from '../geo/geocoder.js'
import type { MemberColumns } from '../store/columns.js'
import type { NetworkView } from '../store/network.js'
import { Cursor } from './cursor.js'
import { type DocSet, TERMINATED } from './doc-set.js'
import type { BoundFacetFilter } from './facet-filter.js'
import { Intersection } from './intersection.js'
import { KeywordTerms } from './keyword-terms.js'
import type { SearchPlan } from './search-plan.js'

/** `failedFacet` of a member that holds every facet filter: a match. */
export const NO_FAILED_FACET = -1

/**
 * The match step (tantivy's `Scorer`, forward only): walks the intersection of the plan's sources and stops
 * on each member that meets every other criterion too, telling its score and which facet's
 * filters alone it fails. Such a near miss is not a match, but it still counts in that facet's
 * histogram (disjunctive counting, docs/spec.md §4.3); it is only yielded for the facets in
 * `nearMissFacets` (bit i: FACET_CODES[i]), and a member failing two facets never is.
 */
export class Matches {
  /** NO_FAILED_FACET for a match, else the FACET_CODES index of the one facet it fails. */
  failedFacet = NO_FAILED_FACET
  /** The intersection of the sources, or the one source itself: no layer to call per candidate. */
  private readonly candidates: DocSet
  /** The one source when there is only one: then its list is walked here, without a call per slot. */
  private readonly list: Cursor | undefined
  private readonly terms: KeywordTerms
  private readonly columns: MemberColumns
  private readonly view: NetworkView
  private readonly networkBits: Uint32Array | undefined
  private readonly firstBits: Uint32Array | undefined
  private readonly canFindAll: boolean
  private readonly firstKey: number
  private readonly lastKey: number
  private readonly country: number
  private readonly hasPostal: boolean
  private readonly postalId: number
  private readonly distance: number
  private readonly lat: number
  private readonly lon: number
  private readonly filters: readonly BoundFacetFilter[]
  private readonly filterFacets: readonly number[]
  private isFirst = false
  private current: number

  /** `scoring`: whether `score` computes BM25 (only a relevance order needs it) or gives 0. */
  constructor(
    plan: SearchPlan,
    private readonly scoring: boolean,
    private readonly nearMissFacets: number,
  ) {
    const cursors: Cursor[] = []
    for (const source of plan.sources) cursors.push(new Cursor(source.data, source.length))
    const keywordCursors: Cursor[] = []
    for (const at of plan.keywordSources) keywordCursors.push(cursors[at])
    this.candidates = cursors.length === 1 ? cursors[0] : new Intersection(cursors)
    this.list = cursors.length === 1 ? cursors[0] : undefined
    this.columns = plan.store.columns
    this.terms = new KeywordTerms(plan.keywords, keywordCursors, plan.idfs, this.columns, plan.avgdl)
    this.view = plan.view
    this.networkBits = plan.view.networkBits
    this.firstBits = plan.view.firstBits
    this.canFindAll = plan.canFindAll
    this.firstKey = plan.firstKey
    this.lastKey = plan.lastKey
    this.country = plan.country
    this.hasPostal = plan.postal !== undefined
    this.postalId = plan.postal?.id ?? 0
    this.distance = plan.postal?.distance ?? 0
    this.lat = plan.postal?.lat ?? 0
    this.lon = plan.postal?.lon ?? 0
    this.filters = plan.filters
    this.filterFacets = plan.filterFacets
    this.current = this.next(this.candidates.doc())
  }

  doc(): number {
    return this.current
  }

  advance(): number {
    this.current = this.list === undefined ? this.next(this.candidates.advance()) : this.nextInList()
    return this.current
  }

  /** BM25 of the member it stands on, or 0 when not scoring. Only meaningful for a match. */
  score(): number {
    return this.scoring ? this.terms.score(this.current, this.isFirst) : 0
  }

  // The single source's list from the slot after the current one; the cursor's `pos` follows, as
  // the keyword terms read frequencies where it stands.
  private nextInList(): number {
    const list = this.list as Cursor
    const { data, length } = list
    // Most slots of a long list are outside the viewer's network: its bit rejects them here,
    // before anything else is read (a slot beyond the view's bits is outside it too).
    const network = this.canFindAll ? undefined : this.networkBits
    let pos = list.pos
    while (++pos < length) {
      const slot = data[pos]
      if (network !== undefined) {
        const word = slot >>> 5
        if (word >= network.length || (network[word] & (1 << (slot & 31))) === 0) continue
      }
      list.pos = pos
      if (this.accepts(slot)) return slot
    }
    list.pos = length
    list.advance()
    return TERMINATED
  }

  private next(candidate: number): number {
    let slot = candidate
    while (slot !== TERMINATED && !this.accepts(slot)) slot = this.candidates.advance()
    return slot
  }

  // Cheap column reads first; the facet filters, which decode a member's values, last.
  private accepts(slot: number): boolean {
    const { columns } = this
    if (columns.alive[slot] === 0) return false
    // The network's bits when the view holds them (no call per candidate); out of the network is
    // decided from them without the group lookup that tells A from O (docs/spec.md §3.2).
    const network = this.networkBits
    let degree: number
    if (network !== undefined) {
      const word = slot >>> 5
      const bit = 1 << (slot & 31)
      if (word < network.length && (network[word] & bit) !== 0)
        degree = ((this.firstBits as Uint32Array)[word] & bit) !== 0 ? FIRST : SECOND
      else if (!this.canFindAll) return false
      else degree = this.view.degreeOf(slot)
    } else {
      degree = this.view.degreeOf(slot)
      if (!this.canFindAll && degree !== FIRST && degree !== SECOND) return false
    }
    if (degree === SELF) return false
    if (this.firstKey > 0 && columns.firstKey[slot] !== this.firstKey) return false
    if (this.lastKey > 0 && columns.lastKey[slot] !== this.lastKey) return false
    if (this.country > 0 && columns.country[slot] !== this.country) return false
    const isFirst = degree === FIRST
    if (!this.terms.visible(isFirst)) return false
    if (this.hasPostal && !this.nearPostalCode(slot)) return false
    this.isFirst = isFirst
    return this.passesFilters(slot)
  }

  // docs/spec.md §3.1: in the postal code itself, or within the radius of its centroid.
  private nearPostalCode(slot: number): boolean {
    const { columns } = this
    if (this.postalId !== 0 && columns.postalKey[slot] === this.postalId) return true
    const lat = columns.lat[slot]
    return !Number.isNaN(lat) && distanceMiles(lat, columns.lon[slot], this.lat, this.lon) <= this.distance
  }

  private passesFilters(slot: number): boolean {
    const { filters, filterFacets } = this
    let failed = NO_FAILED_FACET
    for (let f = 0; f < filters.length; f++) {
      if (filters[f].test(slot)) continue
      const facet = filterFacets[f]
      if (failed === NO_FAILED_FACET) {
        if ((this.nearMissFacets & (1 << facet)) === 0) return false
        failed = facet
      } else if (failed !== facet) return false
    }
    this.failedFacet = failed
    return true
  }
}
