import type { Geocoder } from '@people-search/core'
import type { TestPostalCode } from './test-mode-body.js'

/**
 * The geocoder of a test world (docs/spec.md §3.1): exactly the postal codes of its table, and
 * the countries they are in. Codes compare trimmed and upper-cased, so `m5v 3l9` is `M5V 3L9`.
 */
export class TableGeocoder implements Geocoder {
  private readonly points = new Map<string, { lat: number; lon: number }>()
  private readonly countries = new Set<string>()

  constructor(table: readonly TestPostalCode[]) {
    for (const { country, code, lat, lon } of table) {
      this.points.set(key(country, code), { lat, lon })
      this.countries.add(country)
    }
  }

  covers(country: string): boolean {
    return this.countries.has(country)
  }

  locate(country: string, postalCode: string): { lat: number; lon: number } | undefined {
    const point = this.points.get(key(country, postalCode))
    return point && { ...point }
  }
}

const key = (country: string, code: string) => `${country}|${code.trim().toUpperCase()}`
