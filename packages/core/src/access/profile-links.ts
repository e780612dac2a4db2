import { type AuthType, DEGREE_BY_LETTER, type Degree } from '../domain/degree.js'
import { DEFAULT_TOKEN_TTL_MS, issueToken, type TokenGrant } from './access-token.js'

/**
 * The two links a search result carries for one member (docs/spec.md §6.2). Rendering only
 * places them; `links/` reads them back, so the three forms here are the ones it accepts.
 */
export interface ProfileLinks {
  /** Where a client fetches the profile: `/v1/people/<member>:full`. */
  apiUrl: string
  /** The value of the `x-li-auth-token` header: `<type>:<token>`. */
  authHeader: string
  /** A page link carrying `authToken=<token>&authType=<type>`. */
  siteUrl: string
}

/** Whom a profile link is for: the viewer and the member, each with its incarnation (docs/spec.md §6.2). */
export type LinkGrant = Omit<TokenGrant, 'type'>

/** The header type of docs/spec.md §6.2: `name` inside the viewer's network, `OUT_OF_NETWORK` outside. */
export function authType(degree: Degree): AuthType {
  return DEGREE_BY_LETTER[degree].authType
}

/**
 * Both profile links for `grant.member` as seen by `grant.viewer` at `degree`, whose token (of
 * the degree's type) is valid for `DEFAULT_TOKEN_TTL_MS` from `now`, and never after `notAfter`:
 * links rendered for a profile fetched with a token pass that token's expiry, so following a link
 * never extends access (docs/spec.md §6.2).
 */
export function profileLinks(
  secret: Buffer,
  grant: LinkGrant,
  degree: Degree,
  now: number,
  notAfter: number = Number.POSITIVE_INFINITY,
): ProfileLinks {
  const type = authType(degree)
  const expiresAt = Math.min(Math.floor(now + DEFAULT_TOKEN_TTL_MS), notAfter)
  const { viewer, viewerIncarnation, member, memberIncarnation } = grant
  const token = issueToken(secret, { viewer, viewerIncarnation, member, memberIncarnation, type }, expiresAt)
  const id = encodeURIComponent(member)
  return {
    apiUrl: `/v1/people/${id}:full`,
    authHeader: `${type}:${token}`,
    siteUrl: `/profile/view?id=${id}&authToken=${token}&authType=${type}`,
  }
}
