/** What every peer library adapter provides. */
import type { Corpus } from '../corpus.js'
import type { PeerName } from '../scenario.js'
import type { QueryCase } from '../workload.js'
import type { PeerDocument } from './documents.js'

export interface PeerEngine {
  /**
   * Answers one case the closest way the library can; returns how many matches it reports
   * (its exact count where it has one, else how many it returned).
   */
  run(query: QueryCase): number | Promise<number>
}

export interface Peer {
  name: PeerName
  /** Whether `run`'s number is an exact count of all matches (false: capped by the page). */
  counts: boolean
  build(corpus: Corpus, documents: readonly PeerDocument[]): PeerEngine | Promise<PeerEngine>
}
