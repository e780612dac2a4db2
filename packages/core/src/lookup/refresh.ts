import { PeopleSearchError } from '../errors.js'
import type { Profile } from '../model/profile.js'
import type { PersonProfileDocument } from '../person-profile/document.js'
import { fromPersonProfile } from '../person-profile/from-person-profile.js'
import { profileSlug } from '../person-profile/profile-url.js'
import { canonicalSlug, hashedMemberId } from '../person-profile/slug.js'
import { findMember } from './find-member.js'
import type { LookupHost } from './lookup-host.js'
import { refreshedProfile } from './refreshed-profile.js'

/**
 * What a refresh did: stored a fresh copy as the member's new version; found none (`failed`
 * says why: returned rather than thrown, because `fallback_to_cache` decides whether it is an
 * error); or fetched one but stored nothing because the member changed while it was being
 * fetched (`overtaken`).
 */
export type RefreshOutcome = { stored: Profile } | { failed: PeopleSearchError } | { overtaken: true }

/**
 * A fresh copy of `url` from the source, stored as the member's new version with the index
 * clock as its `updatedAt` — but only if, once the source has answered, `url` still names the
 * member it named when the fetch began (`stored`, or nobody), in the same version and
 * incarnation: a member removed or replaced while it was being fetched is not brought back
 * or overwritten by an older read (docs/spec.md §7).
 */
export async function refresh(
  url: string,
  stored: Profile | undefined,
  host: LookupHost,
): Promise<RefreshOutcome> {
  const source = host.source
  if (source === undefined) return { failed: new PeopleSearchError('no-profile-source') }
  const incarnation = stored === undefined ? undefined : host.incarnationOf(stored.id)
  const version = stored === undefined ? undefined : host.versionOf(stored.id)
  let document: PersonProfileDocument | null
  try {
    document = await source.fetch(url)
  } catch (error) {
    return { failed: new PeopleSearchError('profile-source-failed', { cause: error }) }
  }
  if (document === null || document === undefined)
    return { failed: new PeopleSearchError('profile-not-found', { url }) }
  let fresh: Profile
  try {
    fresh = fromPersonProfile(document)
  } catch (error) {
    return { failed: new PeopleSearchError('profile-source-invalid-document', { cause: error }) }
  }
  // From here to `store` nothing awaits: the check and the write see the same index.
  const named = findMember(url, host)
  const overtaken =
    named?.id !== stored?.id ||
    (stored !== undefined &&
      (host.versionOf(stored.id) !== version || host.incarnationOf(stored.id) !== incarnation))
  if (overtaken) return { overtaken: true }
  let profile: Profile
  if (stored !== undefined) profile = refreshedProfile(stored, fresh, document)
  else if (host.profileOf(fresh.id) === undefined) profile = { ...fresh }
  // The slug's id belongs to a member with another public URL: this profile takes the hashed id.
  else profile = { ...fresh, id: hashedMemberId(canonicalSlug(profileSlug(url))) }
  profile.updatedAt = new Date(host.now()).toISOString()
  host.store(profile)
  return { stored: profile }
}
