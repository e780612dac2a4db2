/** BM25 parameters of docs/spec.md §3.4. */
export const K1 = 1.2
export const B = 0.75

/** idf(t) with N members and n(t) members whose public text holds t. */
export function idf(members: number, withToken: number): number {
  return Math.log(1 + (members - withToken + 0.5) / (withToken + 0.5))
}

/**
 * One token's share of a score, written exactly as docs/spec.md §3.4 so that any implementation
 * evaluating the same expression gets the same double. An empty corpus text (avgdl 0)
 * counts as an average length.
 */
export function termScore(idfValue: number, tf: number, dl: number, avgdl: number): number {
  const lengthTerm = avgdl === 0 ? B : (B * dl) / avgdl
  return (idfValue * (tf * (K1 + 1))) / (tf + K1 * (1 - B + lengthTerm))
}
