import type { Section } from '../model/profile.js'
import type { PersonProfileDocument } from './document.js'
import { ENRICHMENTS } from './enrichments.js'
import { CERTIFICATION, EDUCATION, EXPERIENCE, type ItemShape, PROJECT, PUBLICATION } from './item-shapes.js'
import { readItem } from './read-item.js'
import { textItem } from './read-values.js'
import { writeItem } from './write-item.js'

// Which document fields hold which profile sections. Reader and writer both go by these
// tables, so that what `null` hides on the way in is what comes back `null`.

/** Document strings that are a profile field and section of the same meaning. */
export const PUBLIC_TEXT = [
  { key: 'headline', field: 'headline' },
  { key: 'summary', field: 'summary' },
  { key: 'profile_pic_url', field: 'pictureUrl' },
] as const satisfies readonly { key: keyof PersonProfileDocument; field: Section }[]

/** The document lists that hold a profile section. */
export type ListKey =
  | 'experiences'
  | 'education'
  | 'skills'
  | 'certifications'
  | 'accomplishment_projects'
  | 'accomplishment_publications'

/** A document list that is a profile section: `null` for a section that is not public. */
export interface ListSection {
  key: ListKey
  section: 'positions' | 'educations' | 'skills' | 'certifications' | 'projects' | 'publications'
  /** One document item as the profile item it becomes (unchecked: the profile is validated whole). */
  read(item: unknown): unknown
  /** One profile item as its document item; `datesShown: false` where the member hides the dates. */
  write(item: unknown, datesShown: boolean): unknown
  /** Whether each item may be hidden on its own (docs/spec.md §1.1: positions and educations). */
  itemVisibility?: true
}

function itemsOf<T, D>(shape: ItemShape<T, D>): Pick<ListSection, 'read' | 'write'> {
  return {
    read: (item) => readItem(shape, item),
    write: (item, datesShown) => writeItem(shape, item as T, datesShown),
  }
}

const STRINGS: Pick<ListSection, 'read' | 'write'> = { read: textItem, write: (item) => item }

export const LIST_SECTIONS: readonly ListSection[] = [
  { key: 'experiences', section: 'positions', ...itemsOf(EXPERIENCE), itemVisibility: true },
  { key: 'education', section: 'educations', ...itemsOf(EDUCATION), itemVisibility: true },
  { key: 'skills', section: 'skills', ...STRINGS },
  { key: 'certifications', section: 'certifications', ...itemsOf(CERTIFICATION) },
  { key: 'accomplishment_projects', section: 'projects', ...itemsOf(PROJECT) },
  { key: 'accomplishment_publications', section: 'publications', ...itemsOf(PUBLICATION) },
]

/**
 * Document lists of which a profile holds the first entry only: the whole list rides along
 * as an extra and is given back while the profile still holds that entry.
 */
export const CONTACT_SECTIONS = [
  { key: 'personal_emails', section: 'email' },
  { key: 'personal_numbers', section: 'phone' },
] as const satisfies readonly { key: keyof PersonProfileDocument; section: Section }[]

const ENRICHMENT_FIELDS: ReadonlySet<string> = new Set(Object.values(ENRICHMENTS))

/**
 * Sections whose document key may be missing altogether (an excluded enrichment, an absent
 * contact list): a document without the key says nothing about the section.
 */
export const OPTIONAL_SECTIONS: readonly { key: keyof PersonProfileDocument; section: Section }[] = [
  ...LIST_SECTIONS.filter(({ key }) => ENRICHMENT_FIELDS.has(key)),
  ...CONTACT_SECTIONS,
]
