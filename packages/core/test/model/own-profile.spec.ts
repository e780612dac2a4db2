import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import { copyProfile, MAX_EXTRAS_DEPTH, MAX_LIST_ITEMS } from '../../src/model/own-profile.js'
import { ProfileProblem } from '../../src/model/profile-problem.js'
import { ownValidProfile, ownValidProfiles } from '../../src/model/validate-profile.js'
import { PeopleIndex } from '../../src/people-index.js'
import { FULL_PROFILE } from './full-profile.js'

const FULL = FULL_PROFILE

const copyOf = (value: unknown) => copyProfile(value, {})

/** Every object reachable from `value`, to check they are all frozen. */
function objectsIn(value: unknown, out: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return out
  out.push(value)
  for (const v of Object.values(value)) objectsIn(v, out)
  return out
}

function problemOf(value: unknown): ProfileProblem {
  try {
    copyOf(value)
  } catch (error) {
    if (error instanceof ProfileProblem) return error
    throw error
  }
  throw new Error('expected a ProfileProblem')
}

describe('copyProfile (docs/spec.md §1.1: the index keeps its own copy)', () => {
  it('copies every key of the profile table as plain data, deeply frozen, sharing no object with the input', () => {
    const copy = copyOf(FULL)
    expect(JSON.parse(JSON.stringify(copy))).toEqual(FULL)
    const given = new Set(objectsIn(FULL))
    for (const object of objectsIn(copy)) {
      expect(Object.isFrozen(object)).toBe(true)
      expect(given.has(object)).toBe(false)
    }
  })

  it('leaves out every key the table does not name, at every level, without reading it', () => {
    const trap = {
      get() {
        throw new Error('read')
      },
      enumerable: true,
    }
    const position = Object.defineProperty({ ...FULL.positions[0] }, 'salary', trap)
    const profile = Object.defineProperty(
      { ...FULL, positions: [position], extra: { nested: 1 } },
      'secret',
      trap,
    )
    const copy = copyOf(profile)
    expect(Object.hasOwn(copy, 'secret')).toBe(false)
    expect(Object.hasOwn(copy, 'extra')).toBe(false)
    expect(Object.hasOwn(copy.positions?.[0] ?? {}, 'salary')).toBe(false)
  })

  it('reads each known key once: a getter that throws on its second read is copied', () => {
    let reads = 0
    const copy = copyOf({
      ...FULL,
      get headline() {
        if (reads++ > 0) throw new Error('second read')
        return 'Engineer'
      },
    })
    expect(copy.headline).toBe('Engineer')
    expect(reads).toBe(1)
  })

  it('counts only own keys: an inherited value is absent, in the profile and in the visibility map', () => {
    const base = Object.create(null, {
      headline: { value: 'inherited', enumerable: true },
      summary: { value: 'private', enumerable: true },
    })
    const profile = Object.assign(Object.create(base), { id: 'ann', firstName: 'Ann', lastName: 'Alder' })
    const visibility = Object.assign(Object.create(base), { email: 'private' })
    const copy = copyOf({ ...profile, id: 'ann', visibility })
    expect(copyOf(profile).headline).toBeUndefined()
    expect(copy.visibility).toEqual({ email: 'private' })
  })

  it('a read that throws is a problem at its path, whichever level it is at', () => {
    const throwing = (key: string, holder: object) =>
      Object.defineProperty({ ...holder }, key, {
        get() {
          throw new Error('boom')
        },
        enumerable: true,
      })
    const company = throwing('name', FULL.positions[0].company)
    const at = (value: unknown) => {
      const found = problemOf(value)
      return [found.path, found.problem]
    }
    expect(at(throwing('firstName', FULL))).toEqual(['firstName', 'cannot be read (reading it threw)'])
    expect(at({ ...FULL, positions: [FULL.positions[0], { ...FULL.positions[0], company }] })[0]).toBe(
      'positions[1].company.name',
    )
    expect(at({ ...FULL, visibility: throwing('email', {}) })[0]).toBe('visibility.email')
    // What a getter throws may be a Proxy whose every trap throws too.
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap')
        },
      },
    )
    const throwsHostile = Object.defineProperty({ ...FULL }, 'lastName', {
      get() {
        throw hostile
      },
      enumerable: true,
    })
    expect(at(throwsHostile)[0]).toBe('lastName')
    const { proxy, revoke } = Proxy.revocable([], {})
    revoke()
    expect(at({ ...FULL, skills: proxy })[0]).toBe('skills')
    expect(at({ ...FULL, headline: proxy })[0]).toBe('headline')
  })

  it('refuses a list over MAX_LIST_ITEMS before reading it, and a hole at once', () => {
    const sparse: unknown[] = []
    sparse.length = 2 ** 32 - 1
    expect([problemOf({ ...FULL, positions: sparse }).path]).toEqual(['positions'])
    const holed = ['java']
    holed[2] = 'go'
    expect(problemOf({ ...FULL, skills: holed }).path).toBe('skills[1]')
  })

  it('keeps what validation must refuse as an inert stand-in of the same kind, so the message is unchanged', () => {
    const refused = (value: Record<string, unknown>) => {
      try {
        ownValidProfile({ ...FULL, ...value })
      } catch (error) {
        return error instanceof PeopleSearchError ? error.message : String(error)
      }
      return 'accepted'
    }
    expect(refused({ headline: { toString: () => 'x' } })).toContain(
      'headline must be a string (got an object)',
    )
    expect(refused({ headline: ['x'] })).toContain('headline must be a string (got an array)')
    expect(refused({ headline: () => 'x' })).toContain('headline must be a string (got a function)')
    expect(refused({ numConnections: 5n })).toContain('numConnections must be an integer ≥ 0 (got 5n)')
    expect(refused({ location: [] })).toContain('location must be an object (got an array)')
    expect(refused({ positions: {} })).toContain('positions must be an array (got an object)')
  })

  it('refuses a `__proto__` key in the visibility map, as validation refuses any key that is no section', () => {
    const visibility = JSON.parse('{"__proto__": "private"}')
    expect(problemOf({ ...FULL, visibility }).path).toBe('visibility.__proto__')
  })

  it('copies the Person Profile extras as JSON data, `__proto__` keys and all, and refuses anything else', () => {
    const extras = JSON.parse('{"a": [1, "two", null, true, {"__proto__": {"x": 1}}], "b": {"c": {}}}')
    const copy = copyOf({ ...FULL, personProfile: { ...extras, gone: undefined } })
    expect(JSON.stringify((copy as { personProfile?: unknown }).personProfile)).toBe(JSON.stringify(extras))
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    let deep: unknown = 'bottom'
    for (let i = 0; i < MAX_EXTRAS_DEPTH; i++) deep = [deep]
    const refusedAt = (personProfile: unknown) => problemOf({ ...FULL, personProfile })
    expect(refusedAt({ n: Number.NaN }).path).toBe('personProfile.n')
    expect(refusedAt({ d: new Date(0) }).path).toBe('personProfile.d')
    expect(refusedAt({ big: [1n] }).path).toBe('personProfile.big[0]')
    expect(refusedAt({ f: { toJSON: () => 'x' } }).path).toBe('personProfile.f.toJSON')
    const hole = [1]
    hole[2] = 3
    expect(refusedAt({ hole }).path).toBe('personProfile.hole[1]')
    expect(refusedAt({ cycle }).problem).toContain('cycle')
    expect(refusedAt({ deep }).problem).toContain(`at most ${MAX_EXTRAS_DEPTH} deep`)
    expect(() => copyOf({ ...FULL, personProfile: { deep: (deep as unknown[])[0] } })).not.toThrow()
  })
})

describe('ownValidProfiles', () => {
  it('names the record and the field of a batch entry that cannot be read, and of one whose field cannot', () => {
    const batch = [FULL, FULL]
    Object.defineProperty(batch, 1, {
      get() {
        throw new Error('boom')
      },
    })
    expect(() => ownValidProfiles(batch)).toThrow(/record 1: profile cannot be read/)
    const unreadable = {
      ...FULL,
      id: 'bob',
      get positions() {
        throw new Error('boom')
      },
    }
    expect(() => ownValidProfiles([FULL, unreadable])).toThrow(
      /record 1 \(id "bob"\): positions cannot be read/,
    )
  })

  it('takes one profile as a batch of one, and copies each entry of a batch', () => {
    expect(ownValidProfiles(FULL)).toHaveLength(1)
    const [a, b] = ownValidProfiles([FULL, { ...FULL, id: 'bob' }])
    expect([a.id, b.id]).toEqual(['ann', 'bob'])
    expect(a).not.toBe(FULL)
  })
})

describe('lists are bounded before they are read', () => {
  it('a list longer than MAX_LIST_ITEMS is refused without reading its items', () => {
    let reads = 0
    const skills = new Proxy([], {
      get: (target, key) => {
        if (key === 'length') return 2 ** 32 - 1
        reads++
        return Reflect.get(target, key)
      },
    })
    const index = new PeopleIndex()
    expect(() => index.add({ id: 'a', firstName: 'A', lastName: 'B', skills } as never)).toThrow(
      expect.objectContaining({ code: 'invalid-profile' }),
    )
    expect(reads).toBe(0)
    expect(index.size).toBe(0)
  })

  it('a skill that is not a string stops the copy at that item', () => {
    let reads = 0
    const skills = new Proxy([], {
      get: (_target, key) => {
        if (key === 'length') return MAX_LIST_ITEMS
        reads++
        return Symbol('x')
      },
    })
    expect(() => new PeopleIndex().add({ id: 'a', firstName: 'A', lastName: 'B', skills } as never)).toThrow(
      expect.objectContaining({ code: 'invalid-profile' }),
    )
    expect(reads).toBe(1)
  })
})
