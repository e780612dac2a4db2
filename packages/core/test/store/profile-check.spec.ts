import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import type { OwnedProfile } from '../../src/model/own-profile.js'
import { ownValidProfile } from '../../src/model/validate-profile.js'
import { ByteArena } from '../../src/store/byte-arena.js'
import { ProfileCheck } from '../../src/store/profile-check.js'
import { decodeProfile, encodeProfile } from '../../src/store/profile-codec.js'
import { StringTable } from '../../src/store/string-table.js'
import { FULL_PROFILE } from '../model/full-profile.js'
import { ownedProfileArb } from './owned-profile-arb.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

/** One record of `profile` in a fresh arena: its bytes (a copy), the table's strings, the id's bytes. */
function record(profile: OwnedProfile) {
  const arena = new ByteArena()
  const strings = new StringTable()
  const position = encodeProfile(profile, arena, strings)
  const bytes = Uint8Array.from(arena.exportChunks()[0].subarray(position, arena.bytes))
  return { bytes, strings: strings.all().slice(), id: Buffer.from(profile.id, 'latin1') }
}

function decodes(bytes: Uint8Array, strings: readonly string[]): boolean {
  try {
    decodeProfile(ByteArena.fromChunks([bytes]), 0, StringTable.from(strings))
    return true
  } catch (error) {
    if (error instanceof PeopleSearchError) return false
    throw error
  }
}

describe('ProfileCheck (a record of a validated profile, checked without decoding it)', () => {
  it('accepts every record encodeProfile writes for a validated copy, with its id', () => {
    fc.assert(
      fc.property(ownedProfileArb, (profile) => {
        const { bytes, strings, id } = record(profile)
        const check = new ProfileCheck(strings)
        expect(check.check(bytes, 0, bytes.length, id)).toBe(true)
        expect(check.check(bytes, 0, bytes.length, undefined)).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('refuses a record with another id, cut short, with bytes after it, or with a table too small', () => {
    const { bytes, strings, id } = record(ownValidProfile(FULL_PROFILE))
    const check = new ProfileCheck(strings)
    expect(check.check(bytes, 0, bytes.length, id)).toBe(true)
    expect(check.check(bytes, 0, bytes.length, Buffer.from('other'))).toBe(false)
    for (let length = 0; length < bytes.length; length++)
      expect(check.check(bytes, 0, length, id)).toBe(false)
    const longer = new Uint8Array(bytes.length + 1)
    longer.set(bytes)
    expect(check.check(longer, 0, longer.length, id)).toBe(false)
    expect(new ProfileCheck(strings.slice(0, -1)).check(bytes, 0, bytes.length, id)).toBe(false)
    // The last string interned is a skill's, a field with no fact to check: only the bound refuses it.
    const skill = record(ownValidProfile({ id: 'a', firstName: 'Ann', lastName: 'Lee', skills: ['java'] }))
    expect(skill.strings.at(-1)).toBe('java')
    expect(new ProfileCheck(skill.strings).check(skill.bytes, 0, skill.bytes.length, skill.id)).toBe(true)
    expect(
      new ProfileCheck(skill.strings.slice(0, -1)).check(skill.bytes, 0, skill.bytes.length, skill.id),
    ).toBe(false)
  })

  it('whatever bytes of a record are changed, a record it accepts decodes without throwing, to a profile with the id', () => {
    fc.assert(
      fc.property(
        ownedProfileArb,
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (profile, changes) => {
          const { bytes, strings, id } = record(profile)
          for (const { at, byte } of changes) bytes[at % bytes.length] = byte
          if (!new ProfileCheck(strings).check(bytes, 0, bytes.length, id)) return
          expect(decodes(bytes, strings)).toBe(true)
          const decoded = decodeProfile(ByteArena.fromChunks([bytes]), 0, StringTable.from(strings))
          expect(decoded.id).toBe(profile.id)
          expect(typeof decoded.firstName).toBe('string')
        },
      ),
      { numRuns: RUNS * 5 },
    )
  })

  it('refuses values of the wrong type where a validated copy has one type', () => {
    // A first name the encoder interns, turned into the number 0 (UINT head 5): same length.
    const { bytes, strings, id } = record(ownValidProfile({ id: 'a', firstName: 'Ann', lastName: 'Lee' }))
    const check = new ProfileCheck(strings)
    const at = 1 + id.length // after the id (a one-byte head and its bytes): the first name's head
    expect(bytes[at - 1]).toBe(0x61)
    const changed = Uint8Array.from(bytes)
    changed[at] = 5
    expect(check.check(changed, 0, changed.length, id)).toBe(false)
    expect(decodes(changed, strings)).toBe(true)
  })
})
