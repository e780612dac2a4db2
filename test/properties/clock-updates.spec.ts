/**
 * docs/spec.md §1.1, §7: the index owns what it indexed, and judges current-ness by the clock of
 * each search, whatever happened in between. Model-based (`fc.commands`): adds (one profile or a
 * batch, after which the caller scrambles the objects it passed), removes, connects, and moves of
 * a clock shared by the index and the oracle — forward past end dates and back before them —
 * with searches in between. After every step the live index answers like the oracle, and like a
 * fresh index built from the model's state at the current clock.
 */

import {
  DATES,
  firstInstant,
  materialize,
  Oracle,
  profileArb,
  type RequestPlan,
  requestPlanArb,
  type World,
  worldArb,
} from '@people-search/conformance'
import { PeopleIndex, type Profile } from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeRequest, expectSameAsOracle, indexAnswer, load, NOW, optionsFor, RUNS } from './helpers.js'

const IDS = ['A', 'B', 'a', 'b', 'm1', 'm2', 'm3', 'm4']

/** Every generated date's first instant and the millisecond before it, the suite's clock, far off. */
const INSTANTS: readonly number[] = [
  ...new Set([
    ...DATES.flatMap((date) => [firstInstant(date), firstInstant(date) - 1]),
    NOW.getTime(),
    Date.UTC(2010, 0, 1),
    Date.UTC(2031, 0, 1),
  ]),
].sort((a, b) => a - b)

interface Model {
  profiles: Map<string, Profile>
  edges: [string, string][]
  memberships: [string, string][]
  options: Pick<World, 'caps' | 'facetBucketLimit'>
}

interface Real {
  clock: { now: number }
  index: PeopleIndex
  oracle: Oracle
}

type Cmd = fc.Command<Model, Real>

function worldOf(model: Model): World {
  const live = (id: string) => model.profiles.has(id)
  return {
    profiles: [...model.profiles.values()],
    edges: model.edges.filter(([a, b]) => live(a) && live(b)),
    memberships: model.memberships.filter(([m]) => live(m)),
    ...model.options,
  }
}

/**
 * What a caller may do to the objects it added: every string becomes one word that no profile
 * holds, every visibility flips, lists grow and shrink, dates and flags change, keys vanish.
 */
function scramble(value: unknown, salt: number): void {
  if (Array.isArray(value)) {
    for (const item of value) scramble(item, salt)
    if (salt % 3 === 0) value.push(structuredClone(value[0] ?? 'zebra'))
    if (salt % 3 === 1) value.pop()
    return
  }
  if (typeof value !== 'object' || value === null) return
  const record = value as Record<string, unknown>
  for (const [key, field] of Object.entries(record)) {
    if (key === 'id') continue
    if (typeof field === 'string')
      record[key] = ['public', 'connections', 'private'].includes(field) ? 'private' : 'zebra'
    else if (typeof field === 'boolean') record[key] = !field
    else if (typeof field === 'number') record[key] = field + 1
    else scramble(field, salt + key.length)
    if ((salt + key.length) % 5 === 0) delete record[key]
  }
  if (salt % 2 === 0) record.visibility = { headline: 'private', positions: 'private' }
}

class AddCommand implements Cmd {
  constructor(
    readonly profiles: Profile[],
    readonly asArray: boolean,
    readonly salt: number,
  ) {}
  check = () => true
  run(model: Model, real: Real): void {
    const given = structuredClone(this.profiles)
    real.oracle.add(structuredClone(given))
    real.index.add(given.length === 1 && !this.asArray ? given[0] : given)
    scramble(given, this.salt)
    for (const p of this.profiles) model.profiles.set(p.id, structuredClone(p))
  }
  toString = () => `add(${this.profiles.map((p) => p.id).join(',')}; scrambled ${this.salt})`
}

class RemoveCommand implements Cmd {
  constructor(readonly id: string) {}
  check = () => true
  run(model: Model, real: Real): void {
    expect(real.index.remove(this.id)).toBe(real.oracle.remove(this.id))
    model.profiles.delete(this.id)
    model.edges = model.edges.filter(([a, b]) => a !== this.id && b !== this.id)
    model.memberships = model.memberships.filter(([m]) => m !== this.id)
  }
  toString = () => `remove(${this.id})`
}

class ConnectCommand implements Cmd {
  constructor(
    readonly a: string,
    readonly b: string,
  ) {}
  check = (model: Readonly<Model>) => model.profiles.has(this.a) && model.profiles.has(this.b)
  run(model: Model, real: Real): void {
    real.index.connect(this.a, this.b)
    real.oracle.connect(this.a, this.b)
    model.edges.push([this.a, this.b])
  }
  toString = () => `connect(${this.a},${this.b})`
}

/** Both share one clock; moving it is the whole command. */
class TickCommand implements Cmd {
  constructor(readonly to: number) {}
  check = () => true
  run(_model: Model, real: Real): void {
    real.clock.now = this.to
  }
  toString = () => `clock(${new Date(this.to).toISOString()})`
}

/** Searches every histogram that depends on current-ness, with is-current shown, and random plans. */
class CheckCommand implements Cmd {
  constructor(readonly plans: RequestPlan[]) {}
  check = () => true
  run(model: Model, real: Real): void {
    const world = worldOf(model)
    const now = real.clock.now
    const fresh = load(new PeopleIndex({ ...optionsFor(world), now: () => new Date(now) }), world)
    const probes: RequestPlan[] = world.profiles.slice(0, 2).map((_, viewer) => ({
      viewer,
      anchor: 0,
      facet: [],
      form: 'url',
      seed: 0,
      facets: ['current-company', 'past-company', 'school'],
      selector: 1,
      count: 25,
    }))
    for (const plan of [...probes, ...this.plans]) {
      const m = materialize(plan, world)
      const when = `at ${new Date(now).toISOString()}`
      expect(indexAnswer(real.index, m), `live vs fresh ${when}: ${describeRequest(m)}`).toEqual(
        indexAnswer(fresh, m),
      )
      try {
        expectSameAsOracle(real.index, real.oracle, m)
      } catch (error) {
        if (error instanceof Error) error.message = `${when}: ${error.message}`
        throw error
      }
    }
  }
  toString = () => `check(${JSON.stringify(this.plans)})`
}

const memberArb = fc.constantFrom(...IDS)
const instantArb = fc.constantFrom(...INSTANTS)

const commandArbs = [
  fc
    .tuple(
      fc.uniqueArray(profileArb(memberArb), { minLength: 1, maxLength: 3, selector: (p) => p.id }),
      fc.boolean(),
      fc.nat(29),
    )
    .map(([profiles, asArray, salt]) => new AddCommand(profiles, asArray, salt)),
  memberArb.map((id) => new RemoveCommand(id)),
  fc.tuple(memberArb, memberArb).map(([a, b]) => new ConnectCommand(a, b)),
  instantArb.map((to) => new TickCommand(to)),
  instantArb.map((to) => new TickCommand(to)),
  fc
    .array(requestPlanArb({ invalidRate: 0 }), { minLength: 1, maxLength: 2 })
    .map((p) => new CheckCommand(p)),
  fc
    .array(requestPlanArb({ invalidRate: 0 }), { minLength: 1, maxLength: 2 })
    .map((p) => new CheckCommand(p)),
]

describe('the owned copy and the clock at search time, across updates (docs/spec.md §1.1, §7)', () => {
  it('after any adds, scrambles of the added objects, removes and clock moves, the index answers like the oracle and a fresh index', () => {
    fc.assert(
      fc.property(
        worldArb({ maxProfiles: 8, idPool: IDS }),
        instantArb,
        fc.commands(commandArbs, { maxCommands: 25 }),
        (initial, start, commands) => {
          const { caps, facetBucketLimit } = initial
          const model: Model = {
            profiles: new Map(initial.profiles.map((p) => [p.id, structuredClone(p)])),
            edges: initial.edges.filter(([a, b]) => a !== b),
            memberships: [...initial.memberships],
            options: { ...(caps ? { caps } : {}), ...(facetBucketLimit ? { facetBucketLimit } : {}) },
          }
          const setup = () => {
            const clock = { now: start }
            const options = { ...optionsFor(initial), now: () => new Date(clock.now) }
            const index = new PeopleIndex(options)
            const given = structuredClone(initial.profiles)
            index.add(given)
            for (const [a, b] of initial.edges) index.connect(a, b)
            for (const [m, g] of initial.memberships) index.joinGroup(m, g)
            scramble(given, start % 30)
            return { model, real: { clock, index, oracle: load(new Oracle(options), initial) } }
          }
          fc.modelRun(setup, [...commands, new CheckCommand([])])
        },
      ),
      { numRuns: RUNS },
    )
  })
})
