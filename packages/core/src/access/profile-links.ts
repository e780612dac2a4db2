import { type AuthType, DEGREE_BY_LETTER, type Degree } from '../domain/degree.js'
import { DEFAULT_TOKEN_TTL_MS, issueToken } from './access-token.js'

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

/** The header type of docs/spec.md §6.2: `name` inside the viewer's network, `OUT_OF_NETWORK` outside. */
export function authType(degree: Degree): AuthType {
  return DEGREE_BY_LETTER[degree].authType
}

/** Both profile links for `member` as seen by `viewer`, with a token valid for `ttlMs` from `now`. */
export function profileLinks(
  secret: Buffer,
  viewer: string,
  member: string,
  degree: Degree,
  now: number,
  ttlMs: number = DEFAULT_TOKEN_TTL_MS,
): ProfileLinks {
  const token = issueToken(secret, viewer, member, Math.floor(now + ttlMs))
  const type = authType(degree)
  const id = encodeURIComponent(member)
  return {
    apiUrl: `/v1/people/${id}:full`,
    authHeader: `${type}:${token}`,
    siteUrl: `/profile/view?id=${id}&authToken=${token}&authType=${type}`,
  }
}
