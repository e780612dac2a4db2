const UNRESERVED = /^[A-Za-z0-9\-._~]*$/
const HEX = '0123456789ABCDEF'
const UNRESERVED_OCTET = Array.from({ length: 256 }, (_, octet) =>
  UNRESERVED.test(String.fromCharCode(octet)),
)

/**
 * `text` percent-encoded as RFC 5849 §3.6 defines it for signature base strings and the OAuth
 * `Authorization` header: its UTF-8 octets, the RFC 3986 unreserved characters (ALPHA, DIGIT,
 * `-`, `.`, `_`, `~`) as they are and every other octet as `%XX` with upper-case hex. Unlike
 * `encodeURIComponent` it encodes `!*'()` and never throws: a lone surrogate, which no client can
 * sign anyway, becomes the UTF-8 of U+FFFD.
 */
export function oauthEncode(text: string): string {
  if (UNRESERVED.test(text)) return text
  let encoded = ''
  for (const octet of Buffer.from(text, 'utf8')) {
    encoded += UNRESERVED_OCTET[octet] ? String.fromCharCode(octet) : `%${HEX[octet >> 4]}${HEX[octet & 15]}`
  }
  return encoded
}
