import { materialize, type RequestPlan, requestPlanArb, worldArb } from '@people-search/conformance'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildBoth, describeRequest, RUNS } from './helpers.js'

const page = (plan: RequestPlan, start: number, count: number): RequestPlan => ({ ...plan, start, count })

describe('paging (docs/spec.md §3.5)', () => {
  it('walking pages of any size yields the whole order once, without gaps', () => {
    fc.assert(
      fc.property(
        worldArb(),
        requestPlanArb({ invalidRate: 0 }),
        fc.integer({ min: 1, max: 25 }),
        (world, plan, size) => {
          if (world.profiles.length === 0) return
          const { index, oracle } = buildBoth(world)
          const first = materialize(page(plan, 0, 25), world)
          const head = oracle.answer(first.request, { viewer: first.viewer })
          // The oracle's order, read in pages of 25.
          const order: string[] = [...head.ids]
          while (order.length < head.total) {
            const m = materialize(page(plan, order.length, 25), world)
            order.push(...oracle.answer(m.request, { viewer: m.viewer }).ids)
          }
          const walked: string[] = []
          for (let start = 0; start < head.total; start += size) {
            const m = materialize(page(plan, start, size), world)
            const answer = index.searchAnswer(m.request, { viewer: m.viewer })
            expect(answer.ids.length, describeRequest(m)).toBe(Math.min(size, head.total - start))
            expect([answer.numResults, answer.total, answer.start], describeRequest(m)).toEqual([
              head.numResults,
              head.total,
              start,
            ])
            walked.push(...answer.ids)
          }
          expect(walked, describeRequest(first)).toEqual(order)
          expect(new Set(walked).size).toBe(walked.length)
          for (const start of [head.total, head.total + 3]) {
            const m = materialize(page(plan, start, size), world)
            expect(index.searchAnswer(m.request, { viewer: m.viewer }).ids, describeRequest(m)).toEqual([])
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
