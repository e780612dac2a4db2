/**
 * docs/spec.md §3.1, §3.5, §3.7, §4 and §8, read literally: how a people-search request (a legacy
 * URL or the object form) becomes an `OracleQuery`, and every way it is refused. Written apart
 * from core's parser on purpose: a parameter the index misreads (a flag inverted, a limit off by
 * one) is then read differently here, and the properties see it.
 *
 * The order of the checks is part of the contract, so that a request with several faults gets the
 * same refusal from every implementation: reading the request (its length, its path, its values),
 * then the field selector, then the parameters in the order of the table of docs/spec.md §3.1
 * (§8: "viewer (401), selector (400), parameters (400)"; the viewer is the caller's to check).
 */
import {
  type FacetCode,
  fail,
  isPeopleSearchError,
  type SearchRequest,
  type SortOrder,
} from '@people-search/core'
import countries from 'i18n-iso-countries'
import {
  FACET_CODES,
  type FacetFilter,
  type ItemCriterion,
  type OracleQuery,
  type PostalCriterion,
  SORT_ORDERS,
} from './query.js'
import { tokens } from './text.js'

/** docs/spec.md §3.7: the longest request, path and query as given. */
const MAX_REQUEST_CHARACTERS = 16_384
/** docs/spec.md §3.7: the longest text parameter, and its most tokens. */
const MAX_TEXT_CHARACTERS = 1000
const MAX_TEXT_TOKENS = 32
/** docs/spec.md §3.7: the most `facet` parameters, and the most values in one. */
const MAX_FACET_PARAMETERS = 20
const MAX_FACET_VALUES = 100
/** docs/spec.md §3.5: the largest page. */
const MAX_COUNT = 25
/** The longest company or school id a facet value can be (docs/decisions.md, "facet values"). */
const MAX_ENTITY_ID_CHARACTERS = 1000

/**
 * docs/spec.md §3.1, §8: the request as the oracle answers it. `checkFields` is handed the
 * request's field selector text (undefined when there is none) after the request is read and
 * before any parameter is judged, and refuses it by throwing. Refusals are core's catalogued
 * errors (`fail`), so that their `status`, `kind` and `code` compare with any implementation's.
 */
export function parseRequest(
  request: SearchRequest,
  checkFields: (fields: string | undefined) => void,
): OracleQuery {
  const { params, fields } = readRequest(request)
  checkFields(fields)

  // §8: a repeated parameter other than `facet` counts once, its first occurrence.
  const first = (name: string): string | undefined => params.get(name) ?? undefined

  const keywords = textTokens('keywords', first('keywords'))
  const firstName = nameTokens('first-name', first('first-name'))
  const lastName = nameTokens('last-name', first('last-name'))
  const companyName = itemCriterion(
    'company-name',
    first('company-name'),
    'current-company',
    first('current-company'),
  )
  const title = itemCriterion('title', first('title'), 'current-title', first('current-title'))
  const schoolName = itemCriterion(
    'school-name',
    first('school-name'),
    'current-school',
    first('current-school'),
  )
  const countryCode = country(first('country-code'))
  const postal = postalCriterion(first('postal-code'), first('distance'), countryCode)
  const facetFilters = facetFiltersOf(params.getAll('facet'))
  const facets = facetList(first('facets'))
  const sort = sortOrder(first('sort'))
  const start = integer('start', first('start'), 0, Number.MAX_SAFE_INTEGER)
  const count = integer('count', first('count'), 10, MAX_COUNT)

  const query: OracleQuery = { keywords, facetFilters, facets, sort, start, count }
  if (firstName !== undefined) query.firstName = firstName
  if (lastName !== undefined) query.lastName = lastName
  if (companyName !== undefined) query.companyName = companyName
  if (title !== undefined) query.title = title
  if (schoolName !== undefined) query.schoolName = schoolName
  if (countryCode !== undefined) query.countryCode = countryCode
  if (postal !== undefined) query.postal = postal
  if (fields !== undefined) query.fields = fields
  return query
}

// ---- Reading a request: docs/spec.md §3.7 (length), §5.1 and §8 (the two forms) ----

/** A request once read: its decoded query parameters and its field selector text. */
interface ReadRequest {
  params: URLSearchParams
  fields?: string
}

function readRequest(request: SearchRequest): ReadRequest {
  return typeof request === 'string' ? readUrl(request) : readObject(request)
}

/** §8: an optional `scheme://host`, which ends where the path begins. */
const ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]+(?=\/)/
/** §8: `[/][v1/]people-search[:(selector)][?query]` (the fragment already cut off). */
const PEOPLE_SEARCH_PATH = /^\/?(?:v1\/)?people-search(?::([^?]*))?(?:\?(.*))?$/s
/**
 * The project's reading of "path and query as given" (docs/decisions.md "Request length"): a
 * scheme and host count as such only when they end within the first 512 characters (DNS bounds a
 * host at 253); anything longer that looks like one is counted as part of the request.
 */
const ORIGIN_WINDOW = 512

function readUrl(url: string): ReadRequest {
  // A fragment is not sent with a request (docs/decisions.md "Request parsing").
  const hash = url.indexOf('#')
  const target = hash === -1 ? url : url.slice(0, hash)

  const counted = target.length - (ORIGIN.exec(target.slice(0, ORIGIN_WINDOW))?.[0].length ?? 0)
  if (counted > MAX_REQUEST_CHARACTERS) fail('request-too-long', { max: MAX_REQUEST_CHARACTERS })

  // The path is read after the scheme and host when there are some, else from the first character
  // (so `people-search:…` is a path whose selector may look like a scheme's `//host`).
  const origin = ORIGIN.exec(target)?.[0] ?? ''
  const match = PEOPLE_SEARCH_PATH.exec(target.slice(origin.length)) ?? PEOPLE_SEARCH_PATH.exec(target)
  if (match === null) return fail('invalid-request-path', { url })
  const [, selector, query] = match
  const params = new URLSearchParams(query ?? '')
  if (selector === undefined) return { params }
  // §5.1: the selector may arrive percent-encoded, like the query's values.
  try {
    return { params, fields: decodeURIComponent(selector) }
  } catch {
    return fail('malformed-selector-encoding', { url })
  }
}

/** The parameters of docs/spec.md §3.1 in the order of its table, the order the object form is read in. */
const PARAMETERS = [
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
] as const

/**
 * §8, the object form: one key per parameter, an array repeating it, `fields` holding the selector
 * (with or without its leading `:`); other keys are ignored (§3.7). Anything may arrive at run
 * time, so the object is read as untyped data, each key once; a value that throws while read (a
 * getter, a Proxy) is refused, never let through (§3.7: no raw errors, whatever the caller passes).
 */
function readObject(request: unknown): ReadRequest {
  try {
    if (!isPlainObject(request)) return fail('unreadable-request', { type: typeName(request) })
    const length = new QueryLength()
    const params = new URLSearchParams()
    for (const name of PARAMETERS) {
      if (!Object.hasOwn(request, name)) continue
      for (const value of valuesOf(name, request[name], length)) params.append(name, value)
    }
    if (!Object.hasOwn(request, 'fields')) return { params }
    const [fields] = valuesOf('fields', request.fields, length)
    if (fields === undefined) return { params }
    return { params, fields: fields.startsWith(':') ? fields.slice(1) : fields }
  } catch (error) {
    if (isPeopleSearchError(error)) throw error
    return fail('unreadable-argument', { argument: 'people-search request', cause: error })
  }
}

/** A literal or parsed-JSON object, possibly of another realm: its prototype is an `Object.prototype` or null. */
function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null
}

/**
 * §3.7 holds the object form to the length of the URL it stands for: its query (`name=value`
 * pairs joined by `&`, unencoded) plus its selector (docs/decisions.md "Request length"). Counted
 * value by value as they are read, so a huge array is refused without being read to its end.
 */
class QueryLength {
  private characters = 0
  private pairs = 0

  add(name: string, value: string): void {
    if (name === 'fields') this.characters += value.length
    else this.characters += (this.pairs++ === 0 ? 0 : '&'.length) + `${name}=`.length + value.length
    if (this.characters > MAX_REQUEST_CHARACTERS) fail('request-too-long', { max: MAX_REQUEST_CHARACTERS })
  }
}

/** A key's values: none for `undefined`, one per element of an array; each a string, number or boolean. */
function valuesOf(name: string, value: unknown, length: QueryLength): string[] {
  if (value === undefined) return []
  const given = Array.isArray(value) ? value : [value]
  const values: string[] = []
  const size = given.length
  for (let i = 0; i < size; i++) {
    const item: unknown = given[i]
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
      fail('unreadable-parameter-value', { parameter: name, type: typeName(item) })
    }
    const text = String(item)
    length.add(name, text)
    values.push(text)
  }
  return values
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

// ---- Text parameters: docs/spec.md §3.1, §3.7, §8 ----

/** The tokens of a text parameter within the limits of §3.7 (characters are UTF-16 code units, §8). */
function textTokens(parameter: string, value: string | undefined): string[] {
  if (value === undefined) return []
  if (value.length > MAX_TEXT_CHARACTERS)
    fail('text-too-long', { parameter, value, max: MAX_TEXT_CHARACTERS })
  const words = tokens(value)
  if (words.length > MAX_TEXT_TOKENS) fail('too-many-words', { parameter, value, max: MAX_TEXT_TOKENS })
  return words
}

/** §8: a name without tokens is as if absent (and so does not count towards "both names"). */
function nameTokens(parameter: string, value: string | undefined): string[] | undefined {
  const words = textTokens(parameter, value)
  return words.length > 0 ? words : undefined
}

/** §8: `true` / `false` in any case. */
const FLAG = /^(?:true|false)$/i

/**
 * `company-name` + `current-company` and its siblings (§3.1). A flag needs its companion with
 * tokens (§8: beside a value without tokens it is a 400); a bad flag is reported before a missing
 * companion, since it is wrong whatever the companion.
 */
function itemCriterion(
  textName: string,
  text: string | undefined,
  flagName: string,
  flag: string | undefined,
): ItemCriterion | undefined {
  const words = nameTokens(textName, text)
  if (flag === undefined) return words === undefined ? undefined : { tokens: words }
  if (!FLAG.test(flag)) fail('invalid-flag', { parameter: flagName, value: flag })
  if (words === undefined)
    return fail('missing-companion', { parameter: flagName, value: flag, companion: textName })
  return { tokens: words, current: flag.toLowerCase() === 'true' }
}

// ---- Place: docs/spec.md §3.1, §8 ----

/**
 * §3.1: a lower-case ISO 3166-1 alpha-2 code (the one case-sensitive value). §8: `country-code=`
 * with an empty value is as if absent.
 */
function country(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^[a-z]{2}$/.test(value) || !countries.isValid(value.toUpperCase())) {
    fail('invalid-country-code', { parameter: 'country-code', value })
  }
  return value
}

/** §8: a decimal number ≥ 0, `.5` and `5.` included; no sign, exponent or spaces. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/

/**
 * `postal-code` + `distance` (§3.1): the postal code needs `country-code`, `distance` needs the
 * postal code; without `distance` the radius is 0. §8: `postal-code=` with an empty value (the
 * project reads it trimmed) is as if absent. Whether the geocoder knows the place is judged by the
 * search, not here (criteria.ts `resolvePostal`).
 */
function postalCriterion(
  postalCode: string | undefined,
  distance: string | undefined,
  countryCode: string | undefined,
): PostalCriterion | undefined {
  const code = postalCode?.trim() ?? ''
  if (code !== '' && countryCode === undefined) {
    fail('missing-companion', { parameter: 'postal-code', value: code, companion: 'country-code' })
  }
  const miles = distance === undefined ? 0 : radius(distance)
  if (distance !== undefined && code === '') {
    fail('missing-companion', { parameter: 'distance', value: distance, companion: 'postal-code' })
  }
  return code === '' ? undefined : { code, distance: miles }
}

/** `distance` in miles. A thousand digits overflow to Infinity, which is no radius (docs/decisions.md). */
function radius(value: string): number {
  const miles = DECIMAL.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(miles)) fail('invalid-distance', { parameter: 'distance', value })
  return miles
}

// ---- Facets: docs/spec.md §4.1, §4.2, §4.3, §8 ----

/** §3.7: at most 20 `facet` parameters, counted before any is read. */
function facetFiltersOf(parameters: string[]): FacetFilter[] {
  if (parameters.length > MAX_FACET_PARAMETERS) {
    fail('too-many-facets', { parameter: 'facet', count: parameters.length, max: MAX_FACET_PARAMETERS })
  }
  return parameters.map(facetFilter)
}

/** §4.1 `facet=CODE,v1,v2…`: a known code, one to 100 values (counted before repeats are dropped). */
function facetFilter(parameter: string): FacetFilter {
  const [head = '', ...given] = parameter.split(',')
  const name = head.trim()
  const code = facetCode(name)
  if (code === undefined) return fail('unknown-facet', { parameter: 'facet', value: parameter, facet: name })
  if (given.length === 0) fail('facet-without-values', { parameter: 'facet', value: parameter, facet: code })
  if (given.length > MAX_FACET_VALUES) {
    fail('too-many-facet-values', {
      parameter: 'facet',
      value: parameter,
      facet: code,
      max: MAX_FACET_VALUES,
    })
  }
  const values: string[] = []
  for (const piece of given) {
    const value = piece.trim()
    const bucket = value === '' ? undefined : BUCKETS[code].canonical(value)
    if (bucket === undefined) {
      fail('invalid-facet-value', {
        parameter: 'facet',
        value: parameter,
        bucket: value,
        shape: BUCKETS[code].shape,
      })
    }
    if (!values.includes(bucket)) values.push(bucket)
  }
  return { code, values }
}

/** §4.3 `facets=CODE,CODE…`: known codes, each once; §8: empty entries are ignored. */
function facetList(parameter: string | undefined): FacetCode[] {
  if (parameter === undefined) return []
  const codes: FacetCode[] = []
  for (const piece of parameter.split(',')) {
    const name = piece.trim()
    if (name === '') continue
    const code = facetCode(name)
    if (code === undefined)
      return fail('unknown-facet', { parameter: 'facets', value: parameter, facet: name })
    if (!codes.includes(code)) codes.push(code)
  }
  return codes
}

/** §8: facet codes are case-insensitive on input. */
function facetCode(name: string): FacetCode | undefined {
  const lower = name.toLowerCase()
  return FACET_CODES.find((code) => code === lower)
}

/** What a bucket code of one facet looks like (§4.2), and its canonical form (§8). */
interface BucketRule {
  /** What a 400 says a value should be. */
  shape: string
  /** The canonical code of a trimmed, non-empty value; undefined when it is none. */
  canonical: (value: string) => string | undefined
}

/** §4.2, §8: `cc:N`, lower case, N decimal digits compared as text, cc an ISO 3166-1 alpha-2 country. */
function locationCode(value: string): string | undefined {
  const code = value.toLowerCase()
  const valid = /^[a-z]{2}:\d+$/.test(code) && countries.isValid(code.slice(0, 2).toUpperCase())
  return valid ? code : undefined
}

/**
 * §8: numeric codes compare as numbers (`007` is `7`). The project's reading: past the safe
 * integers a number no longer names one code, so such a value is malformed.
 */
function industryCode(value: string): string | undefined {
  const code = /^\d+$/.test(value) ? Number(value) : Number.NaN
  return Number.isSafeInteger(code) ? String(code) : undefined
}

/** §8: a company or school id compares case-insensitively; one ingest accepts is 1–1,000 characters. */
function entityCode(value: string): string | undefined {
  return value.length <= MAX_ENTITY_ID_CHARACTERS ? value.toLowerCase() : undefined
}

/** One of fixed codes, after putting the value in their letter case (`f` is `F`, `EN` is `en`). */
function oneOf(codes: readonly string[], letterCase: (value: string) => string): BucketRule {
  return {
    shape: `one of ${codes.join(', ')}`,
    canonical: (value) => (codes.includes(letterCase(value)) ? letterCase(value) : undefined),
  }
}

const BUCKETS: Record<FacetCode, BucketRule> = {
  location: { shape: 'a location code cc:N with an ISO 3166-1 alpha-2 country', canonical: locationCode },
  industry: { shape: 'an industry code', canonical: industryCode },
  network: oneOf(['F', 'S', 'A', 'O'], (value) => value.toUpperCase()),
  language: oneOf(['en', 'es', 'fr', 'de', 'it', 'pt', '_o'], (value) => value.toLowerCase()),
  'current-company': { shape: 'a company id of 1–1,000 characters', canonical: entityCode },
  'past-company': { shape: 'a company id of 1–1,000 characters', canonical: entityCode },
  school: { shape: 'a school id of 1–1,000 characters', canonical: entityCode },
}

// ---- Order and paging: docs/spec.md §3.4, §3.5 ----

/** §3.4, case-insensitive (§3.1); `connections` when absent. */
function sortOrder(value: string | undefined): SortOrder {
  if (value === undefined) return 'connections'
  const order = SORT_ORDERS.find((sort) => sort === value.toLowerCase())
  return order ?? fail('invalid-sort', { parameter: 'sort', value, orders: SORT_ORDERS.join(', ') })
}

/**
 * §3.5: an integer from 0 to `max`, written in decimal digits only (no sign, fraction, exponent or
 * spaces); `fallback` when absent. `start` is bounded by the integers a double holds exactly.
 */
function integer(parameter: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(n <= max)) fail('invalid-integer', { parameter, value, max })
  return n
}
