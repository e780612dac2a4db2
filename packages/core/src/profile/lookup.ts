import { fail, PeopleSearchError } from '../errors.js'
import type { Profile, Section } from '../model/profile.js'
import { isPlainObject } from '../model/validate-fields.js'
import { backfill, type ProfileVersion } from './history.js'
import {
  ENRICHMENTS,
  type Enrichment,
  fromPersonProfile,
  type PersonProfileDocument,
  toPersonProfile,
} from './person-profile.js'
import type { ProfileSource } from './profile-source.js'
import {
  canonicalSlug,
  hashedMemberId,
  memberIdOfSlug,
  normalizeProfileUrl,
  PROFILE_URL_PREFIX,
  profileSlug,
  tryNormalizeProfileUrl,
} from './profile-url.js'

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

export interface LookupResult {
  /** The public Person Profile document. */
  profile: PersonProfileDocument
  /** What the lookup costs: 1, +1 with `if-recent`, +1 per included enrichment with data. */
  credits: number
}

/** Every error a lookup throws says it cost nothing. */
export type LookupError = PeopleSearchError & { credits: 0 }

/** A stored copy at most this old is recent enough for `use_cache=if-recent`. */
export const RECENT_MS = 29 * 24 * 60 * 60 * 1000

/** What a lookup needs from the index. */
export interface LookupHost {
  /** The index clock, ms since the epoch. */
  now(): number
  source: ProfileSource | undefined
  /** Ids of members whose `publicProfileUrl` normalises to `url`, most recent last. */
  idsWithUrl(url: string): readonly string[]
  profileOf(id: string): Profile | undefined
  /** The time of the current version of a member (its `updatedAt`, else when it was added). */
  timeOf(profile: Profile): number | undefined
  versionsOf(id: string): readonly ProfileVersion[]
  /** Stores a new version through the index's `add` (search sees it). */
  store(profile: Profile): void
}

interface Request {
  url: string
  enrichments: Record<Enrichment, boolean>
  ifRecent: boolean
  fallback: boolean
}

const ENRICHMENT_NAMES = Object.keys(ENRICHMENTS) as Enrichment[]

/**
 * The Person Profile lookup of docs/spec.md §6.1: public data only. Throws (rejects with) a
 * `PeopleSearchError` carrying `credits: 0`: 400 for a bad parameter, 404 for a profile that is
 * neither stored nor (with `if-recent`) found by the source, 503 `sourceFailed` for a failed
 * refresh without a copy to fall back on (or with `fallback_to_cache=never`).
 */
export async function lookupProfile(params: unknown, host: LookupHost): Promise<LookupResult> {
  try {
    return await lookup(params, host)
  } catch (error) {
    if (error instanceof PeopleSearchError) Object.assign(error, { credits: 0 })
    throw error
  }
}

async function lookup(params: unknown, host: LookupHost): Promise<LookupResult> {
  const request = readParams(params)
  const stored = findMember(request.url, host)
  let profile = stored
  if (request.ifRecent) {
    const time = stored === undefined ? undefined : host.timeOf(stored)
    const recent = time !== undefined && host.now() - time <= RECENT_MS
    if (!recent) {
      const refreshed = await refresh(request.url, stored, host)
      if (refreshed instanceof PeopleSearchError) {
        if (!(request.fallback && stored !== undefined)) throw refreshed
      } else profile = refreshed
    }
  }
  if (profile === undefined) fail('notFound', `Profile {${request.url}} not found`)
  const now = host.now()
  const document = toPersonProfile(backfill(profile, host.versionsOf(profile.id), now), {
    enrichments: request.enrichments,
    now,
  })
  let credits = 1
  if (request.ifRecent) credits++
  for (const name of ENRICHMENT_NAMES) {
    const value = document[ENRICHMENTS[name]]
    if (request.enrichments[name] && Array.isArray(value) && value.length > 0) credits++
  }
  return { profile: document, credits }
}

function readParams(params: unknown): Request {
  if (!isPlainObject(params)) fail('badRequest', 'Profile lookup parameters must be an object')
  const raw = params.profile_url
  if (raw === undefined) fail('badParameter', 'Missing parameter {profile_url}')
  if (typeof raw !== 'string')
    fail('badParameter', `Invalid value {${String(raw)}} for parameter {profile_url}`)
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
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  return fail(
    'badParameter',
    `Invalid value {${shown}} for parameter {${name}}: expected ${allowed.join(' or ')}`,
  )
}

/**
 * The member a normalised URL names: the one most recently added whose `publicProfileUrl`
 * normalises to it; else the member whose id is the slug's ({@link memberIdOfSlug}), as long as
 * its own `publicProfileUrl` does not name another profile.
 */
export function findMember(
  url: string,
  host: Pick<LookupHost, 'idsWithUrl' | 'profileOf'>,
): Profile | undefined {
  const ids = host.idsWithUrl(url)
  for (let i = ids.length - 1; i >= 0; i--) {
    const profile = host.profileOf(ids[i])
    if (profile !== undefined) return profile
  }
  const slug = decodeURIComponent(url.slice(PROFILE_URL_PREFIX.length))
  const profile = host.profileOf(memberIdOfSlug(slug))
  if (profile === undefined) return undefined
  const own =
    profile.publicProfileUrl === undefined ? undefined : tryNormalizeProfileUrl(profile.publicProfileUrl)
  return own === undefined || own === url ? profile : undefined
}

/** A fresh copy from the source, stored as the member's new version; or why there is none. */
async function refresh(
  url: string,
  stored: Profile | undefined,
  host: LookupHost,
): Promise<Profile | PeopleSearchError> {
  const source = host.source
  if (source === undefined) return new PeopleSearchError('sourceFailed', 'No profile source is configured')
  let document: PersonProfileDocument | null
  try {
    document = await source.fetch(url)
  } catch (error) {
    return new PeopleSearchError('sourceFailed', `The profile source failed: ${(error as Error)?.message}`)
  }
  if (document === null || document === undefined)
    return new PeopleSearchError('notFound', `Profile {${url}} not found`)
  let fresh: Profile
  try {
    fresh = fromPersonProfile(document)
  } catch (error) {
    return new PeopleSearchError(
      'sourceFailed',
      `The profile source returned an invalid document: ${(error as Error).message}`,
    )
  }
  let profile: Profile
  if (stored !== undefined) profile = refreshed(stored, fresh, document)
  else if (host.profileOf(fresh.id) === undefined) profile = { ...fresh }
  // The slug's id belongs to a member with another public URL: this profile takes the hashed id.
  else profile = { ...fresh, id: hashedMemberId(canonicalSlug(profileSlug(url))) }
  profile.updatedAt = new Date(host.now()).toISOString()
  host.store(profile)
  return profile
}

/** Profile fields a Person Profile document cannot carry: a refresh keeps the stored ones. */
const KEPT_FIELDS = ['specialties', 'interests', 'honors', 'industry', 'language', 'accountLevel'] as const
const KEPT_SECTIONS: readonly Section[] = ['specialties', 'interests', 'honors']
/** Optional document fields: when the fresh document has no key, the stored section stays. */
const OPTIONAL_SECTIONS = [
  ['certifications', 'certifications'],
  ['accomplishment_projects', 'projects'],
  ['accomplishment_publications', 'publications'],
  ['skills', 'skills'],
  ['personal_emails', 'email'],
  ['personal_numbers', 'phone'],
] as const

/**
 * The new version of a stored member from a fresh document: the document's data under the
 * stored id, plus what the document cannot say (the fields above, the stored location when the
 * document has none or names the same country, the recommender count when it has no list, and
 * sections whose key the document does not have at all).
 */
function refreshed(stored: Profile, fresh: Profile, document: PersonProfileDocument): Profile {
  const profile: Profile = { ...fresh, id: stored.id }
  const visibility: NonNullable<Profile['visibility']> = { ...fresh.visibility }
  const target = profile as unknown as Record<string, unknown>
  const source = stored as unknown as Record<string, unknown>
  for (const key of KEPT_FIELDS) if (stored[key] !== undefined) target[key] = source[key]
  for (const section of KEPT_SECTIONS) {
    const setting = stored.visibility?.[section]
    if (setting !== undefined) visibility[section] = setting
  }
  if (stored.location !== undefined) {
    const country = (code: string) => code.slice(0, code.indexOf(':'))
    if (fresh.location === undefined || country(fresh.location.code) === country(stored.location.code))
      profile.location = stored.location
  }
  if (fresh.numRecommenders === undefined && stored.numRecommenders !== undefined)
    profile.numRecommenders = stored.numRecommenders
  for (const [key, section] of OPTIONAL_SECTIONS) {
    if ((document as unknown as Record<string, unknown>)[key] !== undefined) continue
    if (source[section] !== undefined) target[section] = source[section]
    const setting = stored.visibility?.[section]
    if (setting !== undefined) visibility[section] = setting
  }
  if (Object.keys(visibility).length > 0) profile.visibility = visibility
  else delete profile.visibility
  return profile
}
