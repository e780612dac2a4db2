/**
 * The network rule (docs/spec.md §3.2) judged the two ways of the cost-based plan (issue 15;
 * docs/architecture.md, "The network plan"): marking the viewer's whole network first, or
 * checking each candidate on its own against the viewer's F. Whichever is taken, every answer
 * and every document is the oracle's; the default (`cost`) takes either per query.
 */
import { materialize, requestPlanArb, worldArb } from '@people-search/conformance'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildIndex, buildOracle, expectSameAsOracle, indexAnswer, RUNS, searchJson } from './helpers.js'

describe('the network plans', () => {
  it('whole view and member-by-member checks give the oracle’s answers and documents, request after request', () => {
    fc.assert(
      fc.property(
        worldArb(),
        fc.array(requestPlanArb({ invalidRate: 0 }), { minLength: 1, maxLength: 8 }),
        (world, plans) => {
          const oracle = buildOracle(world)
          const whole = buildIndex(world, undefined, 'whole')
          const members = buildIndex(world, undefined, 'members')
          const cost = buildIndex(world, undefined, 'cost')
          for (const plan of plans) {
            const m = materialize(plan, world)
            // Member views first, before any whole view of this viewer is cached and taken instead.
            expectSameAsOracle(members, oracle, m)
            expectSameAsOracle(whole, oracle, m)
            expect(indexAnswer(cost, m)).toEqual(indexAnswer(whole, m))
            expect(searchJson(cost, m)).toBe(searchJson(whole, m))
          }
        },
      ),
      // Three indexes and the oracle per world: half the runs of a one-index property.
      { numRuns: Math.max(1, Math.ceil(RUNS / 2)) },
    )
  })
})

describe('the network plans, by example', () => {
  // One viewer in a group with a stranger, connected to a hub that knows two more members.
  function world() {
    const profiles = ['viewer', 'hub', 'friend-of-hub', 'other', 'grouped'].map((id) => ({
      id,
      firstName: 'Ann',
      lastName: id,
      headline: 'java developer',
    }))
    return {
      profiles,
      edges: [
        ['viewer', 'hub'],
        ['hub', 'friend-of-hub'],
      ] as [string, string][],
      memberships: [
        ['viewer', 'g'],
        ['grouped', 'g'],
      ] as [string, string][],
    }
  }

  for (const networkPlan of ['whole', 'members', 'cost'] as const) {
    it(`${networkPlan}: keywords find F and S only, not A or O; both names find A and O too`, () => {
      const index = buildIndex(world(), undefined, networkPlan)
      const found = (request: Record<string, string>) =>
        index.searchAnswer({ ...request, sort: 'distance' }, { viewer: 'viewer' }).ids
      expect(found({ keywords: 'java' })).toEqual(['hub', 'friend-of-hub'])
      expect(found({ keywords: 'java', 'last-name': 'grouped' })).toEqual([])
      expect(found({ 'first-name': 'Ann', 'last-name': 'grouped' })).toEqual(['grouped'])
      expect(found({ 'first-name': 'Ann', 'last-name': 'other' })).toEqual(['other'])
    })
  }
})
