import type { Location } from '@people-search/core'
import zipcodes from 'zipcodes'
import type { Rng } from './prng.js'
import { AliasTable } from './zipf.js'

/**
 * Where members live. US members (90%) get a real five-digit ZIP code from the `zipcodes`
 * package, so `postal-code` + `distance` searches geocode exactly as the index's default
 * geocoder does; the rest live in one of twenty non-US metro areas and have no postal code.
 *
 * Region codes (the `N` of `us:N`) are this package's own table, in the style of the legacy
 * API's codes (`us:84` is the San Francisco Bay Area, as in the spec's examples):
 * - 1–99: the 36 US metro areas below. A ZIP belongs to the metro whose centre is nearest,
 *   among those whose radius covers it; such a member's location name is the metro's name.
 * - 200 + i: "the rest of" the i-th state in `STATES` (alphabetical by postal abbreviation,
 *   AK = 200 … WY = 250); the location name is the ZIP's `<City>, <ST>`.
 * - Non-US: the codes in `ABROAD` (gb:4573 London …), no postal code.
 */
interface Metro {
  readonly code: number
  readonly name: string
  readonly lat: number
  readonly lon: number
  /** Miles from the centre that still count as the metro. */
  readonly radius: number
  /** Relative share of the metros' members (about the metro's working population, in millions). */
  readonly weight: number
}

const METROS: readonly Metro[] = [
  { code: 70, name: 'Greater New York City Area', lat: 40.7128, lon: -74.006, radius: 40, weight: 20 },
  { code: 84, name: 'San Francisco Bay Area', lat: 37.55, lon: -122.15, radius: 45, weight: 14 },
  { code: 49, name: 'Greater Los Angeles Area', lat: 34.05, lon: -118.24, radius: 45, weight: 13 },
  { code: 14, name: 'Greater Chicago Area', lat: 41.88, lon: -87.63, radius: 40, weight: 9 },
  { code: 97, name: 'Washington D.C. Metro Area', lat: 38.9, lon: -77.04, radius: 35, weight: 8 },
  { code: 7, name: 'Greater Boston Area', lat: 42.36, lon: -71.06, radius: 35, weight: 7 },
  { code: 31, name: 'Dallas/Fort Worth Area', lat: 32.85, lon: -97.05, radius: 40, weight: 7 },
  { code: 42, name: 'Houston, Texas Area', lat: 29.76, lon: -95.37, radius: 40, weight: 6 },
  { code: 91, name: 'Greater Seattle Area', lat: 47.61, lon: -122.33, radius: 35, weight: 6 },
  { code: 52, name: 'Greater Atlanta Area', lat: 33.75, lon: -84.39, radius: 40, weight: 6 },
  { code: 77, name: 'Greater Philadelphia Area', lat: 39.95, lon: -75.17, radius: 30, weight: 5.5 },
  { code: 56, name: 'Miami/Fort Lauderdale Area', lat: 25.95, lon: -80.2, radius: 35, weight: 5 },
  { code: 34, name: 'Greater Denver Area', lat: 39.74, lon: -104.99, radius: 35, weight: 4.5 },
  { code: 64, name: 'Greater Minneapolis-St. Paul Area', lat: 44.97, lon: -93.2, radius: 35, weight: 4 },
  { code: 80, name: 'Greater Phoenix Area', lat: 33.45, lon: -112.07, radius: 40, weight: 4 },
  { code: 81, name: 'Greater San Diego Area', lat: 32.8, lon: -117.13, radius: 30, weight: 3.5 },
  { code: 23, name: 'Greater Detroit Area', lat: 42.4, lon: -83.1, radius: 35, weight: 3.5 },
  { code: 4, name: 'Austin, Texas Area', lat: 30.27, lon: -97.74, radius: 30, weight: 3 },
  { code: 79, name: 'Portland, Oregon Area', lat: 45.52, lon: -122.68, radius: 30, weight: 2.5 },
  { code: 18, name: 'Charlotte, North Carolina Area', lat: 35.23, lon: -80.84, radius: 30, weight: 2.5 },
  { code: 76, name: 'Raleigh-Durham, North Carolina Area', lat: 35.85, lon: -78.8, radius: 30, weight: 2.5 },
  { code: 62, name: 'Orlando, Florida Area', lat: 28.54, lon: -81.38, radius: 30, weight: 2 },
  { code: 88, name: 'Tampa/St. Petersburg, Florida Area', lat: 27.95, lon: -82.55, radius: 30, weight: 2 },
  { code: 86, name: 'Greater St. Louis Area', lat: 38.63, lon: -90.2, radius: 30, weight: 2.2 },
  { code: 6, name: 'Baltimore, Maryland Area', lat: 39.29, lon: -76.61, radius: 20, weight: 2.2 },
  { code: 82, name: 'Greater Salt Lake City Area', lat: 40.76, lon: -111.89, radius: 35, weight: 1.8 },
  { code: 78, name: 'Greater Pittsburgh Area', lat: 40.44, lon: -79.99, radius: 30, weight: 1.8 },
  { code: 65, name: 'Greater Nashville Area', lat: 36.16, lon: -86.78, radius: 30, weight: 1.8 },
  { code: 20, name: 'Columbus, Ohio Area', lat: 39.96, lon: -83.0, radius: 25, weight: 1.6 },
  { code: 17, name: 'Cleveland/Akron, Ohio Area', lat: 41.3, lon: -81.6, radius: 35, weight: 1.6 },
  { code: 44, name: 'Kansas City, Missouri Area', lat: 39.1, lon: -94.58, radius: 30, weight: 1.5 },
  { code: 41, name: 'Indianapolis, Indiana Area', lat: 39.77, lon: -86.16, radius: 30, weight: 1.5 },
  { code: 46, name: 'Las Vegas, Nevada Area', lat: 36.17, lon: -115.14, radius: 25, weight: 1.4 },
  { code: 83, name: 'Sacramento, California Area', lat: 38.58, lon: -121.49, radius: 30, weight: 1.4 },
  { code: 87, name: 'San Antonio, Texas Area', lat: 29.42, lon: -98.49, radius: 30, weight: 1.4 },
  { code: 16, name: 'Cincinnati Area', lat: 39.1, lon: -84.51, radius: 25, weight: 1.2 },
]

/** The 50 states and DC, by postal abbreviation; the "rest of state" region of STATES[i] is us:200+i. */
export const STATES: readonly string[] = [
  'AK',
  'AL',
  'AR',
  'AZ',
  'CA',
  'CO',
  'CT',
  'DC',
  'DE',
  'FL',
  'GA',
  'HI',
  'IA',
  'ID',
  'IL',
  'IN',
  'KS',
  'KY',
  'LA',
  'MA',
  'MD',
  'ME',
  'MI',
  'MN',
  'MO',
  'MS',
  'MT',
  'NC',
  'ND',
  'NE',
  'NH',
  'NJ',
  'NM',
  'NV',
  'NY',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VA',
  'VT',
  'WA',
  'WI',
  'WV',
  'WY',
]

interface AbroadRegion {
  readonly code: string
  readonly name: string
  readonly lat: number
  readonly lon: number
  /** Relative share of the non-US members. */
  readonly weight: number
}

const ABROAD: readonly AbroadRegion[] = [
  { code: 'in:7150', name: 'Bengaluru Area, India', lat: 12.97, lon: 77.59, weight: 8 },
  { code: 'in:7151', name: 'Mumbai Area, India', lat: 19.08, lon: 72.88, weight: 6 },
  { code: 'in:7152', name: 'New Delhi Area, India', lat: 28.61, lon: 77.21, weight: 6 },
  { code: 'in:7153', name: 'Hyderabad Area, India', lat: 17.39, lon: 78.49, weight: 4 },
  { code: 'in:7154', name: 'Pune Area, India', lat: 18.52, lon: 73.86, weight: 3 },
  { code: 'in:7155', name: 'Chennai Area, India', lat: 13.08, lon: 80.27, weight: 3 },
  { code: 'gb:4573', name: 'London, United Kingdom', lat: 51.507, lon: -0.128, weight: 14 },
  { code: 'gb:4574', name: 'Manchester, United Kingdom', lat: 53.48, lon: -2.24, weight: 4 },
  { code: 'gb:4575', name: 'Birmingham, United Kingdom', lat: 52.49, lon: -1.89, weight: 3 },
  { code: 'gb:4576', name: 'Edinburgh, United Kingdom', lat: 55.95, lon: -3.19, weight: 2 },
  { code: 'ca:4876', name: 'Toronto, Canada Area', lat: 43.65, lon: -79.38, weight: 9 },
  { code: 'ca:4877', name: 'Vancouver, Canada Area', lat: 49.28, lon: -123.12, weight: 4 },
  { code: 'ca:4878', name: 'Montreal, Canada Area', lat: 45.5, lon: -73.57, weight: 4 },
  { code: 'ca:4879', name: 'Calgary, Canada Area', lat: 51.05, lon: -114.07, weight: 2 },
  { code: 'de:4944', name: 'Munich Area, Germany', lat: 48.14, lon: 11.58, weight: 3 },
  { code: 'de:4945', name: 'Berlin Area, Germany', lat: 52.52, lon: 13.405, weight: 4 },
  { code: 'de:4946', name: 'Frankfurt Am Main Area, Germany', lat: 50.11, lon: 8.68, weight: 2 },
  { code: 'de:4947', name: 'Hamburg Area, Germany', lat: 53.55, lon: 9.99, weight: 1.5 },
  { code: 'fr:5210', name: 'Paris Area, France', lat: 48.86, lon: 2.35, weight: 7 },
  { code: 'fr:5211', name: 'Lyon Area, France', lat: 45.76, lon: 4.84, weight: 2 },
]

const US_SHARE = 0.9
const METRO_SHARE_OF_US = 0.75
/** Members who give exact coordinates rather than only a postal code or an area. */
const US_POINT_SHARE = 0.2
const ABROAD_POINT_SHARE = 0.25

/** One region a member can live in, with what it takes to make that member's `location`. */
export interface Region {
  /** `cc:N` */
  readonly code: string
  /** Lower-case ISO country code. */
  readonly country: string
  /** The metro or area name; undefined for a "rest of state" region (the ZIP's city names it). */
  readonly name: string | undefined
  /** US regions: the ZIP codes and a table drawing one (nearer the centre is likelier). */
  readonly zips: readonly Zip[]
  readonly zipTable: AliasTable | undefined
  readonly lat: number
  readonly lon: number
}

interface Zip {
  readonly zip: string
  readonly lat: number
  readonly lon: number
  /** `<City>, <ST>` */
  readonly place: string
}

export interface LocationModel {
  readonly regions: readonly Region[]
  /** Draws a region index: this is the first draw of every member's stream (see profiles.ts). */
  readonly table: AliasTable
}

let model: LocationModel | undefined

/** The regions and their weights, built once per process from the ZIP table (seed-independent). */
export function locationModel(): LocationModel {
  model ??= buildModel()
  return model
}

function buildModel(): LocationModel {
  const metroZips: Zip[][] = METROS.map(() => [])
  const metroWeights: number[][] = METROS.map(() => [])
  const stateZips: Zip[][] = STATES.map(() => [])
  const stateIndex = new Map(STATES.map((st, i) => [st, i]))
  // Object key order of the package's table is its insertion order: ascending ZIPs, stable.
  for (const entry of Object.values(zipcodes.codes)) {
    if (entry.country !== 'US' || !/^\d{5}$/.test(entry.zip)) continue
    const st = stateIndex.get(entry.state)
    if (st === undefined || !Number.isFinite(entry.latitude) || !Number.isFinite(entry.longitude)) continue
    if (entry.latitude === 0 && entry.longitude === 0) continue
    const zip: Zip = {
      zip: entry.zip,
      lat: entry.latitude,
      lon: entry.longitude,
      place: `${entry.city}, ${entry.state}`,
    }
    let best = -1
    let bestDistance = Number.POSITIVE_INFINITY
    for (let m = 0; m < METROS.length; m++) {
      const d = miles(zip.lat, zip.lon, METROS[m].lat, METROS[m].lon)
      if (d <= METROS[m].radius && d < bestDistance) {
        best = m
        bestDistance = d
      }
    }
    if (best >= 0) {
      metroZips[best].push(zip)
      // Density falls away from the centre.
      metroWeights[best].push(1 / (1 + bestDistance / 8) ** 1.5)
    } else {
      stateZips[st].push(zip)
    }
  }

  const regions: Region[] = []
  const weights: number[] = []
  const metroTotal = METROS.reduce((sum, m) => sum + m.weight, 0)
  METROS.forEach((metro, m) => {
    if (metroZips[m].length === 0) return
    regions.push({
      code: `us:${metro.code}`,
      country: 'us',
      name: metro.name,
      zips: metroZips[m],
      zipTable: new AliasTable(metroWeights[m]),
      lat: metro.lat,
      lon: metro.lon,
    })
    weights.push((US_SHARE * METRO_SHARE_OF_US * metro.weight) / metroTotal)
  })
  // Outside the metros, the number of ZIP codes stands in for population.
  const restTotal = stateZips.reduce((sum, zips) => sum + zips.length, 0)
  STATES.forEach((_, s) => {
    const zips = stateZips[s]
    if (zips.length === 0) return
    regions.push({
      code: `us:${200 + s}`,
      country: 'us',
      name: undefined,
      zips,
      zipTable: new AliasTable(zips.map(() => 1)),
      lat: zips[0].lat,
      lon: zips[0].lon,
    })
    weights.push((US_SHARE * (1 - METRO_SHARE_OF_US) * zips.length) / restTotal)
  })
  const abroadTotal = ABROAD.reduce((sum, r) => sum + r.weight, 0)
  for (const r of ABROAD) {
    regions.push({
      code: r.code,
      country: r.code.slice(0, 2),
      name: r.name,
      zips: [],
      zipTable: undefined,
      lat: r.lat,
      lon: r.lon,
    })
    weights.push(((1 - US_SHARE) * r.weight) / abroadTotal)
  }
  return { regions, table: new AliasTable(weights) }
}

/** A fresh `location` for a member of `region`. */
export function makeLocation(region: Region, rng: Rng): Location {
  if (region.zipTable === undefined) {
    if (rng.chance(ABROAD_POINT_SHARE)) {
      return {
        name: region.name as string,
        code: region.code,
        lat: round4(region.lat + (rng.float() - 0.5) * 0.2),
        lon: round4(region.lon + (rng.float() - 0.5) * 0.2),
      }
    }
    return { name: region.name as string, code: region.code }
  }
  const zip = region.zips[region.zipTable.sample(rng)]
  const name = region.name ?? zip.place
  if (rng.chance(US_POINT_SHARE)) {
    // About two miles around the ZIP's centroid, as a phone's position would be.
    return {
      name,
      code: region.code,
      postalCode: zip.zip,
      lat: round4(zip.lat + (rng.float() - 0.5) * 0.06),
      lon: round4(zip.lon + (rng.float() - 0.5) * 0.06),
    }
  }
  return { name, code: region.code, postalCode: zip.zip }
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000
}

const EARTH_RADIUS_MILES = 3958.8

function miles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)))
}
