import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { B, idf, K1, termScore } from '../../src/query/bm25.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

describe('BM25 (docs/spec.md §3.4)', () => {
  it('computes the very doubles of the formula as the spec writes it', () => {
    const k1 = 1.2
    const b = 0.75
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.double({ min: 0.01, max: 1_000, noNaN: true }),
        (N, share, tf, extra, avgdl) => {
          const n = Math.floor(share * N)
          const dl = tf + extra
          const idfT = Math.log(1 + (N - n + 0.5) / (n + 0.5))
          expect(idf(N, n)).toBe(idfT)
          expect(termScore(idf(N, n), tf, dl, avgdl)).toBe(
            (idfT * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * dl) / avgdl)),
          )
        },
      ),
      { numRuns: RUNS },
    )
    expect([K1, B]).toEqual([k1, b])
  })

  it('takes an empty corpus text (avgdl 0) as average length, not a division by zero', () => {
    expect(termScore(2, 3, 0, 0)).toBe((2 * (3 * (K1 + 1))) / (3 + K1))
  })
})
