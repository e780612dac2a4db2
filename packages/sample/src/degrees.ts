import { Rng, shuffle } from './prng.js'
import { AliasTable } from './zipf.js'

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
  /** Ranks by expected degree, built on first use (an alias table: one draw costs no `pow`). */
  private table: AliasTable | undefined

  constructor(size: number, meanDegree: number, seed: number) {
    this.size = size
    this.mean = Math.max(0, Math.min(meanDegree, (size - 1) / 2))
    this.dmin = 0.15 * this.mean
    this.dmax = Math.max(this.mean, Math.min(Math.sqrt(size * this.mean), size / 5))
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
