// @people-search/conformance: the reference behaviour of docs/spec.md as a deliberately naive
// linear scan (the oracle), the generators of worlds and requests it is checked on, and (for
// other implementations) the means to hold them to it. This list is the package's whole API.

// Generators: worlds (profiles, graph, groups, caps) and requests drawn from a world's vocabulary.
export {
  POSTALS,
  TestGeocoder,
  type TestPostal,
  testGeocoder,
  UNKNOWN_POSTALS,
} from './generators/geocoder.js'
export {
  ALL_FACETS,
  degreeOf,
  INVALID_KINDS,
  type InvalidKind,
  type ItemPlan,
  type Materialized,
  materialize,
  type PlanOptions,
  type RequestPlan,
  requestArb,
  requestPlanArb,
  SELECTOR_KINDS,
  SELECTORS,
  SORTS,
  type Vocabulary,
  vocabularyOf,
} from './generators/request.js'
export {
  FIRST_NAMES,
  LAST_NAMES,
  MISSING_WORDS,
  prng,
  SEPARATORS,
  textVariant,
  WORD_GROUPS,
  WORDS,
} from './generators/vocabulary.js'
export {
  type Caps,
  COMPANIES,
  DATES,
  educationArb,
  GROUPS,
  ID_POOL,
  INDUSTRIES,
  LANGUAGES,
  locationArb,
  positionArb,
  profileArb,
  SCHOOLS,
  SMALL_CAPS,
  textArb,
  type World,
  type WorldOptions,
  worldArb,
} from './generators/world.js'
// The oracle, one file per section of docs/spec.md (src/oracle/README.md).
export { type Degree, Network } from './oracle/network.js'
export { Oracle, type OracleOptions, type SearchOptions } from './oracle/oracle.js'
export { fold as oracleFold, tokens as oracleTokens } from './oracle/text.js'
export {
  firstInstant,
  isCurrentEducation,
  isCurrentPosition,
  mayRead,
  PUBLIC_SIGHT,
  type Sight,
  sectionVisible,
  visibleEducations,
  visiblePositions,
} from './oracle/visibility.js'
