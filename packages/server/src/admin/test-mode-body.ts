import { type AccountLevel, fail } from '@people-search/core'

/** One row of a test world's geocoder table: a postal code's centroid (docs/spec.md §3.1). */
export interface TestPostalCode {
  /** Lower-case ISO 3166-1 alpha-2, as `country-code` is compared (docs/spec.md §3.1). */
  country: string
  code: string
  lat: number
  lon: number
}

/** What `POST /admin/test-mode` sets for the next test world (packages/server/README.md, Test mode). */
export interface TestModeSettings {
  /** The index clock of the world (docs/spec.md §1.1 current positions, §8 dates). */
  now: Date
  /** Result caps by account level (§3.3); levels not named keep their defaults. */
  caps: Partial<Record<AccountLevel, number>>
  /** Top buckets per histogram (§4.3); the index's default (10) when absent. */
  facetBucketLimit: number | undefined
  /** The geocoder's table; it covers exactly the countries named here. */
  postalCodes: readonly TestPostalCode[]
  /** A token prefix: `<prefix><id>` authenticates as member `<id>`; none when absent. */
  viewerTokens: string | undefined
}

const EXPECTED =
  'a JSON object of test-mode settings { now, caps?, facetBucketLimit?, postalCodes?, viewerTokens? }'
const KEYS = new Set(['now', 'caps', 'facetBucketLimit', 'postalCodes', 'viewerTokens'])
const LEVELS: readonly string[] = ['basic', 'business', 'business-plus', 'executive']
// RFC 3339 date-time: a test world's clock is one instant, never a local time.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i
const COUNTRY = /^[a-z]{2}$/
// Visible ASCII: the prefix of a token a client sends as `Bearer <token>` or in the query.
const PREFIX = /^[\x21-\x7e]{1,64}$/

/**
 * The body of `POST /admin/test-mode`. Anything that is not exactly these settings (not JSON, an
 * unknown key, a value of the wrong shape, a postal code given twice) is the 400 `invalid-body`
 * naming the field, and nothing changes.
 */
export function readTestModeBody(text: string): TestModeSettings {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    return bad(`it is not JSON (${(error as Error).message})`)
  }
  const given = object(value, 'it')
  for (const key of Object.keys(given)) if (!KEYS.has(key)) bad(`${key} is not a test-mode setting`)
  return {
    now: instant(given.now),
    caps: caps(given.caps ?? {}),
    facetBucketLimit:
      given.facetBucketLimit === undefined ? undefined : count(given.facetBucketLimit, 'facetBucketLimit'),
    postalCodes: postalCodes(given.postalCodes ?? []),
    viewerTokens: given.viewerTokens === undefined ? undefined : prefix(given.viewerTokens),
  }
}

function instant(value: unknown): Date {
  if (value === undefined) bad('now is missing')
  const time = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(time)) bad('now is not an ISO 8601 instant such as 2026-06-15T00:00:00Z')
  return new Date(time)
}

function caps(value: unknown): Partial<Record<AccountLevel, number>> {
  const result: Partial<Record<AccountLevel, number>> = {}
  for (const [level, cap] of Object.entries(object(value, 'caps'))) {
    if (!LEVELS.includes(level)) bad(`caps.${level} is not an account level`)
    result[level as AccountLevel] = count(cap, `caps.${level}`)
  }
  return result
}

function postalCodes(value: unknown): TestPostalCode[] {
  if (!Array.isArray(value)) bad('postalCodes is not an array')
  const seen = new Set<string>()
  return value.map((row, i) => {
    const where = `postalCodes[${i}]`
    const { country, code, lat, lon, ...rest } = object(row, where)
    const extra = Object.keys(rest)[0]
    if (extra !== undefined) bad(`${where}.${extra} is not a field of a postal code`)
    if (typeof country !== 'string' || !COUNTRY.test(country))
      bad(`${where}.country is not a lower-case ISO 3166-1 alpha-2 code`)
    if (typeof code !== 'string' || code.trim() === '' || code.length > 32)
      bad(`${where}.code is not a postal code (1 to 32 characters)`)
    const key = `${country}|${code.trim().toUpperCase()}`
    if (seen.has(key)) bad(`${where} repeats ${country} ${code}`)
    seen.add(key)
    return { country, code, lat: degrees(lat, 90, `${where}.lat`), lon: degrees(lon, 180, `${where}.lon`) }
  })
}

function degrees(value: unknown, limit: number, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit)
    bad(`${where} is not a number from -${limit} to ${limit}`)
  return value as number
}

function prefix(value: unknown): string {
  if (typeof value !== 'string' || !PREFIX.test(value))
    bad('viewerTokens is not a token prefix (1 to 64 visible ASCII characters)')
  return value as string
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) bad(`${where} is not an integer ≥ 0`)
  return value as number
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    bad(`${where} is not a JSON object`)
  return value as Record<string, unknown>
}

function bad(problem: string): never {
  return fail('invalid-body', { expected: EXPECTED, problem })
}
