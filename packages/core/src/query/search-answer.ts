import type { FacetCode } from './search-query.js'

/** One bucket of a histogram (docs/spec.md §4.3). */
export interface BucketAnswer {
  code: string
  name: string
  count: number
  selected: boolean
}

/**
 * What a search found, before field selection and output formatting: the page of member ids
 * in order, the two counts and the histograms. `PeopleIndex.searchAnswer` returns it and the
 * reference oracle computes the same structure, so the conformance suite compares the two.
 */
export interface SearchAnswer {
  /** Members that match and can be found (docs/spec.md §3.3). */
  numResults: number
  /** min(numResults, the viewer's result cap). */
  total: number
  /** The `start` of the request. */
  start: number
  /** Ids of the members on the page, in sort order. */
  ids: string[]
  /** One entry per facet asked for with `facets=`, in the order asked. */
  facets: { code: FacetCode; buckets: BucketAnswer[] }[]
}
