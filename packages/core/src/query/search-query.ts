/**
 * A people-search request after parsing and parameter validation (docs/spec.md §3.1, §8), before it
 * meets an index. It holds tokens, not raw text, so both the index and the oracle judge the
 * same thing; it knows nothing of URLs, HTTP or output formats.
 */

export type SortOrder = 'connections' | 'recommenders' | 'distance' | 'relevance'

/** Facet codes of docs/spec.md §4.2, in their canonical spelling. */
export const FACET_CODES = [
  'location',
  'industry',
  'network',
  'language',
  'current-company',
  'past-company',
  'school',
] as const
export type FacetCode = (typeof FACET_CODES)[number]

/** One `company-name` / `title` / `school-name` criterion with its optional current flag. */
export interface PositionCriterion {
  /** Tokens of the value (docs/spec.md §2), non-empty, in the order given. */
  tokens: string[]
  /** `true`: only current items count; `false`: only past ones; absent: any. */
  current?: boolean
}

/** One `facet=CODE,v1,v2…` parameter: OR over `values`, AND with every other filter. */
export interface FacetFilter {
  code: FacetCode
  /** Canonical bucket codes (`us:84`, `F`, `_o`, `1234`), deduplicated, in the order given. */
  values: string[]
}

export interface SearchQuery {
  /** Tokens of `keywords`, in query order, repeats kept; empty when absent. */
  keywords: string[]
  /** Tokens of `first-name`; absent when the parameter is absent or has no tokens. */
  firstName?: string[]
  lastName?: string[]
  companyName?: PositionCriterion
  title?: PositionCriterion
  schoolName?: PositionCriterion
  /** Lower-case ISO 3166-1 alpha-2 code. */
  countryCode?: string
  /** Postal code as given (trimmed) and the radius in miles (0 when `distance` is absent). */
  postal?: { code: string; distance: number }
  facetFilters: FacetFilter[]
  /** Histograms asked for with `facets=`, deduplicated, in the order given. */
  facets: FacetCode[]
  sort: SortOrder
  start: number
  count: number
  /** The raw field selector text without the leading `:`, when one was given. */
  fields?: string
}

/**
 * The object form of a request: keys are the legacy parameter names. An array repeats a
 * parameter (only `facet` keeps more than the first); `fields` holds a field selector.
 */
export type SearchRequestObject = {
  [parameter: string]: string | number | boolean | readonly (string | number | boolean)[] | undefined
}

/** A legacy URL (`/v1/people-search?keywords=…`) or an object keyed by parameter names. */
export type SearchRequest = string | SearchRequestObject
