/**
 * The hub-heavy corpus of the network bench: the sample world (seed 1) with a connection limit
 * of 30,000 (LinkedIn's) and a few dozen members near it, about 20M edges at 1M members, as the
 * independent run of issue 15 had it. The profiles stream a batch at a time, as in the scale row.
 */
import type { Profile } from '@people-search/core'
import {
  type SampleOptions,
  sampleEdges,
  sampleGroups,
  sampleIds,
  sampleProfiles,
} from '@people-search/sample'
import { BATCH } from '../scale/stream.js'

export const MEAN_DEGREE = 40
export const HUBS = { maxDegree: 30_000, count: 48 }
/** Viewers of each kind, asked round-robin: the index's network cache (by size in bytes) keeps all of their views. */
export const VIEWERS = 16

export function hubOptions(size: number, seed: number): SampleOptions {
  return { size, seed, meanDegree: MEAN_DEGREE, hubs: HUBS }
}

export function hubGraph(size: number, seed: number) {
  const options = hubOptions(size, seed)
  const edges = sampleEdges(options)
  const degree = new Uint32Array(size)
  for (let k = 0; k < edges.length; k++) degree[edges[k]]++
  return { ids: sampleIds(options), edges, groups: sampleGroups(options), degree }
}

/** Members in order, `BATCH` at a time; nothing here keeps a profile. */
export function* hubBatches(size: number, seed: number): Generator<Profile[]> {
  let pending: Profile[] = []
  for (const profile of sampleProfiles(hubOptions(size, seed))) {
    pending.push(profile)
    if (pending.length === BATCH) {
      yield pending
      pending = []
    }
  }
  if (pending.length > 0) yield pending
}

/**
 * The `VIEWERS` best connected members (the hubs, near the limit) and `VIEWERS` typical ones (the
 * lowest member indexes whose degree is the median degree, or the nearest above it).
 */
export function pickViewers(degree: Uint32Array): { hub: number[]; typical: number[] } {
  const order = Array.from(degree.keys()).sort((a, b) => degree[b] - degree[a] || a - b)
  const median = degree[order[order.length >> 1]]
  const typical: number[] = []
  for (let d = median; typical.length < VIEWERS && d <= degree[order[0]]; d++) {
    for (let m = 0; m < degree.length && typical.length < VIEWERS; m++) if (degree[m] === d) typical.push(m)
  }
  return { hub: order.slice(0, VIEWERS), typical }
}
