// @people-search/conformance: the reference behaviour of docs/spec.md as a deliberately naive
// linear scan (the oracle), the generators of worlds and requests it is checked on, and (for
// other implementations) the means to hold them to it. This list is the package's whole API.

// checkConformance: any implementation held to the oracle, section by section (docs/spec.md).
export { type CheckOptions, checkConformance } from './check/check-conformance.js'
export { firstDifference } from './check/first-difference.js'
// docs/spec.md §3.6 as a rewrite: a world's hidden text replaced, for privacy properties.
export {
  hidingArb,
  type PrivacyCase,
  privacyCase,
  type Replacements,
  replacementsArb,
  rewriteHidden,
} from './check/hidden-rewrite.js'
export type {
  Implementation,
  ImplementationFactory,
  ImplementationOptions,
} from './check/implementation.js'
export { CONFORMANCE_NOW } from './check/implementation-options.js'
export { TOKEN_PLACEHOLDER } from './check/redact-links.js'
export {
  type Counterexample,
  type Report,
  type SectionReport,
  SPEC_SECTIONS,
  type SpecSection,
} from './check/report.js'
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
// Holding a service to the spec over HTTP: its admin routes and test-mode route (README.md).
export { HttpRefusal, ServiceFault } from './http/http-errors.js'
export { type HttpImplementationOptions, httpImplementation } from './http/http-implementation.js'
export { probeService } from './http/probe-service.js'
export type { ServiceAddress } from './http/service-client.js'
export {
  type TestModeSettingsBody,
  testModeSettings,
  VIEWER_TOKEN_PREFIX,
} from './http/test-mode-settings.js'
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
