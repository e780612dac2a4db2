import { fail, readArgument } from '../errors.js'
import { isPlainObject } from '../model/validate-fields.js'
import { ENRICHMENTS, type Enrichment } from '../person-profile/enrichments.js'
import { normalizeProfileUrl } from '../person-profile/profile-url.js'

/** The parameters of a Person Profile lookup (docs/spec.md §6.1). Values are case-insensitive. */
export interface LookupParams {
  profile_url: string
  certifications?: 'include' | 'exclude'
  projects?: 'include' | 'exclude'
  publications?: 'include' | 'exclude'
  skills?: 'include' | 'exclude'
  use_cache?: 'if-present' | 'if-recent'
  fallback_to_cache?: 'on-error' | 'never'
}

/** A lookup's parameters once read: every default applied, the URL normalised. */
export interface LookupRequest {
  url: string
  enrichments: Record<Enrichment, boolean>
  ifRecent: boolean
  fallback: boolean
}

export const ENRICHMENT_NAMES = Object.keys(ENRICHMENTS) as Enrichment[]

/**
 * The request of untyped `params`, or a 400 naming the first bad parameter; a getter or Proxy
 * trap that throws while `params` is read is the 400 `unreadable-argument`.
 */
export function readLookupParams(params: unknown): LookupRequest {
  return readArgument('lookup parameters', () => readParams(params))
}

function readParams(params: unknown): LookupRequest {
  if (!isPlainObject(params)) fail('invalid-lookup-parameters')
  const raw = params.profile_url
  if (raw === undefined) fail('missing-parameter', { parameter: 'profile_url' })
  if (typeof raw !== 'string') fail('invalid-parameter-value', { parameter: 'profile_url', value: raw })
  const url = normalizeProfileUrl(raw)
  const enrichments = {} as Record<Enrichment, boolean>
  for (const name of ENRICHMENT_NAMES)
    enrichments[name] = choice(params[name], name, ['include', 'exclude'], 'exclude') === 'include'
  const ifRecent =
    choice(params.use_cache, 'use_cache', ['if-present', 'if-recent'], 'if-present') === 'if-recent'
  const fallback = choice(params.fallback_to_cache, 'fallback_to_cache', ['on-error', 'never'], 'on-error')
  return { url, enrichments, ifRecent, fallback: fallback === 'on-error' }
}

function choice(value: unknown, name: string, allowed: readonly string[], fallback: string): string {
  if (value === undefined) return fallback
  if (typeof value === 'string' && allowed.includes(value.toLowerCase())) return value.toLowerCase()
  return fail('invalid-choice', { parameter: name, value, choices: allowed.join(' or ') })
}
