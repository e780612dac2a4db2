import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Adjacency } from '../../src/store/adjacency.js'

const slot = fc.integer({ min: 0, max: 30 })
const op = fc.oneof(
  fc.tuple(fc.constant('append' as const), slot, slot),
  fc.tuple(fc.constant('remove' as const), slot, slot),
  fc.tuple(fc.constant('clear' as const), slot, slot),
  fc.tuple(fc.constant('compact' as const), fc.boolean(), slot),
)

describe('Adjacency arena', () => {
  it('lists equal plain arrays through appends, removals, clears and compactions (trimmed or not)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000 }), (ops) => {
        const adjacency = new Adjacency()
        const model = new Map<number, number[]>()
        for (const [kind, a, b] of ops) {
          if (kind === 'append') {
            adjacency.append(a, b as number)
            model.set(a, [...(model.get(a) ?? []), b as number])
          } else if (kind === 'remove') {
            const list = model.get(a) ?? []
            const at = list.indexOf(b as number)
            expect(adjacency.remove(a, b as number)).toBe(at >= 0)
            if (at >= 0) {
              list[at] = list[list.length - 1]
              list.pop()
            }
          } else if (kind === 'clear') {
            adjacency.clear(a)
            model.delete(a)
          } else adjacency.compact(a as boolean)
        }
        for (let s = 0; s <= 30; s++) expect([...adjacency.list(s)]).toEqual(model.get(s) ?? [])
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    )
  })
})
