/**
 * A people-search request after parsing and parameter validation (docs/spec.md §3.1, §8), before it
 * meets an index. It holds tokens, not raw text, so both the index and the oracle judge the
 * same thing; it knows nothing of URLs, HTTP or output formats.
 */

import type { FacetCode } from '../domain/facets.js'

/**
 * The four result orders of docs/spec.md §3.4. The type names them in lower case; the parser
 * also accepts any other letter case (`CONNECTIONS`) from untyped input.
 */
export type SortOrder = 'connections' | 'recommenders' | 'distance' | 'relevance'

// Facet codes of docs/spec.md §4.2 are defined with the facet table; re-exported here, where the
// public API has always taken them from.
export { FACET_CODES, type FacetCode } from '../domain/facets.js'

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

/** A number, or its decimal text as a URL would carry it (`'25'`, `'.5'`). */
export type NumericParameterValue = number | `${number}`

/**
 * A `current-company` / `current-title` / `current-school` flag (docs/spec.md §8). The type names
 * the canonical spellings; the parser also accepts `TRUE`, `False` and every other letter case.
 */
export type FlagParameterValue = boolean | 'true' | 'false'

/**
 * The object form of a request (docs/spec.md §3.1, §8): one optional key per legacy parameter,
 * spelt as in the URL, and `fields` for the field selector (docs/spec.md §5.1). A misspelt key is
 * a type error (an object literal may only name these keys), and so is a value of the wrong kind.
 *
 * The contract, key by key:
 * - `keywords`, `first-name`, `last-name`, `company-name`, `title`, `school-name`: free text,
 *   matched by its tokens (docs/spec.md §2); a value with no tokens is as if absent.
 * - `current-company`, `current-title`, `current-school`: only beside their companion above.
 * - `country-code`: a lower-case ISO 3166-1 alpha-2 code (`'us'`), the one case-sensitive value.
 * - `postal-code` (needs `country-code`) and `distance` in miles (needs `postal-code`).
 * - `facet`: `'CODE,v1,v2…'` (docs/spec.md §4.1); an array repeats the parameter, and repeated
 *   filters are ANDed. `facets`: `'CODE,CODE…'`, the histograms to return (docs/spec.md §4.3).
 * - `sort`: one of the four orders of docs/spec.md §3.4, `connections` when absent.
 * - `start` ≥ 0 and `count` 0–25 (docs/spec.md §3.5), integers or their digits.
 * - `fields`: a field selector such as `'(people:(id,first-name),num-results)'`, with or without
 *   the leading `:`.
 *
 * The type cannot say everything the parser checks (a count of 26, an unknown facet code, a
 * `current-*` flag without its companion): those are still 400 errors at run time. An `undefined`
 * value is as if the key were absent. The parser reads any object, so untyped input (parsed
 * JSON, JavaScript callers) is judged the same way; see `UntypedSearchRequestObject`.
 *
 * @example
 * ```ts
 * const request: SearchRequestObject = {
 *   keywords: 'java developer',
 *   'country-code': 'us',
 *   'postal-code': '94043',
 *   distance: 25,
 *   facet: ['network,F,S', 'language,en'],
 *   facets: 'location,network',
 *   sort: 'distance',
 *   count: 5,
 *   fields: '(people:(id,first-name,last-name,distance),num-results)',
 * }
 * const result = index.search(request, { viewer: 'ann' })
 * result.people?.values?.[0]?.firstName // string | undefined
 * // index.search({ keywrods: 'java' }, …) and { sort: 'alphabetical' } do not compile.
 * ```
 */
export type SearchRequestObject = {
  keywords?: string
  'first-name'?: string
  'last-name'?: string
  'company-name'?: string
  'current-company'?: FlagParameterValue
  title?: string
  'current-title'?: FlagParameterValue
  'school-name'?: string
  'current-school'?: FlagParameterValue
  /** Lower case: `'us'`, not `'US'` (docs/spec.md §3.1). */
  'country-code'?: string
  'postal-code'?: string
  /** Miles, a decimal number ≥ 0; without it the radius is 0. */
  distance?: NumericParameterValue
  /** One `CODE,v1,v2…` filter, or several (each one a repeated `facet` parameter). */
  facet?: string | readonly string[]
  /** Comma-separated facet codes whose histograms to return. */
  facets?: string
  /** Default `connections`. */
  sort?: SortOrder
  /** An integer ≥ 0; default 0. */
  start?: NumericParameterValue
  /** An integer from 0 to 25; default 10. */
  count?: NumericParameterValue
  /** The field selector (docs/spec.md §5.1); not a parameter of the URL's query. */
  fields?: string
}

/** The legacy parameter names of docs/spec.md §3.1: the keys of `SearchRequestObject` but `fields`. */
export type SearchParameter = Exclude<keyof SearchRequestObject, 'fields'>

/**
 * A request object of unknown shape, as the parser reads it at run time: any keys (those that
 * are no parameter are ignored, docs/spec.md §3.7) and any values (a value that is not a string,
 * number, boolean or an array of them is a 400). This is the type for input the compiler cannot
 * vouch for, such as parsed JSON; `PeopleIndex.search` takes it where a `SearchRequestObject` is
 * expected (an index signature satisfies optional keys), and judges it like any other request.
 */
export type UntypedSearchRequestObject = { readonly [parameter: string]: unknown }

/**
 * A legacy URL (`/v1/people-search:(selector)?keywords=…`, with or without scheme and host) or
 * the object form. URLs are text, so only the object form is checked by the compiler.
 */
export type SearchRequest = string | SearchRequestObject
