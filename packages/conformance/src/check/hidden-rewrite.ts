import type { Profile, Visibility } from '@people-search/core'
import fc from 'fast-check'
import { WORDS } from '../generators/vocabulary.js'
import { COMPANIES, SCHOOLS, textArb, type World } from '../generators/world.js'

const TEXT_SECTIONS = ['headline', 'summary', 'specialties', 'interests', 'honors'] as const
const HIDDEN: readonly Visibility[] = ['connections', 'private']

/** Replacement material for hidden text, ids and names, consumed round-robin. */
export interface Replacements {
  texts: string[]
  words: string[]
  companies: number[]
  schools: number[]
}

export const replacementsArb: fc.Arbitrary<Replacements> = fc.record({
  texts: fc.array(textArb, { minLength: 1, maxLength: 6 }),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
  companies: fc.array(fc.nat(COMPANIES.length - 1), { minLength: 1, maxLength: 3 }),
  schools: fc.array(fc.nat(SCHOOLS.length - 1), { minLength: 1, maxLength: 3 }),
})

/** A visibility map that hides some sections, so that there is something to rewrite. */
export const hidingArb: fc.Arbitrary<Profile['visibility']> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...TEXT_SECTIONS, 'positions', 'educations', 'skills', 'certifications', 'projects'),
      fc.constantFrom(...HIDDEN),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((entries) => Object.fromEntries(entries) as Profile['visibility'])

/**
 * A copy of `p` whose every part that a viewer may not see (docs/spec.md §3.6: `private` always,
 * `connections` unless the viewer is a connection) carries other vocabulary words and other
 * company and school ids.
 */
export function rewriteHidden(p: Profile, viewerIsF: boolean, r: Replacements): Profile {
  const q = structuredClone(p)
  let n = 0
  const text = () => r.texts[n++ % r.texts.length]
  const hidden = (v: Visibility | undefined) => v === 'private' || (v === 'connections' && !viewerIsF)
  const section = (s: keyof NonNullable<Profile['visibility']>) => hidden(q.visibility?.[s])
  for (const s of TEXT_SECTIONS) if (section(s)) q[s] = text()
  if (section('skills')) q.skills = r.words.slice(0, 1 + (n % r.words.length))
  if (section('email')) q.email = `${text().replace(/\W+/g, '.')}@example.com`
  if (section('phone')) q.phone = text()
  for (const list of ['certifications', 'projects', 'publications'] as const) {
    if (section(list)) q[list] = (q[list] ?? [{}]).map(() => ({ name: text(), title: text() }))
  }
  for (const pos of q.positions ?? []) {
    if (!section('positions') && pos.visibility !== 'private') continue
    pos.title = text()
    pos.summary = text()
    pos.company = { ...COMPANIES[r.companies[n++ % r.companies.length]] }
  }
  for (const edu of q.educations ?? []) {
    if (!section('educations') && edu.visibility !== 'private') continue
    edu.school = { ...SCHOOLS[r.schools[n++ % r.schools.length]] }
    edu.degree = text()
    edu.fieldOfStudy = text()
    edu.activities = text()
    edu.notes = text()
  }
  return q
}

/** What the privacy section asks: a viewer, a world before and after rewriting, and both worlds' words. */
export interface PrivacyCase {
  viewer: string
  /** The members rewritten. */
  targets: string[]
  before: World
  after: World
  /** Both versions' profiles, so that requests use hidden words too. */
  vocabulary: World
}

/**
 * The privacy case of a world: the targets (some members, maybe given extra hidden sections)
 * rewritten as the viewer may not see them. `undefined` for an empty world.
 */
export function privacyCase(
  world: World,
  viewerPick: number,
  targetPicks: readonly number[],
  hiding: Profile['visibility'] | null,
  replacements: Replacements,
): PrivacyCase | undefined {
  const ids = world.profiles.map((p) => p.id)
  if (ids.length === 0) return undefined
  const viewer = ids[viewerPick % ids.length]
  const friends = new Set(
    world.edges
      .flatMap(([a, b]) => (a === viewer ? [b] : b === viewer ? [a] : []))
      .filter((x) => x !== viewer),
  )
  const targets = new Set(targetPicks.map((t) => ids[t % ids.length]))
  const before: World = {
    ...world,
    profiles: world.profiles.map((p) =>
      targets.has(p.id) && hiding ? { ...p, visibility: { ...p.visibility, ...hiding } } : p,
    ),
  }
  const after: World = {
    ...before,
    profiles: before.profiles.map((p) =>
      targets.has(p.id) ? rewriteHidden(p, friends.has(p.id), replacements) : p,
    ),
  }
  return {
    viewer,
    targets: [...targets],
    before,
    after,
    vocabulary: { ...before, profiles: [...before.profiles, ...after.profiles] },
  }
}
