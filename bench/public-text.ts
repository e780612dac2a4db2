/**
 * The words anybody may search a member by: docs/spec.md §3.1's searchable fields as the public sees
 * them (§3.6), folded into the index's own tokens. The field list follows
 * the oracle's `searchable-text.ts` (`@people-search/conformance`), whose visibility predicates it uses; joining the fields
 * with spaces before tokenising gives the same tokens as tokenising each field, and lets the
 * fast ASCII path of `tokens` do the work.
 */

import {
  isCurrentPosition,
  PUBLIC_SIGHT,
  sectionVisible,
  visibleEducations,
  visiblePositions,
} from '@people-search/conformance'
import type { Accomplishment, Profile, Section } from '@people-search/core'
import { folded, NOW } from './common.js'

export function publicWords(profile: Profile): string[] {
  const parts: (string | undefined)[] = [profile.firstName, profile.lastName]
  const section = (name: Section, text: string | undefined) => {
    if (sectionVisible(profile, name, PUBLIC_SIGHT)) parts.push(text)
  }
  section('headline', profile.headline)
  const positions = visiblePositions(profile, PUBLIC_SIGHT)
  for (const p of positions) parts.push(p.title, p.company.name, p.summary)
  section('summary', profile.summary)
  section('specialties', profile.specialties)
  section('interests', profile.interests)
  section('honors', profile.honors)
  parts.push(profile.location?.name, profile.industry?.name)
  for (const e of visibleEducations(profile, PUBLIC_SIGHT)) {
    parts.push(e.school.name, e.degree, e.fieldOfStudy, e.activities, e.notes)
  }
  if (sectionVisible(profile, 'skills', PUBLIC_SIGHT)) parts.push(...(profile.skills ?? []))
  const accomplishments: [Section, Accomplishment[] | undefined][] = [
    ['certifications', profile.certifications],
    ['projects', profile.projects],
    ['publications', profile.publications],
  ]
  for (const [name, items] of accomplishments) {
    if (sectionVisible(profile, name, PUBLIC_SIGHT))
      for (const item of items ?? []) parts.push(item.name, item.title)
  }
  return folded(parts.filter((p) => p !== undefined).join(' '))
}

/** Company names of the member's public current positions, folded. */
export function publicCurrentCompanies(profile: Profile): string[] {
  const names: string[] = []
  for (const position of visiblePositions(profile, PUBLIC_SIGHT)) {
    const name = position.company.name
    if (name !== undefined && isCurrentPosition(position, NOW)) names.push(name)
  }
  return names
}
