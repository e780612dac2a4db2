/**
 * The benchmark world as a user loading a large one has it: the graph (ids, connections, groups)
 * whole, as flat typed arrays, and the profiles generated a batch at a time, so no more than one
 * batch of profile objects is alive at once. Same generator, seed and order as `corpus.ts`.
 */
import type { PeopleIndex, Profile } from '@people-search/core'
import { type SampleGroup, sampleEdges, sampleGroups, sampleIds, sampleProfiles } from '@people-search/sample'
import { degreesOf } from '../corpus.js'

/** Profiles per generated batch and per `add` call: the suite's batch (`scenarios/build.ts`). */
export const BATCH = 10_000

export interface CorpusGraph {
  /** ids[i] is member i's id. */
  ids: string[]
  /** Connections as flat pairs of member indexes [a0, b0, a1, b1, …]. */
  edges: Uint32Array
  groups: SampleGroup[]
  /** Number of connections of each member. */
  degree: Uint32Array
}

export function corpusGraph(size: number, seed: number): CorpusGraph {
  const options = { size, seed }
  const edges = sampleEdges(options)
  return { ids: sampleIds(options), edges, groups: sampleGroups(options), degree: degreesOf(size, edges) }
}

/**
 * Members 0 … size − 1 in order, `batch` at a time (the last batch may be shorter). Each batch is
 * a fresh array the caller may drop: nothing here keeps a profile.
 */
export function* profileBatches(size: number, seed: number, batch = BATCH): Generator<Profile[]> {
  let pending: Profile[] = []
  for (const profile of sampleProfiles({ size, seed })) {
    pending.push(profile)
    if (pending.length === batch) {
      yield pending
      pending = []
    }
  }
  if (pending.length > 0) yield pending
}

/**
 * The graph into `index` the way a user loading a large world does: one `connectMany` over flat
 * member indexes, then `joinGroup` for every membership. Returns how long each took.
 */
export function connectWorld(
  index: Pick<PeopleIndex, 'connectMany' | 'joinGroup'>,
  graph: Pick<CorpusGraph, 'ids' | 'edges' | 'groups'>,
): { connectMs: number; groupsMs: number } {
  const { ids, edges, groups } = graph
  let start = performance.now()
  index.connectMany({ members: ids, pairs: edges })
  const connectMs = performance.now() - start
  start = performance.now()
  for (const { group, members } of groups) for (const m of members) index.joinGroup(ids[m], group)
  return { connectMs, groupsMs: performance.now() - start }
}
