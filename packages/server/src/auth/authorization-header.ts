/**
 * What an `Authorization` header offers (docs/spec.md §9.2): a Bearer token, the parameters of an
 * OAuth 1.0a signature (RFC 5849 §3.5.1), or nothing this service reads (`none`: no header, or a
 * scheme such as Basic that belongs to someone else, a proxy say). `invalid` is a Bearer or
 * OAuth header that cannot be read: its request is refused, never passed on to another form.
 */
export type AuthorizationOffer =
  | { readonly form: 'bearer'; readonly token: string }
  | { readonly form: 'oauth1'; readonly params: ReadonlyArray<readonly [name: string, value: string]> }
  | { readonly form: 'none' }
  | { readonly form: 'invalid' }

/**
 * The longest header read. Node refuses headers over 16 KiB in all; a genuine OAuth header is a
 * few hundred characters, so this only bounds the work a hostile one can cause.
 */
export const MAX_AUTHORIZATION_LENGTH = 8192
/** The most parameters an OAuth header may carry: RFC 5849 defines seven, extensions add a few. */
export const MAX_OAUTH_PARAMS = 32

const NONE = { form: 'none' } as const
const INVALID = { form: 'invalid' } as const
// RFC 9110 §5.6.2: the characters of a token (an auth-scheme, a parameter name or unquoted value).
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/
// A Bearer credential (RFC 6750 §2.1 b64token), read leniently as any visible ASCII: the token
// must still be one the service issued.
const BEARER_TOKEN = /^[\x21-\x7e]+$/
// Visible ASCII, space and tab: what a header this service reads may contain.
const HEADER_TEXT = /^[\t\x20-\x7e]*$/

/** Reads the `Authorization` header as Node gives it (a string, or absent). */
export function readAuthorization(header: string | readonly string[] | undefined): AuthorizationOffer {
  if (header === undefined) return NONE
  // Node keeps only the first of repeated Authorization headers; an array means the caller
  // merged several, and which one was meant cannot be known.
  if (typeof header !== 'string') return header.length === 1 ? readAuthorization(header[0]) : INVALID
  const text = header.trim()
  const space = text.search(/[ \t]/)
  const scheme = (space === -1 ? text : text.slice(0, space)).toLowerCase()
  if (scheme !== 'bearer' && scheme !== 'oauth') return NONE
  if (text.length > MAX_AUTHORIZATION_LENGTH || !HEADER_TEXT.test(text) || space === -1) return INVALID
  const rest = text.slice(space).trim()
  if (scheme === 'bearer') return BEARER_TOKEN.test(rest) ? { form: 'bearer', token: rest } : INVALID
  const params = readOAuthParams(rest)
  return params === undefined ? INVALID : { form: 'oauth1', params }
}

/**
 * The parameters of `OAuth k="v", …` (RFC 5849 §3.5.1 within the RFC 9110 §11.2 auth-param list),
 * names and values percent-decoded, in the order sent; `undefined` when the list is not well
 * formed: an unterminated quote, a missing `=`, a backslash, a parameter given twice, malformed
 * percent-encoding, or too many parameters. Clients percent-encode every value, so a quoted
 * value never needs a backslash escape; refusing them leaves no two readings of one header.
 * Unquoted (token) values, which RFC 9110 allows, are read too.
 */
export function readOAuthParams(text: string): Array<[string, string]> | undefined {
  const params: Array<[string, string]> = []
  const names = new Set<string>()
  let at = 0
  const skipSpace = () => {
    while (text[at] === ' ' || text[at] === '\t') at++
  }
  while (at < text.length) {
    skipSpace()
    if (text[at] === ',') {
      // RFC 9110 §5.6.1: empty list elements are allowed and ignored.
      at++
      continue
    }
    if (at >= text.length) break
    const nameStart = at
    while (at < text.length && TCHAR.test(text[at])) at++
    const rawName = text.slice(nameStart, at)
    skipSpace()
    if (rawName === '' || text[at] !== '=') return undefined
    at++
    skipSpace()
    let rawValue: string
    if (text[at] === '"') {
      const close = text.indexOf('"', at + 1)
      if (close === -1) return undefined
      rawValue = text.slice(at + 1, close)
      if (rawValue.includes('\\')) return undefined
      at = close + 1
    } else {
      const valueStart = at
      while (at < text.length && TCHAR.test(text[at])) at++
      rawValue = text.slice(valueStart, at)
      if (rawValue === '') return undefined
    }
    skipSpace()
    if (at < text.length && text[at] !== ',') return undefined
    const name = percentDecode(rawName)
    const value = percentDecode(rawValue)
    if (name === undefined || value === undefined || names.has(name)) return undefined
    names.add(name)
    params.push([name, value])
    if (params.length > MAX_OAUTH_PARAMS) return undefined
  }
  return params
}

/** RFC 5849 §3.5.1 values are percent-encoded (§3.6), not form-encoded: a `+` stays a `+`. */
function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}
