/** The path of the search route (docs/spec.md §9.1). */
const SEARCH_PATH = '/v1/people-search'

/**
 * The request target of a legacy search URL on the service: docs/spec.md §8 accepts
 * `[/][v1/]people-search[:(selector)]?…`, optionally after a scheme and host, while the route of
 * §9.1 is `/v1/people-search…`; the scheme and host are dropped and the path completed, and the
 * selector and query are kept exactly as given.
 */
export function searchTarget(url: string): string {
  const local = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  const rest = local.replace(/^\/?(v1\/)?people-search/, '')
  return rest === local ? local : `${SEARCH_PATH}${rest}`
}

/** A search's credentials for `viewer` (none without one), in a form of docs/spec.md §9.2. */
export function viewerCredentials(
  target: string,
  token: string | undefined,
): { target: string; headers: Record<string, string> } {
  if (token === undefined) return { target, headers: {} }
  // A Bearer header leaves the target as the kit asked it; a token that cannot be a header
  // value goes in the query instead.
  if (/^[\x21-\x7e]+$/.test(token)) return { target, headers: { authorization: `Bearer ${token}` } }
  const join = target.includes('?') ? '&' : '?'
  return { target: `${target}${join}oauth2_access_token=${encodeURIComponent(token)}`, headers: {} }
}
