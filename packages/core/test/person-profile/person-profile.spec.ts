import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import type { Profile } from '../../src/model/profile.js'
import { validateProfile } from '../../src/model/validate-profile.js'
import { PeopleIndex } from '../../src/people-index.js'
import type { PersonProfileDocument } from '../../src/person-profile/document.js'
import { fromPersonProfile } from '../../src/person-profile/from-person-profile.js'
import type { ProfileDate } from '../../src/person-profile/profile-date.js'
import { toPersonProfile } from '../../src/person-profile/to-person-profile.js'

const FIXTURE_PATH = new URL('../../../../fixtures/person-profile/johnrmarty.json', import.meta.url)
const FIXTURE: PersonProfileDocument = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'))
const ALL = {
  certifications: 'include',
  projects: 'include',
  publications: 'include',
  skills: 'include',
} as const

/** The fixture's own keys of a document, in the document's order. */
function fixtureKeysOf(doc: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => Object.hasOwn(FIXTURE, key)))
}

function errorOf(fn: () => unknown): PeopleSearchError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected an error')
}

describe('the real fixture (seed 000, johnrmarty.json)', () => {
  const profile = fromPersonProfile(FIXTURE)

  it('converts to a valid profile', () => {
    expect(() => validateProfile(profile, 'fixture')).not.toThrow()
    expect(profile).toMatchObject({
      id: 'johnrmarty',
      firstName: 'John',
      lastName: 'Marty',
      headline: 'Financial Freedom through Real Estate - LinkedIn Top Voice',
      publicProfileUrl: 'https://www.linkedin.com/in/johnrmarty',
      location: { name: 'Seattle, Washington, United States of America', code: 'us:0' },
      numConnections: 500,
      numRecommenders: 2,
    })
    expect(profile.pictureUrl).toBe(FIXTURE.profile_pic_url)
    expect(profile.positions).toHaveLength(11)
    expect(profile.positions?.[0]).toMatchObject({
      title: 'Co-Founder',
      company: { id: 'freedomfund', name: 'Freedom Fund Real Estate' },
      startDate: { year: 2021, month: 8, day: 1 },
    })
    expect(profile.positions?.[0].endDate).toBeUndefined()
    expect(profile.educations?.[0]).toMatchObject({
      school: { id: 'university-of-colorado-denver', name: 'University of Colorado Denver' },
      degree: 'Master of Business Administration (MBA)',
      fieldOfStudy: 'Finance + Economics',
    })
    expect(profile.educations?.[3].school).toEqual({ name: 'Yamasa Institute Okazaki Japan' })
    expect(profile.certifications).toHaveLength(3)
    expect(profile.projects).toHaveLength(4)
    expect(profile.publications).toEqual([])
    expect(profile.visibility).toBeUndefined()
  })

  it('converts back to the same document, in the same key order', () => {
    const back = toPersonProfile(profile)
    expect(fixtureKeysOf(back)).toEqual(FIXTURE)
    expect(JSON.stringify(fixtureKeysOf(back))).toBe(JSON.stringify(FIXTURE))
    // The fields the fixture does not have are there too: nothing public in them.
    expect(back).toMatchObject({ skills: [], personal_emails: [], personal_numbers: [] })
  })

  it('is found by any spelling of its URL and looked up as the same public document', async () => {
    const index = new PeopleIndex()
    index.add(fromPersonProfile(structuredClone(FIXTURE)))
    for (const url of [
      'https://www.linkedin.com/in/johnrmarty/',
      'uk.linkedin.com/in/JohnRMarty?trk=x#about',
      'http://linkedin.com/in/johnrmarty',
    ]) {
      const { profile: doc, credits } = await index.lookupProfile({ profile_url: url, ...ALL })
      expect(fixtureKeysOf(doc)).toEqual(FIXTURE)
      // 1 + certifications (3) + projects (4); publications and skills have no data.
      expect(credits).toBe(3)
    }
    const { profile: core, credits } = await index.lookupProfile({
      profile_url: 'linkedin.com/in/johnrmarty',
    })
    expect(credits).toBe(1)
    for (const key of ['certifications', 'accomplishment_projects', 'accomplishment_publications', 'skills'])
      expect(core).not.toHaveProperty(key)
    const { certifications, accomplishment_projects, accomplishment_publications, ...rest } = FIXTURE
    expect(fixtureKeysOf(core)).toEqual(rest)
  })

  it('is searchable like any profile', () => {
    const index = new PeopleIndex()
    index.add([fromPersonProfile(FIXTURE), { id: 'viewer', firstName: 'Vic', lastName: 'Viewer' }])
    index.connect('viewer', 'johnrmarty')
    const result = index.search('/v1/people-search?company-name=amazon&current-company=false', {
      viewer: 'viewer',
    })
    expect(result.people?.values?.map((p) => p.id)).toEqual(['johnrmarty'])
  })
})

describe('null means not public', () => {
  const base: PersonProfileDocument = {
    ...structuredClone(FIXTURE),
    headline: null,
    summary: null,
    profile_pic_url: null,
    experiences: null,
    education: null,
    skills: null,
    certifications: null,
    accomplishment_projects: null,
    accomplishment_publications: null,
    personal_emails: null,
    personal_numbers: null,
    connections: null,
    languages: null,
    full_name: null,
    occupation: null,
  }

  it('a null scalar is an absent field, a null list a private section, and both come back null', () => {
    const profile = fromPersonProfile(base)
    for (const key of [
      'headline',
      'summary',
      'pictureUrl',
      'positions',
      'educations',
      'skills',
      'email',
      'phone',
    ])
      expect(profile).not.toHaveProperty(key)
    expect(profile.numConnections).toBeUndefined()
    expect(profile.visibility).toEqual({
      positions: 'private',
      educations: 'private',
      skills: 'private',
      certifications: 'private',
      projects: 'private',
      publications: 'private',
      email: 'private',
      phone: 'private',
    })
    expect(toPersonProfile(profile)).toEqual(base)
  })

  it('null dates, names and descriptions of items stay null, never empty strings', () => {
    const doc = structuredClone(FIXTURE)
    doc.experiences = [
      {
        starts_at: null,
        ends_at: { day: null, month: null, year: 2020 },
        company: null,
        company_linkedin_profile_url: null,
        company_facebook_profile_url: null,
        title: null,
        description: null,
        location: null,
        logo_url: null,
      },
    ]
    doc.education = [
      {
        starts_at: { day: null, month: 9, year: 2001 },
        ends_at: null,
        field_of_study: null,
        degree_name: null,
        school: null,
        school_linkedin_profile_url: 'https://www.linkedin.com/school/mit/',
        description: null,
        logo_url: null,
        grade: '4.0',
        activities_and_societies: null,
      },
    ]
    const profile = fromPersonProfile(doc)
    expect(profile.positions).toEqual([
      { company: {}, endDate: { year: 2020 }, personProfile: expect.any(Object) },
    ])
    expect(profile.educations?.[0].school).toEqual({ id: 'mit' })
    expect(fixtureKeysOf(toPersonProfile(profile))).toEqual(doc)
  })
})

describe('toPersonProfile shows public data only', () => {
  const profile: Profile = {
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    headline: 'Java developer',
    summary: 'Connections only',
    pictureUrl: 'https://example.com/ann.png',
    email: 'ann@example.com',
    phone: '+1 555',
    location: { name: 'Bay Area', code: 'us:84' },
    numConnections: 12,
    positions: [
      { title: 'Architect', company: { name: 'Acme' }, startDate: { year: 2020, month: 3 } },
      { title: 'Secret', company: { name: 'Hidden' }, visibility: 'private' },
      {
        title: 'Engineer',
        company: { name: 'Globex' },
        startDate: { year: 2010 },
        endDate: { year: 2015 },
        datesVisibility: 'connections',
      },
    ],
    educations: [{ school: { name: 'MIT' }, degree: 'BSc' }],
    skills: ['java'],
    certifications: [{ name: 'Hidden cert' }],
    visibility: {
      summary: 'connections',
      email: 'connections',
      phone: 'private',
      educations: 'connections',
      certifications: 'private',
    },
  }

  it('a connections or private section is null; a private item is left out; hidden dates are null', () => {
    const doc = toPersonProfile(profile, { now: Date.UTC(2024, 0, 1) })
    expect(doc).toMatchObject({
      public_identifier: 'ann',
      headline: 'Java developer',
      summary: null,
      profile_pic_url: 'https://example.com/ann.png',
      personal_emails: null,
      personal_numbers: null,
      education: null,
      certifications: null,
      skills: ['java'],
      country: 'US',
      country_full_name: 'United States of America',
      city: null,
      full_name: 'Ann Lee',
      occupation: 'Architect at Acme',
      connections: 12,
    })
    expect(doc.experiences?.map((e) => [e.title, e.starts_at, e.ends_at])).toEqual([
      ['Architect', { day: null, month: 3, year: 2020 }, null],
      ['Engineer', null, null],
    ])
    expect(JSON.stringify(doc)).not.toMatch(/Secret|Hidden|Connections only|ann@example|555/)
  })

  it('leaves out the enrichments it is told to', () => {
    const doc = toPersonProfile(profile, { enrichments: { skills: false, projects: false } })
    expect(doc).not.toHaveProperty('skills')
    expect(doc).not.toHaveProperty('accomplishment_projects')
    expect(doc).toHaveProperty('certifications', null)
    expect(doc).toHaveProperty('accomplishment_publications', [])
  })

  it('derives occupation with the clock it is given, and reads none of its own', () => {
    const ending: Profile = {
      id: 'eve',
      firstName: 'Eve',
      lastName: 'Ng',
      positions: [{ title: 'Intern', company: { name: 'Acme' }, endDate: { year: 2030 } }],
    }
    expect(toPersonProfile(ending, { now: Date.UTC(2029, 0, 1) }).occupation).toBe('Intern at Acme')
    expect(toPersonProfile(ending, { now: Date.UTC(2031, 0, 1) }).occupation).toBeNull()
    // Without a clock a dated end cannot be judged: only an undated or marked-current one counts.
    expect(toPersonProfile(ending).occupation).toBeNull()
    const marked = { ...ending, positions: [{ ...ending.positions?.[0], isCurrent: true }] } as Profile
    expect(toPersonProfile(marked).occupation).toBe('Intern at Acme')
  })
})

describe('a field derived from a section is null whenever that section is hidden (docs/spec.md §1.3)', () => {
  const stealth: PersonProfileDocument = {
    ...structuredClone(FIXTURE),
    occupation: 'Chief Stealth Officer at StealthCo',
    experiences: [
      {
        starts_at: { day: 1, month: 1, year: 2024 },
        ends_at: null,
        company: 'StealthCo',
        company_linkedin_profile_url: null,
        title: 'Chief Stealth Officer',
        description: null,
        location: null,
        logo_url: null,
      },
    ],
  }
  const hidden = (profile: Profile, positions: 'connections' | 'private'): Profile => ({
    ...profile,
    visibility: { ...profile.visibility, positions },
  })

  it('occupation as the document gave it: shown while positions are public, else null', async () => {
    const profile = fromPersonProfile(stealth)
    expect(toPersonProfile(profile).occupation).toBe('Chief Stealth Officer at StealthCo')
    for (const setting of ['connections', 'private'] as const) {
      const doc = toPersonProfile(hidden(profile, setting))
      expect(doc.experiences).toBeNull()
      expect(doc.occupation).toBeNull()
      // The reproduction: the same profile made private, then looked up.
      const index = new PeopleIndex()
      index.add(profile)
      index.add(hidden(profile, setting))
      const { profile: looked } = await index.lookupProfile({ profile_url: 'linkedin.com/in/johnrmarty' })
      expect(looked).toMatchObject({ experiences: null, occupation: null })
      expect(JSON.stringify(looked)).not.toMatch(/Stealth/)
    }
  })

  it('occupation derived from the current position: null too when the section is hidden', () => {
    // Without an occupation of its own (a `null` one is kept as given).
    const { occupation, ...rest } = stealth
    const profile = fromPersonProfile(rest as PersonProfileDocument)
    expect(toPersonProfile(profile).occupation).toBe('Chief Stealth Officer at StealthCo')
    expect(toPersonProfile(hidden(profile, 'private')).occupation).toBeNull()
    expect(toPersonProfile(hidden(profile, 'connections')).occupation).toBeNull()
    // A private position is skipped; with no other current public one there is nothing to show.
    const positions = profile.positions?.map((p) => ({ ...p, visibility: 'private' as const }))
    expect(toPersonProfile({ ...profile, positions }).occupation).toBeNull()
  })

  it('a document whose experiences are null gives its occupation back null', () => {
    const back = toPersonProfile(fromPersonProfile({ ...stealth, experiences: null }))
    expect(back).toMatchObject({ experiences: null, occupation: null })
  })
})

describe('fromPersonProfile rejects what is not a Person Profile document', () => {
  const cases: [string, (doc: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => 'johnrmarty', /must be an object/],
    [
      'a bad public_identifier',
      (d) => ({ ...d, public_identifier: 'john/marty' }),
      /public_identifier must be a profile slug/,
    ],
    ['no public_identifier', (d) => ({ ...d, public_identifier: undefined }), /public_identifier/],
    ['a null first name', (d) => ({ ...d, first_name: null }), /first_name must be a name/],
    ['a blank last name', (d) => ({ ...d, last_name: ' ' }), /last_name must be a name/],
    ['a numeric headline', (d) => ({ ...d, headline: 7 }), /headline must be a string or null/],
    [
      'experiences that are not a list',
      (d) => ({ ...d, experiences: {} }),
      /experiences must be a list or null/,
    ],
    [
      'an experience that is not an object',
      (d) => ({ ...d, experiences: ['x'] }),
      /experiences\[0\] must be an object/,
    ],
    [
      'a month 13',
      (d) => ({ ...d, education: [{ starts_at: { day: 1, month: 13, year: 2000 } }] }),
      /education\[0\]\.starts_at\.month/,
    ],
    [
      'a date without a year',
      (d) => ({ ...d, experiences: [{ starts_at: { day: 1, month: 1, year: null } }] }),
      /experiences\[0\]\.starts_at\.year/,
    ],
    ['an unknown country', (d) => ({ ...d, country: 'XX' }), /country must be an ISO 3166-1 alpha-2/],
    ['negative connections', (d) => ({ ...d, connections: -1 }), /connections must be an integer ≥ 0/],
    ['a skill that is not a string', (d) => ({ ...d, skills: [1] }), /skills\[0\] must be a string/],
    [
      'an extra that is an object',
      (d) => ({ ...d, languages: { en: true } }),
      /languages must be a value or a list/,
    ],
  ]
  it.each(cases)('%s is a 400 naming the field', (_name, make, message) => {
    const doc = make(structuredClone(FIXTURE) as never) as PersonProfileDocument
    const error = errorOf(() => fromPersonProfile(doc))
    // A document is named by its public_identifier when it has a string one.
    const slug = (doc as { public_identifier?: unknown } | null)?.public_identifier
    expect(error).toMatchObject(
      typeof slug === 'string'
        ? { status: 400, kind: 'invalidProfile', code: 'invalid-person-profile', values: { slug } }
        : { status: 400, kind: 'invalidProfile', code: 'invalid-person-profile-without-slug' },
    )
    expect(error.values.problem).toMatch(message)
  })

  it('names the document and the full path of a fault inside an item', () => {
    const doc = { ...structuredClone(FIXTURE), education: [{ starts_at: { day: 1, month: 13, year: 2000 } }] }
    expect(errorOf(() => fromPersonProfile(doc as never)).message).toBe(
      'Invalid Person Profile document (public_identifier "johnrmarty"): ' +
        'education[0].starts_at.month must be an integer from 1 to 12 (got 13)',
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Round trip: random documents

const str = fc.string({ maxLength: 12 })
const text = fc.option(str, { nil: null })
const name = fc.stringMatching(/^[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?$/)
const dateArb: fc.Arbitrary<ProfileDate> = fc.record({
  day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
  month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  year: fc.integer({ min: 1, max: 9999 }),
})
const date = fc.option(dateArb, { nil: null })
const list = <T>(item: fc.Arbitrary<T>) => fc.option(fc.array(item, { maxLength: 3 }), { nil: null })
const orgUrl = (kind: string) =>
  fc.option(
    fc.oneof(
      fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((s) => `https://www.linkedin.com/${kind}/${s}/`),
      str,
    ),
    { nil: null },
  )

const experienceArb = fc
  .tuple(
    fc.record({
      starts_at: date,
      ends_at: date,
      company: text,
      company_linkedin_profile_url: orgUrl('company'),
    }),
    fc.option(text, { nil: undefined }),
    fc.record({ title: text, description: text, location: text, logo_url: text }),
  )
  .map(([head, facebook, tail]) =>
    facebook === undefined
      ? { ...head, ...tail }
      : { ...head, company_facebook_profile_url: facebook, ...tail },
  )

const educationArb = fc.record({
  starts_at: date,
  ends_at: date,
  field_of_study: text,
  degree_name: text,
  school: text,
  school_linkedin_profile_url: orgUrl('school'),
  description: text,
  logo_url: text,
  grade: text,
  activities_and_societies: text,
})

const slugArb = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
  fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
  fc.constantFrom('jörg', 'José-Núñez', '张伟', 'john.doe', '_x', 'a'.repeat(70)),
)

/** Random documents in the key order `toPersonProfile` writes (the fixture's, then the rest). */
const documentArb: fc.Arbitrary<PersonProfileDocument> = fc.record({
  public_identifier: slugArb,
  profile_pic_url: text,
  background_cover_image_url: text,
  first_name: name,
  last_name: name,
  full_name: text,
  follower_count: fc.option(fc.nat(), { nil: null }),
  occupation: text,
  headline: text,
  summary: text,
  country: fc.option(fc.constantFrom('US', 'GB', 'DE', 'JP', 'BR'), { nil: null }),
  country_full_name: text,
  city: text,
  state: text,
  experiences: list(experienceArb),
  education: list(educationArb),
  languages: list(str),
  accomplishment_organisations: list(
    fc.record({ starts_at: date, ends_at: date, org_name: text, title: text, description: text }),
  ),
  accomplishment_publications: list(
    fc.record({ name: text, publisher: text, published_on: date, description: text, url: text }),
  ),
  accomplishment_honors_awards: list(
    fc.record({ title: text, issuer: text, issued_on: date, description: text }),
  ),
  accomplishment_patents: list(
    fc.record({
      title: text,
      issuer: text,
      issued_on: date,
      description: text,
      application_number: text,
      patent_number: text,
      url: text,
    }),
  ),
  accomplishment_courses: list(fc.record({ name: text, number: text })),
  accomplishment_projects: list(
    fc.record({ starts_at: date, ends_at: date, title: text, description: text, url: text }),
  ),
  accomplishment_test_scores: list(fc.record({ name: text, score: text, date_on: date, description: text })),
  volunteer_work: list(
    fc.record({
      starts_at: date,
      ends_at: date,
      title: text,
      cause: text,
      company: text,
      company_linkedin_profile_url: text,
      description: text,
      logo_url: text,
    }),
  ),
  certifications: list(
    fc.record({
      starts_at: date,
      ends_at: date,
      name: text,
      license_number: text,
      display_source: text,
      authority: text,
      url: text,
    }),
  ),
  connections: fc.option(fc.nat(), { nil: null }),
  people_also_viewed: list(fc.record({ link: text, name: text, summary: text, location: text })),
  recommendations: list(str),
  activities: list(fc.record({ title: text, link: text, activity_status: text })),
  similarly_named_profiles: list(fc.record({ name: text, link: text, summary: text, location: text })),
  articles: list(fc.record({ title: text, link: text, published_date: date, author: text, image_url: text })),
  groups: list(fc.record({ profile_pic_url: text, name: text, url: text })),
  skills: list(str),
  personal_emails: list(str),
  personal_numbers: list(str),
})

describe('round trip (property)', () => {
  // Every field comes back as given but one: `occupation` is derived from the positions section,
  // so a document whose `experiences` is null (a hidden section) gives it back null even when it
  // had its own text (docs/spec.md §1.3).
  const expectedBack = (doc: PersonProfileDocument): PersonProfileDocument => ({
    ...doc,
    public_identifier: doc.public_identifier.normalize('NFC'),
    occupation: doc.experiences === null ? null : doc.occupation,
  })

  it('document → profile → document keeps every field, null stays null, in order', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const profile = fromPersonProfile(doc)
        const back = toPersonProfile(profile)
        expect(back).toEqual(expectedBack(doc))
        expect(JSON.stringify(back)).toBe(JSON.stringify(expectedBack(doc)))
      }),
    )
  })

  it('a profile made from a document survives JSON (as in a snapshot) and the index', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const profile = JSON.parse(JSON.stringify(fromPersonProfile(doc)))
        const index = new PeopleIndex()
        index.add(profile)
        expect(toPersonProfile(profile)).toEqual(toPersonProfile(fromPersonProfile(doc)))
      }),
      { numRuns: 30 },
    )
  })
})
