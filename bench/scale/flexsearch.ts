/**
 * FlexSearch 0.8 at scale, indexing the text alone: the same streamed corpus, each member's
 * public searchable text folded into our tokens as the suite's peer documents hold it
 * (`public-text.ts`), added to one `Index` with the suite's settings (`peers/flexsearch.ts`: the
 * exact encoder on pre-folded words, the strict tokenizer, numeric ids, no store). No graph, no
 * tags, no second field: the least it could be asked to build, in its favour.
 */
import { Charset, Index } from 'flexsearch'
import type { FlexSearchAtScale } from '../figures.js'
import { seconds, sizeLabel } from '../format.js'
import { log } from '../measure.js'
import { publicWords } from '../public-text.js'
import { settledMemory } from './memory.js'
import { BATCH, profileBatches } from './stream.js'

export const FLEXSEARCH_INDEXED =
  "one `Index` (exact encoder, strict tokenizer, numeric ids, no store) over each member's public " +
  'searchable text, folded into our tokens; no graph, no tags'

export function flexsearchAtScale(size: number, seed: number, command: string): FlexSearchAtScale {
  const label = `[${sizeLabel(size)}] flexsearch`
  const empty = settledMemory()
  const index = new Index({ encoder: Charset.Exact, tokenize: 'strict' })
  const loopStart = performance.now()
  let addMs = 0
  let id = 0
  for (const batch of profileBatches(size, seed, BATCH)) {
    // Folding the text is the documents' preparation, which the suite does not count either.
    const texts = batch.map((profile) => publicWords(profile).join(' '))
    const start = performance.now()
    for (const text of texts) index.add(id++, text)
    addMs += performance.now() - start
  }
  const generateMs = performance.now() - loopStart - addMs
  log(`${label}: built in ${seconds(addMs)}; generating and folding took ${seconds(generateMs)}`)
  const memory = settledMemory()
  // A search after the measurement keeps the index reachable through it.
  const hits = index.search('area', { limit: 10 }).length
  log(`${label}: ${(memory.rss / size).toFixed(0)} B RSS per member (a probe search found ${hits})`)
  return { command, empty, memory, generateMs, indexed: FLEXSEARCH_INDEXED, build: { totalMs: addMs } }
}
