import fc from 'fast-check'
import type { OwnedProfile } from '../../src/model/own-profile.js'
import { SECTIONS } from '../../src/model/profile.js'
import { ownValidProfile } from '../../src/model/validate-profile.js'

/**
 * Profiles that pass docs/spec.md §1.1, drawn over everything a validated copy can hold: every
 * field sometimes absent, text of any Unicode (astral characters, lone surrogates, NUL), short
 * and long (either side of the codec's 16-byte, 64-character and native-write thresholds),
 * numbers of every kind a field allows (−0, fractions, negatives, 2^50 and beyond), string and
 * number ids, visibility maps in any key order, and JSON extras (nested, `__proto__` and
 * integer-like keys, −0). The conformance kit's `profileArb` is not reachable from core's tests
 * (core does not depend on it), and covers less: no extras, no lone surrogates.
 */

const PIECES = [
  'a',
  'Zed',
  ' ',
  'é',
  'ß',
  '東京',
  '😀',
  '\uD800',
  '\uDFFF',
  '\uDC00\uD800',
  '\u0000',
  '\u007f',
  '\u0080',
  '\u07ff',
  '\u0800',
  '\uffff',
  ',',
  'Software Engineer',
  'https://media.example.com/p/6/000/92e/24009c6d.jpg',
]

/** Any text: pieces that reach each encoding, and arbitrary code units. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 10, maxLength: 120 }),
  fc.constantFrom('', 'Ann', 'Acme, Inc'),
)

const nonBlank = textArb.map((text) => `${text}x`)
const word = fc.constantFrom('public', 'connections', 'private')

/** Any finite number: the kinds the codec writes differently. */
const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.nat(200),
  fc.constantFrom(
    0,
    -0,
    1.5,
    -7,
    2 ** 31,
    2 ** 32 + 1,
    2 ** 50 - 1,
    2 ** 50,
    Number.MAX_SAFE_INTEGER,
    1e300,
    -1e-300,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

const countArb: fc.Arbitrary<number> = fc.oneof(
  fc.nat(600),
  fc.constantFrom(2 ** 31, 2 ** 50 - 1, 2 ** 50, Number.MAX_SAFE_INTEGER),
)

const entityIdArb: fc.Arbitrary<string | number> = fc.oneof(
  numberArb,
  fc.constantFrom('1002', 'acme', 'École', 'x'.repeat(65), '東京大学', '\uD800id'),
)

const dateArb = fc.record(
  {
    year: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1, 1899, 1900, 2099, 2100, 9999)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  },
  { requiredKeys: ['year'] },
)

/** JSON data as the extras may hold it; objects are built key by key, `__proto__` as data. */
const jsonArb: fc.Arbitrary<unknown> = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false),
    numberArb,
    textArb,
    fc.array(tie('json'), { maxLength: 3 }),
    fc
      .array(fc.tuple(fc.oneof(textArb, fc.constantFrom('__proto__', '0', '10', 'logo_url')), tie('json')), {
        maxLength: 3,
      })
      .map((entries) => {
        const out: Record<string, unknown> = {}
        for (const [key, value] of entries)
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
        return out
      }),
  ),
})).json

const companyArb = fc.record(
  {
    id: entityIdArb,
    name: textArb,
    industry: textArb,
    type: textArb,
    size: textArb,
    ticker: textArb,
  },
  { requiredKeys: [] },
)

/** The fields positions and educations end with, in copyProfile's order. */
const itemTail = {
  startDate: dateArb,
  endDate: dateArb,
  isCurrent: fc.boolean(),
  visibility: word,
  datesVisibility: word,
  personProfile: jsonArb,
}

const positionArb = fc.record(
  {
    id: fc.oneof(numberArb, textArb),
    title: textArb,
    summary: textArb,
    company: companyArb,
    ...itemTail,
  },
  { requiredKeys: ['company'] },
)

const educationArb = fc.record(
  {
    id: fc.oneof(numberArb, textArb),
    school: fc.record({ id: entityIdArb, name: textArb }, { requiredKeys: [] }),
    degree: textArb,
    fieldOfStudy: textArb,
    activities: textArb,
    notes: textArb,
    ...itemTail,
  },
  { requiredKeys: ['school'] },
)

const accomplishmentArb = fc.record(
  {
    name: textArb,
    title: textArb,
    authority: textArb,
    publisher: textArb,
    description: textArb,
    url: textArb,
    startDate: dateArb,
    endDate: dateArb,
    personProfile: jsonArb,
  },
  { requiredKeys: [] },
)

const locationArb = fc
  .record({
    name: textArb,
    code: fc.constantFrom('us:84', 'gb:4573', 'fr:0', 'de:0', 'ca:3'),
    postalCode: fc.option(textArb, { nil: undefined }),
    point: fc.option(
      fc.tuple(
        fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(-0, 0, 90, -90, 37.4)),
        fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(-0, 180, -180, -122.1)),
      ),
      { nil: undefined },
    ),
  })
  .map(({ name, code, postalCode, point }) => {
    const location: Record<string, unknown> = { name, code }
    if (postalCode !== undefined) location.postalCode = postalCode
    if (point !== undefined) [location.lat, location.lon] = point
    return location
  })

/** Sections in any order, each with a visibility word. */
const visibilityArb = fc
  .uniqueArray(fc.constantFrom(...SECTIONS), { maxLength: SECTIONS.length })
  .chain((sections) =>
    fc.tuple(
      fc.constant(sections),
      fc.array(word, { minLength: sections.length, maxLength: sections.length }),
    ),
  )
  .map(([sections, words]) => {
    const map: Record<string, string> = {}
    sections.forEach((section, i) => {
      map[section] = words[i]
    })
    return map
  })

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)

/** A raw profile, as a caller hands it to `add`. */
export const rawProfileArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    id: idArb,
    firstName: nonBlank,
    lastName: nonBlank,
    headline: textArb,
    summary: textArb,
    specialties: textArb,
    interests: textArb,
    honors: textArb,
    location: locationArb,
    industry: fc.record({ code: countArb, name: textArb }),
    language: textArb,
    numConnections: countArb,
    numRecommenders: countArb,
    positions: fc.array(positionArb, { maxLength: 4 }),
    educations: fc.array(educationArb, { maxLength: 3 }),
    skills: fc.array(textArb, { maxLength: 6 }),
    certifications: fc.array(accomplishmentArb, { maxLength: 2 }),
    projects: fc.array(accomplishmentArb, { maxLength: 2 }),
    publications: fc.array(accomplishmentArb, { maxLength: 2 }),
    pictureUrl: textArb,
    publicProfileUrl: textArb,
    email: textArb,
    phone: textArb,
    visibility: visibilityArb,
    accountLevel: fc.constantFrom('basic', 'business', 'business-plus', 'executive'),
    updatedAt: fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
    personProfile: jsonArb,
  },
  { requiredKeys: ['id', 'firstName', 'lastName'] },
)

/** The index's own validated copy of a raw profile, made as `PeopleIndex.add` makes it. */
export const ownedProfileArb: fc.Arbitrary<OwnedProfile> = rawProfileArb.map((raw) => ownValidProfile(raw))
