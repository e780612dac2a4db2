import {
  GROUPS,
  materialize,
  profileArb,
  type RequestPlan,
  requestPlanArb,
  type World,
  worldArb,
} from '@people-search/conformance'
import type { Profile } from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildIndex,
  buildOracle,
  describeRequest,
  expectSameAsOracle,
  indexAnswer,
  outcome,
  RUNS,
} from './helpers.js'

/** A small id pool, so adds often replace and removes often hit; `ghost` is never added. */
const IDS = ['A', 'B', 'a', 'b', '_x', '9', '10', 'm1', 'm2', 'm3', 'm4', 'm5']
const memberArb = fc.constantFrom(...IDS, 'ghost')
const groupArb = fc.constantFrom(...GROUPS)

/** The plain state: what a fresh index should be built from. */
interface Model {
  profiles: Map<string, Profile>
  edges: Set<string>
  memberships: Set<string>
  options: Pick<World, 'caps' | 'facetBucketLimit'>
}

interface Real {
  index: ReturnType<typeof buildIndex>
  oracle: ReturnType<typeof buildOracle>
}

type Cmd = fc.Command<Model, Real>

const SEP = '\u0000'
const edgeKey = (a: string, b: string) => (a < b ? `${a}${SEP}${b}` : `${b}${SEP}${a}`)
const pairOf = (key: string) => key.split(SEP) as [string, string]

function worldOf(model: Model): World {
  return {
    profiles: [...model.profiles.values()],
    edges: [...model.edges].map(pairOf),
    memberships: [...model.memberships].map(pairOf),
    ...model.options,
  }
}

/** Ways to make a profile invalid (docs/spec.md §1.1); each must reject the whole batch. */
const BREAKAGES: Record<string, (p: Record<string, unknown>) => void> = {
  'empty id': (p) => {
    p.id = ''
  },
  'bad id': (p) => {
    p.id = 'bad id!'
  },
  'long id': (p) => {
    p.id = 'x'.repeat(65)
  },
  'blank first name': (p) => {
    p.firstName = '  '
  },
  'empty first name': (p) => {
    p.firstName = ''
  },
  'empty last name': (p) => {
    p.lastName = ''
  },
  // A company or school id no facet value can select (docs/spec.md §8, docs/decisions.md).
  'company id with a comma': (p) => {
    p.positions = [{ company: { id: 'Acme, Inc', name: 'Acme, Inc' } }]
  },
  'empty company id': (p) => {
    p.positions = [{ company: { id: '' } }]
  },
  'school id with a space at its end': (p) => {
    p.educations = [{ school: { id: 'mit ' } }]
  },
  'no last name': (p) => {
    delete p.lastName
  },
  'numeric first name': (p) => {
    p.firstName = 42
  },
  'negative count': (p) => {
    p.numConnections = -1
  },
  'fractional count': (p) => {
    p.numRecommenders = 1.5
  },
  'bad country': (p) => {
    p.location = { name: 'Nowhere', code: 'xx:1' }
  },
  'bad visibility': (p) => {
    p.visibility = { summary: 'friends' }
  },
}

/** Both sides do the same thing: the same value, or the same error status and kind. */
function both<T>(real: Real, op: (target: Real['index'] | Real['oracle']) => T, what: string) {
  const a = outcome(() => op(real.index))
  const b = outcome(() => op(real.oracle))
  expect(a, `index vs oracle on ${what}`).toEqual(b)
  return a
}

class AddCommand implements Cmd {
  constructor(
    readonly profiles: Profile[],
    readonly asArray: boolean,
    readonly breakage?: { at: number; how: string },
  ) {}
  check = () => true
  run(model: Model, real: Real): void {
    const batch = () => {
      const copy = structuredClone(this.profiles)
      if (this.breakage) BREAKAGES[this.breakage.how](copy[this.breakage.at % copy.length] as never)
      return copy.length === 1 && !this.asArray ? copy[0] : copy
    }
    const result = both(real, (t) => t.add(batch()), this.toString())
    if (this.breakage) {
      expect(result, this.toString()).toEqual({ error: '400 invalidProfile' })
      expectUnchanged(model, real, this.profiles)
      return
    }
    expect(result, this.toString()).toBeUndefined()
    for (const p of this.profiles) model.profiles.set(p.id, structuredClone(p))
  }
  toString = () =>
    `add(${this.profiles.map((p) => p.id).join(',')}${this.breakage ? `; broken ${this.breakage.how} at ${this.breakage.at % this.profiles.length}` : ''})`
}

/** After a rejected batch: none of its profiles is findable, by name, from any viewer. */
function expectUnchanged(model: Model, real: Real, batch: Profile[]) {
  const fresh = buildIndex(worldOf(model))
  const viewers = [...new Set([...model.profiles.keys(), ...batch.map((p) => p.id)])]
  for (const p of batch) {
    for (const viewer of viewers.slice(0, 3)) {
      const m = { request: { 'first-name': p.firstName, 'last-name': p.lastName, facets: 'network' }, viewer }
      expect(indexAnswer(real.index, m), `after a rejected add: ${describeRequest(m)}`).toEqual(
        indexAnswer(fresh, m),
      )
    }
  }
}

/**
 * Every member added again as it is, one at a time, three times over: nothing a search sees
 * changes, but each replace leaves a dead slot, so a compaction starts and, in small steps,
 * copies members while others are replaced before and after their copy.
 */
class ChurnCommand implements Cmd {
  /** `victim` is removed halfway, so a removal also falls between a copy and the end. */
  constructor(readonly victim: string) {}
  check = () => true
  run(model: Model, real: Real): void {
    for (let round = 0; round < 3; round++) {
      for (const [at, profile] of [...model.profiles.values()].entries()) {
        if (round === 1 && at === 2) new RemoveCommand(this.victim).run(model, real)
        if (model.profiles.has(profile.id))
          both(real, (t) => t.add(structuredClone(profile)), this.toString())
      }
    }
  }
  toString = () => `churn(removing ${this.victim})`
}

class RemoveCommand implements Cmd {
  constructor(readonly id: string) {}
  check = () => true
  run(model: Model, real: Real): void {
    expect(both(real, (t) => t.remove(this.id), this.toString())).toBe(model.profiles.has(this.id))
    model.profiles.delete(this.id)
    for (const key of [...model.edges]) if (pairOf(key).includes(this.id)) model.edges.delete(key)
    for (const key of [...model.memberships]) if (pairOf(key)[0] === this.id) model.memberships.delete(key)
  }
  toString = () => `remove(${this.id})`
}

class ConnectCommand implements Cmd {
  constructor(
    readonly a: string,
    readonly b: string,
  ) {}
  check = () => true
  run(model: Model, real: Real): void {
    const result = both(real, (t) => t.connect(this.a, this.b), this.toString())
    const known = model.profiles.has(this.a) && model.profiles.has(this.b)
    // `connect(x, x)` of an unknown x: the project's reading is a 404, like any unknown member.
    if (!known) return void expect(result, this.toString()).toEqual({ error: '404 notFound' })
    expect(result, this.toString()).toBeUndefined()
    if (this.a !== this.b) model.edges.add(edgeKey(this.a, this.b))
  }
  toString = () => `connect(${this.a},${this.b})`
}

/**
 * Many connections in one call (`connectMany`, as ids or as indexes into a member list): the
 * oracle connects each pair in turn; one unknown member is a 404 and connects nothing.
 */
class ConnectManyCommand implements Cmd {
  constructor(
    readonly pairs: [string, string][],
    readonly indexed: boolean,
  ) {}
  check = () => true
  run(model: Model, real: Real): void {
    const members = [...new Set(this.pairs.flat())]
    const links = this.indexed
      ? { members, pairs: Uint32Array.from(this.pairs.flat(), (id) => members.indexOf(id)) }
      : this.pairs
    const result = outcome(() => real.index.connectMany(links))
    const known = this.pairs.every(([a, b]) => model.profiles.has(a) && model.profiles.has(b))
    if (!known) return void expect(result, this.toString()).toEqual({ error: '404 notFound' })
    expect(result, this.toString()).toBeUndefined()
    for (const [a, b] of this.pairs) {
      real.oracle.connect(a, b)
      if (a !== b) model.edges.add(edgeKey(a, b))
    }
    // Each pair's degree at once, as the oracle sees it (F unless a = b): no later search may ask.
    for (const [a, b] of this.pairs) {
      const { firstName, lastName } = model.profiles.get(b) as Profile
      const m = {
        request: { 'first-name': firstName, 'last-name': lastName, facets: 'network' },
        viewer: a,
        params: [],
      }
      expectSameAsOracle(real.index, real.oracle, m)
    }
  }
  toString = () =>
    `connectMany(${this.pairs.map((p) => p.join('-')).join(',')}${this.indexed ? ', indexed' : ''})`
}

/** Disconnecting members the model knows (unknown members: a property of their own below). */
class DisconnectCommand implements Cmd {
  constructor(
    readonly a: string,
    readonly b: string,
  ) {}
  check = (model: Readonly<Model>) => model.profiles.has(this.a) && model.profiles.has(this.b)
  run(model: Model, real: Real): void {
    expect(both(real, (t) => t.disconnect(this.a, this.b), this.toString())).toBeUndefined()
    model.edges.delete(edgeKey(this.a, this.b))
  }
  toString = () => `disconnect(${this.a},${this.b})`
}

class JoinCommand implements Cmd {
  constructor(
    readonly member: string,
    readonly group: string,
  ) {}
  check = () => true
  run(model: Model, real: Real): void {
    const result = both(real, (t) => t.joinGroup(this.member, this.group), this.toString())
    if (!model.profiles.has(this.member)) return void expect(result).toEqual({ error: '404 notFound' })
    expect(result, this.toString()).toBeUndefined()
    model.memberships.add(`${this.member}${SEP}${this.group}`)
  }
  toString = () => `joinGroup(${this.member},${this.group})`
}

class LeaveCommand implements Cmd {
  constructor(
    readonly member: string,
    readonly group: string,
  ) {}
  check = (model: Readonly<Model>) => model.profiles.has(this.member)
  run(model: Model, real: Real): void {
    expect(both(real, (t) => t.leaveGroup(this.member, this.group), this.toString())).toBeUndefined()
    model.memberships.delete(`${this.member}${SEP}${this.group}`)
  }
  toString = () => `leaveGroup(${this.member},${this.group})`
}

/** The live index answers like a fresh index built from the model, and like the oracle. */
class CheckCommand implements Cmd {
  constructor(readonly plans: RequestPlan[]) {}
  check = () => true
  run(model: Model, real: Real): void {
    const world = worldOf(model)
    const fresh = buildIndex(world)
    expect(real.index.size, 'size').toBe(model.profiles.size)
    for (const id of IDS) expect(real.index.has(id), `has(${id})`).toBe(model.profiles.has(id))
    for (const plan of this.plans) {
      const m = materialize(plan, world)
      expect(indexAnswer(real.index, m), `live vs fresh: ${describeRequest(m)}`).toEqual(
        indexAnswer(fresh, m),
      )
      expectSameAsOracle(real.index, real.oracle, m)
    }
  }
  toString = () => `check(${JSON.stringify(this.plans)})`
}

const commandArbs = [
  fc
    .tuple(
      fc.uniqueArray(profileArb(fc.constantFrom(...IDS)), {
        minLength: 1,
        maxLength: 4,
        selector: (p) => p.id,
      }),
      fc.boolean(),
      fc.option(fc.record({ at: fc.nat(), how: fc.constantFrom(...Object.keys(BREAKAGES)) }), { freq: 4 }),
    )
    .map(([ps, asArray, breakage]) => new AddCommand(ps, asArray, breakage ?? undefined)),
  memberArb.map((id) => new RemoveCommand(id)),
  memberArb.map((victim) => new ChurnCommand(victim)),
  fc.tuple(memberArb, memberArb).map(([a, b]) => new ConnectCommand(a, b)),
  fc.tuple(memberArb, memberArb).map(([a, b]) => new ConnectCommand(a, b)),
  memberArb.map((a) => new ConnectCommand(a, a)),
  fc
    .tuple(fc.array(fc.tuple(memberArb, memberArb), { minLength: 1, maxLength: 2 }), fc.boolean())
    .map(([pairs, indexed]) => new ConnectManyCommand(pairs, indexed)),
  fc
    .tuple(fc.array(fc.tuple(memberArb, memberArb), { maxLength: 6 }), fc.boolean())
    .map(([pairs, indexed]) => new ConnectManyCommand(pairs, indexed)),
  fc.tuple(memberArb, memberArb).map(([a, b]) => new DisconnectCommand(a, b)),
  fc.tuple(memberArb, groupArb).map(([m, g]) => new JoinCommand(m, g)),
  fc.tuple(memberArb, groupArb).map(([m, g]) => new LeaveCommand(m, g)),
  fc.array(requestPlanArb(), { minLength: 1, maxLength: 3 }).map((plans) => new CheckCommand(plans)),
  fc.array(requestPlanArb(), { minLength: 1, maxLength: 3 }).map((plans) => new CheckCommand(plans)),
]

describe('updates (docs/spec.md §1.2, §7)', () => {
  it('after any sequence of updates the index answers like a fresh one, and like the oracle', () => {
    fc.assert(
      fc.property(
        worldArb({ maxProfiles: 8, idPool: IDS }),
        fc.commands(commandArbs, { maxCommands: 30 }),
        // Compactions that start as soon as dead slots outnumber live ones and copy a few
        // members per step: updates and searches interleave with every stage of one.
        fc.option(fc.record({ slack: fc.constant(0), stepMembers: fc.integer({ min: 1, max: 6 }) }), {
          freq: 2,
        }),
        (initial, commands, compaction) => {
          const { caps, facetBucketLimit } = initial
          const options = { ...(caps ? { caps } : {}), ...(facetBucketLimit ? { facetBucketLimit } : {}) }
          const model: Model = {
            profiles: new Map(initial.profiles.map((p) => [p.id, structuredClone(p)])),
            edges: new Set(initial.edges.filter(([a, b]) => a !== b).map(([a, b]) => edgeKey(a, b))),
            memberships: new Set(initial.memberships.map(([m, g]) => `${m}${SEP}${g}`)),
            options,
          }
          fc.modelRun(
            () => ({
              model,
              real: { index: buildIndex(initial, compaction ?? undefined), oracle: buildOracle(initial) },
            }),
            [
              ...commands,
              new CheckCommand([
                { viewer: 0, anchor: 1, facet: [], facets: ['network', 'location'], form: 'url', seed: 0 },
              ]),
            ],
          )
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('disconnect and leaveGroup of an unknown member do nothing (docs/spec.md §8: a pair that is not linked)', () => {
    fc.assert(
      fc.property(
        worldArb({ maxProfiles: 8, idPool: IDS }),
        fc.constantFrom('ghost', ...IDS),
        fc.constantFrom('ghost', ...IDS),
        groupArb,
        fc.array(requestPlanArb({ invalidRate: 0 }), { minLength: 1, maxLength: 2 }),
        (world, a, b, group, plans) => {
          const present = new Set(world.profiles.map((p) => p.id))
          fc.pre(!present.has(a))
          const index = buildIndex(world)
          const oracle = buildOracle(world)
          const real: Real = { index, oracle }
          expect(both(real, (t) => t.disconnect(a, b), `disconnect(${a},${b})`)).toBeUndefined()
          expect(both(real, (t) => t.disconnect(b, a), `disconnect(${b},${a})`)).toBeUndefined()
          expect(both(real, (t) => t.leaveGroup(a, group), `leaveGroup(${a},${group})`)).toBeUndefined()
          const fresh = buildIndex(world)
          for (const plan of plans) {
            const m = materialize(plan, world)
            expect(indexAnswer(index, m), describeRequest(m)).toEqual(indexAnswer(fresh, m))
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
