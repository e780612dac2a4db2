import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_EXTRAS_DEPTH, type OwnedProfile } from '../../src/model/own-profile.js'
import { ownValidProfile } from '../../src/model/validate-profile.js'
import { ByteArena } from '../../src/store/byte-arena.js'
import { decodeProfile, encodeProfile, MAX_INTERNED_LENGTH } from '../../src/store/profile-codec.js'
import { StringTable } from '../../src/store/string-table.js'
import { FULL_PROFILE } from '../model/full-profile.js'
import { ownedProfileArb } from './owned-profile-arb.js'
import { expectSameCopy } from './same-copy.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

/** `profile` through a fresh arena and table and back. */
function roundTrip(profile: OwnedProfile, chunkBytes?: number): OwnedProfile {
  const arena = new ByteArena(chunkBytes)
  const strings = new StringTable()
  return decodeProfile(arena, encodeProfile(profile, arena, strings), strings)
}

// The copy's full profile, with a second position, repeated skills and extras on more items.
const FULL = ownValidProfile({
  ...FULL_PROFILE,
  positions: [...FULL_PROFILE.positions, { company: { id: 1002 }, isCurrent: false }],
  educations: [{ ...FULL_PROFILE.educations[0], personProfile: ['a', 1] }],
  skills: [...FULL_PROFILE.skills, 'java'],
  projects: [{ ...FULL_PROFILE.projects[0], personProfile: 'kept' }],
})

describe('profile codec (a validated copy as one arena record)', () => {
  it('gives back the validated copy: equal, same keys in the same order everywhere, all frozen', () => {
    fc.assert(
      fc.property(
        fc.array(ownedProfileArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(64, 1024, undefined),
        (profiles, chunkBytes) => {
          // Several records in one arena and one table, read back after all are written.
          const arena = new ByteArena(chunkBytes)
          const strings = new StringTable()
          const positions = profiles.map((profile) => encodeProfile(profile, arena, strings))
          profiles.forEach((profile, i) => {
            expectSameCopy(decodeProfile(arena, positions[i], strings), profile)
          })
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('reads the same after the chunks and the table are exported and adopted (a snapshot)', () => {
    fc.assert(
      fc.property(fc.array(ownedProfileArb, { minLength: 1, maxLength: 3 }), (profiles) => {
        const arena = new ByteArena(128)
        const strings = new StringTable()
        const positions = profiles.map((profile) => encodeProfile(profile, arena, strings))
        const copies = arena.exportChunks().map((chunk) => chunk.slice())
        const adopted = ByteArena.fromChunks(copies, 128)
        const table = StringTable.from([...strings.all()])
        profiles.forEach((profile, i) => {
          expectSameCopy(decodeProfile(adopted, positions[i], table), profile)
        })
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    )
  })

  it('keeps every key of every kind, and a minimal profile has all but three undefined', () => {
    expectSameCopy(roundTrip(FULL), FULL)
    const minimal = ownValidProfile({ id: 'a', firstName: 'A', lastName: 'B' })
    const decoded = roundTrip(minimal)
    expectSameCopy(decoded, minimal)
    expect(Object.keys(decoded)).toHaveLength(27)
    expect(Object.entries(decoded).filter(([, v]) => v !== undefined)).toEqual([
      ['id', 'a'],
      ['firstName', 'A'],
      ['lastName', 'B'],
    ])
  })

  it('keeps lone surrogates exactly, in interned and inline fields, keys and extras', () => {
    const lone = ownValidProfile({
      id: 'x',
      firstName: '\uD800x',
      lastName: 'x\uDFFF',
      headline: `a\uDFFFb${'c'.repeat(80)}\uD83D`,
      summary: '\uDC00\uD800',
      positions: [{ title: '\uD800'.repeat(70), company: { id: 'a\uD800', name: '\uDBFF' } }],
      skills: ['\uDFFF', '😀', '\uD83D\uDE00\uD83D'],
      personProfile: { '\uD800key': ['\uDFFF', { '': '\uD800' }] },
    })
    expectSameCopy(roundTrip(lone), lone)
  })

  it('keeps −0, fractions, negatives and numbers up to 2^53 with their value and sign', () => {
    const numbers = ownValidProfile({
      id: 'n',
      firstName: 'N',
      lastName: 'N',
      location: { name: 'X', code: 'us:84', lat: -0, lon: -122.125 },
      industry: { code: 2 ** 50, name: 'I' },
      numConnections: Number.MAX_SAFE_INTEGER,
      numRecommenders: 2 ** 50 - 1,
      positions: [
        { id: -0, company: { id: -7.5 } },
        { id: 2 ** 32 + 1, company: { id: 0 } },
        { id: 1e300, company: { id: -1e-300 } },
      ],
      personProfile: { z: -0, f: 0.1, n: -3, big: 2 ** 60, list: [-0, 0] },
    })
    const decoded = roundTrip(numbers)
    expectSameCopy(decoded, numbers)
    expect(Object.is(decoded.location?.lat, -0)).toBe(true)
    expect(Object.is(decoded.positions?.[0].id, -0)).toBe(true)
  })

  it('keeps a company id 1002 a number and "1002" a string', () => {
    const ids = ownValidProfile({
      id: 'c',
      firstName: 'C',
      lastName: 'C',
      positions: [{ company: { id: 1002 } }, { company: { id: '1002' } }],
      educations: [{ school: { id: 501 } }, { school: { id: '501' } }],
    })
    const decoded = roundTrip(ids)
    expectSameCopy(decoded, ids)
    expect(decoded.positions?.map((p) => p.company.id)).toEqual([1002, '1002'])
    expect(decoded.educations?.map((e) => e.school.id)).toEqual([501, '501'])
  })

  it('keeps dates of every shape the checks allow, packed or not', () => {
    const dates = [
      { year: 1 },
      { year: 9999, month: 12, day: 31 },
      { year: 2024, day: 29 },
      { year: 1899, month: 1 },
      { year: 1900, month: 1, day: 1 },
      { year: 2099, month: 12, day: 31 },
      { year: 2100 },
    ]
    const profile = ownValidProfile({
      id: 'd',
      firstName: 'D',
      lastName: 'D',
      positions: dates.map((startDate) => ({ company: {}, startDate, endDate: startDate })),
      certifications: dates.map((endDate) => ({ endDate })),
    })
    expectSameCopy(roundTrip(profile), profile)
  })

  it('keeps the visibility map in its own key order, not the order of the sections', () => {
    const profile = ownValidProfile({
      id: 'v',
      firstName: 'V',
      lastName: 'V',
      visibility: { pictureUrl: 'private', phone: 'connections', headline: 'public' },
    })
    const decoded = roundTrip(profile)
    expectSameCopy(decoded, profile)
    expect(Object.keys(decoded.visibility ?? {})).toEqual(['pictureUrl', 'phone', 'headline'])
  })

  it('keeps extras as JSON data: `__proto__` as a key, integer-like keys, 64 levels deep', () => {
    let deep: unknown = 'bottom'
    for (let level = 1; level < MAX_EXTRAS_DEPTH; level++) deep = level % 2 === 0 ? [deep] : { level: deep }
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "10": 1, "2": 2, "b": 3}')
    const profile = ownValidProfile({
      id: 'e',
      firstName: 'E',
      lastName: 'E',
      positions: [{ company: {}, personProfile: proto }],
      personProfile: deep,
    })
    const decoded = roundTrip(profile)
    expectSameCopy(decoded, profile)
    const item = (decoded.positions ?? [])[0] as unknown as { personProfile: object }
    const extras = item.personProfile
    expect(Object.keys(extras)).toEqual(['2', '10', '__proto__', 'b'])
    expect(Object.getPrototypeOf(extras)).toBe(Object.prototype)
  })

  it('interns the repeated names and writes long ones inline', () => {
    const arena = new ByteArena()
    const strings = new StringTable()
    const member = (id: string, title: string) =>
      ownValidProfile({
        id,
        firstName: 'Ann',
        lastName: 'Alder',
        positions: [{ title, company: { name: 'Acme' } }],
      })
    const short = 'x'.repeat(MAX_INTERNED_LENGTH)
    const long = 'y'.repeat(MAX_INTERNED_LENGTH + 1)
    encodeProfile(member('a', short), arena, strings)
    const afterFirst = strings.size
    const first = arena.bytes
    encodeProfile(member('b', short), arena, strings)
    expect(strings.size).toBe(afterFirst)
    expect(arena.bytes - first).toBe(first)
    encodeProfile(member('c', long), arena, strings)
    expect(strings.size).toBe(afterFirst)
    expect(strings.all()).toContain(short)
    expect(strings.all()).not.toContain(long)
  })

  it('refuses a value no validated copy holds, and the arena keeps no part of that record', () => {
    const arena = new ByteArena(64)
    const strings = new StringTable()
    const first = encodeProfile(FULL, arena, strings)
    const bytes = arena.bytes
    const bad = { ...FULL, summary: Symbol('not data') } as unknown as OwnedProfile
    expect(() => encodeProfile(bad, arena, strings)).toThrow(
      expect.objectContaining({ code: 'internal-error' }),
    )
    expect(arena.bytes).toBe(bytes)
    const next = encodeProfile(FULL, arena, strings)
    expect(arena.bytes).toBe(2 * bytes)
    expect(arena.exportChunks().reduce((sum, chunk) => sum + chunk.length, 0)).toBe(2 * bytes)
    expectSameCopy(decodeProfile(arena, first, strings), FULL)
    expectSameCopy(decodeProfile(arena, next, strings), FULL)
  })

  it('refuses, rather than loops over, a record whose list claims more items than any copy holds', () => {
    // A record by hand, as the codec lays it out: id "a", twelve empty fields, then the positions.
    const arena = new ByteArena()
    arena.begin()
    arena.varuint(1 * 8 + 1)
    arena.byte(0x61)
    for (let field = 0; field < 12; field++) arena.byte(0)
    arena.varuint(2 ** 40)
    const position = arena.end()
    expect(() => decodeProfile(arena, position, new StringTable())).toThrow(
      expect.objectContaining({ code: 'internal-error' }),
    )
  })

  it('takes a fraction of the JSON of the same profile', () => {
    const arena = new ByteArena()
    encodeProfile(FULL, arena, new StringTable())
    expect(arena.bytes).toBeLessThan(JSON.stringify(FULL).length / 2)
  })
})
