import { mix32 } from './prng.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const ALNUM = 62

/**
 * The id of member `index`: 10 characters of [A-Za-z0-9_-] that look random but are a pure
 * function of (seed, index). Distinct indexes (below 2^32) give distinct ids: characters 1–5
 * and the low bits of 6 spell a keyed bijection of the index; the rest is a hash of it, and
 * the first character is always a letter or digit (no id looks like a command-line option).
 */
export function memberId(seed: number, index: number): string {
  const key = mix32(seed ^ 0x51ed27) // a per-seed key, so two seeds give unrelated ids
  const x = mix32((index ^ key) >>> 0) // bijective on 32 bits
  const h = mix32(x ^ 0x2545f491)
  let id = ALPHABET[h % ALNUM]
  for (let k = 0; k < 5; k++) id += ALPHABET[(x >>> (6 * k)) & 63]
  id += ALPHABET[((x >>> 30) & 3) | (((h >>> 8) & 15) << 2)]
  for (let k = 0; k < 3; k++) id += ALPHABET[(h >>> (12 + 6 * k)) & 63]
  return id
}

/** Ids of members 0 … size − 1. */
export function idsFor(seed: number, size: number): string[] {
  const ids = new Array<string>(size)
  for (let i = 0; i < size; i++) ids[i] = memberId(seed, i)
  return ids
}
