import countries from 'i18n-iso-countries'
import { DEGREES, type Degree } from './degree.js'
import { LANGUAGES } from './languages.js'

/**
 * The facet types of docs/spec.md §4.2 as one table: code, display name, what a bucket code looks
 * like and how a value given in a request becomes its canonical form (§8), and the buckets
 * themselves where the spec fixes them (network, language). How a member's values are read from
 * the index is store-dependent and lives in query/facet-domains.ts, keyed by this table's codes.
 */
export interface FacetType {
  readonly code: string
  /** The display name (docs/spec.md §4.2). */
  readonly name: string
  /** What a bucket code is, as a 400 for a malformed value says it (docs/spec.md §4.1). */
  readonly bucketShape: string
  /** The canonical bucket code (docs/spec.md §8) of a trimmed, non-empty value, or undefined when it is malformed. */
  readonly canonical: (value: string) => string | undefined
  /** The buckets, when the spec fixes them, in bucket order (a bucket's id is its index + 1). */
  readonly buckets?: readonly FixedBucket[]
}

/** A bucket whose code and name the spec fixes. */
export interface FixedBucket {
  readonly code: string
  readonly name: string
}

/** A location code `cc:N` (docs/spec.md §4.2), lower case; N compares as text (`us:084` is not `us:84`). */
export const LOCATION_CODE = /^[a-z]{2}:\d+$/
const INDUSTRY_CODE = /^\d+$/

/** The longest company or school id, in UTF-16 code units (docs/decisions.md). */
export const MAX_ENTITY_ID_LENGTH = 1000
const EDGE_SPACE = /^\s|\s$/

/**
 * A company or school id as text is exactly what a `facet` value can say (docs/spec.md §8,
 * "every bucket can be selected"): 1–1,000 characters, no comma (the parameter's separator) and
 * no whitespace at either end (values are trimmed). Profile validation accepts a string id only
 * when it is one; a number id is its `String`, which always is.
 */
export function isEntityId(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_ENTITY_ID_LENGTH &&
    !value.includes(',') &&
    !EDGE_SPACE.test(value)
  )
}

const VISIBLE = /\S/

/**
 * docs/spec.md §8 "Buckets": a location, industry, company or school display name that is empty
 * or only whitespace is no name. It never names a bucket; a bucket with no name is named by its code.
 */
export function isDisplayName(name: string): boolean {
  return VISIBLE.test(name)
}

/** What a company or school id is, in the words of a 400 for a malformed facet value. */
const entityShape = (what: string) => `a ${what} id of 1–1,000 characters`

/** The network facet's buckets: the degrees' letters and bucket names, in the degree table's order. */
const NETWORK_BUCKETS: readonly (FixedBucket & { readonly code: Degree })[] = DEGREES.map((row) => ({
  code: row.letter,
  name: row.bucketName,
}))

/** The facets in the order of docs/spec.md §4.2; a facet's index here is its bit in facet bit sets. */
export const FACETS = [
  {
    code: 'location',
    name: 'Location',
    bucketShape: 'a location code cc:N with an ISO 3166-1 alpha-2 country',
    canonical: (value) => {
      const code = value.toLowerCase()
      return LOCATION_CODE.test(code) && countries.isValid(code.slice(0, 2).toUpperCase()) ? code : undefined
    },
  },
  {
    code: 'industry',
    name: 'Industry',
    bucketShape: 'an industry code',
    // Compared as numbers (`007` is `7`). Beyond the safe integers `String(Number(v))` would turn
    // into `1e+21` and stop round-tripping.
    canonical: (value) => {
      const code = INDUSTRY_CODE.test(value) ? Number(value) : Number.NaN
      return Number.isSafeInteger(code) ? String(code) : undefined
    },
  },
  {
    code: 'network',
    name: 'Relationship',
    bucketShape: oneOf(NETWORK_BUCKETS),
    canonical: fixedCode(NETWORK_BUCKETS, (value) => value.toUpperCase()),
    buckets: NETWORK_BUCKETS,
  },
  {
    code: 'language',
    name: 'Language',
    bucketShape: oneOf(LANGUAGES),
    canonical: fixedCode(LANGUAGES, (value) => value.toLowerCase()),
    buckets: LANGUAGES,
  },
  {
    code: 'current-company',
    name: 'Current Company',
    bucketShape: entityShape('company'),
    canonical: entityId,
  },
  {
    code: 'past-company',
    name: 'Past Company',
    bucketShape: entityShape('company'),
    canonical: entityId,
  },
  {
    code: 'school',
    name: 'School',
    bucketShape: entityShape('school'),
    canonical: entityId,
  },
] as const satisfies readonly FacetType[]

type FacetRow = (typeof FACETS)[number]

/** A facet code of docs/spec.md §4.2, in its canonical spelling. */
export type FacetCode = FacetRow['code']

/** The facet codes in table order. */
export const FACET_CODES = FACETS.map((facet) => facet.code) as unknown as CodesOf<typeof FACETS>

/** A tuple of rows as the tuple of their codes. */
type CodesOf<Rows extends readonly unknown[]> = {
  readonly [K in keyof Rows]: Rows[K] extends { readonly code: infer C } ? C : never
}

/** The row of each facet code. */
export const FACET_BY_CODE = Object.fromEntries(FACETS.map((facet) => [facet.code, facet])) as unknown as {
  readonly [C in FacetCode]: Extract<FacetRow, { code: C }>
}

/** Company and school ids compare case-insensitively: the bucket code is the id lower-cased. */
function entityId(value: string): string | undefined {
  return isEntityId(value) ? value.toLowerCase() : undefined
}

/** A value is a fixed bucket when it is one of their codes once put in their letter case. */
function fixedCode(buckets: readonly FixedBucket[], letterCase: (value: string) => string) {
  const codes = new Set(buckets.map((bucket) => bucket.code))
  return (value: string): string | undefined => {
    const code = letterCase(value)
    return codes.has(code) ? code : undefined
  }
}

function oneOf(buckets: readonly FixedBucket[]): string {
  return `one of ${buckets.map((bucket) => bucket.code).join(', ')}`
}
