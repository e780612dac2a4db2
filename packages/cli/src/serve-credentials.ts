import { randomBytes } from 'node:crypto'
import type { ServerConfigInput } from '@people-search/server'

/** An access token made for this run, for one viewer. */
export interface GeneratedToken {
  member: string
  token: string
}

/** What `serve` adds to the configuration so that a newcomer can `curl` at once. */
export interface GeneratedCredentials {
  /** The configuration with the generated credentials in it. */
  config: ServerConfigInput
  tokens: GeneratedToken[]
  /** The admin key made for this run, or `undefined` when the config has one. */
  adminKey: string | undefined
}

/** At most this many viewers get a token: enough to compare two networks, few enough to read. */
export const MAX_GENERATED_TOKENS = 5

/**
 * Whether the configuration gives credentials for `/v1` calls (docs/spec.md §9.2): any access
 * token or any OAuth 1.0a consumer. When it does, the operator has chosen who may call, and
 * `serve` adds nobody.
 */
export function givesCredentials(config: ServerConfigInput): boolean {
  return Object.keys(config.accessTokens ?? {}).length > 0 || Object.keys(config.consumers ?? {}).length > 0
}

/**
 * Adds, to a configuration that gives no credentials, one fresh random access token for each of
 * `viewers` (the first {@link MAX_GENERATED_TOKENS}), and an admin key when it has none. The
 * tokens and the key are 128 and 192 random bits in base64url, so they need no escaping in a
 * URL or a shell line; they live as long as the process: a restart makes new ones.
 */
export function generateCredentials(
  config: ServerConfigInput,
  viewers: readonly string[],
): GeneratedCredentials {
  const tokens = givesCredentials(config)
    ? []
    : [...new Set(viewers)].slice(0, MAX_GENERATED_TOKENS).map((member) => ({ member, token: secret(16) }))
  const adminKey = config.adminKey === undefined ? secret(24) : undefined
  return {
    config: {
      ...config,
      ...(tokens.length === 0
        ? {}
        : { accessTokens: Object.fromEntries(tokens.map((t) => [t.token, t.member])) }),
      ...(adminKey === undefined ? {} : { adminKey }),
    },
    tokens,
    adminKey,
  }
}

function secret(bytes: number): string {
  return randomBytes(bytes).toString('base64url')
}
