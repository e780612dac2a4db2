import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Posting } from '../../src/store/postings.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

const has = (bits: Uint32Array, slot: number) => ((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0

describe('Posting.bits (store/posting-bits.ts)', () => {
  it('holds exactly the slots whose token anyone may see (seen) or a connection may see (any), however the posting grew between asks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(300), { maxLength: 120, size: 'max' }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 120, maxLength: 120 }),
        fc.array(fc.nat(120), { maxLength: 4 }),
        (slots, frequencies, asks) => {
          slots.sort((a, b) => a - b)
          const posting = new Posting()
          const pushed: [number, number, number][] = []
          const askAt = new Set(asks)
          slots.forEach((slot, i) => {
            if (askAt.has(i)) posting.bits()
            const [tfPublic, tfConnections] = frequencies[i]
            posting.push(slot, tfPublic, tfConnections)
            pushed.push([slot, tfPublic, tfConnections])
          })
          const { seen, any } = posting.bits()
          for (let slot = 0; slot <= 300; slot++) {
            const entry = pushed.find(([s]) => s === slot)
            expect(has(seen, slot)).toBe(entry !== undefined && entry[1] > 0)
            expect(has(any, slot)).toBe(entry !== undefined && (entry[1] > 0 || entry[2] > 0))
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
