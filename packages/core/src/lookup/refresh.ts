import { PeopleSearchError } from '../errors.js'
import type { Profile } from '../model/profile.js'
import type { PersonProfileDocument } from '../person-profile/document.js'
import { fromPersonProfile } from '../person-profile/from-person-profile.js'
import { profileSlug } from '../person-profile/profile-url.js'
import { canonicalSlug, hashedMemberId } from '../person-profile/slug.js'
import type { LookupHost } from './lookup-host.js'
import { refreshedProfile } from './refreshed-profile.js'

/**
 * A fresh copy of `url` from the source, stored as the member's new version with the index
 * clock as its `updatedAt`; or, without storing anything, why there is none: the error is
 * returned rather than thrown because `fallback_to_cache` decides whether it is one.
 */
export async function refresh(
  url: string,
  stored: Profile | undefined,
  host: LookupHost,
): Promise<Profile | PeopleSearchError> {
  const source = host.source
  if (source === undefined) return new PeopleSearchError('no-profile-source')
  let document: PersonProfileDocument | null
  try {
    document = await source.fetch(url)
  } catch (error) {
    return new PeopleSearchError('profile-source-failed', { cause: error })
  }
  if (document === null || document === undefined) return new PeopleSearchError('profile-not-found', { url })
  let fresh: Profile
  try {
    fresh = fromPersonProfile(document)
  } catch (error) {
    return new PeopleSearchError('profile-source-invalid-document', { cause: error })
  }
  let profile: Profile
  if (stored !== undefined) profile = refreshedProfile(stored, fresh, document)
  else if (host.profileOf(fresh.id) === undefined) profile = { ...fresh }
  // The slug's id belongs to a member with another public URL: this profile takes the hashed id.
  else profile = { ...fresh, id: hashedMemberId(canonicalSlug(profileSlug(url))) }
  profile.updatedAt = new Date(host.now()).toISOString()
  host.store(profile)
  return profile
}
