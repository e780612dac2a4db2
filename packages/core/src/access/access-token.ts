import { createHmac, timingSafeEqual } from 'node:crypto'
import { types } from 'node:util'
import type { AuthType } from '../domain/degree.js'
import { fail } from '../errors.js'

/** How long a profile link's token stays valid from the search that issues it (docs/spec.md §6.2). */
export const DEFAULT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000

/** The shortest key a token MAC accepts, in bytes (docs/spec.md §6.2). */
export const MIN_SECRET_BYTES = 32

// Longest well-formed token: 11 base-36 digits (any safe integer), a dot, 43 MAC characters.
const MAX_TOKEN_LENGTH = 64
const EXPIRY = /^[0-9a-z]{1,11}$/
// A new label whenever the MAC's fields change, so tokens of an older layout never verify.
const LABEL = 'people-search/profile-token/v2'

/**
 * What a token is issued for (docs/spec.md §6.2): the viewer and the member, each with its
 * incarnation (0 for an id's first life, one more each time the id is removed), and the link type.
 */
export interface TokenGrant {
  readonly viewer: string
  readonly viewerIncarnation: number
  readonly member: string
  readonly memberIncarnation: number
  readonly type: AuthType
}

/**
 * The index's token key: a copy of `secret` as bytes, a `Buffer` or `Uint8Array` or a string
 * (its UTF-8 bytes) of at least `MIN_SECRET_BYTES`; anything else is the catalogued
 * `invalid-token-secret`, which names the kind and length of what was given, never its bytes.
 */
export function tokenSecret(secret: unknown): Buffer {
  let key: Buffer | undefined
  if (types.isUint8Array(secret)) key = Buffer.from(secret)
  else if (typeof secret === 'string') key = Buffer.from(secret, 'utf8')
  if (key === undefined) return fail('invalid-token-secret', { min: MIN_SECRET_BYTES, given: kindOf(secret) })
  if (key.length < MIN_SECRET_BYTES)
    fail('invalid-token-secret', { min: MIN_SECRET_BYTES, given: `${key.length} bytes` })
  return key
}

/**
 * A token for `grant` valid until `expiresAt` (ms since the epoch): the expiry in base 36, a dot,
 * and the base64url HMAC-SHA256 of the grant and the expiry.
 */
export function issueToken(secret: Buffer, grant: TokenGrant, expiresAt: number): string {
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) fail('invalid-token-expiry', { expiresAt })
  return `${expiresAt.toString(36)}.${mac(secret, grant, expiresAt)}`
}

/**
 * The expiry of `token` when it was issued with this secret for exactly this grant and is still
 * valid at `now` (valid while `now < expiresAt`); `undefined` for anything else, malformed
 * input included.
 */
export function verifyToken(
  secret: Buffer,
  token: unknown,
  grant: TokenGrant,
  now: number,
): number | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined
  const dot = token.indexOf('.')
  const expiry = token.slice(0, dot)
  if (dot < 0 || !EXPIRY.test(expiry)) return undefined
  const expiresAt = Number.parseInt(expiry, 36)
  if (!Number.isSafeInteger(expiresAt) || !(now < expiresAt)) return undefined
  // Comparing whole canonical strings also refuses the spare low bits base64url lets vary.
  const expected = Buffer.from(issueToken(secret, grant, expiresAt))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected) ? expiresAt : undefined
}

// JSON quoting keeps the fields apart whatever the ids hold, so none can shift into another;
// the label keeps these MACs from meaning anything to other uses of the same secret.
function mac(secret: Buffer, grant: TokenGrant, expiresAt: number): string {
  const { viewer, viewerIncarnation, member, memberIncarnation, type } = grant
  const message = JSON.stringify([
    LABEL,
    viewer,
    viewerIncarnation,
    member,
    memberIncarnation,
    type,
    expiresAt,
  ])
  return createHmac('sha256', secret).update(message).digest('base64url')
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  return Array.isArray(value) ? 'an array' : 'an object'
}
