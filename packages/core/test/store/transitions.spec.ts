import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TransitionQueue } from '../../src/store/transitions.js'

describe('TransitionQueue', () => {
  it('pops in instant order under any interleaving of pushes and pops, like a sorted list', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: -5, max: 5 }), slot: fc.nat(1000) }),
      fc.constant({ pop: true as const }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const queue = new TransitionQueue()
        const model: { instant: number; slot: number }[] = []
        for (const o of ops) {
          if ('push' in o) {
            queue.push(o.push, o.slot)
            model.push({ instant: o.push, slot: o.slot })
          } else if (model.length > 0) {
            const earliest = Math.min(...model.map((e) => e.instant))
            expect(queue.peek()).toBe(earliest)
            const slot = queue.pop()
            const at = model.findIndex((e) => e.instant === earliest && e.slot === slot)
            expect(at, `popped slot ${slot} is queued at ${earliest}`).toBeGreaterThanOrEqual(0)
            model.splice(at, 1)
          }
          expect(queue.size).toBe(model.length)
        }
        expect(queue.peek()).toBe(
          model.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...model.map((e) => e.instant)),
        )
      }),
    )
  })
})
