/**
 * The benchmark world: `@people-search/sample` at a given size and seed, held in memory so
 * every engine in a process is built from the very same objects.
 */
import type { Profile } from '@people-search/core'
import { type SampleGroup, sampleEdges, sampleGroups, sampleIds, sampleProfiles } from '@people-search/sample'

export const SEED = 1

export interface Corpus {
  size: number
  seed: number
  profiles: Profile[]
  /** ids[i] is member i's id. */
  ids: string[]
  /** Connections as flat pairs of member indexes [a0, b0, a1, b1, …]. */
  edges: Uint32Array
  groups: SampleGroup[]
  /** Number of connections of each member. */
  degree: Uint32Array
  /** Wall time to generate the world, ms. */
  generateMs: number
}

export function makeCorpus(size: number, seed = SEED): Corpus {
  const start = performance.now()
  const options = { size, seed }
  const profiles: Profile[] = new Array(size)
  let i = 0
  for (const profile of sampleProfiles(options)) profiles[i++] = profile
  const edges = sampleEdges(options)
  const groups = sampleGroups(options)
  const ids = sampleIds(options)
  const generateMs = performance.now() - start
  const degree = new Uint32Array(size)
  for (const v of edges) degree[v]++
  return { size, seed, profiles, ids, edges, groups, degree, generateMs }
}

/** The connections of each member, as member indexes. */
export function adjacency(corpus: Corpus): Uint32Array[] {
  const { size, edges } = corpus
  const lists = Array.from({ length: size }, (_, v) => new Uint32Array(corpus.degree[v]))
  const degree = new Uint32Array(size)
  for (let k = 0; k < edges.length; k += 2) {
    const a = edges[k]
    const b = edges[k + 1]
    lists[a][degree[a]++] = b
    lists[b][degree[b]++] = a
  }
  return lists
}
