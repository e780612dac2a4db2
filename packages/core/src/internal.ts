// `@people-search/core/internal`: exactly what the conformance kit's oracle
// (packages/conformance/src/oracle) still shares with the index — the field-selector parser and
// checker and the profile-link tokens — plus the index's renderer, which only the kit's own test
// reads, to hold the oracle's renderer equal to it. Not part of the public API: it may change in
// any release. Each name here is a place where the oracle cannot see a bug of the index; the
// request parser, the distance and the renderer are the oracle's own already.

export { profileLinks } from './access/profile-links.js'
export { parseSelector } from './fields/parse-selector.js'
export { renderSearchResult } from './fields/render-result.js'
export { checkSelector } from './fields/schema.js'
