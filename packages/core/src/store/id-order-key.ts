/**
 * Member ids are 1–64 characters of `[A-Za-z0-9_-]` (docs/spec.md §1.1), ordered by code unit
 * (§3.4). Each character's rank in that order, 1–64; 0 stands for "the id has ended", which
 * sorts a prefix before the ids it begins, as code-unit order does.
 */
const RANK = new Uint8Array(128)
'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'.split('').forEach((char, i) => {
  RANK[char.charCodeAt(0)] = i + 1
})

const BASE = 65
/** 65^8 < 2^53: eight characters in base 65 are an exact double. */
const DIGITS = 8

/**
 * A number whose order is the code-unit order of the ids' first eight characters: comparing two
 * of them decides the id tie-break of every sort with one comparison of doubles, and only ids
 * that share their first eight characters need the strings.
 */
export function idOrderKey(id: string): number {
  let key = 0
  for (let i = 0; i < DIGITS; i++) key = key * BASE + (i < id.length ? RANK[id.charCodeAt(i) & 127] : 0)
  return key
}
