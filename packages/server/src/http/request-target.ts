/** The request target of docs/spec.md §9.1 as sent: the raw path, and the raw query after `?`. */
export interface RequestTarget {
  /** The path exactly as sent, percent-encoding and all (`/v1/people/url=https%3A%2F%2F…`). */
  path: string
  /** What follows the first `?`, undecoded; `''` without one. */
  query: string
  /** The query read as `URLSearchParams` reads it (`+` and `%20` are spaces, docs/spec.md §9.3). */
  params: URLSearchParams
}

/**
 * Splits a raw request target. The route is matched on this, never on a decoded URL, so `~`,
 * `:(…)` and a percent-encoded `url=` survive as the client sent them. A fragment is not part
 * of a request target (RFC 9112 §3.2), so `#` is ordinary text here.
 */
export function readRequestTarget(raw: string): RequestTarget {
  const mark = raw.indexOf('?')
  const path = mark === -1 ? raw : raw.slice(0, mark)
  const query = mark === -1 ? '' : raw.slice(mark + 1)
  return { path, query, params: new URLSearchParams(query) }
}
