import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { U32List } from '../../src/store/growable.js'
import { hasBit, ListBits } from '../../src/store/list-bits.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

describe('an item list as bits', () => {
  it('holds exactly the values of the list, however it grew between updates', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(100), { maxLength: 20 }), { maxLength: 8 }), (batches) => {
        const list = new U32List()
        const bits = new ListBits()
        let next = 0
        for (const batch of batches) {
          // Ascending, as item postings are built.
          for (const gap of batch) {
            next += gap + 1
            list.push(next)
          }
          const held = bits.update(list)
          const found: number[] = []
          for (let v = 0; v <= next + 40; v++) if (hasBit(held, v)) found.push(v)
          expect(found).toEqual([...list.data.subarray(0, list.length)])
        }
      }),
      { numRuns: RUNS },
    )
  })
})
