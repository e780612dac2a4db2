/**
 * A small, fast, seedable PRNG: Chris Doty-Humphrey's SFC32 (Small Fast Counting), 128 bits of
 * state, period at least 2^32, and it passes PractRand far beyond what a sample world needs.
 * Everything in this package draws from it, never from `Math.random`, so a world is a pure
 * function of its seed and size.
 */
export class Rng {
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  constructor(seed = 1, stream = 0) {
    this.reseed(seed, stream)
  }

  /** Restarts the generator on the stream named by two 32-bit words (a seed and a member index, say). */
  reseed(seed: number, stream: number): void {
    this.a = mix32(seed ^ 0x9e3779b9)
    this.b = mix32(stream ^ 0x85ebca6b)
    this.c = mix32((seed + Math.imul(stream, 0x27d4eb2f)) ^ 0xc2b2ae35)
    this.d = 1
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A uniform number in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** A uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]
  }

  /** An approximately standard normal number (Irwin–Hall of four uniforms, rescaled). */
  normal(): number {
    return (this.float() + this.float() + this.float() + this.float() - 2) * 1.7320508075688772
  }
}

/** A bijective 32-bit mixer (the `lowbias32` finaliser): distinct inputs give distinct outputs. */
export function mix32(x: number): number {
  let h = x | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

/** Fisher–Yates, in place (arrays and typed arrays alike). */
export function shuffle<A extends { length: number; [index: number]: unknown }>(items: A, rng: Rng): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const tmp = items[i]
    items[i] = items[j]
    items[j] = tmp
  }
  return items
}
