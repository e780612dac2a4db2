import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Cursor } from '../../src/query/cursor.js'
import { TERMINATED } from '../../src/query/doc-set.js'
import { ArrayDocSet, apply, type Move } from './array-doc-set.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
const sortedSlots = fc
  .uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 60 })
  .map((slots) => slots.sort((a, b) => a - b))
// Negative offsets seek below the current slot, which must move nothing.
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.constant({ kind: 'advance' as const }),
  fc.record({ kind: fc.constant('seek' as const), offset: fc.integer({ min: -5, max: 80 }) }),
)

describe('Cursor (a doc set over a sorted list)', () => {
  it('answers every advance and seek as a linear scan of the list does', () => {
    fc.assert(
      fc.property(sortedSlots, fc.array(move, { maxLength: 40 }), fc.nat(8), (slots, moves, slack) => {
        // Postings have room beyond their length; what lies there is not part of the list.
        const data = new Uint32Array(slots.length + slack).fill(7)
        data.set(slots)
        const cursor = new Cursor(data, slots.length)
        const model = new ArrayDocSet(slots)
        expect(cursor.doc()).toBe(model.doc())
        for (const m of moves) {
          expect(apply(cursor, m)).toBe(apply(model, m))
          expect(cursor.doc()).toBe(model.doc())
          if (cursor.doc() !== TERMINATED) expect(data[cursor.pos]).toBe(cursor.doc())
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('stays exhausted once past the end', () => {
    const cursor = new Cursor(Uint32Array.of(3, 9), 2)
    expect(cursor.seek(10)).toBe(TERMINATED)
    expect(cursor.advance()).toBe(TERMINATED)
    expect(cursor.seek(TERMINATED)).toBe(TERMINATED)
    expect(new Cursor(new Uint32Array(4), 0).doc()).toBe(TERMINATED)
  })
})
