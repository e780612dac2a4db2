import type { Profile } from '../model/profile.js'
import { PROFILE_URL_PREFIX, tryNormalizeProfileUrl } from '../person-profile/profile-url.js'
import { memberIdOfSlug } from '../person-profile/slug.js'
import type { LookupHost } from './lookup-host.js'

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
