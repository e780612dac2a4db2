/** What stands for a profile-link token in compared documents. */
export const TOKEN_PLACEHOLDER = '<token>'

/** The one header whose value carries a token (docs/spec.md §6.2: `x-li-auth-token: <type>:<token>`). */
const TOKEN_HEADER = 'x-li-auth-token'

/**
 * A copy of a plain JSON document in which every profile-link token (docs/spec.md §6.2) is
 * {@link TOKEN_PLACEHOLDER}: the `authToken` query parameter of a `url`, and the token part of an
 * `x-li-auth-token` header value. A token is a MAC under the implementation's own secret, so its
 * bytes are not comparable; where it sits and the link type next to it (`authType`, `name:` /
 * `OUT_OF_NETWORK:`) are, and stay.
 */
export function redactLinks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactLinks)
  if (typeof value !== 'object' || value === null) return value
  const source = value as Record<string, unknown>
  const header = source.name === TOKEN_HEADER
  const copy: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(source)) {
    if (key === 'url' && typeof inner === 'string') copy[key] = redactUrl(inner)
    else if (header && key === 'value' && typeof inner === 'string') copy[key] = redactHeader(inner)
    else copy[key] = redactLinks(inner)
  }
  return copy
}

function redactUrl(url: string): string {
  return url.replace(/([?&]authToken=)[^&#]*/g, `$1${TOKEN_PLACEHOLDER}`)
}

function redactHeader(value: string): string {
  const colon = value.indexOf(':')
  return colon < 0 ? TOKEN_PLACEHOLDER : `${value.slice(0, colon + 1)}${TOKEN_PLACEHOLDER}`
}
