/**
 * The oracle's own shape of a parsed people-search request: what docs/spec.md §3.1, §3.3–§3.5, §4,
 * §5.1 and §8 say a request asks for, once request.ts has read and checked it. It is deliberately
 * not core's `SearchQuery`: were the two shared, a bug in how the index reads a parameter would be
 * read the same way by the oracle, and no property could see it.
 */
import type { FacetCode, SortOrder } from '@people-search/core'

/** The facet codes of docs/spec.md §4.2, in the spec's table order. */
export const FACET_CODES = [
  'location',
  'industry',
  'network',
  'language',
  'current-company',
  'past-company',
  'school',
] as const satisfies readonly FacetCode[]

/** The result orders of docs/spec.md §3.4; the first is the default. */
export const SORT_ORDERS = [
  'connections',
  'recommenders',
  'distance',
  'relevance',
] as const satisfies readonly SortOrder[]

/**
 * `company-name` + `current-company`, `title` + `current-title`, `school-name` + `current-school`
 * (docs/spec.md §3.1): some visible position (education, for schools) whose text holds every one
 * of `tokens`, and that is current when `current` is true, past when it is false.
 */
export interface ItemCriterion {
  /** The tokens of the value (docs/spec.md §2), never empty: a value without tokens is no criterion (§8). */
  tokens: string[]
  /** The flag, when given: `true` current items only, `false` past items only. */
  current?: boolean
}

/** One `facet=CODE,v1,v2…` parameter (docs/spec.md §4.1): the member's value for `code` is one of `values`. */
export interface FacetFilter {
  code: FacetCode
  /** Bucket codes in their canonical form (docs/spec.md §8), each once, in the order the request gives them. */
  values: string[]
}

/** `postal-code` + `distance` (docs/spec.md §3.1): within `distance` miles of the postal code's centroid. */
export interface PostalCriterion {
  /** The postal code as given, trimmed. */
  code: string
  /** Miles, ≥ 0; 0 when `distance` is not given. */
  distance: number
}

/** A request as the oracle answers it. A criterion that is absent from the request is absent here. */
export interface OracleQuery {
  /** The tokens of `keywords`, in order, repeats kept; empty when absent or without tokens (§3.1). */
  keywords: string[]
  /** The tokens of `first-name` (docs/spec.md §3.1); absent when not given or without tokens (§8). */
  firstName?: string[]
  lastName?: string[]
  companyName?: ItemCriterion
  title?: ItemCriterion
  schoolName?: ItemCriterion
  /** A lower-case ISO 3166-1 alpha-2 code (docs/spec.md §3.1). */
  countryCode?: string
  postal?: PostalCriterion
  /** Every `facet` parameter, in request order; they are ANDed (docs/spec.md §4.1). */
  facetFilters: FacetFilter[]
  /** The histograms asked for with `facets=` (docs/spec.md §4.3), each once, in request order. */
  facets: FacetCode[]
  /** docs/spec.md §3.4; `connections` when absent. */
  sort: SortOrder
  /** docs/spec.md §3.5; 0 when absent. */
  start: number
  /** docs/spec.md §3.5; 10 when absent. */
  count: number
  /** The field selector text (docs/spec.md §5.1) without its leading `:`, when the request has one. */
  fields?: string
}
