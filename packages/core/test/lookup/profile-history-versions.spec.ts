import { Buffer } from 'node:buffer'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ProfileHistory, type ProfileHistoryImage } from '../../src/lookup/profile-history.js'
import type { ProfileVersion } from '../../src/lookup/versions.js'
import type { OwnedProfile } from '../../src/model/own-profile.js'
import { ownValidProfile } from '../../src/model/validate-profile.js'
import { ByteArena } from '../../src/store/byte-arena.js'
import { ProfileArena } from '../../src/store/profile-arena.js'
import { decodeProfile } from '../../src/store/profile-codec.js'
import { StringTable } from '../../src/store/string-table.js'

const RUNS = Number(process.env.FC_RUNS ?? 40)
/**
 * The model's own copy of the limits, not the index's (lookup/versions.ts): the last 10
 * calendar years, UTC (docs/spec.md §6.1), and at most 16 earlier versions per member
 * (docs/decisions.md).
 */
const MAX_VERSIONS = 16
function tenYearsBefore(now: number): number {
  const date = new Date(now)
  date.setUTCFullYear(date.getUTCFullYear() - 10)
  return date.getTime()
}
const IDS = ['a', 'b', 'c', 'dd-long_member-id-of-more-than-16']
const YEAR = 365 * 24 * 3600 * 1000
const T0 = Date.UTC(2020, 0, 1)
/** Strings the codec interns (names) and writes inline (headlines), ASCII and not. */
const NAMES = ['Ann', 'Zoë', '東京', 'Bob']

type Step =
  | { kind: 'replace'; id: string; gap: number; name: string; dated: number | undefined }
  | { kind: 'remove'; id: string }
  | { kind: 'image' }

// Gaps from a millisecond to six years: a member replaced after a long gap has its versions
// from over ten years back pruned; runs of short gaps overflow MAX_VERSIONS.
const gapArb = fc.oneof(
  { weight: 30, arbitrary: fc.nat(1000) },
  { weight: 1, arbitrary: fc.integer({ min: 2 * YEAR, max: 6 * YEAR }) },
)
// `updatedAt` in any order against the clock (the list stays in insertion order), near or far, or none.
const datedArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -12 * YEAR, max: 12 * YEAR }) },
)
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      id: fc.constantFrom(...IDS),
      gap: gapArb,
      name: fc.constantFrom(...NAMES),
      dated: datedArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('image' as const) }) },
)
/** How the history reclaims: every write's step tiny, a reclaim started as soon as any record is dead. */
const optionsArb = fc.record({
  slackBytes: fc.constantFrom(0, 200),
  stepRecords: fc.constantFrom(1, 2, 64),
  chunkBytes: fc.constantFrom(96, 512, 1 << 20),
})

/** A copy of `image` to import: an import adopts the arrays, which the history then changes in place. */
function own(image: ProfileHistoryImage): ProfileHistoryImage {
  const { versions } = image
  return {
    versions: { ...versions, positions: versions.positions.slice(), lengths: versions.lengths.slice() },
    times: image.times.slice(),
    addedIds: image.addedIds,
    addedTimes: image.addedTimes.slice(),
  }
}

/** The bytes of a typed array (or chunk), for a comparison at memcmp speed. */
const bytes = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength)

/**
 * `actual` holds what `expected` holds, byte for byte: `toEqual` walks a typed array element by
 * element as object keys, which made each image step cost milliseconds.
 */
function expectSameImage(actual: ProfileHistoryImage, expected: ProfileHistoryImage): void {
  const flat = (image: ProfileHistoryImage) => {
    const { chunks, positions, lengths } = image.versions
    return [...chunks, positions, lengths, image.times, image.addedTimes].map(bytes)
  }
  const [got, want] = [flat(actual), flat(expected)]
  const same = got.length === want.length && got.every((b, i) => b.equals(want[i]))
  if (!same) expect(got.map((b) => b.toString('hex'))).toEqual(want.map((b) => b.toString('hex')))
  expect(actual.versions.strings).toEqual(expected.versions.strings)
  expect(actual.addedIds).toEqual(expected.addedIds)
}

/** The versions an image lists, decoded in its order (as a loader of the file would read them). */
function listed(image: ProfileHistoryImage): ProfileVersion[] {
  const { chunks, positions, strings } = image.versions
  const arena = ByteArena.fromChunks(chunks)
  const table = StringTable.from(strings)
  return Array.from(image.times, (time, i) => ({ profile: decodeProfile(arena, positions[i], table), time }))
}

/**
 * What tells one version from another and what decoding could get wrong, as one string: each
 * step compares these (cheap, so a run takes milliseconds and shrinking ends); the end of a run
 * compares whole profiles.
 */
function keys(list: readonly ProfileVersion[]): string {
  return list
    .map(({ time, profile: p }) => `${time} ${p.id} ${p.firstName} ${p.headline} ${p.updatedAt}`)
    .join('\n')
}

/** Today's behaviour before issue 14, as the Map it kept: push, then filter by the horizon and cap. */
function modelReplace(list: ProfileVersion[], version: ProfileVersion, now: number): void {
  list.push(version)
  const horizon = tenYearsBefore(now)
  let keep = list.filter((v) => v.time >= horizon)
  if (keep.length > MAX_VERSIONS) keep = keep.slice(keep.length - MAX_VERSIONS)
  list.splice(0, list.length, ...keep)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('ProfileHistory earlier versions', () => {
  it('equal a Map of id → versions under random replaces, removes, pruning, the cap and reclaim steps, image round trips included', () => {
    const seen = { pruned: 0, capped: 0, images: 0 }
    // Counts the records reclaim steps move, to see that the runs reclaimed.
    const moves = vi.spyOn(ProfileArena.prototype, 'copySlot')
    fc.assert(
      fc.property(optionsArb, fc.array(stepArb, { maxLength: 100, size: 'max' }), (options, steps) => {
        let history = new ProfileHistory(options)
        const model = new Map<string, ProfileVersion[]>()
        const added = new Map<string, number>()
        const current = new Map<string, OwnedProfile>()
        const taken: { image: ProfileHistoryImage; model: Map<string, ProfileVersion[]> }[] = []
        let now = T0
        let made = 0
        const expectModel = (h: ProfileHistory, m: Map<string, ProfileVersion[]>, whole = false) => {
          for (const id of IDS) {
            const got = h.versionsOf(id)
            const want = m.get(id) ?? []
            if (whole) expect(got, id).toEqual(want)
            else if (keys(got) !== keys(want)) expect(keys(got), id).toBe(keys(want))
          }
        }
        for (const step of steps) {
          if (step.kind === 'remove') {
            const gone = current.get(step.id)
            if (gone === undefined) continue
            history.removed(gone)
            current.delete(step.id)
            model.delete(step.id)
            added.delete(step.id)
          } else if (step.kind === 'image') {
            const image = history.exportImage()
            // Member by member in the order the Map lists them, oldest first: today's file.
            const inFile = listed(image)
            const inModel = [...model.values()].flat()
            if (keys(inFile) !== keys(inModel)) expect(keys(inFile)).toBe(keys(inModel))
            taken.push({ image, model: new Map([...model].map(([id, list]) => [id, list.slice()])) })
            // Read back, it holds the same versions, and it goes on in place of the original.
            const copy = new ProfileHistory(options)
            expect(copy.importImage(own(image), (id) => current.has(id))).toBeUndefined()
            expectSameImage(copy.exportImage(), image)
            expectModel(copy, model)
            history = copy
            // The file holds no member without versions, so the copy has no place for one whose
            // versions were all pruned: it takes a new place, at the end, when it next has one, as
            // the old history's Map did (its importImage set an entry per member it was given).
            for (const [id, list] of model) if (list.length === 0) model.delete(id)
            seen.images++
          } else {
            now += step.gap
            const previous = current.get(step.id)
            const next = ownValidProfile({
              id: step.id,
              firstName: step.name,
              lastName: 'Lee',
              headline: `version ${made++} ${step.name}`,
              ...(step.dated === undefined ? {} : { updatedAt: new Date(now + step.dated).toISOString() }),
            })
            history.replaced(previous, next, now)
            if (previous !== undefined) {
              const time =
                previous.updatedAt === undefined
                  ? (added.get(step.id) ?? now)
                  : Date.parse(previous.updatedAt)
              const list = model.get(step.id) ?? []
              model.set(step.id, list)
              const before = list.length + 1
              modelReplace(list, { profile: previous, time }, now)
              if (list.length < before && list.length === MAX_VERSIONS) seen.capped++
              else if (list.length < before) seen.pruned++
            }
            current.set(step.id, next)
            if (step.dated === undefined) added.set(step.id, now)
            else added.delete(step.id)
          }
          expectModel(history, model)
        }
        expectModel(history, model, true)
        // Every image is still the state it was taken at, whatever the writes and reclaims since.
        for (const { image, model: then } of taken) {
          const copy = new ProfileHistory()
          copy.importImage(own(image), () => true)
          expectModel(copy, then)
        }
      }),
      { numRuns: RUNS },
    )
    const moved = moves.mock.calls.length
    // The runs reached what the property is about: pruning by the horizon, the cap, images, reclaiming.
    if (RUNS >= 20) expect(Math.min(seen.pruned, seen.capped, seen.images, moved)).toBeGreaterThan(0)
  })

  it('a member whose versions were all pruned keeps its place in the image; a copy read back gives it a new one, at the end, as the old Map did', () => {
    // The file lists no member without versions, so a copy cannot know that place (docs/spec.md
    // §7 asks for identical answers, which the order of members in the file does not change).
    const v = (id: string, label: string, updatedAt?: string) =>
      ownValidProfile({
        id,
        firstName: 'Ann',
        lastName: label,
        ...(updatedAt === undefined ? {} : { updatedAt }),
      })
    const [a0, a1, a2, b0, b1] = [
      v('a', 'a0', '2000-01-01T00:00:00.000Z'),
      v('a', 'a1'),
      v('a', 'a2'),
      v('b', 'b0'),
      v('b', 'b1'),
    ]
    const history = new ProfileHistory()
    history.replaced(undefined, a0, T0)
    // a0 is from before the horizon (2010): pruned as it is pushed, and `a` keeps its place.
    history.replaced(a0, a1, T0)
    history.replaced(undefined, b0, T0)
    history.replaced(b0, b1, T0)
    const copy = new ProfileHistory()
    expect(copy.importImage(history.exportImage(), () => true)).toBeUndefined()
    for (const h of [history, copy]) h.replaced(a1, a2, T0 + 1)
    const order = (h: ProfileHistory) => listed(h.exportImage()).map((version) => version.profile.lastName)
    expect(order(history)).toEqual(['a1', 'b0'])
    expect(order(copy)).toEqual(['b0', 'a1'])
  })

  it('an image refuses a version of a member the caller does not know, naming it', () => {
    const history = new ProfileHistory()
    const first = ownValidProfile({ id: 'm1', firstName: 'A', lastName: 'B' })
    history.replaced(undefined, first, T0)
    history.replaced(first, ownValidProfile({ id: 'm1', firstName: 'A', lastName: 'C' }), T0 + 1)
    expect(new ProfileHistory().importImage(history.exportImage(), (id) => id !== 'm1')).toBe('m1')
    expect(new ProfileHistory().importImage(history.exportImage(), () => true)).toBeUndefined()
  })
})
