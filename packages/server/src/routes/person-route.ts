import { personToXml } from '@people-search/xml'
import { jsonText } from '../http/format.js'
import { authenticate } from './authenticate-call.js'
import type { Answer, Call, Services } from './call.js'

const PEOPLE = '/v1/people/'
/** `~`, as sent or percent-encoded, names the caller itself. */
const SELF = /^(?:~|%7e)(?=:|$)/i

/**
 * `GET /v1/people/~ | id=<id> | <id> | url=<encoded URL> [:full | :public | :(selector)]` and the
 * site link `GET /profile/view?id=…&authToken=…&authType=…` (docs/spec.md §9.1): the legacy person
 * document of §6.2 for the authenticated member. A link's token arrives in `x-li-auth-token`
 * (`type:token`) or as the `authToken`/`authType` parameters. Each fetch counts against the
 * access token's lookups per minute (§9.4).
 */
export function personRoute(call: Call, services: Services): Answer {
  const caller = authenticate(call, services)
  services.lookups.take(caller.token)
  const { path, params } = call.target
  const reference = path.startsWith(PEOPLE)
    ? PEOPLE + path.slice(PEOPLE.length).replace(SELF, caller.member)
    : call.rawTarget
  const person = services.data.index.getPerson(reference, {
    viewer: caller.member,
    token: tokenOf(call, params),
  })
  return { body: call.format === 'json' ? jsonText(person) : personToXml(person) }
}

function tokenOf(call: Call, params: URLSearchParams): string | undefined {
  const header = call.headers['x-li-auth-token']
  const first = Array.isArray(header) ? header[0] : header
  if (first !== undefined) return first
  const token = params.get('authToken')
  if (token === null) return undefined
  const type = params.get('authType')
  return type === null ? token : `${type}:${token}`
}
