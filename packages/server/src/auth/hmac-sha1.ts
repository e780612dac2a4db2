import { createHmac, timingSafeEqual } from 'node:crypto'
import { oauthEncode } from './percent-encoding.js'

/**
 * The HMAC-SHA1 signature of RFC 5849 §3.4.2, base64: keyed with both shared secrets encoded
 * (§3.6) and joined by `&`, which stays even when a secret is empty.
 */
export function hmacSha1(consumerSecret: string, tokenSecret: string, baseString: string): string {
  return createHmac('sha1', `${oauthEncode(consumerSecret)}&${oauthEncode(tokenSecret)}`)
    .update(baseString)
    .digest('base64')
}

/**
 * Whether a received signature is the computed one, in time that does not depend on where they
 * differ. The base64 texts are compared, not the octets they decode to: Node's base64 decoder
 * skips characters it does not know, so decoding first would accept altered signatures.
 */
export function sameSignature(received: string, computed: string): boolean {
  const a = Buffer.from(received, 'utf8')
  const b = Buffer.from(computed, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
