// `@people-search/core/internal`: exactly what the reference oracle (packages/conformance/src/oracle) still shares
// with the index — the request and selector parsers, the renderer of one result, the profile
// links and the error constructor. Not part of the public API: it may change in any release.
// Each name here is a place where the oracle cannot see a bug of the index; the list shrinks as
// the oracle gets its own literal copies.

export { profileLinks } from './access/profile-links.js'
export { fail } from './errors.js'
export { parseSelector } from './fields/parse-selector.js'
export { renderSearchResult } from './fields/render-result.js'
export { checkSelector } from './fields/schema.js'
export { parseSearchRequest } from './query/parse-request.js'
export { readRequest } from './query/read-request.js'
export type { FacetFilter, PositionCriterion, SearchQuery } from './query/search-query.js'
