import type { Education, Position, Profile, Section } from '../model/profile.js'
import { itemClass, PUBLIC, sectionClass } from '../model/visibility.js'
import type { PersonProfileDocument } from './document.js'
import { type ExtraField, extrasOf } from './extras.js'
import { countryOf } from './location.js'
import { CONTACT_SECTIONS, LIST_SECTIONS, type ListKey, type ListSection, PUBLIC_TEXT } from './sections.js'

type PublicTextKey = (typeof PUBLIC_TEXT)[number]['key']
type PublicTextField = (typeof PUBLIC_TEXT)[number]['field']

const TEXT_BY_KEY = new Map<string, PublicTextField>(PUBLIC_TEXT.map(({ key, field }) => [key, field]))
const LIST_BY_KEY = new Map<ListKey, ListSection>(LIST_SECTIONS.map((list) => [list.key, list]))
const CONTACT_BY_KEY = new Map<string, 'email' | 'phone'>(
  CONTACT_SECTIONS.map(({ key, section }) => [key, section]),
)

/**
 * A profile as a caller without a viewer may see it, which is what a document is written
 * from: the profile, the extras its document left on it, and the caller's clock. Every
 * section's value goes through `isPublic`; names, location and counts are always public
 * (docs/spec.md §1.1).
 */
export class PublicView {
  /** The document's `country`: the location code's country, upper case. */
  readonly country: string | undefined
  private readonly extras: Record<string, unknown>

  constructor(
    readonly profile: Profile,
    /** The caller's clock, ms since the epoch, if it gave one. */
    readonly now: number | undefined,
  ) {
    this.country = countryOf(profile)
    this.extras = extrasOf(profile)
  }

  isPublic(section: Section): boolean {
    return sectionClass(this.profile, section) === PUBLIC
  }

  /** The extra as the document gave it (`null` included), else `fallback`. */
  extra<T>(key: ExtraField, fallback: T): T {
    const value = this.extras[key]
    return value === undefined ? fallback : (value as T)
  }

  /** An extra list as given, or `null`; `[]` when there is none or it is not a list. */
  extraList<T>(key: ExtraField): T[] | null {
    const value = this.extras[key]
    return value === null || Array.isArray(value) ? (value as T[] | null) : []
  }

  /** The text at document key `key` (`PUBLIC_TEXT`); `null` when its section is hidden or it is missing. */
  publicText(key: PublicTextKey): string | null {
    const field = TEXT_BY_KEY.get(key) as PublicTextField
    return this.isPublic(field) ? (this.profile[field] ?? null) : null
  }

  /**
   * The public items of the list section at document key `key` (`LIST_SECTIONS`), `null`
   * when the section is not public; a public but absent section is `[]`.
   */
  list<K extends ListKey>(key: K): PersonProfileDocument[K] {
    const list = LIST_BY_KEY.get(key) as ListSection
    const cls = sectionClass(this.profile, list.section)
    if (cls !== PUBLIC) return null as PersonProfileDocument[K]
    const out: unknown[] = []
    for (const item of (this.profile[list.section] ?? []) as unknown[]) {
      if (!list.itemVisibility) {
        out.push(list.write(item, true))
        continue
      }
      const { visibility, datesVisibility } = item as Position | Education
      const own = itemClass(cls, visibility)
      if (own === PUBLIC) out.push(list.write(item, itemClass(own, datesVisibility) === PUBLIC))
    }
    return out as PersonProfileDocument[K]
  }

  /**
   * The contact list at document key `key` (`CONTACT_SECTIONS`), `null` when the section is not
   * public: the list as the document gave it while the profile still holds its first entry.
   */
  contact(key: 'personal_emails' | 'personal_numbers'): string[] | null {
    const section = CONTACT_BY_KEY.get(key) as 'email' | 'phone'
    if (!this.isPublic(section)) return null
    const value = this.profile[section]
    const given = this.extras[key]
    if (Array.isArray(given) && (given.length === 0 ? value === undefined : given[0] === value))
      return [...given]
    return value === undefined ? [] : [value]
  }
}
