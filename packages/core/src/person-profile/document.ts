import type {
  PersonActivity,
  PersonAlsoViewed,
  PersonArticle,
  PersonCourse,
  PersonGroup,
  PersonHonourAward,
  PersonOrganisation,
  PersonPatent,
  PersonSimilarProfile,
  PersonTestScore,
  PersonVolunteerWork,
} from './carried-items.js'
import type {
  PersonCertification,
  PersonEducation,
  PersonExperience,
  PersonProject,
  PersonPublication,
} from './document-items.js'

/**
 * The Person Profile document of seed `000_…` (docs/spec.md §1.3, §6.1): the snake_case shape of
 * `fixtures/person-profile/johnrmarty.json`. `null` means "not public", never "empty".
 */
export interface PersonProfileDocument {
  public_identifier: string
  profile_pic_url: string | null
  background_cover_image_url: string | null
  first_name: string | null
  last_name: string | null
  full_name: string | null
  follower_count: number | null
  occupation: string | null
  headline: string | null
  summary: string | null
  /** ISO 3166-1 alpha-2, upper case (`US`). */
  country: string | null
  country_full_name: string | null
  city: string | null
  state: string | null
  experiences: PersonExperience[] | null
  education: PersonEducation[] | null
  languages: string[] | null
  accomplishment_organisations: PersonOrganisation[] | null
  /** Enrichment `publications`: absent when excluded. */
  accomplishment_publications?: PersonPublication[] | null
  accomplishment_honors_awards: PersonHonourAward[] | null
  accomplishment_patents: PersonPatent[] | null
  accomplishment_courses: PersonCourse[] | null
  /** Enrichment `projects`: absent when excluded. */
  accomplishment_projects?: PersonProject[] | null
  accomplishment_test_scores: PersonTestScore[] | null
  volunteer_work: PersonVolunteerWork[] | null
  /** Enrichment `certifications`: absent when excluded. */
  certifications?: PersonCertification[] | null
  connections: number | null
  people_also_viewed: PersonAlsoViewed[] | null
  recommendations: string[] | null
  activities: PersonActivity[] | null
  similarly_named_profiles: PersonSimilarProfile[] | null
  articles: PersonArticle[] | null
  groups: PersonGroup[] | null
  /** Enrichment `skills`: absent when excluded. */
  skills?: string[] | null
  /** `null` when the member's email is not public (seed: "Connections only" → null). */
  personal_emails?: string[] | null
  personal_numbers?: string[] | null
}
