import zipcodes from 'zipcodes'
import type { Geocoder } from './geocoder.js'

/**
 * The default geocoder: US ZIP code centroids from the `zipcodes` package (a maintained
 * dataset), so nobody hand-types a table. Only five-digit US codes are covered; ZIP+4 input
 * (`94043-1351`) is located by its first five digits.
 */
export class UsZipGeocoder implements Geocoder {
  covers(country: string): boolean {
    return country === 'us'
  }

  locate(country: string, postalCode: string): { lat: number; lon: number } | undefined {
    if (country !== 'us' || typeof postalCode !== 'string') return undefined
    const match = /^(\d{5})(?:-\d{4})?$/.exec(postalCode.trim())
    if (!match) return undefined
    const place = zipcodes.lookup(match[1])
    if (place?.country !== 'US') return undefined
    return { lat: place.latitude, lon: place.longitude }
  }
}
