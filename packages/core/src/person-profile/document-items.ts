import type { ProfileDate } from './profile-date.js'

// The items the adapter converts into profile items (positions, educations, enrichments); any
// key not held by the profile item rides along under its `personProfile` (extras.ts).

export interface PersonExperience {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  company: string | null
  company_linkedin_profile_url: string | null
  company_facebook_profile_url?: string | null
  title: string | null
  description: string | null
  location: string | null
  logo_url: string | null
}

export interface PersonEducation {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  field_of_study: string | null
  degree_name: string | null
  school: string | null
  school_linkedin_profile_url: string | null
  description: string | null
  logo_url: string | null
  grade: string | null
  activities_and_societies: string | null
}

export interface PersonCertification {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  name: string | null
  license_number: string | null
  display_source: string | null
  authority: string | null
  url: string | null
}

export interface PersonProject {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  title: string | null
  description: string | null
  url: string | null
}

export interface PersonPublication {
  name: string | null
  publisher: string | null
  published_on: ProfileDate | null
  description: string | null
  url: string | null
}
