/**
 * What every engine of the suite is handed alike: the clock of the sample world, against which
 * "current" positions are judged, and the index's own tokens, into which every word is folded.
 * It imports nothing of the suite, so `workload.ts`, `public-text.ts` and the peers can all
 * depend on it without depending on each other.
 */
import { tokens } from '@people-search/core'
import { SAMPLE_EPOCH } from '@people-search/sample'

/** The clock of the sample world: every engine decides "current" against it. */
export const NOW = new Date(SAMPLE_EPOCH)

/** Folded tokens of a text, as every engine is given them. */
export function folded(text: string): string[] {
  return tokens(text)
}
