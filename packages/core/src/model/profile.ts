/** The shapes a caller hands to `PeopleIndex.add` (docs/spec.md §1.1). */

export type Visibility = 'public' | 'connections' | 'private'

export type AccountLevel = 'basic' | 'business' | 'business-plus' | 'executive'

/** Sections whose visibility a member can restrict; everything else is always public. */
export const SECTIONS = [
  'headline',
  'summary',
  'specialties',
  'interests',
  'honors',
  'positions',
  'educations',
  'skills',
  'certifications',
  'projects',
  'publications',
  'email',
  'phone',
  'pictureUrl',
] as const
export type Section = (typeof SECTIONS)[number]

export interface PartialDate {
  year: number
  month?: number
  day?: number
}

export interface Company {
  id?: string | number
  name?: string
  industry?: string
  type?: string
  size?: string
  ticker?: string
}

export interface Position {
  id?: string | number
  title?: string
  summary?: string
  company: Company
  startDate?: PartialDate
  endDate?: PartialDate
  isCurrent?: boolean
  visibility?: Visibility
  datesVisibility?: Visibility
}

export interface Education {
  id?: string | number
  school: { id?: string | number; name?: string }
  degree?: string
  fieldOfStudy?: string
  activities?: string
  notes?: string
  startDate?: PartialDate
  endDate?: PartialDate
  isCurrent?: boolean
  visibility?: Visibility
  datesVisibility?: Visibility
}

/**
 * One item of an enrichment section (certifications, projects, publications). Only `name` and
 * `title` are searchable; the rest is carried for display and the Person Profile document.
 */
export interface Accomplishment {
  name?: string
  title?: string
  authority?: string
  publisher?: string
  description?: string
  url?: string
  startDate?: PartialDate
  endDate?: PartialDate
}

export interface Location {
  name: string
  /** A location facet code `cc:N`; `cc` is the lower-case ISO 3166-1 alpha-2 country. */
  code: string
  postalCode?: string
  lat?: number
  lon?: number
}

export interface Profile {
  id: string
  firstName: string
  lastName: string
  headline?: string
  summary?: string
  specialties?: string
  interests?: string
  honors?: string
  location?: Location
  industry?: { code: number; name: string }
  language?: string
  numConnections?: number
  numRecommenders?: number
  positions?: Position[]
  educations?: Education[]
  skills?: string[]
  certifications?: Accomplishment[]
  projects?: Accomplishment[]
  publications?: Accomplishment[]
  pictureUrl?: string
  publicProfileUrl?: string
  email?: string
  phone?: string
  visibility?: Partial<Record<Section, Visibility>>
  accountLevel?: AccountLevel
  /** ISO 8601 time of the data (docs/spec.md §6). */
  updatedAt?: string
}
