import countries from 'i18n-iso-countries'
import { fail } from '../errors.js'

// Lower case only: country-code is the one parameter whose value is case-sensitive (docs/spec.md §3.1).
const COUNTRY_CODE = /^[a-z]{2}$/
const DISTANCE = /^(?:\d+(?:\.\d*)?|\.\d+)$/

/** docs/spec.md §8: `country-code=` with an empty value is as if absent. */
export function parseCountryCode(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!COUNTRY_CODE.test(value) || !countries.isValid(value.toUpperCase())) {
    fail('invalid-country-code', { parameter: 'country-code', value })
  }
  return value
}

/**
 * `postal-code` + `distance`. Only the syntax is judged here: whether the geocoder knows the
 * country and the code is the index's business, since the geocoder belongs to it.
 */
export function parsePostal(
  postalCode: string | undefined,
  distance: string | undefined,
  countryCode: string | undefined,
): { code: string; distance: number } | undefined {
  const code = postalCode?.trim() || undefined
  if (code !== undefined && countryCode === undefined) {
    fail('missing-companion', { parameter: 'postal-code', value: code, companion: 'country-code' })
  }
  const miles = distance === undefined ? undefined : parseDistance(distance)
  if (distance !== undefined && code === undefined) {
    fail('missing-companion', { parameter: 'distance', value: distance, companion: 'postal-code' })
  }
  return code === undefined ? undefined : { code, distance: miles ?? 0 }
}

function parseDistance(value: string): number {
  // A thousand-digit value would overflow to Infinity; no radius should be unbounded.
  const miles = DISTANCE.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(miles)) fail('invalid-distance', { parameter: 'distance', value })
  return miles
}
