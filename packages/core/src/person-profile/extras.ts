import type { Accomplishment, Education, Position, Profile } from '../model/profile.js'
import { problem } from '../model/profile-problem.js'
import { type Fields, isPlainObject } from '../model/validate-fields.js'
import type { PersonProfileDocument } from './document.js'
import type { PersonCertification, PersonEducation, PersonExperience } from './document-items.js'

/**
 * Document fields that no profile field holds. `fromPersonProfile` keeps them, as given, under
 * the profile's `personProfile` key (the index ignores unknown keys and snapshots keep them),
 * and `toPersonProfile` gives them back, so a document survives the round trip whole.
 */
export const EXTRA_FIELDS = [
  'background_cover_image_url',
  'full_name',
  'follower_count',
  'occupation',
  'country_full_name',
  'city',
  'state',
  'languages',
  'accomplishment_organisations',
  'accomplishment_honors_awards',
  'accomplishment_patents',
  'accomplishment_courses',
  'accomplishment_test_scores',
  'volunteer_work',
  'people_also_viewed',
  'recommendations',
  'activities',
  'similarly_named_profiles',
  'articles',
  'groups',
  'personal_emails',
  'personal_numbers',
] as const satisfies readonly (keyof PersonProfileDocument)[]
export type ExtraField = (typeof EXTRA_FIELDS)[number]

export type PersonProfileExtras = Partial<Pick<PersonProfileDocument, ExtraField>>
export type ExperienceExtras = Partial<
  Pick<
    PersonExperience,
    'company_linkedin_profile_url' | 'company_facebook_profile_url' | 'location' | 'logo_url'
  >
>
export type EducationExtras = Partial<
  Pick<PersonEducation, 'school_linkedin_profile_url' | 'logo_url' | 'grade'>
>
export type CertificationExtras = Partial<Pick<PersonCertification, 'license_number' | 'display_source'>>

/** A profile made from a Person Profile document: the document-only fields ride along. */
export interface PersonProfileProfile extends Profile {
  personProfile?: PersonProfileExtras
  positions?: (Position & { personProfile?: ExperienceExtras })[]
  educations?: (Education & { personProfile?: EducationExtras })[]
  certifications?: (Accomplishment & { personProfile?: CertificationExtras })[]
}

/**
 * The extras riding on a profile or one of its items, `{}` when there are none. Profiles come
 * from callers and snapshots too, so whatever sits under `personProfile` is checked, not trusted.
 */
export function extrasOf(holder: object): Record<string, unknown> {
  const extras = (holder as { personProfile?: unknown }).personProfile
  return isPlainObject(extras) ? extras : {}
}

/**
 * The extras of a document, each as given. Only an object is refused: in seed `000_…` every
 * extra is a value or a list.
 */
export function readExtras(document: Fields): PersonProfileExtras {
  const extras: Record<string, unknown> = {}
  for (const key of EXTRA_FIELDS) {
    const value = document[key]
    if (value === undefined) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      problem(key, 'must be a value or a list', value)
    extras[key] = value
  }
  return extras
}
