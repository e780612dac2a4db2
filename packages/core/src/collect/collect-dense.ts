import { NO_FAILED_FACET } from '../query/matches.js'
import type { SearchPlan } from '../query/search-plan.js'
import type { PostingBits } from '../store/posting-bits.js'
import type { Collector } from './collector.js'

/**
 * Hands every match of a plan of keywords alone, or of no criteria at all (`SearchPlan.dense`),
 * to a collector, ascending, by combining bitsets 32 slots at a time instead of walking lists:
 * the viewer's S members match
 * where every token is in text anyone may see, its F members where every token is in text a
 * connection may see (docs/spec.md §3.2, §3.6). Dead slots never carry a degree (removing or
 * re-indexing a member moves its edges, and a moved graph drops every view), so they are never
 * in the network's bits.
 */
export function collectDense(plan: SearchPlan, collector: Collector): void {
  const { networkBits, firstBits } = plan.view
  if (networkBits === undefined || firstBits === undefined) throw new Error('a dense plan needs a full view')
  const postings: PostingBits[] = []
  let words = networkBits.length
  for (const posting of plan.keywords) {
    const bits = posting.bits()
    postings.push(bits)
    words = Math.min(words, bits.seen.length)
  }
  const m = postings.length
  for (let word = 0; word < words; word++) {
    const network = networkBits[word]
    if (network === 0) continue
    const first = word < firstBits.length ? firstBits[word] : 0
    let second = network & ~first
    let connected = first
    for (let t = 0; t < m && (second | connected) !== 0; t++) {
      second &= postings[t].seen[word]
      connected &= postings[t].any[word]
    }
    let matches = second | connected
    while (matches !== 0) {
      const low = matches & -matches
      collector.collect((word << 5) + 31 - Math.clz32(low), 0, NO_FAILED_FACET)
      matches ^= low
    }
  }
}
