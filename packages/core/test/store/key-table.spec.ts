import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyTable } from '../../src/store/key-table.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
// Keys as the store makes them (first name key · 2^26 + last name key), some colliding low bits.
const keyArb = fc.oneof(
  fc.tuple(fc.nat(2000), fc.nat(2000)).map(([a, b]) => a * 0x4000000 + b),
  fc.nat(64).map((n) => n * 1024),
  fc.constantFrom(0, 2 ** 52, 2 ** 53 - 1),
)

describe('KeyTable', () => {
  it('answers like a Map under any sequence of sets, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyArb, fc.integer({ min: 1, max: 0xffffffff })), { maxLength: 3000 }),
        fc.array(keyArb, { maxLength: 50 }),
        (sets, probes) => {
          const table = new KeyTable()
          const model = new Map<number, number>()
          for (const [key, value] of sets) {
            table.set(key, value)
            model.set(key, value)
          }
          expect(table.size).toBe(model.size)
          for (const key of [...probes, ...model.keys()])
            expect(table.get(key), String(key)).toBe(model.get(key) ?? 0)
        },
      ),
      { numRuns: RUNS },
    )
  })
})
