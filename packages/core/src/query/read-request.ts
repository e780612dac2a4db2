import { fail } from '../errors.js'
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

/**
 * The decoded parameters and raw selector of a request. The request's type is what callers are
 * held to; at run time anything may arrive (JavaScript callers, parsed JSON), so the object form
 * is read as untyped data and every value is checked here.
 */
export function readRequest(request: SearchRequest): RawRequest {
  if (typeof request === 'string') return readUrl(request)
  if (isPlainObject(request)) return readObject(request)
  return fail('unreadable-request', { type: kindOf(request) })
}

function readUrl(url: string): RawRequest {
  const match = LEGACY_URL.exec(url)
  if (match === null) {
    return fail('invalid-request-path', { url })
  }
  const [, selector, query] = match
  const params = new URLSearchParams(query ?? '')
  if (selector === undefined) return { params }
  return { params, fields: selector.includes('%') ? percentDecode(selector, url) : selector }
}

function percentDecode(selector: string, url: string): string {
  try {
    return decodeURIComponent(selector)
  } catch {
    return fail('malformed-selector-encoding', { url })
  }
}

function readObject(request: UntypedSearchRequestObject): RawRequest {
  const params = new URLSearchParams()
  for (const name of PARAMETERS) {
    if (!Object.hasOwn(request, name)) continue
    for (const value of valuesOf(name, request[name])) params.append(name, value)
  }
  const fields = Object.hasOwn(request, 'fields') ? valuesOf('fields', request.fields)[0] : undefined
  if (fields === undefined) return { params }
  return { params, fields: fields.startsWith(':') ? fields.slice(1) : fields }
}

function valuesOf(name: string, value: unknown): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return [scalar(name, value)]
  return value.map((item) => scalar(name, item))
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
