import {
  hidingArb,
  materialize,
  replacementsArb,
  requestPlanArb,
  rewriteHidden,
  type World,
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
          const ids = world.profiles.map((p) => p.id)
          if (ids.length === 0) return
          const viewer = ids[viewerPick % ids.length]
          const friends = new Set(
            world.edges
              .flatMap(([a, b]) => (a === viewer ? [b] : b === viewer ? [a] : []))
              .filter((x) => x !== viewer),
          )
          const targets = new Set(targetPicks.map((t) => ids[t % ids.length]))
          const before: World = {
            ...world,
            profiles: world.profiles.map((p) =>
              targets.has(p.id) && hiding ? { ...p, visibility: { ...p.visibility, ...hiding } } : p,
            ),
          }
          const after: World = {
            ...before,
            profiles: before.profiles.map((p) =>
              targets.has(p.id) ? rewriteHidden(p, friends.has(p.id), replacements) : p,
            ),
          }
          const a = buildBoth(before)
          const b = buildBoth(after)
          // Requests use the words of both versions, hidden ones included.
          const vocabulary: World = { ...before, profiles: [...before.profiles, ...after.profiles] }
          for (const plan of plans) {
            const m = { ...materialize(plan, vocabulary), viewer }
            const why = `${describeRequest(m)}; targets ${[...targets].join(',')}`
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
