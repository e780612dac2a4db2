import type { MemberColumns } from '../store/columns.js'
import type { Posting } from '../store/postings.js'
import { termScore } from './bm25.js'
import type { Cursor } from './cursor.js'

/**
 * The distinct keyword tokens of a search, read where the intersection left their cursors:
 * once all of them stand on a member, each cursor's `pos` indexes that member's term
 * frequencies, split by who may see them (docs/spec.md §3.6).
 */
export class KeywordTerms {
  /** `postings[t]` is read through `cursors[t]`; `idfs[t]` is its idf, in the query's order. */
  constructor(
    private readonly postings: readonly Posting[],
    private readonly cursors: readonly Cursor[],
    private readonly idfs: readonly number[],
    private readonly columns: MemberColumns,
    private readonly avgdl: number,
  ) {}

  /** Whether every token is in text of the member this viewer may see (`isFirst`: an F viewer). */
  visible(isFirst: boolean): boolean {
    const { postings, cursors } = this
    for (let t = 0; t < postings.length; t++) {
      const posting = postings[t]
      const at = cursors[t].pos
      if (posting.tfPublic[at] === 0 && !(isFirst && posting.tfConnections[at] > 0)) return false
    }
    return true
  }

  /** BM25 of docs/spec.md §3.4 over what the viewer sees, adding terms in the query's order. */
  score(slot: number, isFirst: boolean): number {
    const { postings, cursors, idfs, columns, avgdl } = this
    if (postings.length === 0) return 0
    const dl = columns.dlPublic[slot] + (isFirst ? columns.dlConnections[slot] : 0)
    let score = 0
    for (let t = 0; t < postings.length; t++) {
      const posting = postings[t]
      const at = cursors[t].pos
      const tf = posting.tfPublic[at] + (isFirst ? posting.tfConnections[at] : 0)
      if (tf > 0) score += termScore(idfs[t], tf, dl, avgdl)
    }
    return score
  }
}
