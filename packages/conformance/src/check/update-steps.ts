import type { Profile } from '@people-search/core'
import fc from 'fast-check'
import { GROUPS, profileArb, type World } from '../generators/world.js'

/** A small id pool, so adds often replace and removes often hit; `ghost` is never added. */
export const UPDATE_IDS: readonly string[] = [
  'A',
  'B',
  'a',
  'b',
  '_x',
  '9',
  '10',
  'm1',
  'm2',
  'm3',
  'm4',
  'm5',
]
const GHOST = 'ghost'

/**
 * One update of docs/spec.md §1.2 and §7, as plain JSON (a `{"step": …}` line of a counterexample).
 * `add` holds the argument exactly as sent: one profile or an array, possibly made invalid on
 * purpose (then the whole batch must be refused with a 400 and change nothing, §1.1).
 */
export type UpdateStep =
  | { add: unknown }
  | { remove: string }
  | { connect: [string, string] }
  | { disconnect: [string, string] }
  | { join: [string, string] }
  | { leave: [string, string] }

/** The verbs a step calls: the implementation's and the oracle's alike. */
interface Verbs {
  add(profiles: Profile | Profile[]): unknown
  remove(id: string): unknown
  connect(a: string, b: string): unknown
  disconnect(a: string, b: string): unknown
  joinGroup(member: string, group: string): unknown
  leaveGroup(member: string, group: string): unknown
}

/** Calls the step's verb on `target` (with its own copy of any profile). */
export function applyStep(target: Verbs, step: UpdateStep): unknown {
  if ('add' in step) return target.add(structuredClone(step.add) as Profile[])
  if ('remove' in step) return target.remove(step.remove)
  if ('connect' in step) return target.connect(...step.connect)
  if ('disconnect' in step) return target.disconnect(...step.disconnect)
  if ('join' in step) return target.joinGroup(...step.join)
  return target.leaveGroup(...step.leave)
}

/** The step as a call, for `Counterexample.request`: `remove("a")`, `add(["A","b"])`. */
export function describeStep(step: UpdateStep): string {
  if ('add' in step) {
    const batch = Array.isArray(step.add) ? step.add : [step.add]
    const ids = batch.map((p) => (p as { id?: unknown } | null)?.id)
    return `add(${JSON.stringify(Array.isArray(step.add) ? ids : ids[0])})`
  }
  const [verb, args] = Object.entries(step)[0]
  const name = verb === 'join' ? 'joinGroup' : verb === 'leave' ? 'leaveGroup' : verb
  return `${name}(${[args]
    .flat()
    .map((a) => JSON.stringify(a))
    .join(', ')})`
}

/**
 * Applies a step the oracle accepted to the plain model of the world, which only serves to draw
 * later requests from the world's current vocabulary (what is expected comes from the oracle).
 */
export function applyToWorld(world: World, step: UpdateStep): void {
  if ('add' in step) {
    for (const p of [step.add].flat() as Profile[]) {
      const at = world.profiles.findIndex((q) => q.id === p.id)
      if (at >= 0) world.profiles[at] = p
      else world.profiles.push(p)
    }
  } else if ('remove' in step) {
    world.profiles = world.profiles.filter((p) => p.id !== step.remove)
    world.edges = world.edges.filter((pair) => !pair.includes(step.remove))
    world.memberships = world.memberships.filter(([m]) => m !== step.remove)
  } else if ('connect' in step) {
    if (step.connect[0] !== step.connect[1]) world.edges.push(step.connect)
  } else if ('disconnect' in step) {
    const [a, b] = step.disconnect
    world.edges = world.edges.filter(([x, y]) => !((x === a && y === b) || (x === b && y === a)))
  } else if ('join' in step) {
    world.memberships.push(step.join)
  } else {
    const [m, g] = step.leave
    world.memberships = world.memberships.filter(([x, y]) => x !== m || y !== g)
  }
}

/** Ways to make a profile invalid (docs/spec.md §1.1); each must make the whole batch a 400. */
const BREAKAGES: readonly ((p: Record<string, unknown>) => void)[] = [
  (p) => {
    p.id = ''
  },
  (p) => {
    p.id = 'bad id!'
  },
  (p) => {
    p.id = 'x'.repeat(65)
  },
  (p) => {
    p.firstName = '  '
  },
  (p) => {
    p.lastName = ''
  },
  (p) => {
    delete p.lastName
  },
  (p) => {
    p.firstName = 42
  },
  (p) => {
    p.numConnections = -1
  },
  (p) => {
    p.numRecommenders = 1.5
  },
  (p) => {
    p.positions = [{ company: { id: 'Acme, Inc', name: 'Acme, Inc' } }]
  },
  (p) => {
    p.educations = [{ school: { id: 'mit ' } }]
  },
  (p) => {
    p.location = { name: 'Nowhere', code: 'xx:1' }
  },
  (p) => {
    p.visibility = { summary: 'friends' }
  },
]

const memberArb = fc.constantFrom(...UPDATE_IDS, GHOST)
const groupArb = fc.constantFrom(...GROUPS)
const pairArb = fc.tuple(memberArb, memberArb)

const addArb: fc.Arbitrary<UpdateStep> = fc
  .tuple(
    fc.uniqueArray(profileArb(fc.constantFrom(...UPDATE_IDS)), {
      minLength: 1,
      maxLength: 4,
      selector: (p) => p.id,
    }),
    fc.boolean(),
    fc.option(fc.tuple(fc.nat(), fc.nat(BREAKAGES.length - 1)), { freq: 4 }),
  )
  .map(([profiles, asArray, breakage]) => {
    const batch = structuredClone(profiles) as unknown as Record<string, unknown>[]
    if (breakage) BREAKAGES[breakage[1]](batch[breakage[0] % batch.length])
    return { add: batch.length === 1 && !asArray ? batch[0] : batch }
  })

/** Random updates over {@link UPDATE_IDS} (and `ghost`, never a member): failed batches included. */
export const updateStepArb: fc.Arbitrary<UpdateStep> = fc.oneof(
  { weight: 3, arbitrary: addArb },
  { weight: 2, arbitrary: memberArb.map((id) => ({ remove: id })) },
  { weight: 3, arbitrary: pairArb.map((connect) => ({ connect })) },
  { weight: 1, arbitrary: memberArb.map((a) => ({ connect: [a, a] as [string, string] })) },
  { weight: 2, arbitrary: pairArb.map((disconnect) => ({ disconnect })) },
  { weight: 2, arbitrary: fc.tuple(memberArb, groupArb).map((join) => ({ join })) },
  { weight: 1, arbitrary: fc.tuple(memberArb, groupArb).map((leave) => ({ leave })) },
)

/**
 * A `disconnect` or `leave` of a link the world has (the `pick`-th of its edges and memberships),
 * so that links are undone often, not only when a random pair happens to be linked; `undefined`
 * when it has none. An odd pick names an edge's ends the other way round.
 */
export function existingLinkStep(world: World, pick: number): UpdateStep | undefined {
  const links = [
    ...world.edges.map((e) => ({ edge: e })),
    ...world.memberships.map((m) => ({ membership: m })),
  ]
  if (links.length === 0) return undefined
  const link = links[pick % links.length]
  if ('membership' in link) return { leave: [...link.membership] }
  const [a, b] = link.edge
  return { disconnect: pick % 2 === 0 ? [a, b] : [b, a] }
}
