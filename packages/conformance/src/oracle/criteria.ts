/**
 * docs/spec.md §3.1 parameters (everything except `facet`, which is facets.ts): one predicate per
 * parameter; a member matches when every parameter that is given holds.
 */
import { fail, type Geocoder, type Profile } from '@people-search/core'
import type { ItemCriterion, OracleQuery } from './query.js'
import { searchableTokens } from './searchable-text.js'
import { tokens } from './text.js'
import {
  isCurrentEducation,
  isCurrentPosition,
  type Sight,
  visibleEducations,
  visiblePositions,
} from './visibility.js'

export interface Point {
  lat: number
  lon: number
}

/** What the predicates need besides the member and the query. */
export interface CriteriaContext {
  now: Date
  geocoder: Geocoder
  /** The centroid of the requested postal code, from `resolvePostal` (when `postal` is given). */
  centroid?: Point
}

/**
 * docs/spec.md §3.1: a country the geocoder does not cover, or a postal code it does not know, is a 400
 * that says which — raised whether or not any member would match.
 */
export function resolvePostal(query: OracleQuery, geocoder: Geocoder): Point | undefined {
  if (query.postal === undefined) return undefined
  const country = query.countryCode ?? '' // the parser requires country-code beside postal-code
  if (!geocoder.covers(country)) fail('unknown-postal-country', { country })
  const centroid = geocoder.locate(country, query.postal.code)
  if (centroid === undefined) fail('unknown-postal-code', { postalCode: query.postal.code, country })
  return centroid
}

export function matchesCriteria(
  member: Profile,
  sight: Sight,
  query: OracleQuery,
  ctx: CriteriaContext,
): boolean {
  return (
    matchesKeywords(member, sight, query.keywords, ctx.now) &&
    matchesName(member.firstName, query.firstName) &&
    matchesName(member.lastName, query.lastName) &&
    matchesCompanyName(member, sight, query.companyName, ctx.now) &&
    matchesTitle(member, sight, query.title, ctx.now) &&
    matchesSchoolName(member, sight, query.schoolName, ctx.now) &&
    matchesCountry(member, query.countryCode) &&
    matchesPostal(member, query, ctx)
  )
}

/** keywords: every query token is a token of the searchable text the viewer may see. */
function matchesKeywords(member: Profile, sight: Sight, keywords: string[], now: Date): boolean {
  if (keywords.length === 0) return true
  const visible = searchableTokens(member, sight, now)
  return keywords.every((t) => visible.has(t))
}

/** first-name / last-name: the multisets of tokens are equal (exact, word order free). */
function matchesName(name: string, wanted: string[] | undefined): boolean {
  if (wanted === undefined) return true
  const have = [...tokens(name)].sort()
  const want = [...wanted].sort()
  return have.length === want.length && have.every((t, i) => t === want[i])
}

/** The item's text has every token of the criterion (`Acme` matches `Acme, Inc`). */
function includesAll(text: string | undefined, criterion: ItemCriterion): boolean {
  const have = new Set(tokens(text ?? ''))
  return criterion.tokens.every((t) => have.has(t))
}

/** `current: true` needs a current item, `false` a past one, absent either. */
function currentAgrees(isCurrent: boolean, criterion: ItemCriterion): boolean {
  return criterion.current === undefined || criterion.current === isCurrent
}

/** company-name (+ current-company): some visible position's company name. */
function matchesCompanyName(member: Profile, sight: Sight, c: ItemCriterion | undefined, now: Date): boolean {
  if (c === undefined) return true
  return visiblePositions(member, sight).some(
    (p) => includesAll(p.company.name, c) && currentAgrees(isCurrentPosition(p, now), c),
  )
}

/** title (+ current-title): some visible position's title. */
function matchesTitle(member: Profile, sight: Sight, c: ItemCriterion | undefined, now: Date): boolean {
  if (c === undefined) return true
  return visiblePositions(member, sight).some(
    (p) => includesAll(p.title, c) && currentAgrees(isCurrentPosition(p, now), c),
  )
}

/** school-name (+ current-school): some visible education's school name. */
function matchesSchoolName(member: Profile, sight: Sight, c: ItemCriterion | undefined, now: Date): boolean {
  if (c === undefined) return true
  return visibleEducations(member, sight).some(
    (e) => includesAll(e.school.name, c) && currentAgrees(isCurrentEducation(e, now), c),
  )
}

/** The country part of a location code `cc:N`. */
export function countryOf(locationCode: string): string {
  return locationCode.split(':')[0]
}

/** country-code: the member's location country equals the value. */
function matchesCountry(member: Profile, countryCode: string | undefined): boolean {
  if (countryCode === undefined) return true
  return member.location !== undefined && countryOf(member.location.code) === countryCode
}

/**
 * docs/spec.md §3.1: a member's point is its own lat/lon, else the centroid of its postal code (when
 * the geocoder covers its country and knows the code), else it has none.
 */
export function memberPoint(member: Profile, geocoder: Geocoder): Point | undefined {
  const location = member.location
  if (location === undefined) return undefined
  if (location.lat !== undefined && location.lon !== undefined)
    return { lat: location.lat, lon: location.lon }
  if (location.postalCode === undefined) return undefined
  const country = countryOf(location.code)
  if (!geocoder.covers(country)) return undefined
  return geocoder.locate(country, location.postalCode)
}

/** docs/spec.md §3.1: the Earth's radius that great-circle distances are measured with. */
const EARTH_RADIUS_MILES = 3958.8

/**
 * docs/spec.md §3.1: the great-circle distance in miles between two points given in degrees, by
 * the haversine formula: hav(θ) = hav(Δφ) + cos φ1 · cos φ2 · hav(Δλ), distance = 2R · asin(√hav(θ)).
 */
export function greatCircleMiles(from: Point, to: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const hav = (angle: number) => Math.sin(angle / 2) ** 2
  const lat1 = radians(from.lat)
  const lat2 = radians(to.lat)
  const h = hav(lat2 - lat1) + Math.cos(lat1) * Math.cos(lat2) * hav(radians(to.lon - from.lon))
  // Rounding can push hav(θ) of two antipodes a hair past 1, where asin is NaN.
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(Math.min(1, h)))
}

const samePostalCode = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase()

/**
 * postal-code (+ distance): in the requested country, and either within `distance` miles of
 * the centroid, or (the project's reading of "without distance only members in that postal
 * code match") holding that very postal code.
 */
function matchesPostal(member: Profile, query: OracleQuery, ctx: CriteriaContext): boolean {
  if (query.postal === undefined) return true
  const centroid = ctx.centroid
  if (centroid === undefined) throw new Error('oracle bug: postal search without a resolved centroid')
  const location = member.location
  if (location === undefined || countryOf(location.code) !== query.countryCode) return false
  const point = memberPoint(member, ctx.geocoder)
  // "lies within `distance` miles": the boundary is inside.
  const near = point !== undefined && greatCircleMiles(point, centroid) <= query.postal.distance
  const samePostal =
    location.postalCode !== undefined && samePostalCode(location.postalCode, query.postal.code)
  return near || samePostal
}
