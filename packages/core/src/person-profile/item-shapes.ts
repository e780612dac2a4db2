import type { Accomplishment, Education, Position } from '../model/profile.js'
import type {
  PersonCertification,
  PersonEducation,
  PersonExperience,
  PersonProject,
  PersonPublication,
} from './document-items.js'

/** The string fields of a profile item `T`. */
type TextField<T> = { [K in keyof T]-?: NonNullable<T[K]> extends string ? K : never }[keyof T] & string

/**
 * How one key `key` of a document item `D` maps onto the profile item `T` it becomes. One table
 * serves both directions, so a key read in is always a key written back.
 */
export type ItemColumn<T, D> =
  /** A string of the item, the field named by `text`; written back from it, else from `or`. */
  | { key: keyof D & string; text: TextField<T>; or?: TextField<T> }
  /** A date of the item; written back as `null` when the item's dates are not public. */
  | { key: keyof D & string; date: 'startDate' | 'endDate' }
  /** The `name` of the item's organisation (the shape's `org`). */
  | { key: keyof D & string; orgName: true }
  /**
   * No profile field holds it: kept as given under the item's `personProfile`. `orgPage`: an
   * organisation page URL whose slug is also the organisation's id. `ifGiven`: written back only
   * when the document had the key (the fixture has it on some items only).
   */
  | { key: keyof D & string; kept: true; orgPage?: true; ifGiven?: true }

/** A document item's keys in document order (the order they are written back in). */
export interface ItemShape<T, D> {
  /** The organisation every item of this kind has (docs/spec.md §1.1), if any. */
  org?: 'company' | 'school'
  columns: readonly ItemColumn<T, D>[]
}

export const EXPERIENCE: ItemShape<Position, PersonExperience> = {
  org: 'company',
  columns: [
    { key: 'starts_at', date: 'startDate' },
    { key: 'ends_at', date: 'endDate' },
    { key: 'company', orgName: true },
    { key: 'company_linkedin_profile_url', kept: true, orgPage: true },
    { key: 'company_facebook_profile_url', kept: true, ifGiven: true },
    { key: 'title', text: 'title' },
    { key: 'description', text: 'summary' },
    { key: 'location', kept: true },
    { key: 'logo_url', kept: true },
  ],
}

export const EDUCATION: ItemShape<Education, PersonEducation> = {
  org: 'school',
  columns: [
    { key: 'starts_at', date: 'startDate' },
    { key: 'ends_at', date: 'endDate' },
    { key: 'field_of_study', text: 'fieldOfStudy' },
    { key: 'degree_name', text: 'degree' },
    { key: 'school', orgName: true },
    { key: 'school_linkedin_profile_url', kept: true, orgPage: true },
    { key: 'description', text: 'notes' },
    { key: 'logo_url', kept: true },
    { key: 'grade', kept: true },
    { key: 'activities_and_societies', text: 'activities' },
  ],
}

// Enrichment items carry a name or a title; each document item shows whichever it has.
export const CERTIFICATION: ItemShape<Accomplishment, PersonCertification> = {
  columns: [
    { key: 'starts_at', date: 'startDate' },
    { key: 'ends_at', date: 'endDate' },
    { key: 'name', text: 'name', or: 'title' },
    { key: 'license_number', kept: true },
    { key: 'display_source', kept: true },
    { key: 'authority', text: 'authority' },
    { key: 'url', text: 'url' },
  ],
}

export const PROJECT: ItemShape<Accomplishment, PersonProject> = {
  columns: [
    { key: 'starts_at', date: 'startDate' },
    { key: 'ends_at', date: 'endDate' },
    { key: 'title', text: 'title', or: 'name' },
    { key: 'description', text: 'description' },
    { key: 'url', text: 'url' },
  ],
}

export const PUBLICATION: ItemShape<Accomplishment, PersonPublication> = {
  columns: [
    { key: 'name', text: 'name', or: 'title' },
    { key: 'publisher', text: 'publisher' },
    { key: 'published_on', date: 'startDate' },
    { key: 'description', text: 'description' },
    { key: 'url', text: 'url' },
  ],
}
