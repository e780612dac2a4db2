import { testGeocoder } from '../generators/geocoder.js'
import { HttpRefusal, ServiceFault } from './http-errors.js'
import { callService, type ServiceAddress } from './service-client.js'
import { testModeSettings } from './test-mode-settings.js'

/**
 * Checks, before a conformance run, that the service can be held to docs/spec.md at all: it
 * answers, takes the admin key, and has the test-mode route (one empty test world is made).
 * Rejects with a {@link ServiceFault} saying which of the three is missing.
 */
export async function probeService(address: ServiceAddress): Promise<void> {
  const settings = testModeSettings({
    now: () => new Date('2026-06-15T00:00:00Z'),
    caps: {},
    facetBucketLimit: 10,
    geocoder: testGeocoder,
  })
  try {
    await callService(address, {
      method: 'POST',
      target: '/admin/test-mode',
      headers: { authorization: `Bearer ${address.adminKey}` },
      body: settings,
    })
  } catch (error) {
    if (!(error instanceof HttpRefusal)) throw error
    const why =
      error.status === 401
        ? 'the admin key was refused'
        : error.status === 404 || error.status === 405
          ? 'it has no test-mode route (POST /admin/test-mode): start it in test mode'
          : `its test-mode route refused the kit's settings: ${error.message}`
    throw new ServiceFault(`the service at ${address.url} cannot be checked: ${why}`)
  }
}
