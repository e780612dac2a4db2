import type { AccountLevel } from '@people-search/core'
import type { ImplementationOptions } from '../check/implementation.js'
import { POSTALS, TestGeocoder } from '../generators/geocoder.js'
import { ServiceFault } from './http-errors.js'

/** The prefix of the viewer tokens the adapter asks for: `member:<id>` is member `<id>`. */
export const VIEWER_TOKEN_PREFIX = 'member:'

/** The body of `POST /admin/test-mode` (packages/conformance/README.md, "The test-mode route"). */
export interface TestModeSettingsBody {
  now: string
  caps: Partial<Record<AccountLevel, number>>
  facetBucketLimit: number
  postalCodes: { country: string; code: string; lat: number; lon: number }[]
  viewerTokens: string
}

/**
 * The factory's options as the test-mode route takes them. A service cannot be handed a
 * function, so the clock is read once (the kit's clock is fixed) and the geocoder is sent as its
 * table; only the kit's own geocoder has a table to send, any other is refused.
 */
export function testModeSettings(options: ImplementationOptions): TestModeSettingsBody {
  if (!(options.geocoder instanceof TestGeocoder)) {
    throw new ServiceFault(
      'the HTTP adapter can only send the kit’s testGeocoder (its POSTALS table) to a service; got another geocoder',
    )
  }
  return {
    now: options.now().toISOString(),
    caps: { ...options.caps },
    facetBucketLimit: options.facetBucketLimit,
    postalCodes: POSTALS.map(({ country, code, lat, lon }) => ({ country, code, lat, lon })),
    viewerTokens: VIEWER_TOKEN_PREFIX,
  }
}
