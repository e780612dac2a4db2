import { fail, PeopleSearchError } from '../errors.js'
import type { PersonProfileDocument } from '../person-profile/document.js'
import { ENRICHMENTS } from '../person-profile/enrichments.js'
import { toPersonProfile } from '../person-profile/to-person-profile.js'
import { backfill } from './backfill.js'
import { findMember } from './find-member.js'
import type { LookupHost } from './lookup-host.js'
import { ENRICHMENT_NAMES, type LookupRequest, readLookupParams } from './lookup-params.js'
import { refresh } from './refresh.js'

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
  const request = readLookupParams(params)
  const stored = findMember(request.url, host)
  let profile = stored
  if (request.ifRecent) {
    const time = stored === undefined ? undefined : host.timeOf(stored)
    const recent = time !== undefined && host.now() - time <= RECENT_MS
    if (!recent) {
      const refreshed = await refresh(request.url, stored, host)
      if ('stored' in refreshed) profile = refreshed.stored
      else {
        // The index may have changed while the source was asked: a lookup that stored nothing
        // answers from the index as it is now (404 for a member removed meanwhile).
        profile = findMember(request.url, host)
        if ('failed' in refreshed && !(request.fallback && profile !== undefined)) throw refreshed.failed
      }
    }
  }
  if (profile === undefined) fail('profile-not-found', { url: request.url })
  const now = host.now()
  const document = toPersonProfile(backfill(profile, host.versionsOf(profile.id), now), {
    enrichments: request.enrichments,
    now,
  })
  return { profile: document, credits: creditsOf(document, request) }
}

/** Enrichments are paid for only when asked for and when they hold something (docs/spec.md §6.1). */
function creditsOf(document: PersonProfileDocument, request: LookupRequest): number {
  let credits = 1
  if (request.ifRecent) credits++
  for (const name of ENRICHMENT_NAMES) {
    const value = document[ENRICHMENTS[name]]
    if (request.enrichments[name] && Array.isArray(value) && value.length > 0) credits++
  }
  return credits
}
