import { materialize, requestPlanArb, SELECTOR_KINDS, worldArb } from '@people-search/conformance'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import {
  buildBoth,
  expectSameAsOracle,
  expectSpecInvariants,
  indexAnswer,
  networkPlanArb,
  RUNS,
} from './helpers.js'

describe('PeopleIndex answers exactly like the oracle', () => {
  it('on random worlds and requests (answers, documents and errors)', () => {
    fc.assert(
      fc.property(
        worldArb(),
        fc.array(requestPlanArb(), { minLength: 1, maxLength: 10 }),
        networkPlanArb,
        (world, plans, networkPlan) => {
          const { index, oracle } = buildBoth(world, networkPlan)
          for (const plan of plans) {
            const m = materialize(plan, world)
            expectSameAsOracle(index, oracle, m)
            expectSpecInvariants(world, m, indexAnswer(index, m))
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('on named-person searches, which reach every member (docs/spec.md §3.2)', () => {
    const named = requestPlanArb({ invalidRate: 0 }).filter((p) => p.names?.which === 'both')
    fc.assert(
      fc.property(
        worldArb(),
        fc.array(named, { minLength: 1, maxLength: 4 }),
        networkPlanArb,
        (world, plans, networkPlan) => {
          const { index, oracle } = buildBoth(world, networkPlan)
          for (const plan of plans) expectSameAsOracle(index, oracle, materialize(plan, world))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('on requests with a bad field selector: the same 400 (docs/spec.md §5.1, §8 checks order)', () => {
    const bad = requestPlanArb({ invalidRate: 1, invalidKinds: SELECTOR_KINDS })
    fc.assert(
      fc.property(worldArb({ maxProfiles: 10 }), bad, (world, plan) => {
        const { index, oracle } = buildBoth(world)
        expectSameAsOracle(index, oracle, materialize(plan, world))
      }),
      { numRuns: RUNS },
    )
  })
})
