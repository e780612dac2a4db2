import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Cursor } from '../../src/query/cursor.js'
import { type DocSet, TERMINATED } from '../../src/query/doc-set.js'
import { Intersection } from '../../src/query/intersection.js'
import { ArrayDocSet, apply, type Move } from './array-doc-set.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
// A narrow range, so that the lists share slots.
const sortedSlots = fc
  .uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 })
  .map((slots) => slots.sort((a, b) => a - b))
const lists = fc.array(sortedSlots, { minLength: 1, maxLength: 4 })
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.constant({ kind: 'advance' as const }),
  fc.record({ kind: fc.constant('seek' as const), offset: fc.integer({ min: -3, max: 20 }) }),
)

function naive(lists: number[][]): number[] {
  const [first, ...others] = lists
  return first.filter((slot) => others.every((other) => other.includes(slot)))
}

function all(docSet: DocSet): number[] {
  const slots: number[] = []
  for (let slot = docSet.doc(); slot !== TERMINATED; slot = docSet.advance()) slots.push(slot)
  return slots
}

describe('Intersection', () => {
  it('holds the slots every list holds: a.filter(x => b.includes(x)), on array doubles', () => {
    fc.assert(
      fc.property(lists, (lists) => {
        expect(all(new Intersection(lists.map((slots) => new ArrayDocSet(slots))))).toEqual(naive(lists))
      }),
      { numRuns: RUNS },
    )
  })

  it('is the same over galloping cursors, whichever list drives', () => {
    fc.assert(
      fc.property(lists, (lists) => {
        const cursors = lists.map((slots) => new Cursor(Uint32Array.from(slots), slots.length))
        expect(all(new Intersection(cursors))).toEqual(naive(lists))
      }),
      { numRuns: RUNS },
    )
  })

  it('answers seeks and advances as a doc set over the naive intersection does', () => {
    fc.assert(
      fc.property(lists, fc.array(move, { maxLength: 30 }), (lists, moves) => {
        const intersection = new Intersection(lists.map((slots) => new ArrayDocSet(slots)))
        const model = new ArrayDocSet(naive(lists))
        expect(intersection.doc()).toBe(model.doc())
        for (const m of moves) expect(apply(intersection, m)).toBe(apply(model, m))
      }),
      { numRuns: RUNS },
    )
  })
})
