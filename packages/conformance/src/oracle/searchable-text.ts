/**
 * docs/spec.md §3.1 "Searchable text": the fields of a member that keywords match and BM25 scores, in
 * the spec's order, each with its relevance weight, keeping only what `sight` may read (§3.6).
 */
import type { Accomplishment, Profile, Section } from '@people-search/core'
import { tokens } from './text.js'
import {
  isCurrentPosition,
  type Sight,
  sectionVisible,
  visibleEducations,
  visiblePositions,
} from './visibility.js'

/** One searchable field: its tokens (docs/spec.md §2) and its weight (docs/spec.md §3.1). */
export interface Field {
  weight: number
  tokens: string[]
}

export function searchableFields(profile: Profile, sight: Sight, now: Date): Field[] {
  const fields: Field[] = []
  const add = (weight: number, text: string | undefined) => {
    if (text !== undefined) fields.push({ weight, tokens: tokens(text) })
  }
  const addSection = (section: Section, weight: number, text: string | undefined) => {
    if (sectionVisible(profile, section, sight)) add(weight, text)
  }

  // first name (3), last name (3): always public.
  add(3, profile.firstName)
  add(3, profile.lastName)
  // headline (2).
  addSection('headline', 2, profile.headline)
  // titles of current positions (2), titles of past positions (1).
  const positions = visiblePositions(profile, sight)
  for (const p of positions) if (isCurrentPosition(p, now)) add(2, p.title)
  for (const p of positions) if (!isCurrentPosition(p, now)) add(1, p.title)
  // company names (1), position summaries (1).
  for (const p of positions) add(1, p.company.name)
  for (const p of positions) add(1, p.summary)
  // summary, specialties, interests, honors (1), each its own section.
  addSection('summary', 1, profile.summary)
  addSection('specialties', 1, profile.specialties)
  addSection('interests', 1, profile.interests)
  addSection('honors', 1, profile.honors)
  // location name (1), industry name (1): always public.
  add(1, profile.location?.name)
  add(1, profile.industry?.name)
  // school names, degrees, fields of study, activities and notes (1).
  for (const e of visibleEducations(profile, sight)) {
    add(1, e.school.name)
    add(1, e.degree)
    add(1, e.fieldOfStudy)
    add(1, e.activities)
    add(1, e.notes)
  }
  // skills (1).
  if (sectionVisible(profile, 'skills', sight)) for (const skill of profile.skills ?? []) add(1, skill)
  // names and titles of certifications, projects and publications (1), each its own section.
  const accomplishments: [Section, Accomplishment[] | undefined][] = [
    ['certifications', profile.certifications],
    ['projects', profile.projects],
    ['publications', profile.publications],
  ]
  for (const [section, items] of accomplishments) {
    if (!sectionVisible(profile, section, sight)) continue
    for (const item of items ?? []) {
      add(1, item.name)
      add(1, item.title)
    }
  }
  // email and phone: never searchable.
  return fields
}

/** Every token the reader can match with `keywords` (docs/spec.md §3.1). */
export function searchableTokens(profile: Profile, sight: Sight, now: Date): Set<string> {
  const all = new Set<string>()
  for (const field of searchableFields(profile, sight, now)) for (const t of field.tokens) all.add(t)
  return all
}

/** docs/spec.md §3.4: the weighted length Σ weight × number of tokens of each field. */
export function weightedLength(fields: Field[]): number {
  let length = 0
  for (const field of fields) length += field.weight * field.tokens.length
  return length
}

/** docs/spec.md §3.4: tf(t) = Σ over the fields of weight × occurrences of t. */
export function termFrequency(fields: Field[], token: string): number {
  let tf = 0
  for (const field of fields) for (const t of field.tokens) if (t === token) tf += field.weight
  return tf
}
