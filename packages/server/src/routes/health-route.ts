import { jsonText } from '../http/format.js'
import type { Answer, Services } from './call.js'

/** `GET /health`: `{"status": "ok", "members": N}` (docs/spec.md §9.1), without credentials, for load balancers. */
export function healthRoute(services: Services): Answer {
  return { body: jsonText({ status: 'ok', members: services.data.index.size }) }
}
