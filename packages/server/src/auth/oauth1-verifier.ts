import { fail } from '@people-search/core'
import type { AuthRequest, Caller } from './auth-request.js'
import { baseStringUris, readCanonicalAuthority, splitTarget } from './base-string-uri.js'
import type { Credentials } from './credentials.js'
import { hmacSha1, sameSignature } from './hmac-sha1.js'
import type { NonceStore } from './nonce-store.js'
import { bracketRepeatedNames, formParams, isFormEncoded } from './request-parameters.js'
import { normalizeParameters, type Param, signatureBaseString } from './signature-base-string.js'

/** The protocol parameters of RFC 5849 §3.1: each must come once, and only in the header. */
const PROTOCOL_PARAMS = new Set([
  'oauth_consumer_key',
  'oauth_token',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_signature',
  'oauth_version',
])
/** A nonce longer than this is no client's: it only costs memory in the nonce store. */
const MAX_NONCE_LENGTH = 256
// RFC 5849 §3.3: a positive integer, in seconds; fifteen digits keep it exact as a number.
const TIMESTAMP = /^[0-9]{1,15}$/

/**
 * Verifies requests signed as `Authorization: OAuth …` with HMAC-SHA1 (RFC 5849 §3.2,
 * docs/spec.md §9.2). A request is accepted when it names a known consumer and one of its
 * tokens, has a timestamp within the window of the clock and a nonce not seen in that window,
 * and its signature is the HMAC of one of the base strings it may have been signed over:
 *
 * - the base string URI of the request's own scheme and `Host`, or of the configured canonical
 *   authority (a client such as linkedin-node signs against `http://api.linkedin.com` while
 *   connecting elsewhere);
 * - the parameters of RFC 5849 §3.4.1.3, or, when a query name repeats, those names numbered as
 *   node-oauth 0.9 signs them (`facet[0]`, `facet[1]`, see `bracketRepeatedNames`).
 *
 * Anything else — a missing or repeated protocol parameter, another signature method or version,
 * protocol parameters also in the query or body — is refused with 401 `invalid-access-token`.
 */
export class OAuth1Verifier {
  private readonly canonicalOrigin: string | undefined

  constructor(
    private readonly credentials: Credentials,
    private readonly now: () => number,
    private readonly nonces: NonceStore,
  ) {
    const canonical = credentials.canonicalAuthority
    this.canonicalOrigin = canonical === undefined ? undefined : readCanonicalAuthority(canonical)
    if (canonical !== undefined && this.canonicalOrigin === undefined) {
      fail('invalid-argument', {
        argument: 'canonicalAuthority',
        value: canonical,
        expected: 'scheme://host[:port]',
      })
    }
  }

  /** The caller of `request`, whose `Authorization` header carried `headerParams` (decoded, in order). */
  verify(request: AuthRequest, headerParams: readonly Param[]): Caller {
    const protocol = new Map<string, string>()
    const signed: Param[] = []
    for (const [name, value] of headerParams) {
      if (PROTOCOL_PARAMS.has(name)) protocol.set(name, value)
      // RFC 5849 §3.4.1.3.1: every header parameter is signed but `realm` and the signature.
      if (name !== 'realm' && name !== 'oauth_signature') signed.push([name, value])
    }
    const consumerKey = protocol.get('oauth_consumer_key')
    const token = protocol.get('oauth_token')
    const signature = protocol.get('oauth_signature')
    const nonce = protocol.get('oauth_nonce')
    const timestamp = this.timestampOf(protocol.get('oauth_timestamp'))
    const version = protocol.get('oauth_version')
    if (
      consumerKey === undefined ||
      token === undefined ||
      !signature ||
      !nonce ||
      nonce.length > MAX_NONCE_LENGTH ||
      timestamp === undefined ||
      protocol.get('oauth_signature_method') !== 'HMAC-SHA1' ||
      (version !== undefined && version !== '1.0')
    ) {
      fail('invalid-access-token')
    }
    const consumer = this.credentials.consumers.get(consumerKey)
    const grant = consumer?.tokens.get(token)
    const target = splitTarget(request.rawTarget)
    if (consumer === undefined || grant === undefined || target === undefined) fail('invalid-access-token')

    const query = formParams(target.query)
    const body =
      request.body !== undefined && isFormEncoded(request.body.contentType)
        ? formParams(request.body.text)
        : []
    // RFC 5849 §3.5: protocol parameters travel in one place only; a second copy elsewhere
    // would be signed, but which one the request means could not be told.
    if ([...query, ...body].some(([name]) => PROTOCOL_PARAMS.has(name))) fail('invalid-access-token')

    const readings = [normalizeParameters([...query, ...body, ...signed])]
    const bracketed = bracketRepeatedNames(query)
    if (bracketed !== undefined) readings.push(normalizeParameters([...bracketed, ...body, ...signed]))
    const uris = baseStringUris(target, request.scheme, request.headers.host, this.canonicalOrigin)
    const verified = uris.some((uri) =>
      readings.some((params) =>
        sameSignature(
          signature,
          hmacSha1(consumer.secret, grant.secret, signatureBaseString(request.method, uri, params)),
        ),
      ),
    )
    // The nonce is remembered only once the signature verified: a forged request cannot use up
    // the nonce of a genuine one still on its way, nor fill the store.
    if (!verified || !this.nonces.remember([consumerKey, token], nonce, timestamp, this.now())) {
      fail('invalid-access-token')
    }
    return { member: grant.member, token, form: 'oauth1' }
  }

  /** The timestamp in seconds if it is an integer within the window of the clock (RFC 5849 §3.3). */
  private timestampOf(text: string | undefined): number | undefined {
    if (text === undefined || !TIMESTAMP.test(text)) return undefined
    const seconds = Number(text)
    const skewMs = Math.abs(seconds * 1000 - this.now())
    return skewMs <= this.credentials.timestampWindowSeconds * 1000 ? seconds : undefined
  }
}
