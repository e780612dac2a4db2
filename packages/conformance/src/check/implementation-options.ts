import { testGeocoder } from '../generators/geocoder.js'
import type { World } from '../generators/world.js'
import type { ImplementationOptions } from './implementation.js'

/**
 * The instant every conformance search runs at: positions and educations ending before it are
 * past, those without an end or ending later are current (docs/spec.md §1.1).
 */
export const CONFORMANCE_NOW = new Date('2026-06-15T00:00:00Z')

/** docs/spec.md §4.3: the histogram bucket limit when a world sets none. */
const DEFAULT_BUCKET_LIMIT = 10

/** What the factory (and the oracle) is given for `world`: fixed clock, the test geocoder, its caps and bucket limit. */
export function optionsFor(world: Pick<World, 'caps' | 'facetBucketLimit'>): ImplementationOptions {
  return {
    now: () => new Date(CONFORMANCE_NOW),
    caps: { ...world.caps },
    facetBucketLimit: world.facetBucketLimit ?? DEFAULT_BUCKET_LIMIT,
    geocoder: testGeocoder,
  }
}

/** The options as `Counterexample.options` shows them (JSON; the geocoder by name). */
export function optionsJson(options: ImplementationOptions): string {
  return JSON.stringify({
    now: options.now().toISOString(),
    caps: options.caps,
    facetBucketLimit: options.facetBucketLimit,
    geocoder: 'testGeocoder (the POSTALS table)',
  })
}
