import type { Geocoder } from '@people-search/core'

/** One postal code the test geocoder knows, with the location facet code members there carry. */
export interface TestPostal {
  country: 'us' | 'ca'
  code: string
  lat: number
  lon: number
  /** The location facet code (`cc:N`) of the region the postal code lies in. */
  region: string
  /** The display name of that region. */
  regionName: string
}

/**
 * Real-ish centroids, 5 to 300 miles apart inside each cluster (Bay Area, New York/Boston,
 * Ontario/Quebec), thousands of miles between clusters.
 */
export const POSTALS: readonly TestPostal[] = [
  {
    country: 'us',
    code: '94043',
    lat: 37.422,
    lon: -122.0841,
    region: 'us:84',
    regionName: 'San Francisco Bay Area',
  },
  {
    country: 'us',
    code: '94301',
    lat: 37.4443,
    lon: -122.1598,
    region: 'us:84',
    regionName: 'San Francisco Bay Area',
  },
  {
    country: 'us',
    code: '94105',
    lat: 37.7898,
    lon: -122.3942,
    region: 'us:84',
    regionName: 'San Francisco Bay Area',
  },
  {
    country: 'us',
    code: '95814',
    lat: 38.5805,
    lon: -121.4934,
    region: 'us:12',
    regionName: 'Sacramento Area',
  },
  {
    country: 'us',
    code: '10001',
    lat: 40.7506,
    lon: -73.9972,
    region: 'us:70',
    regionName: 'Greater New York City Area',
  },
  {
    country: 'us',
    code: '10301',
    lat: 40.6316,
    lon: -74.0927,
    region: 'us:70',
    regionName: 'Greater New York City Area',
  },
  {
    country: 'us',
    code: '02108',
    lat: 42.3576,
    lon: -71.0636,
    region: 'us:7',
    regionName: 'Greater Boston Area',
  },
  {
    country: 'ca',
    code: 'M5V 3L9',
    lat: 43.6426,
    lon: -79.3871,
    region: 'ca:3',
    regionName: 'Toronto, Canada Area',
  },
  {
    country: 'ca',
    code: 'K1A 0B1',
    lat: 45.4236,
    lon: -75.7009,
    region: 'ca:5',
    regionName: 'Ottawa, Canada Area',
  },
  {
    country: 'ca',
    code: 'H2X 1Y4',
    lat: 45.5123,
    lon: -73.5707,
    region: 'ca:5',
    regionName: 'Montreal, Canada Area',
  },
]

/** Postal codes that are not in the table: unknown (us, ca) or in an uncovered country (gb). */
export const UNKNOWN_POSTALS: readonly { country: string; code: string }[] = [
  { country: 'us', code: '00000' },
  { country: 'ca', code: '94043' },
  { country: 'gb', code: 'SW1A 1AA' },
]

const key = (country: string, code: string) => `${country}|${code.trim().toUpperCase()}`
const TABLE = new Map(POSTALS.map((p) => [key(p.country, p.code), { lat: p.lat, lon: p.lon }]))

/** Deterministic geocoder over {@link POSTALS}: covers `us` and `ca`, not `gb`. */
export class TestGeocoder implements Geocoder {
  covers(country: string): boolean {
    return country === 'us' || country === 'ca'
  }

  locate(country: string, postalCode: string): { lat: number; lon: number } | undefined {
    const point = TABLE.get(key(country, postalCode))
    return point && { ...point }
  }
}

export const testGeocoder = new TestGeocoder()
