import { type LookupParams, PeopleSearchError } from '@people-search/core'
import { jsonText } from '../http/format.js'
import { authenticate } from './authenticate-call.js'
import type { Answer, Call, Services } from './call.js'

/**
 * `POST /person-profile` (docs/spec.md §9.1): the Person Profile lookup of §6.1 for a JSON body
 * `{ profile_url, … }`, answered in JSON (the endpoint's own format) with the credits in
 * `x-credits-used` (an error costs 0, and the app says so in the same header). Each call counts against
 * the access token's lookups per minute (§9.4).
 */
export async function personProfileRoute(call: Call, services: Services): Promise<Answer> {
  const caller = authenticate(call, services)
  services.lookups.take(caller.token)
  const params = jsonObject(call.body)
  // The index checks every parameter at run time (400s naming them), as for untyped callers.
  const { profile, credits } = await services.data.index.lookupProfile(params as unknown as LookupParams)
  return { body: jsonText(profile), headers: { 'x-credits-used': String(credits) } }
}

function jsonObject(body: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    throw new PeopleSearchError('invalid-body', { expected: 'a JSON object', problem: error })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PeopleSearchError('invalid-body', { expected: 'a JSON object', problem: 'another JSON value' })
  }
  return value as Record<string, unknown>
}
