import { verifyToken } from '../access/access-token.js'
import { profileLinks } from '../access/profile-links.js'
import { DEGREE_BY_LETTER, type Degree } from '../domain/degree.js'
import { fail } from '../errors.js'
import { renderPerson } from '../fields/render-person.js'
import type { Profile } from '../model/profile.js'
import type { PersonDocument } from '../result.js'
import { readPersonSelector } from './person-selector.js'
import { bareToken, readReference } from './profile-reference.js'

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
  /** The member's degree relative to the viewer, `self` for the viewer itself. */
  degreeOf(viewer: string, member: string): Degree | 'self'
}

/**
 * The legacy person document of member `ref` for `options.viewer` (docs/spec.md §6.2). `ref` is a
 * member id, a profile link's api url (`/v1/people/<id>:full`, with or without scheme and host,
 * optionally `:(selector)` instead of `:full`) or its site url (`/profile/view?id=…&authToken=…`).
 * F members show public and connections sections, S members public ones; A and O members show
 * public ones only with a valid token issued to this viewer for this member. The viewer itself
 * sees its own public and connections sections, with `distance` 0.
 *
 * Checks in order: viewer (401), reference and selector (400), member (404), token (403).
 */
export function getPerson(ref: string, options: GetPersonOptions, host: PersonHost): PersonDocument {
  const viewer = options?.viewer
  if (viewer === undefined || viewer === null) fail('fetch-without-viewer')
  if (typeof viewer !== 'string' || host.profileOf(viewer) === undefined) fail('unknown-viewer', { viewer })
  const reference = readReference(ref)
  if (options.fields !== undefined && reference.selector !== undefined) fail('selector-given-twice')
  const selector = readPersonSelector(options.fields ?? reference.selector)
  const profile = host.profileOf(reference.id)
  if (profile === undefined) fail('unknown-member', { member: reference.id })
  const degree = host.degreeOf(viewer, reference.id)
  const shown: Degree = degree === 'self' ? 'F' : degree
  if (!DEGREE_BY_LETTER[shown].inNetwork) {
    const token = bareToken(options.token ?? reference.token)
    if (!verifyToken(host.secret, token, viewer, reference.id, host.now))
      fail('out-of-network', { member: reference.id })
  }
  const now = host.now
  const person = renderPerson(profile, selector, {
    degree: shown,
    now,
    links: (member) => profileLinks(host.secret, viewer, member, shown, now),
  })
  if (degree === 'self' && Object.hasOwn(person, 'distance')) person.distance = 0
  return person
}
