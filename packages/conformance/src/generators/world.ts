import type {
  Accomplishment,
  AccountLevel,
  Company,
  Education,
  Location,
  PartialDate,
  Position,
  Profile,
  Section,
  Visibility,
} from '@people-search/core'
import { SECTIONS } from '@people-search/core'
import fc from 'fast-check'
import { POSTALS } from './geocoder.js'
import { FIRST_NAMES, LAST_NAMES, SEPARATORS, WORDS } from './vocabulary.js'

/** Result caps per account level, as handed to the index and the oracle (docs/spec.md §3.3). */
export type Caps = Partial<Record<AccountLevel, number>>

/** Small caps, so that `total < numResults` happens in worlds of 40 members. */
export const SMALL_CAPS: Caps = { basic: 4, business: 7, 'business-plus': 12, executive: 700 }

/**
 * A world: the profiles to add (ids unique), then the edges and group memberships between
 * them, plus the index options that vary (result caps, histogram bucket limit).
 */
export interface World {
  profiles: Profile[]
  edges: [string, string][]
  memberships: [string, string][]
  caps?: Caps
  facetBucketLimit?: number
}

/** Member ids: code-unit order puts `-`, digits, upper case, `_`, then lower case. */
export const ID_POOL: readonly string[] = [
  'A',
  'B',
  'a',
  'b',
  'Z9',
  'z9',
  '_x',
  '-y',
  '0',
  '10',
  '9',
  ...Array.from({ length: 33 }, (_, i) => `m${String(i).padStart(2, '0')}`),
]

export const GROUPS: readonly string[] = ['g1', 'g2', 'Alumni']

/**
 * Companies: numeric and string ids (`1002` both ways), missing ids and names, shared names; ids
 * with spaces and in mixed case (`Acme Corp`, `acme corp`, `ACME corp` are one bucket), and empty
 * or blank display names, which are no names (docs/spec.md §8 "Buckets"): `1001` is named
 * `Acme, Inc` however many members leave its name empty, `zeta labs` only ever by its code.
 */
export const COMPANIES: readonly Company[] = [
  { id: 1001, name: 'Acme, Inc' },
  { id: 1001, name: 'Acme, Inc' },
  { id: 1001, name: '' },
  { id: 'Acme Corp', name: 'Acme Corporation' },
  { id: 'acme corp', name: '  ' },
  { id: 'ACME corp' },
  { id: 'Zeta Labs', name: '' },
  { id: 1002, name: 'Globex Data' },
  { id: '1002', name: 'Globex Data' },
  { id: 'initech', name: 'Initech Café' },
  { id: 'Initech', name: 'Initech Café' },
  { id: 'c-oreilly', name: "O'Reilly Media" },
  { id: 7, name: '東京大学 Press' },
  { name: 'Acme Vending' },
  { id: 1003 },
  { id: 'strasse-gmbh', name: 'Straße GmbH', industry: 'Java' },
  { id: 1004, name: 'Sales AND Java', ticker: 'SAJ' },
]

/** Schools: as companies, with an empty name beside a real one and an id with a space and an accent. */
export const SCHOOLS: readonly Education['school'][] = [
  { id: 501, name: '東京大学' },
  { id: 501, name: '' },
  { id: 'École Polytechnique', name: 'École Polytechnique' },
  { id: 'école polytechnique', name: '\t' },
  { id: 'istanbul-u', name: 'İstanbul Teknik Engineering' },
  { id: 502, name: 'Java Engineering School' },
  { name: 'Café Academy' },
  { id: 503 },
  { id: '504', name: "O'Reilly College of Finance" },
  {},
]

export const INDUSTRIES: readonly { code: number; name: string }[] = [
  { code: 4, name: 'Computer Software' },
  { code: 4, name: 'Software' },
  { code: 6, name: 'Internet' },
  { code: 43, name: 'Financial Services' },
  { code: 96, name: 'Information Technology and Services' },
  // Empty and blank names are no names (docs/spec.md §8): 6 is `Internet` when anyone says so, 97 is `97`.
  { code: 6, name: '' },
  { code: 97, name: ' ' },
]

export const LANGUAGES: readonly string[] = ['en_US', 'en', 'fr', 'pt-BR', 'zz', 'de-DE', 'ES', 'es_MX', 'it']

/** Dates around the fixed clock 2026-06-15: the same day is not "after", the 16th is. */
export const DATES: readonly PartialDate[] = [
  { year: 2026, month: 6, day: 15 },
  { year: 2026, month: 6, day: 16 },
  { year: 2026, month: 6 },
  { year: 2026, month: 7 },
  { year: 2026 },
  { year: 2027 },
  { year: 2020, month: 3 },
  { year: 2015 },
]

export const textArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 3, maxLength: 3 }),
  )
  .map(([words, seps]) => words.map((w, i) => (i === 0 ? w : seps[i - 1] + w)).join(''))

const sectionVisibility: fc.Arbitrary<Visibility> = fc.constantFrom('public', 'connections', 'private')
const SECTION_NAMES: readonly Section[] = SECTIONS

const visibilityArb = fc
  .array(fc.tuple(fc.constantFrom(...SECTION_NAMES), sectionVisibility), { minLength: 1, maxLength: 5 })
  .map((entries) => Object.fromEntries(entries) as Profile['visibility'])

const itemVisibility = fc.constantFrom<Visibility>('public', 'private')
const dateArb = fc.constantFrom(...DATES).map((d) => ({ ...d }))

export const positionArb: fc.Arbitrary<Position> = fc.record(
  {
    id: fc.nat(99),
    title: textArb,
    summary: textArb,
    company: fc.constantFrom(...COMPANIES).map((c) => ({ ...c })),
    startDate: dateArb,
    endDate: dateArb,
    isCurrent: fc.boolean(),
    visibility: itemVisibility,
    datesVisibility: itemVisibility,
  },
  { requiredKeys: ['company'] },
)

export const educationArb: fc.Arbitrary<Education> = fc.record(
  {
    id: fc.nat(99),
    school: fc.constantFrom(...SCHOOLS).map((s) => ({ ...s })),
    degree: textArb,
    fieldOfStudy: textArb,
    activities: textArb,
    notes: textArb,
    startDate: dateArb,
    endDate: dateArb,
    isCurrent: fc.boolean(),
    visibility: itemVisibility,
    datesVisibility: itemVisibility,
  },
  { requiredKeys: ['school'] },
)

const accomplishmentArb: fc.Arbitrary<Accomplishment> = fc.record(
  { name: textArb, title: textArb, authority: textArb, url: fc.constant('https://example.com/x') },
  { requiredKeys: [] },
)

/** Locations in covered and uncovered countries, with and without postal codes and own points. */
export const locationArb: fc.Arbitrary<Location> = fc.oneof(
  fc
    .record({
      postal: fc.constantFrom(...POSTALS),
      withPostal: fc.boolean(),
      ownPoint: fc.constantFrom<'none' | 'near' | 'other' | 'centroid'>(
        'none',
        'none',
        'near',
        'other',
        'centroid',
      ),
      other: fc.constantFrom(...POSTALS),
    })
    .map(({ postal, withPostal, ownPoint, other }) => {
      const location: Location = { name: postal.regionName, code: postal.region }
      if (withPostal) location.postalCode = postal.code
      if (ownPoint === 'near') Object.assign(location, { lat: postal.lat + 0.05, lon: postal.lon - 0.05 })
      if (ownPoint === 'other') Object.assign(location, { lat: other.lat, lon: other.lon })
      // Exactly on the centroid of another postal code of its own country: 0 miles from it by any
      // formula, the one radius boundary no rounding can move (a search with distance=0 finds it).
      if (ownPoint === 'centroid') {
        const peers = POSTALS.filter((q) => q.country === postal.country && q.code !== postal.code)
        const on = peers[POSTALS.indexOf(other) % peers.length]
        if (on !== undefined) Object.assign(location, { lat: on.lat, lon: on.lon })
      }
      return location
    }),
  fc.constantFrom<Location>(
    { name: 'United States', code: 'us:0' },
    { name: 'United Kingdom', code: 'gb:0', postalCode: 'SW1A 1AA' },
    { name: 'London, United Kingdom', code: 'gb:4573' },
    { name: 'France', code: 'fr:0' },
    { name: 'Bay Area', code: 'us:84', postalCode: '00000' },
    { name: 'Toronto, Canada Area', code: 'ca:3', lat: 43.7, lon: -79.4 },
    // No names (docs/spec.md §8): gb:4573 is `London, United Kingdom` when anyone says so, fr:75 is `fr:75`.
    { name: '', code: 'gb:4573' },
    { name: ' ', code: 'fr:75' },
    { name: '', code: 'de:0' },
  ),
)

const countArb = fc.constantFrom(0, 1, 5, 5, 12, 500, 501)

/** One profile with the given id; every optional field is sometimes absent. */
export function profileArb(id: fc.Arbitrary<string>): fc.Arbitrary<Profile> {
  return fc.record(
    {
      id,
      firstName: fc.constantFrom(...FIRST_NAMES),
      lastName: fc.constantFrom(...LAST_NAMES),
      headline: textArb,
      summary: textArb,
      specialties: textArb,
      interests: textArb,
      honors: textArb,
      location: locationArb,
      industry: fc.constantFrom(...INDUSTRIES).map((i) => ({ ...i })),
      language: fc.constantFrom(...LANGUAGES),
      numConnections: countArb,
      numRecommenders: fc.constantFrom(0, 0, 1, 2, 3),
      positions: fc.array(positionArb, { maxLength: 3 }),
      educations: fc.array(educationArb, { maxLength: 2 }),
      skills: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
      certifications: fc.array(accomplishmentArb, { maxLength: 2 }),
      projects: fc.array(accomplishmentArb, { maxLength: 1 }),
      publications: fc.array(accomplishmentArb, { maxLength: 1 }),
      pictureUrl: fc.constant('https://media.example.com/p.png'),
      email: fc.constantFrom('java.dev@acme.com', 'jose@strasse.de'),
      phone: fc.constant('+1 555 2026'),
      visibility: visibilityArb,
      accountLevel: fc.constantFrom<AccountLevel>('basic', 'business', 'business-plus', 'executive'),
    },
    { requiredKeys: ['id', 'firstName', 'lastName'] },
  )
}

export interface WorldOptions {
  maxProfiles?: number
  /** Ids to draw from (default {@link ID_POOL}). */
  idPool?: readonly string[]
  /** Force a histogram bucket limit (otherwise: the default, or sometimes 3). */
  facetBucketLimit?: number
}

/** Random small worlds: 0–40 members, a random graph among them and group memberships. */
export function worldArb(options: WorldOptions = {}): fc.Arbitrary<World> {
  const maxProfiles = options.maxProfiles ?? 40
  const edge = fc.tuple(fc.nat(), fc.nat())
  const profile = profileArb(fc.constantFrom(...(options.idPool ?? ID_POOL)))
  return fc
    .record({
      profiles: fc.oneof(
        { weight: 1, arbitrary: fc.uniqueArray(profile, { maxLength: 3, selector: (p) => p.id }) },
        {
          weight: 5,
          arbitrary: fc.uniqueArray(profile, {
            minLength: Math.min(4, maxProfiles),
            maxLength: maxProfiles,
            selector: (p) => p.id,
            size: 'max',
          }),
        },
      ),
      edges: fc.oneof(
        { weight: 1, arbitrary: fc.array(edge, { maxLength: 5 }) },
        { weight: 4, arbitrary: fc.array(edge, { minLength: 20, maxLength: 80, size: 'max' }) },
        // A hub connected to everyone (the best-connected viewers of docs/spec.md §3.2, whose
        // network is the whole world): histograms over every member, every bucket of a facet.
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.nat(), fc.array(edge, { maxLength: 20 }))
            .map(([hub, more]) => [
              ...Array.from({ length: maxProfiles }, (_, i): [number, number] => [hub, i]),
              ...more,
            ]),
        },
      ),
      memberships: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...GROUPS)), { maxLength: 20, size: 'max' }),
      caps: fc.constantFrom<Caps | undefined>(undefined, SMALL_CAPS),
      facetBucketLimit: fc.constantFrom<number | undefined>(undefined, undefined, 3),
    })
    .map(({ profiles, edges, memberships, caps, facetBucketLimit }) => {
      const ids = profiles.map((p) => p.id)
      const world: World = {
        profiles,
        edges: ids.length === 0 ? [] : edges.map(([a, b]) => [ids[a % ids.length], ids[b % ids.length]]),
        memberships: ids.length === 0 ? [] : memberships.map(([m, g]) => [ids[m % ids.length], g]),
      }
      if (caps) world.caps = caps
      const limit = options.facetBucketLimit ?? facetBucketLimit
      if (limit !== undefined) world.facetBucketLimit = limit
      return world
    })
}
