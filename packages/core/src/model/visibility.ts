import type { Profile, Section, Visibility } from './profile.js'

/** Visibility as a rank: what a viewer may see is everything up to its own reach. */
export const PUBLIC = 0
export const CONNECTIONS = 1
export const PRIVATE = 2
export type VisibilityClass = 0 | 1 | 2

const RANK: Record<Visibility, VisibilityClass> = {
  public: PUBLIC,
  connections: CONNECTIONS,
  private: PRIVATE,
}

/** The class of a whole section (default public, docs/spec.md §1.1). */
export function sectionClass(profile: Profile, section: Section): VisibilityClass {
  const setting = profile.visibility?.[section]
  return setting === undefined ? PUBLIC : RANK[setting]
}

/** A single position or education is as hidden as the stricter of its section and itself. */
export function itemClass(section: VisibilityClass, own: Visibility | undefined): VisibilityClass {
  const rank = own === undefined ? PUBLIC : RANK[own]
  return rank > section ? rank : section
}

/** Whether a viewer whose reach is `isFirstDegree` may see something of class `cls` (docs/spec.md §3.6). */
export function canSee(cls: VisibilityClass, isFirstDegree: boolean): boolean {
  return cls === PUBLIC || (cls === CONNECTIONS && isFirstDegree)
}
