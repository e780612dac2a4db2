import { isCurrentEducation, isCurrentPosition } from '../model/current.js'
import type { Profile, Section } from '../model/profile.js'
import {
  CONNECTIONS,
  itemClass,
  PRIVATE,
  PUBLIC,
  sectionClass,
  type VisibilityClass,
} from '../model/visibility.js'
import { cachedTokens } from '../text/tokens.js'

/** Searchable-text weights of SPEC §3.1. */
export const WEIGHTS = { name: 3, headline: 2, currentTitle: 2, other: 1 } as const

export const POSITION = 0
export const EDUCATION = 1

/** A position or education as the index needs it: for criteria, facets and privacy. */
export interface AnalyzedItem {
  kind: typeof POSITION | typeof EDUCATION
  current: boolean
  visibility: VisibilityClass
  /** Company or school id, lower-cased (facet bucket code); '' when it has none. */
  org: string
  /** Company or school display name; '' when it has none. */
  orgName: string
  /** Tokens a `company-name` / `school-name` criterion is judged on. */
  orgTokens: readonly string[]
  /** Tokens a `title` criterion is judged on (positions only). */
  titleTokens: readonly string[]
}

/**
 * Turns a profile into what the index stores: weighted token frequencies split into public and
 * connections-only text, weighted lengths, name keys and items. Private text is dropped here,
 * once, so nothing downstream can leak it. One analyser is reused: its maps are cleared per call.
 */
export class ProfileAnalyzer {
  readonly tfPublic = new Map<string, number>()
  readonly tfConnections = new Map<string, number>()
  dlPublic = 0
  dlConnections = 0
  firstKey = ''
  lastKey = ''
  items: AnalyzedItem[] = []

  analyze(profile: Profile, now: number): this {
    this.tfPublic.clear()
    this.tfConnections.clear()
    this.dlPublic = 0
    this.dlConnections = 0
    this.items = []

    const first = cachedTokens(profile.firstName)
    const last = cachedTokens(profile.lastName)
    this.firstKey = nameKey(first)
    this.lastKey = nameKey(last)
    this.addTokens(first, WEIGHTS.name, PUBLIC)
    this.addTokens(last, WEIGHTS.name, PUBLIC)
    this.addText(profile.headline, WEIGHTS.headline, sectionClass(profile, 'headline'))

    const positionsClass = sectionClass(profile, 'positions')
    for (const position of profile.positions ?? []) {
      const visibility = itemClass(positionsClass, position.visibility)
      const current = isCurrentPosition(position, now)
      const titleTokens = position.title === undefined ? [] : cachedTokens(position.title)
      const orgName = position.company.name ?? ''
      const orgTokens = cachedTokens(orgName)
      this.addTokens(titleTokens, current ? WEIGHTS.currentTitle : WEIGHTS.other, visibility)
      this.addTokens(orgTokens, WEIGHTS.other, visibility)
      this.addText(position.summary, WEIGHTS.other, visibility)
      const org = position.company.id === undefined ? '' : String(position.company.id).toLowerCase()
      this.items.push({ kind: POSITION, current, visibility, org, orgName, orgTokens, titleTokens })
    }

    for (const section of ['summary', 'specialties', 'interests', 'honors'] as const) {
      this.addText(profile[section], WEIGHTS.other, sectionClass(profile, section))
    }
    this.addText(profile.location?.name, WEIGHTS.other, PUBLIC)
    this.addText(profile.industry?.name, WEIGHTS.other, PUBLIC)

    const educationsClass = sectionClass(profile, 'educations')
    for (const education of profile.educations ?? []) {
      const visibility = itemClass(educationsClass, education.visibility)
      const orgName = education.school.name ?? ''
      const orgTokens = cachedTokens(orgName)
      this.addTokens(orgTokens, WEIGHTS.other, visibility)
      this.addText(education.degree, WEIGHTS.other, visibility)
      this.addText(education.fieldOfStudy, WEIGHTS.other, visibility)
      this.addText(education.activities, WEIGHTS.other, visibility)
      this.addText(education.notes, WEIGHTS.other, visibility)
      const org = education.school.id === undefined ? '' : String(education.school.id).toLowerCase()
      const current = isCurrentEducation(education, now)
      this.items.push({ kind: EDUCATION, current, visibility, org, orgName, orgTokens, titleTokens: [] })
    }

    const skillsClass = sectionClass(profile, 'skills')
    for (const skill of profile.skills ?? []) this.addText(skill, WEIGHTS.other, skillsClass)
    for (const section of ['certifications', 'projects', 'publications'] as const) {
      this.addAccomplishments(profile, section)
    }
    return this
  }

  private addAccomplishments(profile: Profile, section: Section & keyof Profile): void {
    const list = profile[section as 'certifications']
    if (list === undefined) return
    const visibility = sectionClass(profile, section)
    for (const item of list) {
      this.addText(item.name, WEIGHTS.other, visibility)
      this.addText(item.title, WEIGHTS.other, visibility)
    }
  }

  private addText(text: string | undefined, weight: number, visibility: VisibilityClass): void {
    if (text !== undefined && visibility !== PRIVATE) this.addTokens(cachedTokens(text), weight, visibility)
  }

  private addTokens(list: readonly string[], weight: number, visibility: VisibilityClass): void {
    if (visibility === PRIVATE || list.length === 0) return
    const tf = visibility === CONNECTIONS ? this.tfConnections : this.tfPublic
    for (const token of list) tf.set(token, (tf.get(token) ?? 0) + weight)
    if (visibility === CONNECTIONS) this.dlConnections += weight * list.length
    else this.dlPublic += weight * list.length
  }
}

/** Names match as multisets of tokens (SPEC §3.1): sorted tokens make equal multisets equal keys. */
export function nameKey(list: readonly string[]): string {
  return list.length === 1 ? list[0] : [...list].sort().join(' ')
}
