import type { Context } from './context.js'
import { Rng } from './prng.js'

/** Share of edges whose second end is a neighbour in the first end's region (see below). */
const LOCAL_SHARE = 0.5
/** Rounds of topping up after duplicates are dropped (while more than 3% short of the target). */
const MAX_ROUNDS = 6

/**
 * Undirected connections as flat pairs [a0, b0, a1, b1, …] with a < b, sorted by (a, b): no
 * self-loops, no duplicates, about size · mean / 2 of them.
 *
 * Every edge has one end drawn with probability proportional to the member's expected degree
 * (degrees.ts: a power law, so a few members have thousands of connections). The other end is
 * drawn the same way for half the edges; for the other half it is a near neighbour of the first
 * end in a list of the members ordered by region, within max(100, 4 · expected degree)
 * places, so people mostly know people in their own metro area and friends of friends are
 * often friends (clustering). Duplicates are dropped and the shortfall drawn again. Under a hub
 * profile's connection limit (`DegreeModel.cap`), the pairs that would take either end beyond it
 * are dropped last, in order.
 */
export function edgesFor(ctx: Context): Uint32Array {
  const n = ctx.size
  const model = ctx.degrees
  const target = Math.round((n * model.mean) / 2)
  if (target === 0 || n < 2) return new Uint32Array(0)
  const regions = ctx.regions()
  // Members ordered by region (each region a contiguous run).
  const regionCount = ctx.locations.regions.length
  const runStart = new Uint32Array(regionCount + 1)
  for (let i = 0; i < n; i++) runStart[regions[i] + 1]++
  for (let r = 0; r < regionCount; r++) runStart[r + 1] += runStart[r]
  const order = new Uint32Array(n)
  const position = new Uint32Array(n)
  const fill = runStart.slice(0, regionCount)
  for (let i = 0; i < n; i++) {
    const at = fill[regions[i]]++
    order[at] = i
    position[i] = at
  }
  // Half of each member's expected degree is drawn from its own side (the other half comes
  // from being drawn as the far end of others' edges), walking the ranks in order so the
  // near end's data is read sequentially: member, place in `order`, region, local reach.
  const info = new Uint32Array(4 * n)
  const half = new Float64Array(n)
  for (let r = 0; r < n; r++) {
    const member = model.memberAtRank[r]
    const expected = model.byRank[r]
    info[4 * r] = member
    info[4 * r + 1] = position[member]
    info[4 * r + 2] = regions[member]
    info[4 * r + 3] = Math.max(100, Math.ceil(4 * expected))
    half[r] = expected / 2
  }

  const rng = new Rng(ctx.seed, 0xed9e5)
  /** Appends about `scale` · size · mean / 2 candidate pairs after the first `keep` pairs of `base`. */
  const draw = (base: Uint32Array, keep: number, scale: number): { pairs: Uint32Array; count: number } => {
    let bound = keep
    for (let r = 0; r < n; r++) bound += Math.ceil(half[r] * scale)
    const pairs = new Uint32Array(bound * 2)
    pairs.set(base.subarray(0, keep * 2))
    let k = keep * 2
    for (let r = 0; r < n; r++) {
      const lambda = half[r] * scale
      // Stochastic rounding: the count is ⌊λ⌋ or ⌈λ⌉, with mean λ.
      const whole = Math.floor(lambda)
      const draws = whole + (rng.float() < lambda - whole ? 1 : 0)
      const a = info[4 * r]
      for (let e = 0; e < draws; e++) {
        let b: number
        do {
          if (rng.float() < LOCAL_SHARE) {
            const region = info[4 * r + 2]
            const lo = runStart[region]
            const len = runStart[region + 1] - lo
            const offset = 1 + rng.int(Math.min(info[4 * r + 3], len > 1 ? len - 1 : 1))
            const at = info[4 * r + 1] - lo + (rng.float() < 0.5 ? offset : len - offset)
            b = order[lo + (at % len)]
          } else {
            b = info[4 * model.sampleRank(rng)]
          }
        } while (b === a)
        pairs[k++] = a
        pairs[k++] = b
      }
    }
    return { pairs, count: k / 2 }
  }

  let drawn = draw(new Uint32Array(0), 0, 1)
  let edges = dedupe(drawn.pairs, drawn.count, n)
  for (let round = 0; round < MAX_ROUNDS && edges.length / 2 < target * 0.97; round++) {
    const have = edges.length / 2
    // Fresh draws collide with what is there at about the rate the last round did.
    drawn = draw(edges, have, ((target - have) / target) * (drawn.count / have))
    edges = dedupe(drawn.pairs, drawn.count, n)
  }
  return model.cap === undefined ? edges : capped(edges, n, model.cap)
}

/**
 * The pairs of `edges` (sorted, unique) kept in order while neither end has `cap` kept pairs yet:
 * a hard connection limit. A new array of exactly the result's length.
 */
function capped(edges: Uint32Array, n: number, cap: number): Uint32Array {
  const degree = new Uint32Array(n)
  const kept = new Uint32Array(edges.length)
  let w = 0
  for (let k = 0; k < edges.length; k += 2) {
    const a = edges[k]
    const b = edges[k + 1]
    if (degree[a] >= cap || degree[b] >= cap) continue
    degree[a]++
    degree[b]++
    kept[w++] = a
    kept[w++] = b
  }
  return kept.slice(0, w)
}

/**
 * Sorted, unique (min, max) pairs of the first `count` pairs, self-loops dropped: a counting
 * sort on the smaller end, then a sort of each (short) run of larger ends. Reuses `pairs` as
 * scratch and returns a new array of exactly the result's length.
 */
function dedupe(pairs: Uint32Array, count: number, n: number): Uint32Array {
  const start = new Uint32Array(n + 1)
  for (let k = 0; k < count; k++) {
    const a = pairs[2 * k]
    const b = pairs[2 * k + 1]
    start[Math.min(a, b) + 1]++
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i]
  const high = new Uint32Array(count)
  const fill = start.slice(0, n)
  for (let k = 0; k < count; k++) {
    const a = pairs[2 * k]
    const b = pairs[2 * k + 1]
    if (a < b) high[fill[a]++] = b
    else high[fill[b]++] = a
  }
  let w = 0
  for (let a = 0; a < n; a++) {
    const lo = start[a]
    const hi = start[a + 1]
    if (hi - lo > 24) high.subarray(lo, hi).sort()
    else insertionSort(high, lo, hi)
    let last = -1
    for (let j = lo; j < hi; j++) {
      const b = high[j]
      if (b === last || b === a) continue
      last = b
      pairs[w++] = a
      pairs[w++] = b
    }
  }
  return pairs.slice(0, w)
}

function insertionSort(values: Uint32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = values[i]
    let j = i - 1
    while (j >= lo && values[j] > v) {
      values[j + 1] = values[j]
      j--
    }
    values[j + 1] = v
  }
}
