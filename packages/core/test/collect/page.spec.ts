import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { page } from '../../src/collect/page.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

describe('page (docs/spec.md §3.5)', () => {
  it('is the positions from start, at most count of them, never at or past total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.nat(50),
        fc.nat(25),
        fc.nat(50),
        (ranked, start, count, cap) => {
          const total = Math.min(ranked.length, cap)
          const positions = ranked
            .map((_, p) => p)
            .filter((p) => p >= start && p < start + count && p < total)
          expect(page(ranked, start, count, total)).toEqual(positions.map((p) => ranked[p]))
        },
      ),
      { numRuns: RUNS },
    )
  })
})
