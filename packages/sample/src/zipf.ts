import type { Rng } from './prng.js'

/**
 * Walker's alias method: after an O(n) set-up, one draw from any discrete distribution costs a
 * single random number, whatever n is.
 */
export class AliasTable {
  readonly size: number
  private readonly threshold: Float64Array
  private readonly alias: Uint32Array

  constructor(weights: ArrayLike<number>) {
    const n = weights.length
    if (n === 0) throw new Error('AliasTable needs at least one weight')
    this.size = n
    this.threshold = new Float64Array(n)
    this.alias = new Uint32Array(n)
    let total = 0
    for (let i = 0; i < n; i++) total += weights[i]
    const scaled = new Float64Array(n)
    const small: number[] = []
    const large: number[] = []
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total
      if (scaled[i] < 1) small.push(i)
      else large.push(i)
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number
      const l = large.pop() as number
      this.threshold[s] = scaled[s]
      this.alias[s] = l
      scaled[l] = scaled[l] + scaled[s] - 1
      if (scaled[l] < 1) small.push(l)
      else large.push(l)
    }
    for (const i of large) this.threshold[i] = 1
    for (const i of small) this.threshold[i] = 1
  }

  /** An index in [0, size), drawn with probability proportional to its weight. */
  sample(rng: Rng): number {
    const u = rng.float() * this.size
    const i = Math.floor(u)
    return u - i < this.threshold[i] ? i : this.alias[i]
  }
}

/**
 * Zipf–Mandelbrot weights: rank r (0-based) gets 1 / (r + 1 + q)^s. With q = 0 and s = 1 this
 * is plain Zipf; a small q flattens the very top so the first item is common, not overwhelming.
 */
export function zipfWeights(n: number, s = 1, q = 0): Float64Array {
  const weights = new Float64Array(n)
  for (let r = 0; r < n; r++) weights[r] = 1 / (r + 1 + q) ** s
  return weights
}

/** An alias table over `n` ranks with Zipf–Mandelbrot weights. */
export function zipfTable(n: number, s = 1, q = 0): AliasTable {
  return new AliasTable(zipfWeights(n, s, q))
}
