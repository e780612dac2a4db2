/**
 * docs/spec.md §1.1: current-ness is judged against the clock at the moment of each search. The
 * index and the oracle share one clock; members are added at one instant, then the clock moves
 * forward past some `endDate`s and back before others, and after each move both must answer
 * alike: matching (`current-company=true`, the current/past company facets), histograms, BM25
 * (a current title weighs 2) and the rendered `isCurrent`.
 */

import {
  DATES,
  firstInstant,
  materialize,
  Oracle,
  type RequestPlan,
  requestPlanArb,
  worldArb,
} from '@people-search/conformance'
import { PeopleIndex } from '@people-search/core'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { expectSameAsOracle, load, NOW, optionsFor, RUNS } from './helpers.js'

/**
 * The instants the clock visits: every generated date's first instant (not yet "after" it) and
 * the millisecond before it (when it is), the suite's fixed clock, and far before and after.
 */
const INSTANTS: readonly number[] = [
  ...new Set([
    ...DATES.flatMap((date) => [firstInstant(date), firstInstant(date) - 1]),
    NOW.getTime(),
    Date.UTC(2010, 0, 1),
    Date.UTC(2031, 0, 1),
  ]),
].sort((a, b) => a - b)

/** Deep runs (`FC_RUNS=2000`) take longer than vitest's default minute. */
const TIMEOUT = Math.max(60_000, RUNS * 100)

/** One move of the clock (to an instant, in ms), then some searches, and maybe a member replaced then. */
interface Move {
  to: number
  plans: RequestPlan[]
  replace?: number
}

const movesArb = (count: number): fc.Arbitrary<Omit<Move, 'to'>[]> =>
  fc.array(
    fc.record(
      {
        plans: fc.array(requestPlanArb({ invalidRate: 0 }), { minLength: 1, maxLength: 2 }),
        replace: fc.nat(),
      },
      { requiredKeys: ['plans'] },
    ),
    { minLength: count, maxLength: count },
  )

/**
 * Added at some instant; then forward past it, back before that, and maybe one more move
 * anywhere. Picks are indices into INSTANTS, so shrinking moves towards the earliest instants.
 */
const scheduleArb = fc
  .record({
    added: fc.nat(INSTANTS.length - 2),
    ahead: fc.nat(INSTANTS.length - 1),
    back: fc.nat(),
    more: fc.option(fc.nat(INSTANTS.length - 1), { nil: undefined }),
    moves: movesArb(3),
  })
  .map(({ added, ahead, back, more, moves }) => {
    const forward = added + 1 + (ahead % (INSTANTS.length - 1 - added))
    const to = [forward, back % forward, ...(more === undefined ? [] : [more])]
    return {
      addedAt: INSTANTS[added],
      moves: to.map((at, i): Move => ({ ...moves[i], to: INSTANTS[at] })),
    }
  })

const iso = (t: number) => new Date(t).toISOString()

/**
 * Every histogram that depends on current-ness, and each position's rendered `is-current`
 * (SELECTORS[1]), for the `viewer`-th member.
 */
function probe(viewer: number): RequestPlan {
  return {
    viewer,
    anchor: 0,
    facet: [],
    form: 'url',
    seed: 0,
    facets: ['current-company', 'past-company', 'school'],
    selector: 1,
    count: 25,
  }
}

describe('the clock at search time (docs/spec.md §1.1)', () => {
  it(
    'after every move of the clock the index answers like the oracle',
    () => {
      fc.assert(
        fc.property(worldArb(), scheduleArb, (world, { addedAt, moves }) => {
          let clock = addedAt
          const options = { ...optionsFor(world), now: () => new Date(clock) }
          const index = load(new PeopleIndex(options), world)
          const oracle = load(new Oracle(options), world)
          for (const [at, move] of moves.entries()) {
            clock = move.to
            if (move.replace !== undefined && world.profiles.length > 0) {
              // Replacing a member at the new time retires its old version at that time.
              const profile = world.profiles[move.replace % world.profiles.length]
              index.add(structuredClone(profile))
              oracle.add(structuredClone(profile))
            }
            for (const plan of [probe(at), ...move.plans]) {
              try {
                expectSameAsOracle(index, oracle, materialize(plan, world))
              } catch (error) {
                const when = `added at ${iso(addedAt)}, searched at ${iso(clock)}`
                if (error instanceof Error) error.message = `${when}: ${error.message}`
                throw error
              }
            }
          }
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )
})
