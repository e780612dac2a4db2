import countries from 'i18n-iso-countries'
import { invalidValue } from './invalid-value.js'

// Lower case only: country-code is the one parameter whose value is case-sensitive (docs/spec.md §3.1).
const COUNTRY_CODE = /^[a-z]{2}$/
const DISTANCE = /^(?:\d+(?:\.\d*)?|\.\d+)$/

export function parseCountryCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!COUNTRY_CODE.test(value) || !countries.isValid(value.toUpperCase())) {
    invalidValue('country-code', value, 'must be a lower-case ISO 3166-1 alpha-2 country code')
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
    invalidValue('postal-code', code, 'postal-code requires country-code')
  }
  const miles = distance === undefined ? undefined : parseDistance(distance)
  if (distance !== undefined && code === undefined) {
    invalidValue('distance', distance, 'distance requires postal-code')
  }
  return code === undefined ? undefined : { code, distance: miles ?? 0 }
}

function parseDistance(value: string): number {
  // A thousand-digit value would overflow to Infinity; no radius should be unbounded.
  const miles = DISTANCE.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(miles)) invalidValue('distance', value, 'must be a decimal number of miles ≥ 0')
  return miles
}
