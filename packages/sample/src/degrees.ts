import { Rng, shuffle } from './prng.js'
import { AliasTable } from './zipf.js'

/**
 * How much more weight a hub gets than the degree it should end with. A hub draws only half its
 * edges itself, and half of those land among its own region's members, where they collide; the
 * other half it gets as the far end of others' draws, which are mostly local to them. At 1M
 * members a hub ends with about 70% of its weight in connections, so a weight of 1.5× the band
 * lands near the band (the cap trims the few that overshoot).
 */
const HUB_WEIGHT = 1.5

/**
 * A hub-heavy world: a connection limit, and a few dozen members near it (the default world has
 * neither: its best connected member expects min(√(N · mean), N / 5), about 7,000 at 1M).
 */
export interface HubProfile {
  /** Nobody has more connections than this (LinkedIn's limit is 30,000); at most size − 1 apply. */
  maxDegree: number
  /** How many members expect from 90% to 100% of `maxDegree` (the best connected first). */
  count: number
}

/**
 * Expected degrees: a Chung–Lu style model with power-law weights. Member ranks 0 … N−1 (rank
 * 0 is the best connected) come from a seeded shuffle of the member indexes; the expected
 * degree of rank r is
 *
 *   d(r) = dmin + N · (mean − dmin) · (F(r + 1) − F(r)),   F(x) = ((x + r0)^(1−α) − r0^(1−α)) / T
 *
 * i.e. a floor of dmin = 15% of the mean plus a continuous power law with exponent α = 0.7
 * (a degree distribution with tail exponent γ = 1 + 1/α ≈ 2.4), where r0 is solved so that the
 * best connected member expects dmax = min(√(N · mean), N / 5) connections. An edge endpoint is
 * drawn with probability proportional to d: uniformly with probability dmin / mean, otherwise
 * by inverting F, which costs one `Math.pow`.
 *
 * With a hub profile (`HubProfile`) the power law tops out at dmax = `maxDegree` instead, ranks
 * 0 … count − 1 are weighted so that they end with 90% to 100% of it (a spike at the cap, as a
 * network with a connection limit has), and `cap` tells the graph that nobody may have more.
 */
export class DegreeModel {
  readonly size: number
  /** The mean degree actually aimed at: `meanDegree`, but at most (N − 1) / 2. */
  readonly mean: number
  readonly dmin: number
  readonly dmax: number
  readonly alpha = 0.7
  /** Member index of each rank. */
  readonly memberAtRank: Uint32Array
  /** Expected degree of each rank. */
  readonly byRank: Float64Array
  /** Expected degree of each member index. */
  readonly expected: Float32Array
  private readonly r0: number
  private readonly total: number
  /** The most connections any member may have (a hub profile's `maxDegree`); undefined: no cap. */
  readonly cap: number | undefined
  /** Ranks by expected degree, built on first use (an alias table: one draw costs no `pow`). */
  private table: AliasTable | undefined

  constructor(size: number, meanDegree: number, seed: number, hubs?: HubProfile) {
    this.size = size
    this.mean = Math.max(0, Math.min(meanDegree, (size - 1) / 2))
    this.dmin = 0.15 * this.mean
    this.cap = hubs === undefined ? undefined : Math.min(hubs.maxDegree, Math.max(0, size - 1))
    this.dmax =
      this.cap === undefined
        ? Math.max(this.mean, Math.min(Math.sqrt(size * this.mean), size / 5))
        : Math.max(this.mean, this.cap)
    this.r0 = this.solveR0()
    const beta = 1 - this.alpha
    this.total = (size + this.r0) ** beta - this.r0 ** beta
    const order = new Uint32Array(size)
    for (let i = 0; i < size; i++) order[i] = i
    shuffle(order, new Rng(seed, 0xde9))
    this.memberAtRank = order
    this.byRank = new Float64Array(size)
    this.expected = new Float32Array(size)
    for (let r = 0; r < size; r++) {
      this.byRank[r] = this.expectedAtRank(r)
      this.expected[order[r]] = this.byRank[r]
    }
    if (hubs !== undefined) this.raiseHubs(Math.min(hubs.count, size))
  }

  /** Expected degree of rank r. */
  expectedAtRank(r: number): number {
    const beta = 1 - this.alpha
    const share = ((r + 1 + this.r0) ** beta - (r + this.r0) ** beta) / this.total
    return this.dmin + this.size * (this.mean - this.dmin) * share
  }

  /** A rank drawn with probability proportional to its expected degree. */
  sampleRank(rng: Rng): number {
    this.table ??= new AliasTable(this.byRank)
    return this.table.sample(rng)
  }

  /** A member index drawn with probability proportional to its expected degree. */
  sampleMember(rng: Rng): number {
    return this.memberAtRank[this.sampleRank(rng)]
  }

  /**
   * Raises ranks 0 … count − 1 to weights for a band from dmax down to 90% of it, evenly spaced:
   * a few dozen members near a connection limit, which the power law alone (rank 1 already far
   * below rank 0) never gives.
   */
  private raiseHubs(count: number): void {
    for (let r = 0; r < count; r++) {
      const band = HUB_WEIGHT * this.dmax * (1 - (0.1 * r) / count)
      if (band > this.byRank[r]) {
        this.byRank[r] = band
        this.expected[this.memberAtRank[r]] = band
      }
    }
  }

  /** r0 such that rank 0 expects dmax (bisection on a log scale; d(0) falls as r0 grows). */
  private solveR0(): number {
    const n = this.size
    const beta = 1 - this.alpha
    const top = (r0: number) => {
      const total = (n + r0) ** beta - r0 ** beta
      return this.dmin + (n * (this.mean - this.dmin) * ((1 + r0) ** beta - r0 ** beta)) / total
    }
    let lo = Math.log(1e-6)
    let hi = Math.log(Math.max(2, n))
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2
      if (top(Math.exp(mid)) > this.dmax) lo = mid
      else hi = mid
    }
    return Math.exp((lo + hi) / 2)
  }
}
