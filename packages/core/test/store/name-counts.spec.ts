import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mostFrequentName, NameCounts } from '../../src/store/name-counts.js'

describe('NameCounts', () => {
  it('counts like a plain map of maps under any sequence of adds and removals, blank names not at all', () => {
    const op = fc.record({
      id: fc.integer({ min: 1, max: 3 }),
      name: fc.constantFrom('A', 'B', 'C', '', ' \t'),
      add: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const counts = new NameCounts()
        const model = new Map<number, Map<string, number>>()
        for (const { id, name, add } of ops) {
          // A blank name is no name (docs/spec.md §8 "Buckets"): never counted, never named.
          if (name.trim() === '') {
            counts.add(id, name, add ? 1 : -1)
            continue
          }
          const names = model.get(id) ?? new Map<string, number>()
          const current = names.get(name) ?? 0
          if (!add && current === 0) continue // removals only ever undo an add
          names.set(name, current + (add ? 1 : -1))
          if (names.get(name) === 0) names.delete(name)
          model.set(id, names)
          counts.add(id, name, add ? 1 : -1)
        }
        for (const id of [1, 2, 3]) {
          const got = new Map(counts.get(id))
          expect(got).toEqual(model.get(id) ?? new Map())
          expect(mostFrequentName(counts.get(id))).toBe(mostFrequentName(model.get(id) ?? []))
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    )
  })
})
