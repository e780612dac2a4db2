/**
 * The base string URI of RFC 5849 §3.4.1.2: the scheme and host in lower case, the port only
 * when it is not the scheme's default, then the path exactly as the client sent it. The path is
 * never decoded or re-encoded: every client read for docs/decisions.md signs the path it puts on
 * the request line (node-oauth and linkedin-node take both from one `url.parse`), so the raw
 * path is the one string client and service agree on, and `:(…)`, `,`, `~` and `%2F` stay as sent.
 */

/** A raw request target, split where a signature reads it. */
export interface SignedTarget {
  /** `scheme://host[:port]` of an absolute-form target (RFC 9112 §3.2.2), which overrides `Host`. */
  origin?: string
  /** The path as sent; `/` when an absolute-form target has none. */
  path: string
  /** What follows the first `?`, undecoded. */
  query: string
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 }
// RFC 3986 §3.2.2-3: an IP literal in brackets, or a reg-name / IPv4 address; then an optional port.
const AUTHORITY = /^(\[[0-9A-Za-z:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::([0-9]{0,5}))?$/
const ABSOLUTE_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(.*)$/s

/** `scheme://host[:port]` normalized as RFC 5849 §3.4.1.2 asks; `undefined` if it cannot be read. */
export function normalizeOrigin(scheme: string, authority: string): string | undefined {
  const lowerScheme = scheme.toLowerCase()
  const defaultPort = DEFAULT_PORTS[lowerScheme]
  const match = AUTHORITY.exec(authority)
  if (defaultPort === undefined || match === null) return undefined
  const host = match[1].toLowerCase()
  // RFC 3986 §3.2.3: an empty port is the default one.
  const port = match[2] ? Number(match[2]) : defaultPort
  if (port > 65535) return undefined
  return port === defaultPort ? `${lowerScheme}://${host}` : `${lowerScheme}://${host}:${port}`
}

/** A configured canonical authority (`http://api.linkedin.com`), normalized; `undefined` if unreadable. */
export function readCanonicalAuthority(text: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)\/?$/.exec(text)
  return match === null ? undefined : normalizeOrigin(match[1], match[2])
}

/** The path and query of `raw`; `undefined` for a target that names no path (`*`, `host:port`). */
export function splitTarget(raw: string): SignedTarget | undefined {
  const mark = raw.indexOf('?')
  const path = mark === -1 ? raw : raw.slice(0, mark)
  const query = mark === -1 ? '' : raw.slice(mark + 1)
  if (path.startsWith('/')) return { path, query }
  const absolute = ABSOLUTE_FORM.exec(path)
  const origin = absolute === null ? undefined : normalizeOrigin(absolute[1], absolute[2])
  if (absolute === null || origin === undefined) return undefined
  return { origin, path: absolute[3] === '' ? '/' : absolute[3], query }
}

/**
 * Every base string URI a signature of this request may have been made over: the request's own
 * (its absolute-form origin, or its scheme and `Host` header) and the configured canonical
 * authority (docs/spec.md §9.2), without repeats.
 */
export function baseStringUris(
  target: SignedTarget,
  scheme: string,
  host: string | string[] | undefined,
  canonicalOrigin: string | undefined,
): string[] {
  const own = target.origin ?? (typeof host === 'string' ? normalizeOrigin(scheme, host.trim()) : undefined)
  const origins = new Set<string>()
  if (own !== undefined) origins.add(own)
  if (canonicalOrigin !== undefined) origins.add(canonicalOrigin)
  return Array.from(origins, (origin) => origin + target.path)
}
