import { type AccountLevel, PeopleSearchError } from '@people-search/core'
import type { Credentials, OAuthConsumer, OAuthTokenGrant } from '../auth/credentials.js'

/**
 * The configuration file of the service (JSON), as a user writes it. Every key is optional: a
 * service without tokens answers every `/v1` call with 401, one without an admin key refuses
 * every admin call (docs/spec.md §9.2, §9.5).
 */
export interface ServerConfigInput {
  /** OAuth 2 access tokens, token → member id: `oauth2_access_token=` or `Authorization: Bearer`. */
  accessTokens?: Record<string, string>
  /** OAuth 1.0a consumers by key, each with its secret and its access tokens (token → secret and member). */
  consumers?: Record<string, { secret: string; tokens?: Record<string, { secret: string; member: string }> }>
  /** An authority that OAuth 1.0a signatures may be made against instead of the request's own, e.g. `http://api.linkedin.com`. */
  canonicalAuthority?: string
  /** How far an `oauth_timestamp` may be from the clock, in seconds (300). */
  timestampWindowSeconds?: number
  /** The key of the admin routes (`Authorization: Bearer <key>`). */
  adminKey?: string
  throttles?: {
    /** People searches per member per UTC day (100). */
    searchesPerDay?: number
    /** The same, per account level of the member, where it differs. */
    searchesPerDayByLevel?: Partial<Record<AccountLevel, number>>
    /** Profile lookups per access token per minute (300). */
    lookupsPerMinute?: number
  }
  /** The largest request body, in bytes (10 MiB). */
  bodyLimit?: number
  /** The key of profile-link tokens (≥ 32 bytes); random per start unless given, so links die with a restart. */
  tokenSecret?: string
  /** Result caps by account level (docs/spec.md §3.3). */
  caps?: Partial<Record<AccountLevel, number>>
  /**
   * Test mode (false): `POST /admin/test-mode` replaces the index with an empty test world, writes
   * are applied in memory only, throttles are off. Refused beside a state directory.
   */
  testMode?: boolean
}

/** The configuration the service runs with: read, checked and completed with the defaults. */
export interface ServerConfig {
  credentials: Credentials
  adminKey: string | undefined
  throttles: {
    searchesPerDay: number
    searchesPerDayByLevel: Partial<Record<AccountLevel, number>>
    lookupsPerMinute: number
  }
  bodyLimit: number
  tokenSecret: string | undefined
  caps: Partial<Record<AccountLevel, number>> | undefined
  testMode: boolean
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024
const ACCOUNT_LEVELS: readonly AccountLevel[] = ['basic', 'business', 'business-plus', 'executive']
const KEYS = new Set([
  'accessTokens',
  'consumers',
  'canonicalAuthority',
  'timestampWindowSeconds',
  'adminKey',
  'throttles',
  'bodyLimit',
  'tokenSecret',
  'caps',
  'testMode',
])

/**
 * The configuration `input` describes (a parsed config file, or an object from code). A key
 * this file does not know, or a value of the wrong shape, is a 400 `invalid-argument` naming
 * it: a typo in a config file must not silently leave a service open or closed.
 */
export function readServerConfig(input: unknown = {}): ServerConfig {
  const config = record(input, 'server config')
  for (const key of Object.keys(config)) if (!KEYS.has(key)) bad(key, config[key], 'a known key')
  const throttles = record(config.throttles ?? {}, 'throttles')
  return {
    credentials: {
      accessTokens: accessTokens(config.accessTokens ?? {}),
      consumers: consumers(config.consumers ?? {}),
      canonicalAuthority: optional(config.canonicalAuthority, 'canonicalAuthority', authority),
      timestampWindowSeconds: count(config.timestampWindowSeconds ?? 300, 'timestampWindowSeconds'),
    },
    adminKey: optional(config.adminKey, 'adminKey', credential),
    throttles: {
      searchesPerDay: count(throttles.searchesPerDay ?? 100, 'throttles.searchesPerDay'),
      searchesPerDayByLevel: perLevel(
        throttles.searchesPerDayByLevel ?? {},
        'throttles.searchesPerDayByLevel',
      ),
      lookupsPerMinute: count(throttles.lookupsPerMinute ?? 300, 'throttles.lookupsPerMinute'),
    },
    bodyLimit: count(config.bodyLimit ?? DEFAULT_BODY_LIMIT, 'bodyLimit'),
    tokenSecret: optional(config.tokenSecret, 'tokenSecret', text),
    caps: config.caps === undefined ? undefined : perLevel(config.caps, 'caps'),
    testMode: flag(config.testMode ?? false, 'testMode'),
  }
}

function accessTokens(value: unknown): Map<string, string> {
  const tokens = new Map<string, string>()
  for (const [token, member] of Object.entries(record(value, 'accessTokens'))) {
    tokens.set(credential(token, 'accessTokens key'), text(member, `accessTokens.${token}`))
  }
  return tokens
}

function consumers(value: unknown): Map<string, OAuthConsumer> {
  const result = new Map<string, OAuthConsumer>()
  for (const [key, given] of Object.entries(record(value, 'consumers'))) {
    const consumer = record(given, `consumers.${key}`)
    const tokens = new Map<string, OAuthTokenGrant>()
    for (const [token, grant] of Object.entries(record(consumer.tokens ?? {}, `consumers.${key}.tokens`))) {
      const where = `consumers.${key}.tokens.${token}`
      const { secret, member } = record(grant, where)
      tokens.set(text(token, where), {
        secret: text(secret, `${where}.secret`),
        member: text(member, `${where}.member`),
      })
    }
    result.set(text(key, 'consumers key'), {
      secret: text(consumer.secret, `consumers.${key}.secret`),
      tokens,
    })
  }
  return result
}

function perLevel(value: unknown, where: string): Partial<Record<AccountLevel, number>> {
  const given = record(value, where)
  const result: Partial<Record<AccountLevel, number>> = {}
  for (const [level, limit] of Object.entries(given)) {
    if (!(ACCOUNT_LEVELS as readonly string[]).includes(level)) bad(where, level, 'an account level')
    result[level as AccountLevel] = count(limit, `${where}.${level}`)
  }
  return result
}

function authority(value: unknown, where: string): string {
  const given = text(value, where)
  if (!/^https?:\/\/[^/?#\s]+$/i.test(given)) bad(where, value, 'scheme://host[:port], without a path')
  return given
}

/** A secret sent in a header (`Bearer <credential>`): visible ASCII, no spaces (RFC 6750 §2.1). */
function credential(value: unknown, where: string): string {
  const given = text(value, where)
  if (!/^[\x21-\x7e]+$/.test(given)) bad(where, value, 'visible ASCII characters without spaces')
  return given
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(where, value, 'an object')
  return value as Record<string, unknown>
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') bad(where, value, 'a non-empty string')
  return value as string
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) bad(where, value, 'an integer ≥ 0')
  return value as number
}

function flag(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') bad(where, value, 'true or false')
  return value as boolean
}

function optional<T>(
  value: unknown,
  where: string,
  read: (value: unknown, where: string) => T,
): T | undefined {
  return value === undefined ? undefined : read(value, where)
}

function bad(where: string, value: unknown, expected: string): never {
  throw new PeopleSearchError('invalid-argument', { argument: `server config ${where}`, value, expected })
}
