import { fail, isPeopleSearchError } from '../errors.js'
import { isPlainObject } from '../model/validate-fields.js'
import type { SearchParameter, SearchRequest, UntypedSearchRequestObject } from './search-query.js'

/** A request reduced to what every parser reads: decoded parameters and the raw selector. */
export interface RawRequest {
  params: URLSearchParams
  fields?: string
}

/**
 * The parameter names the parser reads; any other key of the object form is ignored. Every one
 * is a key of `SearchRequestObject` (checked here) and every key but `fields` is one of them
 * (checked by packages/core/test/typed-api.test-d.ts).
 */
export const PARAMETERS = [
  'keywords',
  'first-name',
  'last-name',
  'company-name',
  'current-company',
  'title',
  'current-title',
  'school-name',
  'current-school',
  'country-code',
  'postal-code',
  'distance',
  'facet',
  'facets',
  'sort',
  'start',
  'count',
] as const satisfies readonly SearchParameter[]

// The host must be followed by `/`, otherwise `https://hostpeople-search` would backtrack into
// a match. A fragment is dropped as a URL would drop it.
const LEGACY_URL =
  /^(?:[A-Za-z][A-Za-z\d+.-]*:\/\/[^/?#]+(?=\/))?\/?(?:v1\/)?people-search(?::([^?#]*))?(?:\?([^#]*))?(?:#.*)?$/s

/** docs/spec.md §3.7: the longest request, in characters of its path and query as given. */
export const MAX_REQUEST_LENGTH = 16_384

// What may precede the path: a scheme and a host (which DNS bounds at 253 characters).
const ORIGIN = /^[A-Za-z][A-Za-z\d+.-]*:\/\/[^/?#]+(?=\/)/
const MAX_ORIGIN_LENGTH = 512

/**
 * The decoded parameters and raw selector of a request. The request's type is what callers are
 * held to; at run time anything may arrive (JavaScript callers, parsed JSON, a Proxy), so the
 * object form is read as untyped data and every value is checked here. The length limit of
 * docs/spec.md §3.7 is judged first, before anything is split or decoded, so that no request
 * costs more than reading 16,384 characters.
 */
export function readRequest(request: SearchRequest): RawRequest {
  if (typeof request === 'string') return readUrl(request)
  let type: string
  try {
    if (isPlainObject(request)) return readObject(request)
    type = kindOf(request)
  } catch (error) {
    // A getter, a Proxy trap or a revoked Proxy threw while the object was read.
    if (isPeopleSearchError(error)) throw error
    return fail('unreadable-argument', { argument: 'people-search request', cause: error })
  }
  return fail('unreadable-request', { type })
}

function readUrl(given: string): RawRequest {
  const url = withinLimit(given)
  const match = LEGACY_URL.exec(url)
  if (match === null) {
    return fail('invalid-request-path', { url })
  }
  const [, selector, query] = match
  const params = new URLSearchParams(query ?? '')
  if (selector === undefined) return { params }
  return { params, fields: selector.includes('%') ? percentDecode(selector, url) : selector }
}

/**
 * `url`, or a 400 when its path and query (what follows a scheme and host, up to a fragment) are
 * over `MAX_REQUEST_LENGTH`, found without reading more than that many characters of it. A long
 * fragment is cut off here, as a URL would drop it, so that nothing reads it afterwards.
 */
function withinLimit(url: string): string {
  if (url.length <= MAX_REQUEST_LENGTH) return url
  const origin = ORIGIN.exec(url.slice(0, MAX_ORIGIN_LENGTH))
  const from = origin === null ? 0 : origin[0].length
  if (url.length - from <= MAX_REQUEST_LENGTH) return url
  // The query ends at the first `#`: short enough when one lies within the limit.
  if (url.lastIndexOf('#', from + MAX_REQUEST_LENGTH) < from)
    fail('request-too-long', { max: MAX_REQUEST_LENGTH })
  return url.slice(0, url.indexOf('#'))
}

function percentDecode(selector: string, url: string): string {
  try {
    return decodeURIComponent(selector)
  } catch {
    return fail('malformed-selector-encoding', { url })
  }
}

/**
 * The object form, each property read once. It is held to the limit of the URL it stands for:
 * its query (`name=value` joined by `&`, unencoded) and its selector are at most
 * `MAX_REQUEST_LENGTH` characters together, counted as they are read, so that a huge array or
 * string is refused after reading at most that many characters' worth of it.
 */
function readObject(request: UntypedSearchRequestObject): RawRequest {
  const params = new URLSearchParams()
  const length = { total: 0, values: 0 }
  for (const name of PARAMETERS) {
    if (!Object.hasOwn(request, name)) continue
    for (const value of valuesOf(name, request[name], length)) params.append(name, value)
  }
  const fields = Object.hasOwn(request, 'fields') ? valuesOf('fields', request.fields, length)[0] : undefined
  if (fields === undefined) return { params }
  return { params, fields: fields.startsWith(':') ? fields.slice(1) : fields }
}

/** What the object form has added up so far: characters, and values of the query. */
interface Length {
  total: number
  values: number
}

/** The values of one parameter, each added to `length` as `name=value` after a `&` (the selector as it is). */
function valuesOf(name: string, value: unknown, length: Length): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return [counted(name, scalar(name, value), length)]
  const size = value.length
  const values: string[] = []
  // Each value adds at least `name=`, so the limit ends the loop whatever length the array claims.
  for (let i = 0; i < size; i++) values.push(counted(name, scalar(name, value[i]), length))
  return values
}

function counted(name: string, value: string, length: Length): string {
  if (name === 'fields') length.total += value.length
  else length.total += (length.values++ === 0 ? 0 : 1) + name.length + 1 + value.length
  if (length.total > MAX_REQUEST_LENGTH) fail('request-too-long', { max: MAX_REQUEST_LENGTH })
  return value
}

function scalar(name: string, value: unknown): string {
  const type = typeof value
  if (type === 'string' || type === 'number' || type === 'boolean') return String(value)
  return fail('unreadable-parameter-value', { parameter: name, type: kindOf(value) })
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}
