/**
 * The legacy JSON documents: a search's (docs/spec.md §5.4) and a person's (docs/spec.md §6.2).
 * `JSON.stringify(result)` is the wire format, so keys are camelCase field names (`first-name` is
 * `firstName`) and lists are `{ _total, values }`.
 *
 * A document holds exactly what its field selector names, in the selector's order (docs/spec.md
 * §5.1), and a field that is absent or that the viewer may not see has no key (docs/spec.md §5.2).
 * So every field is optional at every level; only a list's `_total` is always there. The types are
 * those the renderer (`fields/render-person.ts`, `fields/person-items.ts`) is compiled against.
 */

import type { FacetCode } from './query/search-query.js'

/**
 * A legacy list (docs/spec.md §5.4): `_total` counts the items, and `values` holds them only when
 * there is at least one (an empty list has no `values` key).
 */
export interface LegacyList<T> {
  _total: number
  values?: T[]
}

/** A partial date as the legacy API shows it (no day). */
export interface DateDocument {
  year?: number
  /** 1–12; absent when the profile gives only a year. */
  month?: number
}

/** `location:(name,country:(code),postal-code)`. */
export interface LocationDocument {
  /** The display name, such as `San Francisco Bay Area`. */
  name?: string
  /** The lower-case ISO 3166-1 alpha-2 code, such as `us`. */
  country?: { code?: string }
  postalCode?: string
}

/** `company:(id,name,industry,type,size,ticker)` of a position. */
export interface CompanyDocument {
  id?: string | number
  name?: string
  industry?: string
  type?: string
  size?: string
  ticker?: string
}

/** One of `positions:(id,title,summary,start-date,end-date,is-current,company)`. */
export interface PositionDocument {
  id?: string | number
  title?: string
  summary?: string
  /** Absent when the position's dates are private to this viewer (docs/spec.md §1.1). */
  startDate?: DateDocument
  endDate?: DateDocument
  /** Given by the profile, else derived from the index clock at the time of the request. */
  isCurrent?: boolean
  company?: CompanyDocument
}

/** One of `educations:(id,school-name,field-of-study,start-date,end-date,degree,activities,notes)`. */
export interface EducationDocument {
  id?: string | number
  schoolName?: string
  fieldOfStudy?: string
  startDate?: DateDocument
  endDate?: DateDocument
  degree?: string
  activities?: string
  notes?: string
}

/** One of `skills`: `{ skill: { name } }`, as the legacy API nests it. */
export interface SkillDocument {
  skill?: { name?: string }
}

/** One of `certifications:(name,authority:(name),url,start-date,end-date)`. */
export interface CertificationDocument {
  name?: string
  authority?: { name?: string }
  url?: string
  startDate?: DateDocument
  endDate?: DateDocument
}

/** One of `publications:(title,publisher:(name),date,url,summary)`. */
export interface PublicationDocument {
  title?: string
  publisher?: { name?: string }
  date?: DateDocument
  url?: string
  summary?: string
}

/** One of `projects:(name,description,url,start-date,end-date)`. */
export interface ProjectDocument {
  name?: string
  description?: string
  url?: string
  startDate?: DateDocument
  endDate?: DateDocument
}

/** One of `headers:(name,value)` of an api profile link: `x-li-auth-token: <type>:<token>`. */
export interface HttpHeaderDocument {
  name?: string
  value?: string
}

/** `site-standard-profile-request:(url)`: a page link carrying `authToken` and `authType`. */
export interface SiteStandardProfileRequestDocument {
  url?: string
}

/**
 * `api-standard-profile-request:(url,headers)`: `/v1/people/<id>:full` and the one header that
 * lets the viewer fetch that profile (docs/spec.md §6.2).
 */
export interface ApiStandardProfileRequestDocument {
  url?: string
  headers?: LegacyList<HttpHeaderDocument>
}

/**
 * A person in a search result, or the document `PeopleIndex.getPerson` returns: the Person fields
 * of docs/spec.md §5.2 that the selector names, camelCase, in the selector's order. A search
 * without a selector shows `id`, `firstName` and `lastName`; `getPerson` without one shows every
 * field. A field that is absent from the profile or hidden from the viewer has no key, and a list
 * with no visible item neither.
 */
export interface PersonDocument {
  id?: string
  firstName?: string
  lastName?: string
  headline?: string
  location?: LocationDocument
  /** The industry's name (legacy v1 shows no industry code). */
  industry?: string
  /** 1 for F, 2 for S, 100 for anyone else (docs/spec.md §3.2); 0 for the viewer itself (`getPerson`). */
  distance?: number
  /** At most 500; `numConnectionsCapped` says whether the member has more. */
  numConnections?: number
  numConnectionsCapped?: boolean
  numRecommenders?: number
  summary?: string
  specialties?: string
  interests?: string
  honors?: string
  positions?: LegacyList<PositionDocument>
  educations?: LegacyList<EducationDocument>
  skills?: LegacyList<SkillDocument>
  certifications?: LegacyList<CertificationDocument>
  publications?: LegacyList<PublicationDocument>
  projects?: LegacyList<ProjectDocument>
  pictureUrl?: string
  publicProfileUrl?: string
  /** Present only where the index can issue profile links (docs/spec.md §6.2). */
  siteStandardProfileRequest?: SiteStandardProfileRequestDocument
  apiStandardProfileRequest?: ApiStandardProfileRequestDocument
}

/**
 * The page of people (docs/spec.md §5.4): `_total` always (min(numResults, the viewer's cap));
 * `_count` (people on the page) and `_start` unless the page holds every one of the `_total`
 * results from position 0; no `values` for an empty page.
 */
export interface PeopleList extends LegacyList<PersonDocument> {
  _count?: number
  _start?: number
}

/** One bucket of a histogram (docs/spec.md §4.3): `buckets:(code,name,count,selected)`. */
export interface BucketDocument {
  /** The canonical bucket code: `us:84`, `F`, `_o`, a company id… */
  code?: string
  name?: string
  count?: number
  /** Whether the request's `facet` filter for this facet names the bucket. */
  selected?: boolean
}

/** One histogram (docs/spec.md §4.3): `facets:(code,name,buckets)`. */
export interface FacetDocument {
  code?: FacetCode
  /** The facet's display name (docs/spec.md §4.2), such as `Relationship` for `network`. */
  name?: string
  buckets?: LegacyList<BucketDocument>
}

/**
 * The legacy JSON document of a search (docs/spec.md §5.4): what the selector names among
 * `num-results`, `people` and `facets`, in its order; `numResults` and `people` without a
 * selector. `facets` appears only when the selector names it (docs/spec.md §8).
 */
export interface SearchResult {
  /** Members that match and can be found (docs/spec.md §3.3), however many the cap lets through. */
  numResults?: number
  people?: PeopleList
  /** One histogram per code of the request's `facets=`, in that order. */
  facets?: LegacyList<FacetDocument>
}
