/**
 * One flat document per member for the peer libraries: what the public may see, already folded
 * into the index's own tokens (docs/spec.md §2) and joined by spaces, so that every library matches the
 * same words as we do and none pays for Unicode folding. Building these documents is not timed
 * as part of a peer's build.
 */

import { folded } from '../common.js'
import { adjacency, type Corpus } from '../corpus.js'
import { publicCurrentCompanies, publicWords } from '../public-text.js'

export interface PeerDocument {
  /** The member index. */
  id: number
  /** Every public searchable field (docs/spec.md §3.1, public sight), folded tokens. */
  text: string
  /** Folded first name / last name. */
  firstName: string
  lastName: string
  /** `<first> / <last>`, folded: one exact key for both names. */
  fullName: string
  /** Company names of the member's public current positions, folded tokens. */
  currentCompany: string
  /** Location facet values: the region code and its country `cc:0`. */
  location: string[]
  /** Industry code. */
  industry: string
  /** Member indexes of its connections. */
  friends: number[]
  numConnections: number
}

export function peerDocuments(corpus: Corpus): PeerDocument[] {
  const neighbours = adjacency(corpus)
  return corpus.profiles.map((profile, id) => {
    const code = profile.location?.code
    const firstName = folded(profile.firstName).join(' ')
    const lastName = folded(profile.lastName).join(' ')
    return {
      id,
      text: publicWords(profile).join(' '),
      firstName,
      lastName,
      fullName: `${firstName} / ${lastName}`,
      currentCompany: folded(publicCurrentCompanies(profile).join(' ')).join(' '),
      location: code === undefined ? [] : [code, `${code.slice(0, code.indexOf(':'))}:0`],
      industry: String(profile.industry?.code ?? ''),
      friends: Array.from(neighbours[id]),
      numConnections: profile.numConnections ?? 0,
    }
  })
}

/** numConnections descending, then member index: the order the peers' callers sort by. */
export function byConnections(docs: readonly PeerDocument[]): (a: number, b: number) => number {
  return (a, b) => docs[b].numConnections - docs[a].numConnections || a - b
}
