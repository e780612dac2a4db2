import { verifyToken } from '../access/access-token.js'
import { authType, profileLinks } from '../access/profile-links.js'
import { DEGREE_BY_LETTER, type Degree } from '../domain/degree.js'
import { fail } from '../errors.js'
import { renderPerson } from '../fields/render-person.js'
import type { Profile } from '../model/profile.js'
import type { PersonDocument } from '../result.js'
import { readPersonSelector } from './person-selector.js'
import {
  type PresentedToken,
  type ProfileReference,
  presentedToken,
  readReference,
} from './profile-reference.js'

export interface GetPersonOptions {
  /** The member on whose behalf the profile is fetched. */
  viewer?: string
  /**
   * The token of a search result's profile link: the `x-li-auth-token` header value
   * (`name:<token>` or `OUT_OF_NETWORK:<token>`) or the bare token (the site link's `authToken`).
   */
  token?: string
  /** A Person field selector such as `(id,first-name,positions:(title))`; default: every field. */
  fields?: string
}

/** What `getPerson` needs from the index. */
export interface PersonHost {
  /** The index clock, ms since the epoch. */
  now: number
  secret: Buffer
  profileOf(id: string): Profile | undefined
  /** The incarnation of a member (the viewer too): 0, one more each time its id was removed (docs/spec.md §6.2). */
  incarnationOf(id: string): number
  /** The member's degree relative to the viewer, `self` for the viewer itself. */
  degreeOf(viewer: string, member: string): Degree | 'self'
  /** The member whose public profile URL is `url` (normalised), as a lookup finds it (docs/spec.md §6.1). */
  memberOfUrl(url: string): string | undefined
}

/**
 * The legacy person document of member `ref` for `options.viewer` (docs/spec.md §6.2). `ref` is a
 * member id, a profile link's api url (`/v1/people/<id>:full`, with or without scheme and host,
 * optionally `:(selector)` or `:public` instead of `:full`), its site url
 * (`/profile/view?id=…&authToken=…`) or `url=<percent-encoded public profile URL>` (docs/spec.md
 * §9.1). `:public` shows only the member's public sections, whatever its degree.
 * F members show public and connections sections, S members public ones; A and O members show
 * public ones only with an unexpired token issued to this incarnation of the viewer for this
 * incarnation of the member, of type `OUT_OF_NETWORK` (a type that the header prefix or the site
 * url's `authType` claims must be that one). The viewer itself sees its own public and
 * connections sections, with `distance` 0. The document's own profile links expire no later
 * than the token used, so following them never extends access.
 *
 * Checks in order: viewer (401), reference and selector (400), member (404), token (403).
 */
export function getPerson(ref: string, options: GetPersonOptions, host: PersonHost): PersonDocument {
  const viewer = options?.viewer
  if (viewer === undefined || viewer === null) fail('fetch-without-viewer')
  if (typeof viewer !== 'string' || host.profileOf(viewer) === undefined) fail('unknown-viewer', { viewer })
  const reference = readReference(ref)
  if (options.fields !== undefined && reference.selector !== undefined) fail('selector-given-twice')
  const { selector, publicOnly } = readPersonSelector(options.fields ?? reference.selector)
  const memberId = reference.id ?? host.memberOfUrl(reference.url as string)
  if (memberId === undefined) return fail('profile-not-found', { url: reference.url })
  const profile = host.profileOf(memberId)
  if (profile === undefined) fail('unknown-member', { member: memberId })
  const degree = host.degreeOf(viewer, memberId)
  const shown: Degree = degree === 'self' ? 'F' : degree
  const now = host.now
  const viewerIncarnation = host.incarnationOf(viewer)
  let notAfter = Number.POSITIVE_INFINITY
  if (!DEGREE_BY_LETTER[shown].inNetwork) {
    const type = authType(shown)
    const presented = tokenOf(options.token, reference)
    const memberIncarnation = host.incarnationOf(memberId)
    const grant = { viewer, viewerIncarnation, member: memberId, memberIncarnation, type }
    const expiresAt =
      presented === undefined || (presented.type !== undefined && presented.type !== type)
        ? undefined
        : verifyToken(host.secret, presented.token, grant, now)
    if (expiresAt === undefined) fail('out-of-network', { member: memberId })
    notAfter = expiresAt
  }
  const person = renderPerson(profile, selector, {
    degree: shown,
    publicOnly,
    now,
    links: (member) => {
      const grant = { viewer, viewerIncarnation, member, memberIncarnation: host.incarnationOf(member) }
      return profileLinks(host.secret, grant, shown, now, notAfter)
    },
  })
  if (degree === 'self' && Object.hasOwn(person, 'distance')) person.distance = 0
  return person
}

/** The token of `options.token` (a header value or a bare token), else the one the site url carries. */
function tokenOf(given: unknown, reference: ProfileReference): PresentedToken | undefined {
  if (given !== undefined && given !== null) return presentedToken(given)
  if (reference.token === undefined) return undefined
  return reference.type === undefined
    ? { token: reference.token }
    : { token: reference.token, type: reference.type }
}
