import { createHash } from 'node:crypto'
import { fail } from '../errors.js'
import { isMemberId } from '../model/member-id.js'

// Letters (with their marks), digits, `-`, `_` and `.`: a custom URL with anything else is
// not one the site issues. At most 100 code points, like the site's own limit.
const SLUG = /^(?=.*[\p{L}\p{N}])[\p{L}\p{M}\p{N}_.-]{1,100}$/u

/** Whether `slug` is one a public profile URL can carry (compared in NFC). */
export function isProfileSlug(slug: unknown): slug is string {
  return typeof slug === 'string' && SLUG.test(slug.normalize('NFC'))
}

/** Slugs compare lower-cased, in NFC. */
export function canonicalSlug(slug: string): string {
  return slug.normalize('NFC').toLowerCase()
}

/**
 * The member id a Person Profile document's slug is indexed under: the lower-cased slug when
 * it is a valid id (docs/spec.md §1.1: 1–64 of `[A-Za-z0-9_-]`), else `_` and 32 base64url characters
 * of its SHA-256. Site slugs never start with `_`, so the two kinds cannot collide.
 */
export function memberIdOfSlug(slug: string): string {
  if (typeof slug !== 'string')
    fail('invalid-argument', { argument: 'slug', value: slug, expected: 'a string' })
  const canonical = canonicalSlug(slug)
  if (isMemberId(canonical) && !canonical.startsWith('_')) return canonical
  return hashedMemberId(canonical)
}

/** `_` and 32 base64url characters of the SHA-256 of a canonical slug. */
export function hashedMemberId(canonical: string): string {
  return `_${createHash('sha256').update(canonical).digest('base64url').slice(0, 32)}`
}
