import { type Profile, SECTIONS } from './profile.js'
import { ProfileProblem, problem } from './profile-problem.js'
import { type Fields, isPlainObject } from './validate-fields.js'

declare const OWNED: unique symbol

/**
 * A profile the index made itself (docs/spec.md §1.1 "its own copy"): plain, frozen data holding
 * only the keys of the §1.1 table, read once from the caller's value. Only `copyProfile` makes
 * one, so the store, the renderers, the history and snapshots can never hold a caller's object.
 */
export type OwnedProfile = Profile & { readonly [OWNED]: true }

/**
 * Extras a producer keeps beside the §1.1 fields, on a profile and on its items: the Person
 * Profile reader (person-profile/extras.ts) keeps there the document fields no profile field
 * holds. Copied as JSON data; nothing else reads them.
 */
export const EXTRAS_KEY = 'personProfile'

/** How deep the JSON data under `personProfile` may nest. */
export const MAX_EXTRAS_DEPTH = 64

/**
 * The copy of `value`: each key the §1.1 table names is read exactly once, and only when it is the
 * value's own property; other keys are never read. Where an object or a list goes, anything else
 * is refused here, with the message validation would give; a leaf is kept when it is a primitive
 * and replaced by an inert stand-in of the same kind (object, list, function) otherwise, so
 * validation, which runs on the copy, refuses it without touching the caller's value again. A
 * read that throws (a getter, a proxy trap) is a problem at its path. `seen.id` gets the id as
 * soon as it is read, to name a record that is refused. Throws `ProfileProblem`.
 *
 * Every object of the copy has every key of its kind, `undefined` where the value had none, and
 * is frozen: one hidden class per kind keeps the reads of the analyser and renderers monomorphic,
 * and JSON (snapshots) leaves the `undefined` keys out. Fields are read by name, never through a
 * list of keys, which would make a million differently shaped profiles' reads megamorphic.
 */
export function copyProfile(value: unknown, seen: { id?: unknown }): OwnedProfile {
  const p = record(value, '')
  let at = 'id'
  try {
    const id = kept(p, at, p.id)
    seen.id = id
    at = 'firstName'
    const firstName = kept(p, at, p.firstName)
    at = 'lastName'
    const lastName = kept(p, at, p.lastName)
    at = 'headline'
    const headline = kept(p, at, p.headline)
    at = 'summary'
    const summary = kept(p, at, p.summary)
    at = 'specialties'
    const specialties = kept(p, at, p.specialties)
    at = 'interests'
    const interests = kept(p, at, p.interests)
    at = 'honors'
    const honors = kept(p, at, p.honors)
    at = 'location'
    const location = nested(p, at, p.location, copyLocation)
    at = 'industry'
    const industry = nested(p, at, p.industry, copyIndustry)
    at = 'language'
    const language = kept(p, at, p.language)
    at = 'numConnections'
    const numConnections = kept(p, at, p.numConnections)
    at = 'numRecommenders'
    const numRecommenders = kept(p, at, p.numRecommenders)
    at = 'positions'
    const positions = list(p, at, p.positions, POSITION)
    at = 'educations'
    const educations = list(p, at, p.educations, EDUCATION)
    at = 'skills'
    const skills = list(p, at, p.skills, SKILL)
    at = 'certifications'
    const certifications = list(p, at, p.certifications, ACCOMPLISHMENT)
    at = 'projects'
    const projects = list(p, at, p.projects, ACCOMPLISHMENT)
    at = 'publications'
    const publications = list(p, at, p.publications, ACCOMPLISHMENT)
    at = 'pictureUrl'
    const pictureUrl = kept(p, at, p.pictureUrl)
    at = 'publicProfileUrl'
    const publicProfileUrl = kept(p, at, p.publicProfileUrl)
    at = 'email'
    const email = kept(p, at, p.email)
    at = 'phone'
    const phone = kept(p, at, p.phone)
    at = 'visibility'
    const visibility = nested(p, at, p.visibility, copyVisibilityMap)
    at = 'accountLevel'
    const accountLevel = kept(p, at, p.accountLevel)
    at = 'updatedAt'
    const updatedAt = kept(p, at, p.updatedAt)
    at = EXTRAS_KEY
    const personProfile = extras(p, p.personProfile)
    // Unchecked still: the caller validates the copy before it uses it as a profile.
    return Object.freeze({
      id,
      firstName,
      lastName,
      headline,
      summary,
      specialties,
      interests,
      honors,
      location,
      industry,
      language,
      numConnections,
      numRecommenders,
      positions,
      educations,
      skills,
      certifications,
      projects,
      publications,
      pictureUrl,
      publicProfileUrl,
      email,
      phone,
      visibility,
      accountLevel,
      updatedAt,
      personProfile,
    }) as unknown as OwnedProfile
  } catch (error) {
    throw readProblem(error, at)
  }
}

const hasOwn = Object.prototype.hasOwnProperty

/**
 * A problem found inside a field passes through; anything else thrown is a read that failed at
 * `at`. What a caller's getter throws may itself be a hostile Proxy, whose `instanceof` throws.
 */
function readProblem(error: unknown, at: string): ProfileProblem {
  let found = false
  try {
    found = error instanceof ProfileProblem
  } catch {
    // Not ours.
  }
  return found ? (error as ProfileProblem) : new ProfileProblem(at, 'cannot be read (reading it threw)')
}

function unreadable(path: string): never {
  throw new ProfileProblem(path, 'cannot be read (reading it threw)')
}

/** `value`, read from `holder[key]`, as the copy keeps it: absent unless own (docs/spec.md §1.1), see `standIn`. */
function kept(holder: Fields, key: string, value: unknown): unknown {
  return value === undefined || !hasOwn.call(holder, key) ? undefined : standIn(value, key)
}

/** `value` as an object to copy from, or the problem validation reports for it. */
function record(value: unknown, path: string): Fields {
  let plain = false
  try {
    plain = isPlainObject(value)
  } catch {
    unreadable(path)
  }
  if (!plain) problem(path, 'must be an object', standIn(value, path))
  return value as Fields
}

/** A value that cannot be kept, as validation should see it: same kind, nothing to read. */
function standIn(value: unknown, path: string): unknown {
  if (typeof value === 'function') return OPAQUE_FUNCTION
  if (typeof value !== 'object' || value === null) return value
  let isList = false
  try {
    isList = Array.isArray(value)
  } catch {
    unreadable(path)
  }
  return isList ? OPAQUE_LIST : OPAQUE_OBJECT
}

class Opaque {}
const OPAQUE_OBJECT: unknown = Object.freeze(new Opaque())
const OPAQUE_LIST: unknown = Object.freeze([])
const OPAQUE_FUNCTION: unknown = Object.freeze(() => undefined)

/** An optional object field read from `holder[key]`, copied by `copy`; its problems get `key` as prefix. */
function nested(holder: Fields, key: string, value: unknown, copy: (value: Fields) => Fields): unknown {
  if (value === undefined || !hasOwn.call(holder, key)) return undefined
  try {
    return copy(record(value, ''))
  } catch (error) {
    throw readProblem(error, '').under(key)
  }
}

function copyLocation(l: Fields): Fields {
  let at = 'name'
  try {
    const name = kept(l, at, l.name)
    at = 'code'
    const code = kept(l, at, l.code)
    at = 'postalCode'
    const postalCode = kept(l, at, l.postalCode)
    at = 'lat'
    const lat = kept(l, at, l.lat)
    at = 'lon'
    const lon = kept(l, at, l.lon)
    return Object.freeze({ name, code, postalCode, lat, lon })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copyIndustry(i: Fields): Fields {
  let at = 'code'
  try {
    const code = kept(i, at, i.code)
    at = 'name'
    const name = kept(i, at, i.name)
    return Object.freeze({ code, name })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copyDate(d: Fields): Fields {
  let at = 'year'
  try {
    const year = kept(d, at, d.year)
    at = 'month'
    const month = kept(d, at, d.month)
    at = 'day'
    const day = kept(d, at, d.day)
    return Object.freeze({ year, month, day })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copyCompany(c: Fields): Fields {
  let at = 'id'
  try {
    const id = kept(c, at, c.id)
    at = 'name'
    const name = kept(c, at, c.name)
    at = 'industry'
    const industry = kept(c, at, c.industry)
    at = 'type'
    const type = kept(c, at, c.type)
    at = 'size'
    const size = kept(c, at, c.size)
    at = 'ticker'
    const ticker = kept(c, at, c.ticker)
    return Object.freeze({ id, name, industry, type, size, ticker })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copySchool(s: Fields): Fields {
  let at = 'id'
  try {
    const id = kept(s, at, s.id)
    at = 'name'
    const name = kept(s, at, s.name)
    return Object.freeze({ id, name })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copyPosition(p: Fields): Fields {
  let at = 'id'
  try {
    const id = kept(p, at, p.id)
    at = 'title'
    const title = kept(p, at, p.title)
    at = 'summary'
    const summary = kept(p, at, p.summary)
    at = 'company'
    const company = nested(p, at, p.company, copyCompany)
    at = 'startDate'
    const startDate = nested(p, at, p.startDate, copyDate)
    at = 'endDate'
    const endDate = nested(p, at, p.endDate, copyDate)
    at = 'isCurrent'
    const isCurrent = kept(p, at, p.isCurrent)
    at = 'visibility'
    const visibility = kept(p, at, p.visibility)
    at = 'datesVisibility'
    const datesVisibility = kept(p, at, p.datesVisibility)
    at = EXTRAS_KEY
    const personProfile = extras(p, p.personProfile)
    return Object.freeze({
      id,
      title,
      summary,
      company,
      startDate,
      endDate,
      isCurrent,
      visibility,
      datesVisibility,
      personProfile,
    })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copyEducation(e: Fields): Fields {
  let at = 'id'
  try {
    const id = kept(e, at, e.id)
    at = 'school'
    const school = nested(e, at, e.school, copySchool)
    at = 'degree'
    const degree = kept(e, at, e.degree)
    at = 'fieldOfStudy'
    const fieldOfStudy = kept(e, at, e.fieldOfStudy)
    at = 'activities'
    const activities = kept(e, at, e.activities)
    at = 'notes'
    const notes = kept(e, at, e.notes)
    at = 'startDate'
    const startDate = nested(e, at, e.startDate, copyDate)
    at = 'endDate'
    const endDate = nested(e, at, e.endDate, copyDate)
    at = 'isCurrent'
    const isCurrent = kept(e, at, e.isCurrent)
    at = 'visibility'
    const visibility = kept(e, at, e.visibility)
    at = 'datesVisibility'
    const datesVisibility = kept(e, at, e.datesVisibility)
    at = EXTRAS_KEY
    const personProfile = extras(e, e.personProfile)
    return Object.freeze({
      id,
      school,
      degree,
      fieldOfStudy,
      activities,
      notes,
      startDate,
      endDate,
      isCurrent,
      visibility,
      datesVisibility,
      personProfile,
    })
  } catch (error) {
    throw readProblem(error, at)
  }
}

function copyAccomplishment(a: Fields): Fields {
  let at = 'name'
  try {
    const name = kept(a, at, a.name)
    at = 'title'
    const title = kept(a, at, a.title)
    at = 'authority'
    const authority = kept(a, at, a.authority)
    at = 'publisher'
    const publisher = kept(a, at, a.publisher)
    at = 'description'
    const description = kept(a, at, a.description)
    at = 'url'
    const url = kept(a, at, a.url)
    at = 'startDate'
    const startDate = nested(a, at, a.startDate, copyDate)
    at = 'endDate'
    const endDate = nested(a, at, a.endDate, copyDate)
    at = EXTRAS_KEY
    const personProfile = extras(a, a.personProfile)
    return Object.freeze({
      name,
      title,
      authority,
      publisher,
      description,
      url,
      startDate,
      endDate,
      personProfile,
    })
  } catch (error) {
    throw readProblem(error, at)
  }
}

/** How the items of one list section are copied, and what validation says of a missing one. */
interface ItemKind {
  copy(item: unknown): unknown
  expected: string
}

const objectItem = (copy: (value: Fields) => Fields): ItemKind => ({
  copy: (item) => copy(record(item, '')),
  expected: 'must be an object',
})

const POSITION = objectItem(copyPosition)
const EDUCATION = objectItem(copyEducation)
const ACCOMPLISHMENT = objectItem(copyAccomplishment)
const SKILL: ItemKind = {
  // Refused at once, not after the whole list is copied: a list that claims billions of junk
  // items must not be walked.
  copy: (item) => (typeof item === 'string' ? item : problem('', 'must be a string', standIn(item, ''))),
  expected: 'must be a string',
}

/** More items than any real profile holds; a longer list is refused before it is read. */
export const MAX_LIST_ITEMS = 10_000

/**
 * An optional list field read from `holder[key]`: its length and each item read once. A hole (or
 * any missing item) is refused at once, so that a list of a billion holes is not walked first.
 */
function list(holder: Fields, key: string, value: unknown, kind: ItemKind): unknown {
  if (value === undefined || !hasOwn.call(holder, key)) return undefined
  try {
    if (!Array.isArray(value)) problem('', 'must be an array', standIn(value, ''))
    const items = value as unknown[]
    const length = items.length
    if (length > MAX_LIST_ITEMS) problem('', `must hold at most ${MAX_LIST_ITEMS} items`, standIn(value, ''))
    const out: unknown[] = []
    for (let i = 0; i < length; i++) {
      try {
        const item = items[i]
        if (item === undefined) problem('', kind.expected, item)
        out.push(kind.copy(item))
      } catch (error) {
        throw readProblem(error, '').under(`[${i}]`)
      }
    }
    return Object.freeze(out)
  } catch (error) {
    throw readProblem(error, '').under(key)
  }
}

/**
 * The section → visibility map: its own enumerable keys, each value read once. Validation
 * refuses any key that is not a section, so copying stops after the first such key (a huge map
 * of junk is not copied whole); `__proto__`, which a plain object cannot hold as data, is
 * refused here with the same message.
 */
function copyVisibilityMap(map: Fields): Fields {
  const out: Fields = {}
  let at = ''
  try {
    for (const key of Object.keys(map)) {
      at = key
      const setting = standIn(map[key], key)
      if (key === '__proto__') problem(key, 'is not a section that can carry a visibility', setting)
      out[key] = setting
      if (!SECTION_NAMES.has(key)) break
    }
  } catch (error) {
    throw readProblem(error, at)
  }
  return Object.freeze(out)
}

const SECTION_NAMES: ReadonlySet<string> = new Set(SECTIONS)

/** The extras of a profile or item read from `holder.personProfile`, copied as JSON data (see `EXTRAS_KEY`). */
function extras(holder: Fields, value: unknown): unknown {
  if (value === undefined || !hasOwn.call(holder, EXTRAS_KEY)) return undefined
  try {
    return jsonData(value, [])
  } catch (error) {
    throw readProblem(error, '').under(EXTRAS_KEY)
  }
}

/**
 * A deep, frozen copy of JSON data: null, booleans, strings, finite numbers, lists and plain
 * objects (own enumerable keys; a key whose value is `undefined` is left out, as JSON does).
 * Anything JSON would change or cannot write (a BigInt, a function such as a `toJSON` method, a
 * symbol, NaN, a Date or any other class instance, a hole, a cycle, deeper than
 * `MAX_EXTRAS_DEPTH`) is refused, so that a snapshot gives back exactly what was added.
 */
function jsonData(value: unknown, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) problem('', 'must be JSON data', value)
      return value
    case 'object':
      if (value === null) return value
      break
    default:
      problem('', 'must be JSON data', standIn(value, ''))
  }
  if (ancestors.includes(value)) problem('', 'must be JSON data without a cycle', standIn(value, ''))
  if (ancestors.length >= MAX_EXTRAS_DEPTH)
    problem('', `must be JSON data nested at most ${MAX_EXTRAS_DEPTH} deep`, standIn(value, ''))
  ancestors.push(value)
  let out: unknown
  try {
    out = Array.isArray(value) ? jsonList(value, ancestors) : jsonObject(record(value, ''), ancestors)
  } catch (error) {
    throw readProblem(error, '')
  }
  ancestors.pop()
  return Object.freeze(out)
}

function jsonList(items: unknown[], ancestors: object[]): unknown[] {
  const length = items.length
  const out: unknown[] = []
  for (let i = 0; i < length; i++) {
    try {
      const item = items[i]
      if (item === undefined) problem('', 'must be JSON data', item)
      out.push(jsonData(item, ancestors))
    } catch (error) {
      throw readProblem(error, '').under(`[${i}]`)
    }
  }
  return out
}

function jsonObject(source: Fields, ancestors: object[]): Fields {
  const out: Fields = {}
  for (const key of Object.keys(source)) {
    let copy: unknown
    try {
      const item = source[key]
      if (item === undefined) continue
      copy = jsonData(item, ancestors)
    } catch (error) {
      throw readProblem(error, '').under(key)
    }
    // `__proto__` is data in JSON; a plain assignment would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true })
    else out[key] = copy
  }
  return out
}
