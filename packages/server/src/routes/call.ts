import type { IncomingHttpHeaders } from 'node:http'
import type { PeopleIndex } from '@people-search/core'
import type { Authenticator } from '../auth/authenticate.js'
import type { ServerConfig } from '../config/server-config.js'
import type { Format } from '../http/format.js'
import type { RequestTarget } from '../http/request-target.js'
import type { TestWorld } from '../state/test-world.js'
import type { Write } from '../state/write.js'
import type { LookupRate } from '../throttle/lookup-rate.js'
import type { SearchQuota } from '../throttle/search-quota.js'

/** One request as the routes see it: framework-free, so each route can be read on its own. */
export interface Call {
  method: string
  /** The raw target as sent (docs/spec.md §9.1). */
  rawTarget: string
  target: RequestTarget
  headers: IncomingHttpHeaders
  scheme: 'http' | 'https'
  /** The body as text (`''` without one). */
  body: string
  format: Format
}

/** What a route answers: a document in the call's format, with its status and extra headers. */
export interface Answer {
  status?: number
  body: string
  headers?: Readonly<Record<string, string>>
}

/** The data the service answers from, and, when it has a state directory, how it changes it durably. */
export interface ServedData {
  readonly index: PeopleIndex
  /** Resolves once the write is durable and applied (docs/spec.md §9.5); absent without a state directory. */
  apply?(write: Write): Promise<{ seq: number }>
  /** Writes a snapshot and compacts the log; absent without a state directory. */
  snapshot?(): Promise<{ seq: number; path: string }>
  close?(): Promise<void>
}

/** Everything a route may use. */
export interface Services {
  config: ServerConfig
  data: ServedData
  authenticator: Authenticator
  searches: SearchQuota
  lookups: LookupRate
  /** The service clock, ms since the epoch. */
  now: () => number
  /** In test mode, the test world (also `data`), which `POST /admin/test-mode` replaces. */
  testWorld?: TestWorld
}
