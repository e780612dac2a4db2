import type { ProfileDate } from './profile-date.js'

// Items no profile field holds: kept verbatim under the profile's `personProfile` and given back
// as they came (extras.ts), so their shapes are only documentation of seed `000_…`.

export interface PersonOrganisation {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  org_name: string | null
  title: string | null
  description: string | null
}

export interface PersonHonourAward {
  title: string | null
  issuer: string | null
  issued_on: ProfileDate | null
  description: string | null
}

export interface PersonPatent {
  title: string | null
  issuer: string | null
  issued_on: ProfileDate | null
  description: string | null
  application_number: string | null
  patent_number: string | null
  url: string | null
}

export interface PersonCourse {
  name: string | null
  number: string | null
}

export interface PersonTestScore {
  name: string | null
  score: string | null
  date_on: ProfileDate | null
  description: string | null
}

export interface PersonVolunteerWork {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  title: string | null
  cause: string | null
  company: string | null
  company_linkedin_profile_url: string | null
  description: string | null
  logo_url: string | null
}

export interface PersonAlsoViewed {
  link: string | null
  name: string | null
  summary: string | null
  location: string | null
}

export interface PersonActivity {
  title: string | null
  link: string | null
  activity_status: string | null
}

export interface PersonSimilarProfile {
  name: string | null
  link: string | null
  summary: string | null
  location: string | null
}

export interface PersonArticle {
  title: string | null
  link: string | null
  published_date: ProfileDate | null
  author: string | null
  image_url: string | null
}

export interface PersonGroup {
  profile_pic_url: string | null
  name: string | null
  url: string | null
}
