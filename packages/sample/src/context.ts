import { DegreeModel } from './degrees.js'
import { type LocationModel, locationModel } from './locations.js'
import { type Pools, pools } from './pools.js'
import { Rng } from './prng.js'

export interface SampleOptions {
  /** Number of members. */
  size: number
  /** Default 1. Same seed and size → the same world, byte for byte. */
  seed?: number
  /** Mean number of connections per member; default 50 (at most (size − 1) / 2). */
  meanDegree?: number
}

/** Everything a world's parts share, built once per (seed, size, meanDegree). */
export interface Context {
  readonly seed: number
  readonly size: number
  readonly pools: Pools
  readonly locations: LocationModel
  readonly degrees: DegreeModel
  /** Region index of every member (the first draw of its stream), built on first use. */
  regions(): Uint16Array
}

const cache = new Map<string, Context>()

export function context(options: SampleOptions): Context {
  const size = options.size
  if (!Number.isSafeInteger(size) || size < 0 || size > 0xffffffff) {
    throw new RangeError(`size must be an integer from 0 to 2^32 − 1, got ${size}`)
  }
  const seed = (options.seed ?? 1) >>> 0
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be an integer, got ${options.seed}`)
  }
  const meanDegree = options.meanDegree ?? 50
  if (!(meanDegree >= 0) || !Number.isFinite(meanDegree)) {
    throw new RangeError(`meanDegree must be a finite number ≥ 0, got ${meanDegree}`)
  }
  const key = `${seed}:${size}:${meanDegree}`
  let found = cache.get(key)
  if (found === undefined) {
    found = makeContext(seed, size, meanDegree)
    if (cache.size >= 2) cache.clear()
    cache.set(key, found)
  }
  return found
}

function makeContext(seed: number, size: number, meanDegree: number): Context {
  const locations = locationModel()
  let regions: Uint16Array | undefined
  return {
    seed,
    size,
    pools: pools(seed),
    locations,
    degrees: new DegreeModel(size, meanDegree, seed),
    regions() {
      if (regions === undefined) {
        regions = new Uint16Array(size)
        const rng = new Rng()
        for (let i = 0; i < size; i++) {
          rng.reseed(seed, i)
          regions[i] = locations.table.sample(rng)
        }
      }
      return regions
    },
  }
}
