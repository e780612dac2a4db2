/**
 * docs/spec.md §3.4 relevance: BM25 with k1 = 1.2 and b = 0.75, computed in the order the spec writes
 * it so that the doubles come out the same as any other careful implementation.
 */
import type { Profile } from '@people-search/core'
import { type Field, searchableFields, termFrequency, weightedLength } from './searchable-text.js'
import { PUBLIC_SIGHT } from './visibility.js'

const K1 = 1.2
const B = 0.75

/** Corpus statistics, over **public** searchable text only (no hidden word moves an order). */
export interface CorpusStats {
  /** N: the number of indexed members. */
  n: number
  /** avgdl: (Σ over members of the weighted public length) / N. */
  avgdl: number
  /** n(t): how many members' public text contains t. */
  documentFrequency: (token: string) => number
}

export function corpusStats(members: Profile[], now: Date): CorpusStats {
  const publicFields = members.map((m) => searchableFields(m, PUBLIC_SIGHT, now))
  let totalLength = 0
  for (const fields of publicFields) totalLength += weightedLength(fields)
  const n = members.length
  return {
    n,
    avgdl: totalLength / n,
    documentFrequency: (token) => publicFields.filter((fields) => termFrequency(fields, token) > 0).length,
  }
}

/** idf(t) = Math.log(1 + (N - n(t) + 0.5) / (n(t) + 0.5)). */
function idf(stats: CorpusStats, token: string): number {
  const nt = stats.documentFrequency(token)
  return Math.log(1 + (stats.n - nt + 0.5) / (nt + 0.5))
}

/**
 * score(d) = Σ over the distinct keyword tokens, in first-appearance order, of
 * idf * (tf * (k1 + 1)) / (tf + k1 * (1 - b + b * dl / avgdl)), skipping tf = 0.
 * `visible` are the fields of d that the viewer may see. No keywords → 0.
 * Project decision: when avgdl is 0 (no public text at all) the term `b * dl / avgdl` is `b`.
 */
export function bm25(keywords: string[], visible: Field[], stats: CorpusStats): number {
  const dl = weightedLength(visible)
  const lengthTerm = stats.avgdl === 0 ? B : (B * dl) / stats.avgdl
  let score = 0
  for (const token of new Set(keywords)) {
    const tf = termFrequency(visible, token)
    if (tf === 0) continue
    score += (idf(stats, token) * (tf * (K1 + 1))) / (tf + K1 * (1 - B + lengthTerm))
  }
  return score
}
