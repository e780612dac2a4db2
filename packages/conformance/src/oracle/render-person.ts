/**
 * docs/spec.md §5.2, one person of a search result as the viewer sees it (§3.6): public sections
 * always, `connections` sections only for a first-degree viewer, private ones never; names,
 * location, industry and the two counts are always public (§1.1).
 */
import type {
  ApiStandardProfileRequestDocument,
  HttpHeaderDocument,
  PersonDocument,
  Profile,
  Section,
  SiteStandardProfileRequestDocument,
} from '@people-search/core'
import type { Degree } from './network.js'
import {
  certification,
  education,
  location,
  position,
  projectItem,
  publication,
  skill,
} from './render-items.js'
import { legacyList, type Selector, select, unlessEmpty } from './render-select.js'
import { type Sight, sectionVisible, visibleEducations, visiblePositions } from './visibility.js'

/** The two profile links of docs/spec.md §6.2, as the index issues them. */
export interface ProfileLinks {
  /** `/v1/people/<id>:full`. */
  apiUrl: string
  /** The `x-li-auth-token` header's value, `<type>:<token>`. */
  authHeader: string
  /** A page link carrying `authToken=<token>&authType=<type>`. */
  siteUrl: string
}

/** How the viewer sees one member. */
export interface PersonView {
  /** The member's degree relative to the viewer (docs/spec.md §3.2). */
  degree: Degree
  /** Only public sections, even for a first-degree viewer (a fetch with `:public`, docs/spec.md §9.1). */
  publicOnly?: boolean
  /** The clock, ms since the epoch, that decides which positions are current (docs/spec.md §1.1). */
  now: number
  /** The member's profile links (docs/spec.md §6.2), asked for at most once; without it no link fields. */
  links?: (memberId: string) => ProfileLinks
}

/** docs/spec.md §5.2: "distance (1 for F, 2 for S, 100 for anyone else)". */
const DISTANCE: Record<Degree, number> = { F: 1, S: 2, A: 100, O: 100 }

/** docs/spec.md §5.2: "`num-connections` is capped at 500". */
const SHOWN_CONNECTIONS = 500

/** The person document of `profile` for the Person fields `sub` names, in that order. */
export function person(profile: Profile, view: PersonView, sub: Selector): PersonDocument {
  const sight: Sight = { connection: view.degree === 'F' && view.publicOnly !== true }
  const now = new Date(view.now)
  const connections = profile.numConnections ?? 0
  const section = <T>(name: Section, value: T): T | undefined =>
    sectionVisible(profile, name, sight) ? value : undefined
  let links: ProfileLinks | undefined | null = null
  const linksOnce = () => {
    if (links === null) links = view.links?.(profile.id)
    return links
  }

  return select<PersonDocument>(sub, {
    id: ['id', () => profile.id],
    'first-name': ['firstName', () => profile.firstName],
    'last-name': ['lastName', () => profile.lastName],
    headline: ['headline', () => section('headline', profile.headline)],
    location: ['location', (s) => (profile.location ? location(profile.location, s) : undefined)],
    // Legacy v1 shows the industry by its name.
    industry: ['industry', () => profile.industry?.name],
    distance: ['distance', () => DISTANCE[view.degree]],
    'num-connections': ['numConnections', () => Math.min(connections, SHOWN_CONNECTIONS)],
    // "says whether it was" capped: 500 itself is shown as it is.
    'num-connections-capped': ['numConnectionsCapped', () => connections > SHOWN_CONNECTIONS],
    'num-recommenders': ['numRecommenders', () => profile.numRecommenders ?? 0],
    summary: ['summary', () => section('summary', profile.summary)],
    specialties: ['specialties', () => section('specialties', profile.specialties)],
    interests: ['interests', () => section('interests', profile.interests)],
    honors: ['honors', () => section('honors', profile.honors)],
    positions: [
      'positions',
      (s) => visibleList(visiblePositions(profile, sight).map((p) => position(p, sight, now, s))),
    ],
    educations: [
      'educations',
      (s) => visibleList(visibleEducations(profile, sight).map((e) => education(e, sight, s))),
    ],
    skills: ['skills', (s) => visibleList(section('skills', profile.skills)?.map((x) => skill(x, s)))],
    certifications: [
      'certifications',
      (s) => visibleList(section('certifications', profile.certifications)?.map((a) => certification(a, s))),
    ],
    publications: [
      'publications',
      (s) => visibleList(section('publications', profile.publications)?.map((a) => publication(a, s))),
    ],
    projects: [
      'projects',
      (s) => visibleList(section('projects', profile.projects)?.map((a) => projectItem(a, s))),
    ],
    'picture-url': ['pictureUrl', () => section('pictureUrl', profile.pictureUrl)],
    'public-profile-url': ['publicProfileUrl', () => profile.publicProfileUrl],
    'site-standard-profile-request': [
      'siteStandardProfileRequest',
      (s) => {
        const l = linksOnce()
        return (
          l && unlessEmpty(select<SiteStandardProfileRequestDocument>(s, { url: ['url', () => l.siteUrl] }))
        )
      },
    ],
    'api-standard-profile-request': [
      'apiStandardProfileRequest',
      (s) => {
        const l = linksOnce()
        return l && unlessEmpty(apiRequest(l, s))
      },
    ],
  })
}

/** `api-standard-profile-request:(url,headers:(name,value))` with its one header (docs/spec.md §6.2). */
function apiRequest(l: ProfileLinks, sub: Selector | undefined): ApiStandardProfileRequestDocument {
  const header = (s: Selector | undefined) =>
    select<HttpHeaderDocument>(s, {
      name: ['name', () => 'x-li-auth-token'],
      value: ['value', () => l.authHeader],
    })
  return select<ApiStandardProfileRequestDocument>(sub, {
    url: ['url', () => l.apiUrl],
    headers: ['headers', (s) => legacyList([header(s)])],
  })
}

/** docs/spec.md §5.2: a list with no item the viewer may see is left out ("no empty element"). */
function visibleList<T>(items: T[] | undefined): { _total: number; values?: T[] } | undefined {
  return items === undefined || items.length === 0 ? undefined : legacyList(items)
}
