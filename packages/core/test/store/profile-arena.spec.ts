import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { OwnedProfile } from '../../src/model/own-profile.js'
import { ownValidProfile } from '../../src/model/validate-profile.js'
import { ByteArena } from '../../src/store/byte-arena.js'
import { ProfileArena } from '../../src/store/profile-arena.js'
import { encodeProfile } from '../../src/store/profile-codec.js'
import type { StringTable } from '../../src/store/string-table.js'
import { ownedProfileArb } from './owned-profile-arb.js'
import { expectSameCopy } from './same-copy.js'

const RUNS = Number(process.env.FC_RUNS ?? 100)
const SLOTS = 24

type Op =
  | { kind: 'put'; slot: number; profile: number }
  | { kind: 'drop'; slot: number }
  | { kind: 'compact'; keep: boolean[]; reverse: boolean }

const slotArb = fc.nat(SLOTS - 1)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('put' as const), slot: slotArb, profile: fc.nat(7) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), slot: slotArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('compact' as const),
      keep: fc.array(fc.boolean(), { minLength: SLOTS, maxLength: SLOTS }),
      reverse: fc.boolean(),
    }),
  },
)

/** The bytes `profile` takes as a record, its strings already in `strings`. */
function recordBytes(profile: OwnedProfile, strings: StringTable): number {
  const scratch = new ByteArena()
  encodeProfile(profile, scratch, strings)
  return scratch.bytes
}

/** Checks every slot (and some beyond) against the model. */
function expectModel(arena: ProfileArena, model: Map<number, OwnedProfile>, slots: number): void {
  let live = 0
  for (let slot = -1; slot < slots + 3; slot++) {
    const profile = model.get(slot)
    expect(arena.has(slot), `has(${slot})`).toBe(profile !== undefined)
    if (profile === undefined) expect(arena.get(slot)).toBeUndefined()
    else {
      expectSameCopy(arena.get(slot), profile)
      live += recordBytes(profile, arena.strings)
    }
  }
  expect(arena.liveBytes).toBe(live)
  expect(arena.totalBytes).toBeGreaterThanOrEqual(live)
}

describe('ProfileArena', () => {
  it('holds what a map of slots to profiles holds under any puts, drops, replaces and compactions', () => {
    fc.assert(
      fc.property(
        fc.array(ownedProfileArb, { minLength: 8, maxLength: 8 }),
        fc.array(opArb, { maxLength: 40 }),
        fc.constantFrom(48, 300, 1 << 16),
        (profiles, ops, chunkBytes) => {
          const arena = new ProfileArena({ chunkBytes })
          let model = new Map<number, OwnedProfile>()
          for (const op of ops) {
            if (op.kind === 'put') {
              arena.put(op.slot, profiles[op.profile])
              model.set(op.slot, profiles[op.profile])
            } else if (op.kind === 'drop') {
              arena.drop(op.slot)
              model.delete(op.slot)
            } else {
              // The store's renumbering: kept slots packed in order (or reversed), the rest dropped.
              const kept = [...model.keys()].filter((slot) => op.keep[slot]).sort((a, b) => a - b)
              const next = new Map<number, OwnedProfile>()
              const calls: number[] = []
              arena.compact((slot) => {
                calls.push(slot)
                const at = kept.indexOf(slot)
                if (at < 0) return -1
                const to = op.reverse ? kept.length - 1 - at : at
                next.set(to, model.get(slot) as OwnedProfile)
                return to
              })
              expect(calls).toEqual([...model.keys()].sort((a, b) => a - b))
              model = next
              expect(arena.totalBytes).toBe(arena.liveBytes)
            }
            expectModel(arena, model, SLOTS)
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('keeps thousands of slots across many tiny chunks through replaces, drops and a compaction', () => {
    const member = (i: number, round: number) =>
      ownValidProfile({
        id: `m${i}`,
        firstName: ['Ann', 'Bob', 'Chloé', '東'][i % 4],
        lastName: `L${i % 97}`,
        headline: `Engineer ${i} round ${round} ${'x'.repeat(i % 50)}`,
        positions: [
          { title: 'CTO', company: { id: i % 13, name: 'Acme' }, startDate: { year: 2000 + (i % 20) } },
        ],
        location: { name: 'Bay Area', code: 'us:84', lat: (i % 9000) / 100, lon: -(i % 1260) / 7 },
      })
    const arena = new ProfileArena({ chunkBytes: 256 })
    const model = new Map<number, OwnedProfile>()
    const count = 1000
    for (let i = 0; i < count; i++) {
      arena.put(i, member(i, 0))
      model.set(i, member(i, 0))
    }
    for (let i = 0; i < count; i += 3) {
      arena.put(i, member(i, 1))
      model.set(i, member(i, 1))
    }
    for (let i = 0; i < count; i += 5) {
      arena.drop(i)
      model.delete(i)
    }
    expectModel(arena, model, count)
    expect(arena.totalBytes).toBeGreaterThan(arena.liveBytes)

    // Live slots, renumbered from the top down into 0, 1, 2, …
    const live = [...model.keys()].sort((a, b) => b - a)
    const renumbered = new Map(live.map((slot, to) => [to, model.get(slot) as OwnedProfile]))
    arena.compact((slot) => live.indexOf(slot))
    expectModel(arena, renumbered, count)
    expect(arena.totalBytes).toBe(arena.liveBytes)
    expect(arena.allocatedBytes).toBeLessThan(arena.liveBytes + 2 * 256 + (arena.liveBytes >> 1))
  })

  it('stores a profile larger than a chunk in a chunk of its own', () => {
    const arena = new ProfileArena({ chunkBytes: 64 })
    const small = ownValidProfile({ id: 's', firstName: 'S', lastName: 'S' })
    const large = ownValidProfile({ id: 'l', firstName: 'L', lastName: 'L', summary: 'z'.repeat(10_000) })
    arena.put(0, small)
    arena.put(1, large)
    arena.put(2, small)
    expectSameCopy(arena.get(0), small)
    expectSameCopy(arena.get(1), large)
    expectSameCopy(arena.get(2), small)
    expect(arena.allocatedBytes).toBeGreaterThanOrEqual(10_000)
  })

  it('refuses a compaction that sends two profiles to one slot, and changes nothing', () => {
    const arena = new ProfileArena({ chunkBytes: 128 })
    const a = ownValidProfile({ id: 'a', firstName: 'A', lastName: 'A' })
    const b = ownValidProfile({ id: 'b', firstName: 'B', lastName: 'B' })
    arena.put(3, a)
    arena.put(5, b)
    const before = [arena.liveBytes, arena.totalBytes]
    expect(() => arena.compact(() => 0)).toThrow()
    expect([arena.liveBytes, arena.totalBytes]).toEqual(before)
    expectSameCopy(arena.get(3), a)
    expectSameCopy(arena.get(5), b)
  })

  it('holds nothing where nothing was put: unknown, negative and far slots, and drops of empty ones', () => {
    const arena = new ProfileArena()
    const a = ownValidProfile({ id: 'a', firstName: 'A', lastName: 'A' })
    arena.put(1000, a)
    for (const slot of [-1, 0, 999, 1001, 2 ** 31]) {
      expect(arena.has(slot)).toBe(false)
      expect(arena.get(slot)).toBeUndefined()
      arena.drop(slot)
    }
    expectSameCopy(arena.get(1000), a)
    expect(arena.liveBytes).toBe(recordBytes(a, arena.strings))
    arena.drop(1000)
    expect(arena.liveBytes).toBe(0)
    expect(arena.has(1000)).toBe(false)
  })
})
