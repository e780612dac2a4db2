import { fail } from '../errors.js'
import { MAX_LIST_ITEMS, type OwnedProfile } from '../model/own-profile.js'
import {
  type Accomplishment,
  type Company,
  type Education,
  type Location,
  type PartialDate,
  type Position,
  type Profile,
  SECTIONS,
} from '../model/profile.js'
import { type ByteArena, ByteReader } from './byte-arena.js'
import type { StringTable } from './string-table.js'

/*
 * One profile as one record of a ByteArena. The layout is the schema of `copyProfile`
 * (model/own-profile.ts): each kind of object (profile, location, industry, company, school,
 * position, education, accomplishment, date) has its fixed list of keys, written in that order
 * with no key names; decoding builds each object with one literal of the same keys in the same
 * order, so the decoded objects share copyProfile's hidden classes.
 *
 * A value is a head, varuint(payload · 8 + kind), then what the kind needs:
 *   SPECIAL  payload: undefined, false, true, null, f64 (8 bytes follow), list, map (see JSON)
 *   ASCII    payload = byte length, the bytes follow
 *   UTF8     payload = byte length, the bytes follow (well-formed text with non-ASCII)
 *   UTF16    payload = code units, 2 bytes each follow (text with a lone surrogate, which the
 *            §1.1 checks allow and UTF-8 cannot hold)
 *   INTERNED payload = id in the StringTable (below 2^24, the most entries a Map holds)
 *   UINT     payload = the number (an integer from 0 to 2^50 − 1, not −0)
 * Fields whose strings repeat across members (names of people, places, industries, companies,
 * schools; titles, degrees, skills, languages, visibility words, account levels) are interned;
 * free text (headline, summary, …), ids, URLs and times are written inline.
 *
 * An object slot is one byte, 0 absent or 1 present (its fields follow); a list is varuint(0)
 * when absent or varuint(n + 1) and its n items; a date is one varuint, packed (docs below).
 * The extras under `personProfile` (JSON data, rare) use the same heads with SPECIAL list
 * (varuint count, the items) and map (varuint count, then key and value per entry).
 */

export const SPECIAL = 0
export const ASCII = 1
export const UTF8 = 2
export const UTF16 = 3
export const INTERNED = 4
export const UINT = 5

// Heads of the SPECIAL values (payload · 8).
export const UNDEFINED = 0
export const FALSE = 8
export const TRUE = 16
export const NULL = 24
export const F64 = 32
export const LIST = 40
export const MAP = 48

/** The largest UINT: its head, · 8 + 5, is still a safe integer. */
const MAX_UINT = 2 ** 50 - 1

/**
 * Longer strings are written inline even in interned fields: a title that is really free text
 * would grow the table by one entry per member.
 */
export const MAX_INTERNED_LENGTH = 64

export const ABSENT = 0
export const PRESENT = 1

/** A date is packed as 2 + ((year · 13 + month) · 32 + day), 0 for an absent month or day. */
const GENERIC_DATE = 1
export const PACKED_DATE = 2

/** A visibility entry is one byte, section index · 4 + word index; these mark a key or word out of the lists. */
export const VISIBILITY_WORDS = ['public', 'connections', 'private'] as const
const OTHER_WORD = VISIBILITY_WORDS.length
const OTHER_SECTION = SECTIONS.length
const SECTION_INDEX: ReadonlyMap<string, number> = new Map(SECTIONS.map((section, i) => [section, i]))
const WORD_INDEX: ReadonlyMap<unknown, number> = new Map(VISIBILITY_WORDS.map((word, i) => [word, i]))

/** The extras a profile or item carries beside its fields (model/own-profile.ts `EXTRAS_KEY`). */
type WithExtras = { readonly personProfile?: unknown }

/**
 * Writes `profile` (a validated copy, as `copyProfile` and the §1.1 checks make it) as one
 * record of `arena`, interning its repeated strings in `strings`, and returns the record's
 * position. `decodeProfile` with the same table gives back an equal value.
 */
export function encodeProfile(profile: OwnedProfile, arena: ByteArena, strings: StringTable): number {
  const p: Profile & WithExtras = profile
  const a = arena
  const t = strings
  a.begin()
  put(a, null, p.id)
  put(a, t, p.firstName)
  put(a, t, p.lastName)
  put(a, null, p.headline)
  put(a, null, p.summary)
  put(a, null, p.specialties)
  put(a, null, p.interests)
  put(a, null, p.honors)
  putLocation(a, t, p.location)
  putIndustry(a, t, p.industry)
  put(a, t, p.language)
  put(a, null, p.numConnections)
  put(a, null, p.numRecommenders)
  putList(a, t, p.positions, putPosition)
  putList(a, t, p.educations, putEducation)
  putList(a, t, p.skills, putSkill)
  putList(a, t, p.certifications, putAccomplishment)
  putList(a, t, p.projects, putAccomplishment)
  putList(a, t, p.publications, putAccomplishment)
  put(a, null, p.pictureUrl)
  put(a, null, p.publicProfileUrl)
  put(a, null, p.email)
  put(a, null, p.phone)
  putVisibility(a, t, p.visibility)
  put(a, t, p.accountLevel)
  put(a, null, p.updatedAt)
  put(a, null, p.personProfile)
  return a.end()
}

const READER = new ByteReader()

/**
 * The profile stored at `position` of `arena` (a position `encodeProfile` returned, with the
 * same `strings`): equal to the copy that was encoded, every object of it with the keys of its
 * kind in copyProfile's order (`undefined` where absent), every object and list frozen. Each
 * call builds new objects, except the dates of 1900–2099, which are shared (`sharedDates`).
 */
export function decodeProfile(arena: ByteArena, position: number, strings: StringTable): OwnedProfile {
  const r = READER
  const t = strings
  r.seek(arena, position)
  // An object literal's values are read left to right, in the order they were written.
  return Object.freeze({
    id: value(r, t),
    firstName: value(r, t),
    lastName: value(r, t),
    headline: value(r, t),
    summary: value(r, t),
    specialties: value(r, t),
    interests: value(r, t),
    honors: value(r, t),
    location: location(r, t),
    industry: industry(r, t),
    language: value(r, t),
    numConnections: value(r, t),
    numRecommenders: value(r, t),
    positions: list(r, t, readPosition),
    educations: list(r, t, readEducation),
    skills: list(r, t, value),
    certifications: list(r, t, readAccomplishment),
    projects: list(r, t, readAccomplishment),
    publications: list(r, t, readAccomplishment),
    pictureUrl: value(r, t),
    publicProfileUrl: value(r, t),
    email: value(r, t),
    phone: value(r, t),
    visibility: visibility(r, t),
    accountLevel: value(r, t),
    updatedAt: value(r, t),
    personProfile: value(r, t),
  }) as unknown as OwnedProfile
}

// ——— Values ———

/** Any value; a string is interned when `t` is given and it is short enough, else inline. */
function put(a: ByteArena, t: StringTable | null, v: unknown): void {
  switch (typeof v) {
    case 'undefined':
      a.byte(UNDEFINED)
      return
    case 'string':
      if (t !== null && v.length <= MAX_INTERNED_LENGTH) a.varuint(t.intern(v) * 8 + INTERNED)
      else putText(a, v)
      return
    case 'number':
      if (Number.isInteger(v) && v >= 0 && v <= MAX_UINT && !Object.is(v, -0)) a.varuint(v * 8 + UINT)
      else {
        a.byte(F64)
        a.f64(v)
      }
      return
    case 'boolean':
      a.byte(v ? TRUE : FALSE)
      return
    case 'object':
      putJson(a, v)
      return
    default:
      // A validated copy holds JSON data only (model/own-profile.ts).
      fail('internal-error')
  }
}

function putText(a: ByteArena, text: string): void {
  a.headedText(text, ASCII, UTF8, UTF16)
}

/** null, a list or a plain object of JSON data (the extras), keys and strings inline. */
function putJson(a: ByteArena, v: object | null): void {
  if (v === null) {
    a.byte(NULL)
  } else if (Array.isArray(v)) {
    a.byte(LIST)
    a.varuint(v.length)
    for (const item of v) put(a, null, item)
  } else {
    const data = v as Record<string, unknown>
    const keys = Object.keys(data)
    a.byte(MAP)
    a.varuint(keys.length)
    for (const key of keys) {
      putText(a, key)
      put(a, null, data[key])
    }
  }
}

function value(r: ByteReader, t: StringTable): unknown {
  // Small, so that it inlines into every reader: interned strings and absent values are most
  // of a profile; anything else goes through `otherValue`.
  const head = r.varuint()
  if ((head & 7) === INTERNED) return t.get(head >>> 3)
  return head === UNDEFINED ? undefined : otherValue(r, t, head)
}

function otherValue(r: ByteReader, t: StringTable, head: number): unknown {
  const kind = head & 7
  const payload = head < 0x80000000 ? head >>> 3 : (head - kind) / 8
  switch (kind) {
    case ASCII:
      return r.ascii(payload)
    case UINT:
      return payload
    case UTF8:
      return r.utf8(payload)
    case SPECIAL:
      return special(r, t, head)
    case UTF16:
      return r.utf16(payload)
    default:
      return corrupted()
  }
}

function special(r: ByteReader, t: StringTable, head: number): unknown {
  switch (head) {
    case UNDEFINED:
      return undefined
    case FALSE:
      return false
    case TRUE:
      return true
    case NULL:
      return null
    case F64:
      return r.f64()
    case LIST:
      return jsonList(r, t)
    case MAP:
      return jsonMap(r, t)
    default:
      return corrupted()
  }
}

/** As model/own-profile.ts `jsonData` builds lists and objects: pushed, assigned, frozen. */
function jsonList(r: ByteReader, t: StringTable): readonly unknown[] {
  const length = r.varuint()
  const out: unknown[] = []
  for (let i = 0; i < length; i++) out.push(value(r, t))
  return Object.freeze(out)
}

function jsonMap(r: ByteReader, t: StringTable): object {
  const length = r.varuint()
  const out: Record<string, unknown> = {}
  for (let i = 0; i < length; i++) setKey(out, value(r, t) as string, value(r, t))
  return Object.freeze(out)
}

function setKey(out: Record<string, unknown>, key: string, v: unknown): void {
  // `__proto__` is data here; a plain assignment would set the prototype instead.
  if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true })
  else out[key] = v
}

/** Bytes that no encoder wrote: an arena is only ever read at positions it returned. */
function corrupted(): never {
  return fail('internal-error')
}

// ——— Objects, by kind, in copyProfile's key order ———

/** An object slot: writes PRESENT and returns true when `o` is given (its fields follow), else ABSENT. */
function slot(a: ByteArena, o: object | undefined): o is object {
  a.byte(o === undefined ? ABSENT : PRESENT)
  return o !== undefined
}

/**
 * A section list's length plus one (0: absent). No copy holds more than `MAX_LIST_ITEMS`, so a
 * larger count is bytes no encoder wrote, refused before a loop over billions of items.
 */
function listLength(r: ByteReader): number {
  const count = r.varuint()
  return count > MAX_LIST_ITEMS + 1 ? corrupted() : count
}

function putLocation(a: ByteArena, t: StringTable, l: Location | undefined): void {
  if (!slot(a, l)) return
  put(a, t, l.name)
  put(a, t, l.code)
  put(a, t, l.postalCode)
  put(a, null, l.lat)
  put(a, null, l.lon)
}

function location(r: ByteReader, t: StringTable): unknown {
  if (r.byte() === ABSENT) return undefined
  return Object.freeze({
    name: value(r, t),
    code: value(r, t),
    postalCode: value(r, t),
    lat: value(r, t),
    lon: value(r, t),
  })
}

function putIndustry(a: ByteArena, t: StringTable, i: Profile['industry']): void {
  if (!slot(a, i)) return
  put(a, null, i.code)
  put(a, t, i.name)
}

function industry(r: ByteReader, t: StringTable): unknown {
  if (r.byte() === ABSENT) return undefined
  return Object.freeze({ code: value(r, t), name: value(r, t) })
}

/** Dates of the §1.1 checks pack into 3 bytes up to the year 5000; anything else is written field by field. */
function putDate(a: ByteArena, d: PartialDate | undefined): void {
  if (d === undefined) {
    a.byte(ABSENT)
    return
  }
  const { year, month, day } = d
  if (
    inRange(year, 9999) &&
    (month === undefined || inRange(month, 12)) &&
    (day === undefined || inRange(day, 31))
  ) {
    a.varuint(PACKED_DATE + (year * 13 + (month ?? 0)) * 32 + (day ?? 0))
    return
  }
  a.byte(GENERIC_DATE)
  put(a, null, year)
  put(a, null, month)
  put(a, null, day)
}

function inRange(v: unknown, max: number): boolean {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max
}

function date(r: ByteReader, t: StringTable): unknown {
  const head = r.varuint()
  if (head === ABSENT) return undefined
  if (head === GENERIC_DATE) return Object.freeze({ year: value(r, t), month: value(r, t), day: value(r, t) })
  const at = head - FIRST_SHARED_DATE
  if (at < 0 || at >= SHARED_DATES) return packedDate(head)
  sharedDates ??= new Array<unknown>(SHARED_DATES)
  let shared = sharedDates[at]
  if (shared === undefined) {
    shared = packedDate(head)
    sharedDates[at] = shared
  }
  return shared
}

function packedDate(head: number): unknown {
  const packed = head - PACKED_DATE
  const day = packed & 31
  const rest = packed >>> 5
  const month = rest % 13
  return Object.freeze({
    year: (rest - month) / 13,
    month: month === 0 ? undefined : month,
    day: day === 0 ? undefined : day,
  })
}

/**
 * Decoded dates of the years 1900–2099, one frozen object per date, shared by every profile
 * decoded: freezing an object costs more than the rest of decoding a date, and a page renders
 * about ten dates per member. A frozen date is a value, so sharing it cannot be seen but by
 * `===`; the cache holds at most 83,200 dates, however many members there are.
 */
const FIRST_SHARED_DATE = PACKED_DATE + 1900 * 13 * 32
const SHARED_DATES = 200 * 13 * 32
let sharedDates: unknown[] | undefined

function putCompany(a: ByteArena, t: StringTable, c: Company | undefined): void {
  if (!slot(a, c)) return
  put(a, t, c.id)
  put(a, t, c.name)
  put(a, t, c.industry)
  put(a, t, c.type)
  put(a, t, c.size)
  put(a, t, c.ticker)
}

function company(r: ByteReader, t: StringTable): unknown {
  if (r.byte() === ABSENT) return undefined
  return Object.freeze({
    id: value(r, t),
    name: value(r, t),
    industry: value(r, t),
    type: value(r, t),
    size: value(r, t),
    ticker: value(r, t),
  })
}

function putSchool(a: ByteArena, t: StringTable, s: Education['school'] | undefined): void {
  if (!slot(a, s)) return
  put(a, t, s.id)
  put(a, t, s.name)
}

function school(r: ByteReader, t: StringTable): unknown {
  if (r.byte() === ABSENT) return undefined
  return Object.freeze({ id: value(r, t), name: value(r, t) })
}

function putPosition(a: ByteArena, t: StringTable, p: Position & WithExtras): void {
  put(a, null, p.id)
  put(a, t, p.title)
  put(a, null, p.summary)
  putCompany(a, t, p.company)
  putDate(a, p.startDate)
  putDate(a, p.endDate)
  put(a, null, p.isCurrent)
  put(a, t, p.visibility)
  put(a, t, p.datesVisibility)
  put(a, null, p.personProfile)
}

function readPosition(r: ByteReader, t: StringTable): unknown {
  return Object.freeze({
    id: value(r, t),
    title: value(r, t),
    summary: value(r, t),
    company: company(r, t),
    startDate: date(r, t),
    endDate: date(r, t),
    isCurrent: value(r, t),
    visibility: value(r, t),
    datesVisibility: value(r, t),
    personProfile: value(r, t),
  })
}

function putEducation(a: ByteArena, t: StringTable, e: Education & WithExtras): void {
  put(a, null, e.id)
  putSchool(a, t, e.school)
  put(a, t, e.degree)
  put(a, t, e.fieldOfStudy)
  put(a, null, e.activities)
  put(a, null, e.notes)
  putDate(a, e.startDate)
  putDate(a, e.endDate)
  put(a, null, e.isCurrent)
  put(a, t, e.visibility)
  put(a, t, e.datesVisibility)
  put(a, null, e.personProfile)
}

function readEducation(r: ByteReader, t: StringTable): unknown {
  return Object.freeze({
    id: value(r, t),
    school: school(r, t),
    degree: value(r, t),
    fieldOfStudy: value(r, t),
    activities: value(r, t),
    notes: value(r, t),
    startDate: date(r, t),
    endDate: date(r, t),
    isCurrent: value(r, t),
    visibility: value(r, t),
    datesVisibility: value(r, t),
    personProfile: value(r, t),
  })
}

/** A list field: varuint(n + 1) then its n items, or 0 when the profile has none. */
function putList<T>(
  a: ByteArena,
  t: StringTable,
  items: readonly T[] | undefined,
  putItem: (a: ByteArena, t: StringTable, item: T) => void,
): void {
  if (items === undefined) {
    a.byte(0)
    return
  }
  a.varuint(items.length + 1)
  for (const item of items) putItem(a, t, item)
}

function list(r: ByteReader, t: StringTable, item: (r: ByteReader, t: StringTable) => unknown): unknown {
  const count = listLength(r)
  if (count === 0) return undefined
  const out: unknown[] = []
  for (let i = 1; i < count; i++) out.push(item(r, t))
  return Object.freeze(out)
}

function putSkill(a: ByteArena, t: StringTable, skill: string): void {
  put(a, t, skill)
}

/** Certifications repeat their names and authorities; project and publication text is free. */
function putAccomplishment(a: ByteArena, t: StringTable, item: Accomplishment & WithExtras): void {
  put(a, t, item.name)
  put(a, null, item.title)
  put(a, t, item.authority)
  put(a, t, item.publisher)
  put(a, null, item.description)
  put(a, null, item.url)
  putDate(a, item.startDate)
  putDate(a, item.endDate)
  put(a, null, item.personProfile)
}

function readAccomplishment(r: ByteReader, t: StringTable): unknown {
  return Object.freeze({
    name: value(r, t),
    title: value(r, t),
    authority: value(r, t),
    publisher: value(r, t),
    description: value(r, t),
    url: value(r, t),
    startDate: date(r, t),
    endDate: date(r, t),
    personProfile: value(r, t),
  })
}

/** The section → visibility map, in its own key order (copyProfile keeps the caller's). */
function putVisibility(a: ByteArena, t: StringTable, map: Profile['visibility']): void {
  if (map === undefined) {
    a.byte(0)
    return
  }
  const data = map as Record<string, unknown>
  const keys = Object.keys(data)
  a.varuint(keys.length + 1)
  for (const key of keys) {
    const setting = data[key]
    const section = SECTION_INDEX.get(key) ?? OTHER_SECTION
    const word = WORD_INDEX.get(setting) ?? OTHER_WORD
    a.byte(section * 4 + word)
    if (section === OTHER_SECTION) putText(a, key)
    if (word === OTHER_WORD) put(a, t, setting)
  }
}

function visibility(r: ByteReader, t: StringTable): unknown {
  const count = r.varuint()
  if (count === 0) return undefined
  // Built as copyVisibilityMap builds it, key by key onto an empty literal.
  const out: Record<string, unknown> = {}
  for (let i = 1; i < count; i++) {
    const entry = r.byte()
    const section = entry >>> 2
    const word = entry & 3
    const key = section === OTHER_SECTION ? (value(r, t) as string) : SECTIONS[section]
    setKey(out, key, word === OTHER_WORD ? value(r, t) : VISIBILITY_WORDS[word])
  }
  return Object.freeze(out)
}
