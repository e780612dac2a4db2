import type { PersonProfileDocument } from './document.js'
import { countryName } from './location.js'
import { occupationOf } from './occupation.js'
import { profileSlug } from './profile-url.js'
import type { PublicView } from './public-view.js'

/** One writer per document field, in document order: the order `toPersonProfile` writes in. */
type Writers = { [K in keyof PersonProfileDocument]-?: (view: PublicView) => PersonProfileDocument[K] }

export const DOCUMENT_WRITERS: Writers = {
  public_identifier: (v) => publicIdentifier(v.profile.publicProfileUrl, v.profile.id),
  profile_pic_url: (v) => v.publicText('profile_pic_url'),
  background_cover_image_url: (v) => v.extra('background_cover_image_url', null),
  first_name: (v) => v.profile.firstName,
  last_name: (v) => v.profile.lastName,
  full_name: (v) => v.extra('full_name', `${v.profile.firstName} ${v.profile.lastName}`),
  follower_count: (v) => v.extra('follower_count', null),
  // Derived from the positions section, so `null` whenever that section is hidden, even when the
  // document gave its own text (docs/spec.md §1.3); else as the document gave it, or "Title at
  // Company" of the first public current position.
  occupation: (v) => (v.isPublic('positions') ? v.extra('occupation', occupationOf(v.profile, v.now)) : null),
  headline: (v) => v.publicText('headline'),
  summary: (v) => v.publicText('summary'),
  country: (v) => v.country ?? null,
  country_full_name: (v) => v.extra('country_full_name', countryName(v.country)),
  city: (v) => v.extra('city', null),
  state: (v) => v.extra('state', null),
  experiences: (v) => v.list('experiences'),
  education: (v) => v.list('education'),
  languages: (v) => v.extraList('languages'),
  accomplishment_organisations: (v) => v.extraList('accomplishment_organisations'),
  accomplishment_publications: (v) => v.list('accomplishment_publications'),
  // The one extra a profile section hides: honours are the profile's `honors` text.
  accomplishment_honors_awards: (v) =>
    v.isPublic('honors') ? v.extraList('accomplishment_honors_awards') : null,
  accomplishment_patents: (v) => v.extraList('accomplishment_patents'),
  accomplishment_courses: (v) => v.extraList('accomplishment_courses'),
  accomplishment_projects: (v) => v.list('accomplishment_projects'),
  accomplishment_test_scores: (v) => v.extraList('accomplishment_test_scores'),
  volunteer_work: (v) => v.extraList('volunteer_work'),
  certifications: (v) => v.list('certifications'),
  connections: (v) => v.profile.numConnections ?? null,
  people_also_viewed: (v) => v.extraList('people_also_viewed'),
  recommendations: (v) => v.extraList('recommendations'),
  activities: (v) => v.extraList('activities'),
  similarly_named_profiles: (v) => v.extraList('similarly_named_profiles'),
  articles: (v) => v.extraList('articles'),
  groups: (v) => v.extraList('groups'),
  skills: (v) => v.list('skills'),
  personal_emails: (v) => v.contact('personal_emails'),
  personal_numbers: (v) => v.contact('personal_numbers'),
}

/** The slug of `publicProfileUrl` as written, else the member id. */
function publicIdentifier(publicProfileUrl: string | undefined, id: string): string {
  if (publicProfileUrl !== undefined) {
    try {
      return profileSlug(publicProfileUrl)
    } catch {
      // Not a public profile URL: fall back to the id.
    }
  }
  return id
}
