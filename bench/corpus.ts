/**
 * The benchmark world: `@people-search/sample` at a given size and seed, held in memory so
 * every engine in a process is built from the very same objects.
 */
import type { AccountLevel, Profile } from '@people-search/core'
import { type SampleGroup, sampleEdges, sampleGroups, sampleIds, sampleProfiles } from '@people-search/sample'

export const SEED = 1

/**
 * How many of the first members' profiles a case source keeps whole: the vocabulary is counted
 * over them (members are drawn i.i.d., so the first ones are a fair sample).
 */
export const LEADING_PROFILES = 5_000

/**
 * What the query classes read of a corpus to draw their cases (`workload.ts`, `scenarios/`), and
 * nothing more: the held corpus below has all of it, and a streamed one (`scale/kept-cases.ts`)
 * keeps just this while its profiles go by, so both draw the very same cases.
 */
export interface CaseSource {
  size: number
  seed: number
  /** ids[i] is member i's id. */
  ids: readonly string[]
  /** Number of connections of each member. */
  degree: Uint32Array
  /** The profiles of the first min(size, LEADING_PROFILES) members. */
  leading: readonly Profile[]
  /** Member i's first and last name, as its profile gives them. */
  nameOf(member: number): { firstName: string; lastName: string }
  /** Member i's account level, as its profile gives it. */
  accountLevelOf(member: number): AccountLevel | undefined
}

export interface Corpus extends CaseSource {
  profiles: Profile[]
  ids: string[]
  /** Connections as flat pairs of member indexes [a0, b0, a1, b1, …]. */
  edges: Uint32Array
  groups: SampleGroup[]
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
  return {
    size,
    seed,
    profiles,
    ids,
    edges,
    groups,
    degree: degreesOf(size, edges),
    generateMs,
    leading: profiles.slice(0, LEADING_PROFILES),
    nameOf: (member) => profiles[member],
    accountLevelOf: (member) => profiles[member].accountLevel,
  }
}

/** The number of connections of each of `size` members, from flat pairs of member indexes. */
export function degreesOf(size: number, edges: Uint32Array): Uint32Array {
  const degree = new Uint32Array(size)
  for (const v of edges) degree[v]++
  return degree
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
