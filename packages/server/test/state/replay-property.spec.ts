// The durability property of docs/spec.md §9.5, over random write sequences: whatever the writes
// (failing ones among them), snapshots and restarts, a state directory answers exactly as a fresh
// index built from the acknowledged writes, live and after every reopen.
import { join } from 'node:path'
import { PeopleSearchError, type Profile } from '@people-search/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DurableIndex } from '../../src/state/durable-index.js'
import type { Write } from '../../src/state/write.js'
import {
  expectSameAnswers,
  invalidProfileOf,
  ModelIndex,
  openState,
  profileOf,
  removeDir,
  TestClock,
  tempDir,
} from './state-world.js'

const MEMBERS = ['a', 'b', 'c', 'd', 'e']
/** `z` is never added: every write naming it is refused. */
const IDS = [...MEMBERS, 'z']
const DAY = 24 * 3600 * 1000

type Action = { write: Write; days: number } | { snapshot: true } | { reopen: true }

const member = fc.constantFrom(...MEMBERS, ...MEMBERS, 'z')
const pair = fc.tuple(member, member)
const groupPair = fc.tuple(member, fc.constantFrom('g1', 'g2', 'g1', ''))
/**
 * Variants 1, 5, 9, 13: one company and title, with dates (1, 5, 13) or without (9), so that
 * replacing one by another makes lookups backfill dates from earlier versions, by their times
 * (docs/spec.md §6.1): a replay at other times would answer otherwise.
 */
const variant = fc.oneof(fc.constantFrom(1, 5, 9, 9, 13), fc.nat(40))
const profile: fc.Arbitrary<Profile> = fc
  .tuple(fc.constantFrom(...MEMBERS), variant, fc.nat(19))
  .map(([id, variant, bad]) => (bad === 0 ? invalidProfileOf(id) : profileOf(id, variant)))

const write: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(profile, { minLength: 1, maxLength: 3 })
      .map((profiles) => ({ op: 'add' as const, profiles })),
  },
  { weight: 1, arbitrary: member.map((id) => ({ op: 'remove' as const, id })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('connect' as const, 'disconnect' as const),
        fc.array(pair, { minLength: 1, maxLength: 3 }),
      )
      .map(([op, pairs]) => ({ op, pairs })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('join' as const, 'leave' as const),
        fc.array(groupPair, { minLength: 1, maxLength: 2 }),
      )
      .map(([op, pairs]) => ({ op, pairs })),
  },
)

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      write,
      days: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1500 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ snapshot: true as const }) },
  { weight: 1, arbitrary: fc.constant({ reopen: true as const }) },
)

/** What the index must answer to `write`, judged from the members alone: ok, or the error code. */
function expectedOutcome(write: Write, live: ReadonlySet<string>): string {
  switch (write.op) {
    case 'add':
      return write.profiles.some((p) => (p as Profile).numConnections === -1) ? 'invalid-profile' : 'ok'
    case 'remove':
      return live.has(write.id) ? 'ok' : 'unknown-member'
    case 'connect':
    case 'disconnect':
      return write.pairs.every(([a, b]) => live.has(a) && live.has(b)) ? 'ok' : 'unknown-member'
    default:
      for (const [id, group] of write.pairs) {
        if (!live.has(id)) return 'unknown-member'
        if (group === '') return 'invalid-group'
      }
      return 'ok'
  }
}

function track(write: Write, live: Set<string>): void {
  if (write.op === 'add') for (const p of write.profiles) live.add((p as Profile).id)
  if (write.op === 'remove') live.delete(write.id)
}

let root: string
let runs = 0

beforeAll(async () => {
  root = await tempDir()
})

afterAll(async () => {
  await removeDir(root)
})

async function expectModel(durable: DurableIndex, model: ModelIndex, clock: TestClock): Promise<void> {
  model.askedAt = clock.time + DAY
  const writing = clock.time
  clock.time = model.askedAt
  await expectSameAnswers(durable.index, model.index, IDS)
  clock.time = writing
}

describe('a state directory under random writes, snapshots and restarts', () => {
  it('answers as a fresh index built from the acknowledged writes, live and after each reopen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 24 }), async (actions) => {
        const dir = join(root, `run-${runs++}`)
        const clock = new TestClock()
        const model = new ModelIndex()
        const live = new Set<string>()
        let { durable } = await openState(dir, clock)
        let acknowledged = 0
        try {
          for (const step of actions) {
            if ('snapshot' in step) {
              expect((await durable.snapshot()).seq).toBe(acknowledged)
            } else if ('reopen' in step) {
              await durable.close()
              ;({ durable } = await openState(dir, clock))
              expect(durable.seq).toBe(acknowledged)
              await expectModel(durable, model, clock)
            } else {
              clock.time += step.days * DAY
              const expected = expectedOutcome(step.write, live)
              const outcome = await durable.apply(step.write).then(
                () => 'ok',
                (error: unknown) => (error instanceof PeopleSearchError ? error.code : String(error)),
              )
              expect(outcome, JSON.stringify(step.write)).toBe(expected)
              if (outcome !== 'ok') continue
              acknowledged++
              model.apply(step.write, clock.time)
              track(step.write, live)
            }
          }
          await expectModel(durable, model, clock)
          await durable.close()
          ;({ durable } = await openState(dir, clock))
          expect(durable.seq).toBe(acknowledged)
          await expectModel(durable, model, clock)
        } finally {
          await durable.close()
          await removeDir(dir)
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 25) },
    )
  })
})
