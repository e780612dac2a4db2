/**
 * Build — index build time and heap per profile.
 *
 * Measured: wall time of `PeopleIndex.add` over every profile (batches of 10,000, validation
 * included), then of one `connectMany` for every edge (ids resolved once) and `joinGroup` for every membership; and the
 * heap the index adds beyond the profile objects (which it keeps as given): V8 heap used plus
 * array buffers after forced GCs, once with the world generated and once with the index built,
 * the difference divided by the number of profiles.
 * Corpus: the seeded sample world (mean degree 50, about 1 group per 200 members, 0–3 groups
 * each), generated before the clock starts.
 * Notes: needs `node --expose-gc`. Targets at 1M: build ≤ 10 s, ≤ 1 KB heap per profile.
 */
import { PeopleIndex } from '@people-search/core'
import { NOW } from '../common.js'
import type { Corpus } from '../corpus.js'
import { settledHeap } from '../measure.js'

export interface BuildFigures {
  /** `add` of every profile, ms. */
  addMs: number
  /** `connectMany` and `joinGroup` of the whole graph, ms. */
  graphMs: number
  totalMs: number
  /** Heap beyond the corpus, bytes. */
  heapBytes: number
  bytesPerProfile: number
}

const BATCH = 10_000

export function buildOurs(corpus: Corpus): { index: PeopleIndex; figures: BuildFigures } {
  const before = settledHeap()
  const index = new PeopleIndex({ now: () => NOW })
  const start = performance.now()
  for (let i = 0; i < corpus.size; i += BATCH) index.add(corpus.profiles.slice(i, i + BATCH))
  const added = performance.now()
  const { ids, edges, groups } = corpus
  index.connectMany({ members: ids, pairs: edges })
  for (const { group, members } of groups) for (const m of members) index.joinGroup(ids[m], group)
  const end = performance.now()
  const heapBytes = settledHeap() - before
  return {
    index,
    figures: {
      addMs: added - start,
      graphMs: end - added,
      totalMs: end - start,
      heapBytes,
      bytesPerProfile: heapBytes / corpus.size,
    },
  }
}
