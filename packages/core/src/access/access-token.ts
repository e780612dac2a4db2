import { createHmac, timingSafeEqual } from 'node:crypto'
import { fail } from '../errors.js'

/** How long a profile link's token stays valid unless the caller says otherwise (docs/spec.md §6.2). */
export const DEFAULT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000

// Longest well-formed token: 11 base-36 digits (any safe integer), a dot, 43 MAC characters.
const MAX_TOKEN_LENGTH = 64
const EXPIRY = /^[0-9a-z]{1,11}$/

/**
 * A token that lets `viewer` see `member`'s profile until `expiresAt` (ms since the epoch):
 * the expiry in base 36, a dot, and the base64url HMAC-SHA256 of viewer, member and expiry.
 */
export function issueToken(secret: Buffer, viewer: string, member: string, expiresAt: number): string {
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0) fail('invalid-token-expiry', { expiresAt })
  return `${expiresAt.toString(36)}.${mac(secret, viewer, member, expiresAt)}`
}

/**
 * Whether `token` was issued with this secret for this viewer and member and is still valid
 * at `now` (valid while `now < expiresAt`). Anything malformed is simply `false`.
 */
export function verifyToken(
  secret: Buffer,
  token: unknown,
  viewer: string,
  member: string,
  now: number,
): boolean {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return false
  if (typeof viewer !== 'string' || typeof member !== 'string') return false
  const dot = token.indexOf('.')
  const expiry = token.slice(0, dot)
  if (dot < 0 || !EXPIRY.test(expiry)) return false
  const expiresAt = Number.parseInt(expiry, 36)
  if (!Number.isSafeInteger(expiresAt) || !(now < expiresAt)) return false
  // Comparing whole canonical strings also refuses the spare low bits base64url lets vary.
  const expected = Buffer.from(issueToken(secret, viewer, member, expiresAt))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

// JSON quoting keeps the fields apart whatever the ids hold, so none can shift into another;
// the label keeps these MACs from meaning anything to other uses of the same secret.
function mac(secret: Buffer, viewer: string, member: string, expiresAt: number): string {
  const message = JSON.stringify(['people-search/profile-token/v1', viewer, member, expiresAt])
  return createHmac('sha256', secret).update(message).digest('base64url')
}
