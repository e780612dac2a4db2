import { fail, PeopleSearchError } from '@people-search/core'

/**
 * One admin write (docs/spec.md §9.5), as the service applies it and as the write-ahead log
 * holds it. `add` carries profiles already read by `readProfilesBody` (§1.1 profiles, §1.3
 * documents converted); pairs are `[a, b]` for connections and `[member, group]` for groups.
 */
export type Write =
  | { op: 'add'; profiles: readonly unknown[] }
  | { op: 'remove'; id: string }
  | { op: 'connect' | 'disconnect'; pairs: readonly (readonly [string, string])[] }
  | { op: 'join' | 'leave'; pairs: readonly (readonly [string, string])[] }

const PAIR_OPS = new Set<string>(['connect', 'disconnect', 'join', 'leave'])

/**
 * A copy of `given` that is exactly a `Write`: its op, and its arrays and strings read once
 * into arrays of our own, so a caller's Proxy or getter runs here (a 400) and never again. The
 * profiles are kept as given: they are validated by core after their round trip through JSON.
 */
export function ownWrite(given: unknown): Write {
  try {
    return readWrite(given)
  } catch (error) {
    if (error instanceof PeopleSearchError) throw error
    return fail('unreadable-argument', { argument: 'write', cause: error })
  }
}

function readWrite(given: unknown): Write {
  if (typeof given !== 'object' || given === null) badWrite(given, 'an object with an op')
  const op: unknown = (given as { op?: unknown }).op
  if (op === 'add') {
    const profiles = ownList(
      (given as { profiles?: unknown }).profiles,
      'write profiles',
      'an array of profiles',
    )
    return { op, profiles }
  }
  if (op === 'remove') {
    const id: unknown = (given as { id?: unknown }).id
    if (typeof id !== 'string') badWrite(id, 'a member id', 'write id')
    return { op, id }
  }
  if (typeof op === 'string' && PAIR_OPS.has(op)) {
    const list = ownList((given as { pairs?: unknown }).pairs, 'write pairs', 'an array of pairs')
    const pairs = list.map((pair) => ownPair(pair))
    return { op: op as 'connect', pairs }
  }
  return badWrite(op, 'one of add, remove, connect, disconnect, join, leave', 'write op')
}

function ownList(value: unknown, argument: string, expected: string): unknown[] {
  if (!Array.isArray(value)) badWrite(value, expected, argument)
  const length = value.length
  const out: unknown[] = new Array(length)
  for (let i = 0; i < length; i++) out[i] = value[i]
  return out
}

function ownPair(value: unknown): [string, string] {
  if (!Array.isArray(value) || value.length !== 2) badWrite(value, 'a pair of strings', 'write pair')
  const a: unknown = value[0]
  const b: unknown = value[1]
  if (typeof a !== 'string' || typeof b !== 'string') badWrite(value, 'a pair of strings', 'write pair')
  return [a, b]
}

function badWrite(value: unknown, expected: string, argument = 'write'): never {
  return fail('invalid-argument', { argument, value, expected })
}
