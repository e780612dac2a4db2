import { fail } from '../errors.js'
import { canonicalSlug, isProfileSlug } from './slug.js'

/** The one form every public profile URL is normalised to (docs/spec.md §6.1). */
export const PROFILE_URL_PREFIX = 'https://www.linkedin.com/in/'

// `linkedin.com`, `www.`, `m.` (mobile) or a two-letter country subdomain (`uk.`, `de.`).
const HOST = /^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/
// After `/in/<slug>`: nothing, or one locale segment (`/de`, `/pt-br`, `/en_US`), each with an
// optional trailing slash.
const LOCALE = /^[a-z]{2}(?:[-_][a-z]{2})?$/i
const HTTP = /^https?:\/\//i
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:/i
// Longer input is not a profile URL, refused before any of it is parsed (as docs/spec.md §3.7 bounds a request).
const MAX_PROFILE_URL_LENGTH = 16_384

/**
 * The slug of a public profile URL as written (percent-decoded, NFC, case kept), or a 400
 * `invalid-profile-url` naming the input when it is not a public profile URL. Accepted: `http`,
 * `https` or no scheme; `linkedin.com` with or without `www.`, `m.` or a country subdomain;
 * `/in/<slug>` with an optional locale segment and trailing slash; any query or fragment.
 */
export function profileSlug(input: string): string {
  const slug = readSlug(input)
  if (slug === undefined) fail('invalid-profile-url', { url: input })
  return slug
}

/**
 * `https://www.linkedin.com/in/<slug>`: the slug lower-cased and percent-encoded (so
 * `/in/J%C3%B6rg`, `/in/jörg` and `de.linkedin.com/in/JÖRG/` are one URL). Anything that is not
 * a public profile URL is a 400 `invalid-profile-url` naming it.
 *
 * ```ts
 * normalizeProfileUrl('uk.linkedin.com/in/JohnRMarty/?trk=x') // → 'https://www.linkedin.com/in/johnrmarty'
 * ```
 */
export function normalizeProfileUrl(input: string): string {
  return profileUrlOfSlug(profileSlug(input))
}

/** The normalised URL of a slug (as `public_identifier` holds it). */
export function profileUrlOfSlug(slug: string): string {
  return PROFILE_URL_PREFIX + encodeURIComponent(canonicalSlug(slug))
}

/** The normalised URL, or `undefined` when `input` is not a public profile URL. */
export function tryNormalizeProfileUrl(input: unknown): string | undefined {
  const slug = readSlug(input)
  return slug === undefined ? undefined : profileUrlOfSlug(slug)
}

function readSlug(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_PROFILE_URL_LENGTH) return undefined
  const text = input.trim()
  if (text === '') return undefined
  let absolute: string
  if (HTTP.test(text)) absolute = text
  else if (text.startsWith('//')) absolute = `https:${text}`
  else if (OTHER_SCHEME.test(text) && !/^[^:/]+:\d/.test(text)) return undefined
  else absolute = `https://${text}`
  let url: URL
  try {
    url = new URL(absolute)
  } catch {
    return undefined
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') return undefined
  if (!HOST.test(url.hostname)) return undefined
  const segments = url.pathname.split('/')
  // ['', 'in', slug] plus an optional locale, plus an optional '' for a trailing slash.
  if (segments[0] !== '' || segments[1]?.toLowerCase() !== 'in') return undefined
  let rest = segments.slice(3)
  if (rest.length > 0 && rest[rest.length - 1] === '') rest = rest.slice(0, -1)
  if (rest.length > 1 || (rest.length === 1 && !LOCALE.test(rest[0]))) return undefined
  let slug: string
  try {
    slug = decodeURIComponent(segments[2] ?? '')
  } catch {
    return undefined
  }
  slug = slug.normalize('NFC')
  return isProfileSlug(slug) ? slug : undefined
}
