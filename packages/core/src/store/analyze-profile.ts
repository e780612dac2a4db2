import { educationTurn, isCurrentEducation, isCurrentPosition, positionTurn } from '../model/current.js'
import type { Accomplishment, Profile } from '../model/profile.js'
import {
  CONNECTIONS,
  itemClass,
  PRIVATE,
  PUBLIC,
  sectionClass,
  type VisibilityClass,
} from '../model/visibility.js'
import { ensureCapacity } from './growable.js'
import type { Vocabulary } from './vocabulary.js'

/** Searchable-text weights of docs/spec.md §3.1. */
export const WEIGHTS = { name: 3, headline: 2, currentTitle: 2, other: 1 } as const

export const POSITION = 0
export const EDUCATION = 1

/** A position or education as the index needs it: for criteria, facets and privacy. */
export interface AnalyzedItem {
  kind: typeof POSITION | typeof EDUCATION
  /** Judged against the clock of the analysis (docs/spec.md §1.1). */
  current: boolean
  /** When `current`, if derived from the clock, flips (model/current.ts `positionTurn`); NaN if never. */
  turn: number
  visibility: VisibilityClass
  /** Company or school id, lower-cased (facet bucket code); '' when it has none. */
  org: string
  /** Company or school display name; '' when it has none. */
  orgName: string
  /** Token ids a `company-name` / `school-name` criterion is judged on. */
  orgTokens: readonly number[]
  /** Token ids a `title` criterion is judged on (positions only). */
  titleTokens: readonly number[]
}

/**
 * Turns a profile into what the index stores: weighted token frequencies split into public and
 * connections-only text, weighted lengths, name keys and items. Private text is dropped here,
 * once, so nothing downstream can leak it. Frequencies accumulate in arrays indexed by token
 * id; `touched` lists the ids set, in first-seen order. One analyser is reused per index.
 */
export class ProfileAnalyzer {
  tfPublic = new Uint32Array(1024)
  tfConnections = new Uint32Array(1024)
  readonly touched: number[] = []
  dlPublic = 0
  dlConnections = 0
  firstKey = ''
  lastKey = ''
  items: AnalyzedItem[] = []
  /**
   * The earliest instant after the analysis's clock at which an item's current-ness flips, and
   * with it the weights of docs/spec.md §3.1 and the facets; `Infinity` when none will.
   */
  nextTurn = Number.POSITIVE_INFINITY

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Zeroes the accumulators of the previous profile; call before reading another. */
  reset(): void {
    for (const id of this.touched) {
      this.tfPublic[id] = 0
      this.tfConnections[id] = 0
    }
    this.touched.length = 0
  }

  analyze(profile: Profile, now: number): this {
    this.reset()
    this.dlPublic = 0
    this.dlConnections = 0
    this.items = []
    this.nextTurn = Number.POSITIVE_INFINITY

    const first = this.vocabulary.tokenIds(profile.firstName)
    this.firstKey = nameKey(first)
    this.addTokens(first, WEIGHTS.name, PUBLIC)
    const last = this.vocabulary.tokenIds(profile.lastName)
    this.lastKey = nameKey(last)
    this.addTokens(last, WEIGHTS.name, PUBLIC)
    this.addText(profile.headline, WEIGHTS.headline, sectionClass(profile, 'headline'))

    const positionsClass = sectionClass(profile, 'positions')
    for (const position of profile.positions ?? []) {
      const visibility = itemClass(positionsClass, position.visibility)
      const current = isCurrentPosition(position, now)
      const turn = this.turnOf(positionTurn(position), now)
      const titleTokens = this.ids(position.title)
      const orgName = position.company.name ?? ''
      const orgTokens = this.ids(orgName)
      this.addTokens(titleTokens, current ? WEIGHTS.currentTitle : WEIGHTS.other, visibility)
      this.addTokens(orgTokens, WEIGHTS.other, visibility)
      this.addText(position.summary, WEIGHTS.other, visibility)
      const org = position.company.id === undefined ? '' : String(position.company.id).toLowerCase()
      this.items.push({ kind: POSITION, current, turn, visibility, org, orgName, orgTokens, titleTokens })
    }

    this.addText(profile.summary, WEIGHTS.other, sectionClass(profile, 'summary'))
    this.addText(profile.specialties, WEIGHTS.other, sectionClass(profile, 'specialties'))
    this.addText(profile.interests, WEIGHTS.other, sectionClass(profile, 'interests'))
    this.addText(profile.honors, WEIGHTS.other, sectionClass(profile, 'honors'))
    this.addText(profile.location?.name, WEIGHTS.other, PUBLIC)
    this.addText(profile.industry?.name, WEIGHTS.other, PUBLIC)

    const educationsClass = sectionClass(profile, 'educations')
    for (const education of profile.educations ?? []) {
      const visibility = itemClass(educationsClass, education.visibility)
      const orgName = education.school.name ?? ''
      const orgTokens = this.ids(orgName)
      this.addTokens(orgTokens, WEIGHTS.other, visibility)
      this.addText(education.degree, WEIGHTS.other, visibility)
      this.addText(education.fieldOfStudy, WEIGHTS.other, visibility)
      this.addText(education.activities, WEIGHTS.other, visibility)
      this.addText(education.notes, WEIGHTS.other, visibility)
      const org = education.school.id === undefined ? '' : String(education.school.id).toLowerCase()
      const current = isCurrentEducation(education, now)
      const turn = this.turnOf(educationTurn(education), now)
      const titleTokens = NONE
      this.items.push({ kind: EDUCATION, current, turn, visibility, org, orgName, orgTokens, titleTokens })
    }

    const skillsClass = sectionClass(profile, 'skills')
    for (const skill of profile.skills ?? []) this.addText(skill, WEIGHTS.other, skillsClass)
    this.addAccomplishments(profile.certifications, sectionClass(profile, 'certifications'))
    this.addAccomplishments(profile.projects, sectionClass(profile, 'projects'))
    this.addAccomplishments(profile.publications, sectionClass(profile, 'publications'))
    return this
  }

  /** An item's turn, counted towards `nextTurn` when it is still ahead of the clock. */
  private turnOf(turn: number, now: number): number {
    if (turn > now && turn < this.nextTurn) this.nextTurn = turn
    return turn
  }

  // A copy: items keep their token ids beyond the vocabulary's next call.
  private ids(text: string | undefined): readonly number[] {
    return text === undefined || text === '' ? NONE : this.vocabulary.tokenIds(text).slice()
  }

  private addAccomplishments(list: Accomplishment[] | undefined, visibility: VisibilityClass): void {
    if (list === undefined || visibility === PRIVATE) return
    for (const item of list) {
      this.addText(item.name, WEIGHTS.other, visibility)
      this.addText(item.title, WEIGHTS.other, visibility)
    }
  }

  private addText(text: string | undefined, weight: number, visibility: VisibilityClass): void {
    if (text !== undefined && visibility !== PRIVATE)
      this.addTokens(this.vocabulary.tokenIds(text), weight, visibility)
  }

  private addTokens(list: readonly number[], weight: number, visibility: VisibilityClass): void {
    if (visibility === PRIVATE || list.length === 0) return
    if (this.tfPublic.length < this.vocabulary.size) {
      this.tfPublic = ensureCapacity(this.tfPublic, this.vocabulary.size)
      this.tfConnections = ensureCapacity(this.tfConnections, this.vocabulary.size)
    }
    const { tfPublic, tfConnections, touched } = this
    const tf = visibility === CONNECTIONS ? tfConnections : tfPublic
    for (const id of list) {
      if (tfPublic[id] === 0 && tfConnections[id] === 0) touched.push(id)
      tf[id] += weight
    }
    if (visibility === CONNECTIONS) this.dlConnections += weight * list.length
    else this.dlPublic += weight * list.length
  }
}

const NONE: readonly number[] = []

/** Names match as multisets of tokens (docs/spec.md §3.1): sorted token ids make equal multisets equal keys. */
export function nameKey(list: readonly number[]): string {
  return list.length === 1 ? String(list[0]) : [...list].sort((a, b) => a - b).join(' ')
}
