import { toXml } from '@people-search/xml'
import { jsonText } from '../http/format.js'
import { authenticate } from './authenticate-call.js'
import type { Answer, Call, Services } from './call.js'

/**
 * `GET /v1/people-search[:(selector)]?…` (docs/spec.md §9.1): docs/spec.md §3–§5 on behalf of the
 * authenticated member. The raw target goes to the index as it came: the index reads the path,
 * the selector and the query itself (§8), and ignores the transport parameters `format`,
 * `strict` and `oauth2_access_token` like any parameter it does not know (§3.7, §9.3). The call
 * counts against the member's daily quota before it runs (§9.4), whatever it answers.
 */
export function searchRoute(call: Call, services: Services): Answer {
  const caller = authenticate(call, services)
  const index = services.data.index
  services.searches.take(caller.member, index.accountLevelOf(caller.member) ?? 'basic')
  const result = index.search(call.rawTarget, { viewer: caller.member })
  return { body: call.format === 'json' ? jsonText(result) : toXml(result) }
}
