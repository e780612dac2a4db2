import type { Profile } from '@people-search/core'
import type { Implementation, ImplementationFactory } from '../check/implementation.js'
import { HttpRefusal } from './http-errors.js'
import { searchTarget, viewerCredentials } from './search-target.js'
import { callService, type ServiceAddress } from './service-client.js'
import { testModeSettings, VIEWER_TOKEN_PREFIX } from './test-mode-settings.js'

export type HttpImplementationOptions = ServiceAddress

/**
 * An implementation under test behind HTTP (docs/spec.md §9). Each world is a fresh test world:
 * the factory POSTs the options to the service's test-mode route (`POST /admin/test-mode`,
 * packages/conformance/README.md), then the verbs are its admin routes (§9.5) and `search` its
 * search route (§9.1), as member `<id>` through the token `member:<id>` (§9.2), in JSON (§9.3).
 *
 * §9.5 refuses, as a 404 naming the member, a remove, disconnect or leave that names a member the
 * service does not hold, where §1.2 and §8 call them no-ops: such a 404 is read as "nothing to
 * do", so the two readings compare equal. Every other refusal rejects with its status.
 */
export function httpImplementation(options: HttpImplementationOptions): ImplementationFactory {
  const address: ServiceAddress = { ...options }
  const admin = { authorization: `Bearer ${address.adminKey}` }
  const write = (method: 'PUT' | 'DELETE', target: string, body?: unknown) =>
    callService(address, { method, target, headers: admin, ...(body === undefined ? {} : { body }) })
  /** A write whose 404 means that its member is not there: nothing changed, as §8 says. */
  const noOpWhenUnknown = async (method: 'PUT' | 'DELETE', target: string, body?: unknown) => {
    try {
      await write(method, target, body)
      return true
    } catch (error) {
      if (error instanceof HttpRefusal && error.status === 404) return false
      throw error
    }
  }

  return async (worldOptions) => {
    await callService(address, {
      method: 'POST',
      target: '/admin/test-mode',
      headers: admin,
      body: testModeSettings(worldOptions),
    })
    const implementation: Implementation = {
      async add(profiles: Profile | Profile[]) {
        const batch = Array.isArray(profiles) ? profiles : [profiles]
        // §1.1: an empty batch adds nothing; §9.5 refuses an empty body, so nothing is sent.
        if (batch.length > 0) await write('PUT', '/admin/profiles', batch)
      },
      remove: (id: string) => noOpWhenUnknown('DELETE', `/admin/profiles/${encodeURIComponent(id)}`),
      connect: async (a: string, b: string) => {
        await write('PUT', '/admin/connections', [[a, b]])
      },
      disconnect: async (a: string, b: string) => {
        await noOpWhenUnknown('DELETE', '/admin/connections', [[a, b]])
      },
      joinGroup: async (member: string, group: string) => {
        await write('PUT', '/admin/groups', [[member, group]])
      },
      leaveGroup: async (member: string, group: string) => {
        await noOpWhenUnknown('DELETE', '/admin/groups', [[member, group]])
      },
      search: (url: string, { viewer }: { viewer: string | undefined }) => {
        const token = viewer === undefined ? undefined : `${VIEWER_TOKEN_PREFIX}${viewer}`
        const { target, headers } = viewerCredentials(searchTarget(url), token)
        return callService(address, { method: 'GET', target, headers })
      },
    }
    return implementation
  }
}
