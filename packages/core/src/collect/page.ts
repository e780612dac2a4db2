/**
 * docs/spec.md §3.5: the ranked entries from position `start`, at most `count` of them, never
 * at or past position `total`; empty when `start` is at or past `total`.
 */
export function page<T>(ranked: readonly T[], start: number, count: number, total: number): T[] {
  const end = Math.min(start + count, total)
  return start >= end ? [] : ranked.slice(start, end)
}
