/** The shape shared by the query-class scenarios in `scenarios/`. */
import type { QueryCase, World } from './workload.js'

export const PEERS = ['flexsearch', 'orama', 'minisearch', 'oracle'] as const
export type PeerName = (typeof PEERS)[number]

export interface QueryScenario {
  /** `q1` … `q7`. */
  id: string
  /** One line: what the query class is. */
  title: string
  /** The legacy request, with placeholders, as it appears in the results. */
  pattern: string
  /** For each peer: the closest query it was given, and what it cannot express. */
  peers: Record<PeerName, string>
  /** The concrete searches, cycled through by the timing loop. */
  cases(world: World): QueryCase[]
}
