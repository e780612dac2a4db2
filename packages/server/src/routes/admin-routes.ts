import { createHash, timingSafeEqual } from 'node:crypto'
import { PeopleSearchError } from '@people-search/core'
import { readPairsBody, readProfilesBody } from '../admin/admin-body.js'
import { readTestModeBody } from '../admin/test-mode-body.js'
import { jsonText } from '../http/format.js'
import type { Write } from '../state/write.js'
import type { Answer, Call, Services } from './call.js'

/**
 * The admin routes of docs/spec.md §9.5, behind `Authorization: Bearer <admin key>`. Each write
 * is answered only once it is durable (the state directory's log is flushed) and applied; a
 * service without a state directory refuses writes (503 `no-state-directory`) rather than
 * acknowledge what a restart would lose.
 */
export async function adminRoute(name: AdminRouteName, call: Call, services: Services): Promise<Answer> {
  checkAdminKey(call, services)
  const data = services.data
  if (name === 'admin-test-mode') {
    // The route table offers this route only in test mode, where `testWorld` is set.
    if (services.testWorld === undefined)
      throw new PeopleSearchError('unknown-resource', { path: call.target.path })
    services.testWorld.reset(readTestModeBody(call.body))
    return { body: jsonText({ status: 'ok', members: services.testWorld.index.size }) }
  }
  if (name === 'admin-snapshot') {
    if (data.snapshot === undefined) throw new PeopleSearchError('no-state-directory')
    const { seq } = await data.snapshot()
    return { body: jsonText({ status: 'ok', seq, members: data.index.size }) }
  }
  const write = writeOf(name, call)
  if (data.apply === undefined) throw new PeopleSearchError('no-state-directory')
  const { seq } = await data.apply(write)
  return { body: jsonText({ status: 'ok', seq, members: data.index.size }) }
}

export type AdminRouteName =
  | 'admin-profiles'
  | 'admin-profile'
  | 'admin-connections'
  | 'admin-groups'
  | 'admin-snapshot'
  | 'admin-test-mode'

function writeOf(name: Exclude<AdminRouteName, 'admin-snapshot' | 'admin-test-mode'>, call: Call): Write {
  const adding = call.method === 'PUT'
  switch (name) {
    case 'admin-profiles':
      return { op: 'add', profiles: readProfilesBody(call.body) }
    case 'admin-profile':
      return { op: 'remove', id: memberIdOfPath(call.target.path) }
    case 'admin-connections':
      return { op: adding ? 'connect' : 'disconnect', pairs: readPairsBody(call.body, 'connections') }
    case 'admin-groups':
      return { op: adding ? 'join' : 'leave', pairs: readPairsBody(call.body, 'groups') }
  }
}

function memberIdOfPath(path: string): string {
  const encoded = path.slice('/admin/profiles/'.length)
  try {
    return decodeURIComponent(encoded)
  } catch {
    throw new PeopleSearchError('bad-request-target', { target: path })
  }
}

/** The admin key, compared in constant time; no key configured means no admin access at all. */
function checkAdminKey(call: Call, services: Services): void {
  const key = services.config.adminKey
  const header = call.headers.authorization
  const given = typeof header === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1] : undefined
  if (key === undefined || given === undefined || !sameSecret(given, key)) {
    throw new PeopleSearchError('invalid-admin-key')
  }
}

function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(a), digest(b))
}
