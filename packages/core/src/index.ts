// The public API of @people-search/core: every name a user may rely on, and nothing else.
// What the reference oracle shares with the index is in `./internal.ts` (`@people-search/core/internal`).

export type {
  ErrorArguments,
  ErrorCode,
  ErrorEntry,
  ErrorKind,
  ErrorValues,
  PeopleSearchErrorOptions,
} from './errors.js'
export {
  ERROR_CATALOGUE,
  ERROR_KINDS,
  fail,
  isPeopleSearchError,
  newRequestId,
  PeopleSearchError,
} from './errors.js'
export type { Geocoder } from './geo/geocoder.js'
export { checkedDistanceMiles as distanceMiles } from './geo/geocoder.js'
export { UsZipGeocoder } from './geo/us-zip-geocoder.js'
export type { GetPersonOptions } from './links/get-person.js'
export { FULL_PERSON } from './links/person-selector.js'
export { JsonlProfileSource } from './lookup/jsonl-profile-source.js'
export type { LookupParams } from './lookup/lookup-params.js'
export type { LookupError, LookupResult } from './lookup/lookup-profile.js'
export { RECENT_MS } from './lookup/lookup-profile.js'
export type { ProfileSource } from './lookup/profile-source.js'
export type {
  Accomplishment,
  AccountLevel,
  Company,
  Education,
  Location,
  PartialDate,
  Position,
  Profile,
  Section,
  Visibility,
} from './model/profile.js'
export { SECTIONS } from './model/profile.js'
export { validateProfile, validateProfiles } from './model/validate-profile.js'
export type {
  CompactionOptions,
  ConnectManyInput,
  PeopleIndexOptions,
  SearchOptions,
} from './people-index.js'
export { DEFAULT_CAPS, PeopleIndex } from './people-index.js'
export type {
  PersonActivity,
  PersonAlsoViewed,
  PersonArticle,
  PersonCourse,
  PersonGroup,
  PersonHonourAward,
  PersonOrganisation,
  PersonPatent,
  PersonSimilarProfile,
  PersonTestScore,
  PersonVolunteerWork,
} from './person-profile/carried-items.js'
export type { PersonProfileDocument } from './person-profile/document.js'
export type {
  PersonCertification,
  PersonEducation,
  PersonExperience,
  PersonProject,
  PersonPublication,
} from './person-profile/document-items.js'
export { ENRICHMENTS, type Enrichment } from './person-profile/enrichments.js'
export { fromPersonProfile } from './person-profile/from-person-profile.js'
export type { ProfileDate } from './person-profile/profile-date.js'
export { normalizeProfileUrl, profileSlug } from './person-profile/profile-url.js'
export { memberIdOfSlug } from './person-profile/slug.js'
export { type ToPersonProfileOptions, toPersonProfile } from './person-profile/to-person-profile.js'
export type { NetworkPlan } from './query/network-plan.js'
export { MAX_REQUEST_LENGTH } from './query/read-request.js'
export type { BucketAnswer, SearchAnswer } from './query/search-answer.js'
export type {
  FacetCode,
  FlagParameterValue,
  NumericParameterValue,
  SearchParameter,
  SearchRequest,
  SearchRequestObject,
  SortOrder,
  UntypedSearchRequestObject,
} from './query/search-query.js'
export { FACET_CODES } from './query/search-query.js'
export type {
  ApiStandardProfileRequestDocument,
  BucketDocument,
  CertificationDocument,
  CompanyDocument,
  DateDocument,
  EducationDocument,
  FacetDocument,
  HttpHeaderDocument,
  LegacyList,
  LocationDocument,
  PeopleList,
  PersonDocument,
  PositionDocument,
  ProjectDocument,
  PublicationDocument,
  SearchResult,
  SiteStandardProfileRequestDocument,
  SkillDocument,
} from './result.js'

export { fold } from './text/fold.js'
export { tokens } from './text/tokens.js'
