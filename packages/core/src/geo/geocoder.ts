import { fail } from '../errors.js'

/** Turns a postal code into the point that distance searches measure from (docs/spec.md §3.1). */
export interface Geocoder {
  /** Whether this geocoder knows the postal codes of `country` (lower-case alpha-2). */
  covers(country: string): boolean
  /** The centroid of `postalCode` in `country`, or `undefined` when it is not known. */
  locate(country: string, postalCode: string): { lat: number; lon: number } | undefined
}

const EARTH_RADIUS_MILES = 3958.8

/**
 * `distanceMiles` as the public API gives it: four numbers, else a 400 `invalid-argument`
 * rather than a `TypeError` or a silently coerced value. The search itself calls
 * `distanceMiles`, whose arguments are its own numbers.
 */
export function checkedDistanceMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceMiles(coordinate(lat1), coordinate(lon1), coordinate(lat2), coordinate(lon2))
}

function coordinate(value: unknown): number {
  if (typeof value !== 'number')
    fail('invalid-argument', { argument: 'coordinate', value, expected: 'a number' })
  return value
}

/** Great-circle distance in miles (haversine), the one formula index and oracle share. */
export function distanceMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)))
}
