import {
  hidingArb,
  materialize,
  privacyCase,
  replacementsArb,
  requestPlanArb,
  worldArb,
} from '@people-search/conformance'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildBoth, describeRequest, indexAnswer, oracleAnswer, RUNS, searchJson } from './helpers.js'

describe('privacy (docs/spec.md §3.6)', () => {
  it('rewriting what the viewer may not see never changes any answer', () => {
    fc.assert(
      fc.property(
        worldArb(),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.option(hidingArb, { freq: 3 }),
        replacementsArb,
        fc.array(requestPlanArb({ invalidRate: 0 }), { minLength: 1, maxLength: 4 }),
        (world, viewerPick, targetPicks, hiding, replacements, plans) => {
          const pair = privacyCase(world, viewerPick, targetPicks, hiding, replacements)
          if (pair === undefined) return
          const { viewer, targets, before, after, vocabulary } = pair
          const a = buildBoth(before)
          const b = buildBoth(after)
          // Requests use the words of both versions, hidden ones included.
          for (const plan of plans) {
            const m = { ...materialize(plan, vocabulary), viewer }
            const why = `${describeRequest(m)}; targets ${targets.join(',')}`
            expect(indexAnswer(b.index, m), `index: ${why}`).toEqual(indexAnswer(a.index, m))
            expect(oracleAnswer(b.oracle, m), `oracle: ${why}`).toEqual(oracleAnswer(a.oracle, m))
            expect(searchJson(b.index, m), `index document: ${why}`).toBe(searchJson(a.index, m))
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
