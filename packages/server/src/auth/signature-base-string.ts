import { oauthEncode } from './percent-encoding.js'

/** One request parameter, decoded: a name and its value (`''` for none). */
export type Param = readonly [name: string, value: string]

/**
 * The request parameters normalized as RFC 5849 §3.4.1.3.2 asks: each name and value encoded
 * (§3.6), sorted by name and then by value in byte order, joined as `name=value` with `&`. The
 * encoded text is ASCII, so comparing JavaScript strings compares bytes.
 */
export function normalizeParameters(params: Iterable<Param>): string {
  const encoded = Array.from(params, ([name, value]) => [oauthEncode(name), oauthEncode(value)] as const)
  encoded.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
  return encoded.map(([name, value]) => `${name}=${value}`).join('&')
}

/** The signature base string of RFC 5849 §3.4.1.1: method, base string URI and parameters, each encoded. */
export function signatureBaseString(method: string, baseStringUri: string, normalizedParams: string): string {
  return `${oauthEncode(method.toUpperCase())}&${oauthEncode(baseStringUri)}&${oauthEncode(normalizedParams)}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
