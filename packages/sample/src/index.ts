import type { Profile } from '@people-search/core'
import { type Context, context, type SampleOptions as WorldOptions } from './context.js'
import { DegreeModel, type HubProfile } from './degrees.js'
import { edgesFor } from './graph.js'
import { groupsFor, type SampleGroup } from './groups.js'
import { idsFor } from './ids.js'
import { Rng } from './prng.js'
import { makeProfile } from './profiles.js'

export interface SampleOptions extends WorldOptions {
  /**
   * A hub-heavy degree distribution: a connection limit and a few dozen members near it (e.g.
   * `{ maxDegree: 30_000, count: 48 }`). Only the graph and each profile's `numConnections`
   * change; ids, groups and every other field of the profiles are those of the world without it.
   * Default: none, the world as it always was (same seed → same bytes).
   */
  hubs?: HubProfile
}

/** The world's context, with the hub profile's degree model in place of the default one. */
function worldContext(options: SampleOptions): Context {
  const base = context(options)
  const hubs = options.hubs
  if (hubs === undefined) return base
  if (!Number.isSafeInteger(hubs.maxDegree) || hubs.maxDegree < 1)
    throw new RangeError(`hubs.maxDegree must be a whole number ≥ 1, got ${hubs.maxDegree}`)
  if (!Number.isSafeInteger(hubs.count) || hubs.count < 1)
    throw new RangeError(`hubs.count must be a whole number ≥ 1, got ${hubs.count}`)
  return { ...base, degrees: new DegreeModel(base.size, options.meanDegree ?? 50, base.seed, hubs) }
}

/**
 * Member profiles 0 … size − 1, one at a time, so a caller can index a million of them without
 * holding a second copy. Member i has id `sampleIds(options)[i]`.
 */
export function* sampleProfiles(options: SampleOptions): Generator<Profile> {
  const ctx = worldContext(options)
  const rng = new Rng()
  for (let i = 0; i < ctx.size; i++) yield makeProfile(ctx, i, rng)
}

/** Connections as flat pairs [a0, b0, a1, b1, …] of member indexes, a < b, sorted, unique. */
export function sampleEdges(options: SampleOptions): Uint32Array {
  return edgesFor(worldContext(options))
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
export type { HubProfile, SampleGroup }
