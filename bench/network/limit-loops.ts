/**
 * The bare limits of the network rule (docs/spec.md §3.2: without both names only F ∪ S can be
 * found): how fast plain typed-array loops count the candidates a query's postings give that lie
 * in a viewer's network, built from the edge list alone (none of the index's internals), so the
 * network bench can show every class's distance from the limit. Two ways, as issue 15 item 1
 * weighs them: the full view (mark F and S, then scan the candidates) costs Σ of the degrees of
 * the viewer's connections; the per-candidate check (mark F, then walk each candidate's own list
 * with an early exit) costs about candidates × their degree. Both count the same members.
 */

/** Connections as compressed sparse rows: member m's are `neighbours[start[m] … start[m + 1])`. */
export interface Adjacency {
  readonly size: number
  readonly start: Uint32Array
  readonly neighbours: Uint32Array
}

/** The adjacency of `size` members from flat pairs [a0, b0, a1, b1, …] (undirected, no duplicates). */
export function adjacencyOf(size: number, pairs: Uint32Array): Adjacency {
  const start = new Uint32Array(size + 1)
  for (let k = 0; k < pairs.length; k++) start[pairs[k] + 1]++
  for (let m = 0; m < size; m++) start[m + 1] += start[m]
  const fill = start.slice(0, size)
  const neighbours = new Uint32Array(pairs.length)
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k]
    const b = pairs[k + 1]
    neighbours[fill[a]++] = b
    neighbours[fill[b]++] = a
  }
  return { size, start, neighbours }
}

/** Which part of the network counts: F alone (`facet=network,F`) or F ∪ S (every search without both names). */
export type Reach = 'F' | 'FS'

/**
 * Both loops over one adjacency, with one stamp per member reused by every call: a call takes two
 * fresh stamps (F, S) instead of clearing, so no call allocates or clears anything proportional
 * to the corpus. Not reentrant. The viewer is never counted (it is not in its own network).
 */
export class LimitLoops {
  private readonly stamp: Uint32Array
  private epoch = 0

  constructor(private readonly graph: Adjacency) {
    this.stamp = new Uint32Array(graph.size)
  }

  /**
   * Full view: marks F(viewer), then S(viewer) by walking every connection's list, then counts the
   * `candidates` (member indexes) that are marked. Cost: Σ of the degrees of F plus the candidates.
   */
  fullView(viewer: number, candidates: Uint32Array, reach: Reach): number {
    const { start, neighbours } = this.graph
    const stamp = this.stamp
    const f = this.nextEpoch()
    const s = f + 1
    stamp[viewer] = s // neither F nor S, and never overwritten by S below
    const lo = start[viewer]
    const hi = start[viewer + 1]
    for (let j = lo; j < hi; j++) stamp[neighbours[j]] = f
    if (reach === 'FS') {
      for (let j = lo; j < hi; j++) {
        const c = neighbours[j]
        for (let i = start[c], end = start[c + 1]; i < end; i++) {
          const m = neighbours[i]
          if (stamp[m] < f) stamp[m] = s
        }
      }
    }
    let count = 0
    for (let k = 0; k < candidates.length; k++) {
      const m = candidates[k]
      const t = stamp[m]
      if (m !== viewer && (t === f || (reach === 'FS' && t === s))) count++
    }
    return count
  }

  /**
   * Per candidate: marks F(viewer), then counts each candidate in F, or (`FS`) with any connection
   * in F, stopping at the first. Cost: the viewer's degree plus, per candidate not in F, its degree
   * at most.
   */
  perCandidate(viewer: number, candidates: Uint32Array, reach: Reach): number {
    const { start, neighbours } = this.graph
    const stamp = this.stamp
    const f = this.nextEpoch()
    for (let j = start[viewer], hi = start[viewer + 1]; j < hi; j++) stamp[neighbours[j]] = f
    let count = 0
    for (let k = 0; k < candidates.length; k++) {
      const m = candidates[k]
      if (m === viewer) continue
      if (stamp[m] === f) {
        count++
        continue
      }
      if (reach === 'F') continue
      for (let i = start[m], end = start[m + 1]; i < end; i++) {
        if (stamp[neighbours[i]] === f) {
          count++
          break
        }
      }
    }
    return count
  }

  /** Two fresh stamps; all stamps are cleared once in 2^31 calls, when the counter would wrap. */
  private nextEpoch(): number {
    if (this.epoch >= 0xfffffffd) {
      this.stamp.fill(0)
      this.epoch = 0
    }
    this.epoch += 2
    return this.epoch - 1
  }
}
