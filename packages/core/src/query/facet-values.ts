import countries from 'i18n-iso-countries'
import { invalidValue } from './invalid-value.js'
import { FACET_CODES, type FacetCode, type FacetFilter } from './search-query.js'

const MAX_FACET_VALUES = 100
// Compared as text after lower-casing: `us:084` stays `us:084` (docs/spec.md §8).
const LOCATION = /^[a-z]{2}:\d+$/
const INDUSTRY = /^\d+$/
const NETWORK = new Set(['F', 'S', 'A', 'O'])
const LANGUAGE = new Set(['en', 'es', 'fr', 'de', 'it', 'pt', '_o'])
// Company and school ids compare case-insensitively; the index lower-cases them too.
const ENTITY_ID = /^[A-Za-z0-9_.-]{1,64}$/

/** The canonical bucket code of `value` for facet `code`, or undefined when it is malformed. */
const CANONICAL: Record<FacetCode, (value: string) => string | undefined> = {
  location: (value) => {
    const code = value.toLowerCase()
    return LOCATION.test(code) && countries.isValid(code.slice(0, 2).toUpperCase()) ? code : undefined
  },
  industry: (value) => {
    // Beyond the safe integers `String(Number(v))` would turn into `1e+21` and stop round-tripping.
    const code = INDUSTRY.test(value) ? Number(value) : Number.NaN
    return Number.isSafeInteger(code) ? String(code) : undefined
  },
  network: (value) => {
    const code = value.toUpperCase()
    return NETWORK.has(code) ? code : undefined
  },
  language: (value) => {
    const code = value.toLowerCase()
    return LANGUAGE.has(code) ? code : undefined
  },
  'current-company': entityId,
  'past-company': entityId,
  school: entityId,
}

const BUCKET_SHAPE: Record<FacetCode, string> = {
  location: 'a location code cc:N with an ISO 3166-1 alpha-2 country',
  industry: 'an industry code',
  network: 'one of F, S, A, O',
  language: 'one of en, es, fr, de, it, pt, _o',
  'current-company': 'a company id of 1–64 characters [A-Za-z0-9_.-]',
  'past-company': 'a company id of 1–64 characters [A-Za-z0-9_.-]',
  school: 'a school id of 1–64 characters [A-Za-z0-9_.-]',
}

function entityId(value: string): string | undefined {
  return ENTITY_ID.test(value) ? value.toLowerCase() : undefined
}

/** One `facet=CODE,v1,v2…` parameter (docs/spec.md §4.1). */
export function parseFacetFilter(parameter: string): FacetFilter {
  const [head, ...pieces] = parameter.split(',')
  const code = facetCode(head.trim())
  if (code === undefined) invalidValue('facet', parameter, `Unknown facet {${head.trim()}}`)
  if (pieces.length === 0) invalidValue('facet', parameter, `facet {${code}} needs at least one value`)
  if (pieces.length > MAX_FACET_VALUES) {
    invalidValue('facet', parameter, `more than ${MAX_FACET_VALUES} values for facet {${code}}`)
  }
  const values = new Set<string>()
  for (const piece of pieces) {
    const value = piece.trim()
    const canonical = value === '' ? undefined : CANONICAL[code](value)
    if (canonical === undefined) {
      invalidValue('facet', parameter, `{${value}} is not ${BUCKET_SHAPE[code]}`)
    }
    values.add(canonical)
  }
  return { code, values: [...values] }
}

/** `facets=CODE,CODE…` (docs/spec.md §4.3): which histograms to return. */
export function parseFacetList(parameter: string | undefined): FacetCode[] {
  if (parameter === undefined) return []
  const codes = new Set<FacetCode>()
  for (const piece of parameter.split(',')) {
    const name = piece.trim()
    if (name === '') continue
    const code = facetCode(name)
    if (code === undefined) invalidValue('facets', parameter, `Unknown facet {${name}}`)
    codes.add(code)
  }
  return [...codes]
}

function facetCode(name: string): FacetCode | undefined {
  const lower = name.toLowerCase()
  return FACET_CODES.find((code) => code === lower)
}
