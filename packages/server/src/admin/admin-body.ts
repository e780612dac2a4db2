import { fail, fromPersonProfile, type PersonProfileDocument, validateProfile } from '@people-search/core'

const BOM = '\uFEFF'
const PROFILES = 'a JSON array or JSON lines of profiles'
const PAIRS = {
  connections: 'a JSON array of [member, member] pairs',
  groups: 'a JSON array of [member, group] pairs',
} as const

/**
 * The body of `PUT /admin/profiles` (docs/spec.md §9.5): a JSON array, or JSON lines (blank lines
 * skipped, `\r\n` too), with or without a byte-order mark. Each entry is a §1.1 profile or a §1.3
 * Person Profile document (one with `public_identifier`), which is converted with core's
 * `fromPersonProfile`. A body that is not JSON, or holds no profiles, is the 400 `invalid-body`
 * naming the line or item; an entry that breaks §1.1 (or §1.3) is core's own 400, naming the
 * record as `line N` (JSON lines, from 1) or `record N` (an array, from 0, as core's `add` does).
 */
export function readProfilesBody(text: string): unknown[] {
  const body = withoutBom(text)
  const entries = body.trimStart().startsWith('[') ? arrayItems(body, PROFILES, 'record') : jsonLines(body)
  if (entries.length === 0) fail('invalid-body', { expected: PROFILES, problem: 'it holds no profiles' })
  return entries.map(({ value, label }) => {
    const profile = isPersonProfileDocument(value) ? fromPersonProfile(value) : value
    validateProfile(profile, recordLabel(label, profile))
    return profile
  })
}

/**
 * The body of `PUT`/`DELETE /admin/connections` and `/admin/groups` (docs/spec.md §9.5): a JSON
 * array of pairs of strings, `[[a, b], …]` (`[member, group]` for groups). Anything else is the
 * 400 `invalid-body` naming the item; whether the members exist is the write's check.
 */
export function readPairsBody(text: string, what: 'connections' | 'groups'): [string, string][] {
  const expected = PAIRS[what]
  const body = withoutBom(text)
  if (!body.trimStart().startsWith('[')) fail('invalid-body', { expected, problem: 'it is not a JSON array' })
  const items = arrayItems(body, expected, 'item')
  if (items.length === 0) fail('invalid-body', { expected, problem: 'it holds no pairs' })
  return items.map(({ value, label }) => {
    if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      typeof value[0] !== 'string' ||
      typeof value[1] !== 'string'
    )
      fail('invalid-body', { expected, problem: `${label} is not a pair of strings` })
    return [value[0], value[1]]
  })
}

interface Entry {
  value: unknown
  /** `line 3`, `record 0`, `item 0`. */
  label: string
}

function withoutBom(text: string): string {
  if (typeof text !== 'string') fail('invalid-body', { expected: 'text', problem: `it is ${typeof text}` })
  return text.startsWith(BOM) ? text.slice(1) : text
}

function arrayItems(body: string, expected: string, noun: 'record' | 'item'): Entry[] {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    fail('invalid-body', { expected, problem: `it is not JSON (${(error as Error).message})` })
  }
  if (!Array.isArray(value)) fail('invalid-body', { expected, problem: 'it is not a JSON array' })
  return value.map((item, i) => ({ value: item, label: `${noun} ${i}` }))
}

function jsonLines(body: string): Entry[] {
  const entries: Entry[] = []
  const lines = body.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '') continue
    try {
      entries.push({ value: JSON.parse(line), label: `line ${i + 1}` })
    } catch (error) {
      fail('invalid-body', {
        expected: PROFILES,
        problem: `line ${i + 1} is not JSON (${(error as Error).message})`,
      })
    }
  }
  return entries
}

/** A Person Profile document (docs/spec.md §1.3) rather than a §1.1 profile: it has `public_identifier`. */
function isPersonProfileDocument(value: unknown): value is PersonProfileDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.hasOwn(value, 'public_identifier')
  )
}

function recordLabel(label: string, profile: unknown): string {
  const id = (profile as { id?: unknown } | null)?.id
  return typeof id === 'string' ? `${label} (id ${JSON.stringify(id)})` : label
}
