import type { Profile, Section } from '../model/profile.js'
import type { PersonProfileDocument } from '../person-profile/document.js'
import { OPTIONAL_SECTIONS } from '../person-profile/sections.js'

/** Profile fields a Person Profile document cannot carry: a refresh keeps the stored ones. */
const KEPT_FIELDS = ['specialties', 'interests', 'honors', 'industry', 'language', 'accountLevel'] as const
const KEPT_SECTIONS: readonly Section[] = ['specialties', 'interests', 'honors']

/**
 * The new version of a stored member from a fresh document: the document's data under the
 * stored id, plus what the document cannot say (the fields above, the stored location when the
 * document has none or names the same country, the recommender count when it has no list, and
 * sections whose key the document does not have at all). Neither input is changed.
 */
export function refreshedProfile(stored: Profile, fresh: Profile, document: PersonProfileDocument): Profile {
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
  for (const { key, section } of OPTIONAL_SECTIONS) {
    if (document[key] !== undefined) continue
    if (source[section] !== undefined) target[section] = source[section]
    const setting = stored.visibility?.[section]
    if (setting !== undefined) visibility[section] = setting
  }
  if (Object.keys(visibility).length > 0) profile.visibility = visibility
  else delete profile.visibility
  return profile
}
