import { fail } from '@people-search/core'
import type { AuthRequest, Caller } from './auth-request.js'
import { readAuthorization } from './authorization-header.js'
import type { Credentials } from './credentials.js'
import { DEFAULT_NONCE_CAPACITY, NonceStore } from './nonce-store.js'
import { OAuth1Verifier } from './oauth1-verifier.js'

export type { AuthRequest, Caller } from './auth-request.js'

export interface AuthenticatorOptions {
  /** How many OAuth 1.0a nonces are remembered at most (see `NonceStore`); 100,000 unless given. */
  nonceCapacity?: number
  /**
   * In test mode, the prefix of the test world's viewer tokens, read at each call: an access
   * token `<prefix><id>` is made by member `<id>` (packages/server/README.md, Test mode).
   */
  viewerTokens?: () => string | undefined
}

/** The query parameter of OAuth 2 style access tokens (docs/spec.md §9.2, §9.3). */
const QUERY_TOKEN = 'oauth2_access_token'

/**
 * Finds the member a `/v1` request is made by (docs/spec.md §9.2), from one of three forms:
 * `Authorization: Bearer <token>`, `Authorization: OAuth …` (RFC 5849 HMAC-SHA1, see
 * `OAuth1Verifier`) or the query parameter `oauth2_access_token`.
 *
 * When a request carries more than one, the `Authorization` header wins and the query token is
 * not looked at: the header is the form RFC 6750 §2 prefers, and an OAuth 1.0a signature covers
 * the query, `oauth2_access_token` included, as a parameter like any other. A header that fails
 * refuses the request; it never falls back to the query, so one request has one credential, the
 * one its throttles count. An `Authorization` header of another scheme (Basic, Digest: a
 * proxy's, say) is not this service's and is ignored.
 */
export class Authenticator {
  private readonly oauth1: OAuth1Verifier
  private readonly viewerTokens: () => string | undefined

  constructor(
    private readonly credentials: Credentials,
    now: () => number /* ms */,
    options: AuthenticatorOptions = {},
  ) {
    this.viewerTokens = options.viewerTokens ?? (() => undefined)
    const nonces = new NonceStore(
      credentials.timestampWindowSeconds,
      options.nonceCapacity ?? DEFAULT_NONCE_CAPACITY,
    )
    this.oauth1 = new OAuth1Verifier(credentials, now, nonces)
  }

  /** The member a request is made by; throws PeopleSearchError 'invalid-access-token' (401) for none or bad credentials. */
  authenticate(request: AuthRequest): Caller {
    const offer = readAuthorization(request.headers.authorization)
    switch (offer.form) {
      case 'bearer':
        return this.byAccessToken(offer.token, 'bearer')
      case 'oauth1':
        return this.oauth1.verify(request, offer.params)
      case 'invalid':
        return fail('invalid-access-token')
      case 'none': {
        const token = queryToken(request.rawTarget)
        return token === undefined ? fail('invalid-access-token') : this.byAccessToken(token, 'query')
      }
    }
  }

  private byAccessToken(token: string, form: 'query' | 'bearer'): Caller {
    const prefix = this.viewerTokens()
    const member =
      prefix !== undefined && token.length > prefix.length && token.startsWith(prefix)
        ? token.slice(prefix.length)
        : this.credentials.accessTokens.get(token)
    return member === undefined ? fail('invalid-access-token') : { member, token, form }
  }
}

/**
 * The `oauth2_access_token` of a raw target, read as `URLSearchParams` reads it (as the routes
 * read the query, docs/spec.md §9.3); `undefined` without one. Sent twice with two values, it is
 * refused rather than one of them picked: a request has one credential.
 */
function queryToken(rawTarget: string): string | undefined {
  const mark = rawTarget.indexOf('?')
  if (mark === -1) return undefined
  const values = new URLSearchParams(rawTarget.slice(mark + 1)).getAll(QUERY_TOKEN)
  if (values.length === 0) return undefined
  return values.every((value) => value === values[0]) ? values[0] : fail('invalid-access-token')
}
