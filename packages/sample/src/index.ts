import type { Profile } from '@people-search/core'
import { context, type SampleOptions } from './context.js'
import { edgesFor } from './graph.js'
import { groupsFor, type SampleGroup } from './groups.js'
import { idsFor } from './ids.js'
import { Rng } from './prng.js'
import { makeProfile } from './profiles.js'

/**
 * Member profiles 0 … size − 1, one at a time, so a caller can index a million of them without
 * holding a second copy. Member i has id `sampleIds(options)[i]`.
 */
export function* sampleProfiles(options: SampleOptions): Generator<Profile> {
  const ctx = context(options)
  const rng = new Rng()
  for (let i = 0; i < ctx.size; i++) yield makeProfile(ctx, i, rng)
}

/** Connections as flat pairs [a0, b0, a1, b1, …] of member indexes, a < b, sorted, unique. */
export function sampleEdges(options: SampleOptions): Uint32Array {
  return edgesFor(context(options))
}

/** Groups and their members (member indexes, ascending). */
export function sampleGroups(options: SampleOptions): SampleGroup[] {
  return groupsFor(context(options))
}

/** The id of each member index. */
export function sampleIds(options: SampleOptions): string[] {
  const ctx = context(options)
  return idsFor(ctx.seed, ctx.size)
}

export interface SampleWorld {
  profiles: Profile[]
  edges: Uint32Array
  groups: SampleGroup[]
  ids: string[]
}

/** Everything at once, for small worlds (the command-line tool's, tests'). */
export function sampleWorld(options: SampleOptions): SampleWorld {
  return {
    profiles: [...sampleProfiles(options)],
    edges: sampleEdges(options),
    groups: sampleGroups(options),
    ids: sampleIds(options),
  }
}

export { Rng } from './prng.js'
export { SAMPLE_EPOCH } from './profiles.js'
export type { SampleGroup, SampleOptions }
