import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RankKey, TopK } from '../../src/collect/top-k.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

// Score descending, then slot ascending: total, with many ties on score.
const before = (a: number, sa: number, b: number, sb: number): boolean => (sa !== sb ? sa > sb : a < b)

describe('TopK', () => {
  it('keeps what a full sort then slice keeps, best first', () => {
    fc.assert(
      fc.property(
        // Longer than the buffer of any k here (2k, at least 64), so entries arrive after cuts
        // have raised the threshold, many of them tying with it.
        fc.uniqueArray(fc.tuple(fc.nat(1000), fc.constantFrom(0, 0.5, 1, 2.25, 7)), {
          selector: ([slot]) => slot,
          maxLength: 400,
          size: 'max',
        }),
        fc.nat(70),
        fc.constantFrom('score', 'column', 'none'),
        (entries, k, keyed) => {
          // The score as the rank key, read from the offer or from a column by slot, or no key
          // (every key ties, so before decides alone).
          const column = new Float64Array(1001)
          for (const [slot, score] of entries) column[slot] = score
          const key =
            keyed === 'score' ? RankKey.score() : keyed === 'column' ? RankKey.column(column) : RankKey.NONE
          const top = new TopK(k, before, key)
          for (const [slot, score] of entries) top.offer(slot, score)
          const expected = [...entries]
            .sort(([a, sa], [b, sb]) => (before(a, sa, b, sb) ? -1 : 1))
            .slice(0, k)
            .map(([slot]) => slot)
          expect(top.sorted()).toEqual(expected)
          // A deep page: the ranks from any position on, in order, and the heap left as it was.
          for (const from of [
            0,
            1,
            Math.floor(expected.length / 2),
            expected.length - 1,
            expected.length,
            k + 3,
          ])
            expect(top.sortedFrom(from)).toEqual(expected.slice(Math.max(0, from)))
          expect(top.sorted()).toEqual(expected)
        },
      ),
      { numRuns: RUNS },
    )
  })
})
