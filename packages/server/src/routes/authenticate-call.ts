import type { Caller } from '../auth/authenticate.js'
import type { Call, Services } from './call.js'

/** The member a `/v1` call is made by (docs/spec.md §9.2); 401 `invalid-access-token` otherwise. */
export function authenticate(call: Call, services: Services): Caller {
  const contentType = call.headers['content-type']
  return services.authenticator.authenticate({
    method: call.method,
    rawTarget: call.rawTarget,
    headers: call.headers,
    scheme: call.scheme,
    body: { contentType, text: call.body },
  })
}
