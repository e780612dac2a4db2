import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import type { Profile } from '../../src/model/profile.js'
import { validateProfile, validateProfiles } from '../../src/model/validate-profile.js'

const MINIMAL = { id: 'abc', firstName: 'Ada', lastName: 'Lovelace' }

const FULL: Profile = {
  id: 'Full_Profile-1',
  firstName: 'José',
  lastName: "O'Reilly",
  headline: 'Engineer',
  summary: 'Builds things',
  specialties: 'search',
  interests: 'chess',
  honors: 'none',
  location: { name: 'San Francisco Bay Area', code: 'us:84', postalCode: '94043', lat: 37.4, lon: -122.1 },
  industry: { code: 4, name: 'Computer Software' },
  language: 'en_US',
  numConnections: 500,
  numRecommenders: 0,
  positions: [
    {
      id: 1,
      title: 'CTO',
      summary: 'Runs tech',
      company: {
        id: 'acme',
        name: 'Acme',
        industry: 'Software',
        type: 'Public',
        size: '1000+',
        ticker: 'ACM',
      },
      startDate: { year: 2020, month: 2 },
      isCurrent: true,
      visibility: 'public',
      datesVisibility: 'private',
    },
    { company: {}, endDate: { year: 2019, month: 12, day: 31 } },
  ],
  educations: [
    {
      id: 'e1',
      school: { id: 42, name: 'MIT' },
      degree: 'BSc',
      fieldOfStudy: 'CS',
      activities: 'rowing',
      notes: '',
      startDate: { year: 2010 },
      endDate: { year: 2014 },
      isCurrent: false,
      visibility: 'connections',
    },
    { school: {} },
  ],
  skills: ['TypeScript', 'Go'],
  certifications: [
    { name: 'AWS', authority: 'Amazon', url: 'https://aws.example', startDate: { year: 2021 } },
  ],
  projects: [{ title: 'Index', description: 'fast' }],
  publications: [{ title: 'Paper', publisher: 'ACM', endDate: { year: 2022, month: 5 } }],
  pictureUrl: 'https://example.com/a.png',
  publicProfileUrl: 'https://www.linkedin.com/in/ada',
  email: 'ada@example.com',
  phone: '+1 555',
  visibility: { email: 'private', phone: 'connections', headline: 'public' },
  accountLevel: 'business-plus',
  updatedAt: '2024-05-01T12:00:00Z',
}

function errorOf(run: () => void): PeopleSearchError {
  try {
    run()
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected an error')
}

describe('validateProfile accepts', () => {
  it.each<[string, unknown]>([
    ['a minimal profile', MINIMAL],
    ['a full profile', FULL],
    ['unknown top-level keys', { ...MINIMAL, futureField: { anything: [1] } }],
    ['a null-prototype object', Object.assign(Object.create(null), MINIMAL)],
    ['a 64-character id', { ...MINIMAL, id: 'a'.repeat(64) }],
    ['zero counts', { ...MINIMAL, numConnections: 0, numRecommenders: 0 }],
    ['a location without coordinates', { ...MINIMAL, location: { name: '', code: 'gb:0' } }],
    ['a location code with leading zeros', { ...MINIMAL, location: { name: 'x', code: 'us:084' } }],
    [
      'coordinates at their limits',
      { ...MINIMAL, location: { name: 'x', code: 'aq:0', lat: -90, lon: 180 } },
    ],
    ['a date-only updatedAt', { ...MINIMAL, updatedAt: '2024-05-01' }],
    ['undefined optional fields', { ...MINIMAL, headline: undefined, positions: undefined }],
  ])('%s', (_, profile) => {
    expect(() => validateProfile(profile, 'record 0')).not.toThrow()
  })
})

describe('validateProfile rejects, naming the field and the value', () => {
  const withPosition = (position: unknown) => ({ ...MINIMAL, positions: [{ company: {} }, position] })
  const withEducation = (education: unknown) => ({ ...MINIMAL, educations: [education] })

  it.each<[string, unknown, string, string]>([
    ['null', null, 'profile', 'null'],
    ['an array', [MINIMAL], 'profile', 'an array'],
    ['a class instance', new (class P {})(), 'profile', 'an object'],
    ['a missing id', { firstName: 'A', lastName: 'B' }, 'id', 'undefined'],
    ['an empty id', { ...MINIMAL, id: '' }, 'id', '""'],
    ['an id with a space', { ...MINIMAL, id: 'a b' }, 'id', '"a b"'],
    ['an id with a dot', { ...MINIMAL, id: 'a.b' }, 'id', '"a.b"'],
    ['a 65-character id', { ...MINIMAL, id: 'a'.repeat(65) }, 'id', '"aaaa'],
    ['a numeric id', { ...MINIMAL, id: 7 }, 'id', '7'],
    ['an empty first name', { ...MINIMAL, firstName: '' }, 'firstName', '""'],
    ['a blank last name', { ...MINIMAL, lastName: ' \t' }, 'lastName', '" \\t"'],
    ['a missing last name', { id: 'a', firstName: 'A' }, 'lastName', 'undefined'],
    ['a numeric headline', { ...MINIMAL, headline: 5 }, 'headline', '5'],
    ['a null summary', { ...MINIMAL, summary: null }, 'summary', 'null'],
    ['an email array', { ...MINIMAL, email: ['a'] }, 'email', 'an array'],
    ['a non-ISO updatedAt', { ...MINIMAL, updatedAt: 'May 1, 2024' }, 'updatedAt', '"May 1, 2024"'],
    ['an impossible updatedAt', { ...MINIMAL, updatedAt: '2024-13-45' }, 'updatedAt', '"2024-13-45"'],
    ['a negative count', { ...MINIMAL, numConnections: -1 }, 'numConnections', '-1'],
    ['a fractional count', { ...MINIMAL, numRecommenders: 1.5 }, 'numRecommenders', '1.5'],
    ['a string count', { ...MINIMAL, numConnections: '5' }, 'numConnections', '"5"'],
    ['a NaN count', { ...MINIMAL, numConnections: Number.NaN }, 'numConnections', 'NaN'],
    ['an unknown account level', { ...MINIMAL, accountLevel: 'gold' }, 'accountLevel', '"gold"'],
    ['a string location', { ...MINIMAL, location: 'SF' }, 'location', '"SF"'],
    ['a location without name', { ...MINIMAL, location: { code: 'us:84' } }, 'location.name', 'undefined'],
    [
      'a malformed location code',
      { ...MINIMAL, location: { name: 'x', code: 'US:84' } },
      'location.code',
      '"US:84"',
    ],
    ['a bad country code', { ...MINIMAL, location: { name: 'x', code: 'zz:1' } }, 'location.code', '"zz:1"'],
    [
      'a numeric postal code',
      { ...MINIMAL, location: { name: 'x', code: 'us:1', postalCode: 94043 } },
      'location.postalCode',
      '94043',
    ],
    [
      'a lat without lon',
      { ...MINIMAL, location: { name: 'x', code: 'us:1', lat: 1 } },
      'location.lon',
      'undefined',
    ],
    [
      'a lon without lat',
      { ...MINIMAL, location: { name: 'x', code: 'us:1', lon: 1 } },
      'location.lat',
      'undefined',
    ],
    [
      'a lat out of range',
      { ...MINIMAL, location: { name: 'x', code: 'us:1', lat: 91, lon: 0 } },
      'location.lat',
      '91',
    ],
    [
      'an infinite lon',
      { ...MINIMAL, location: { name: 'x', code: 'us:1', lat: 0, lon: Infinity } },
      'location.lon',
      'Infinity',
    ],
    [
      'a NaN lat',
      { ...MINIMAL, location: { name: 'x', code: 'us:1', lat: Number.NaN, lon: 0 } },
      'location.lat',
      'NaN',
    ],
    [
      'a fractional industry code',
      { ...MINIMAL, industry: { code: 1.5, name: 'x' } },
      'industry.code',
      '1.5',
    ],
    ['an industry without name', { ...MINIMAL, industry: { code: 1 } }, 'industry.name', 'undefined'],
    ['positions that are no array', { ...MINIMAL, positions: { company: {} } }, 'positions', 'an object'],
    ['a position that is no object', withPosition('CTO'), 'positions[1]', '"CTO"'],
    ['a position without company', withPosition({ title: 'CTO' }), 'positions[1].company', 'undefined'],
    ['a numeric company name', withPosition({ company: { name: 3 } }), 'positions[1].company.name', '3'],
    ['a boolean company id', withPosition({ company: { id: true } }), 'positions[1].company.id', 'true'],
    [
      'an infinite company id',
      withPosition({ company: { id: Infinity } }),
      'positions[1].company.id',
      'Infinity',
    ],
    ['a null position title', withPosition({ company: {}, title: null }), 'positions[1].title', 'null'],
    ['an object position id', withPosition({ company: {}, id: {} }), 'positions[1].id', 'an object'],
    ['a string date', withPosition({ company: {}, startDate: '2020' }), 'positions[1].startDate', '"2020"'],
    [
      'a date without year',
      withPosition({ company: {}, endDate: { month: 1 } }),
      'positions[1].endDate.year',
      'undefined',
    ],
    ['a year 0', withPosition({ company: {}, endDate: { year: 0 } }), 'positions[1].endDate.year', '0'],
    [
      'a month 13',
      withPosition({ company: {}, endDate: { year: 2000, month: 13 } }),
      'positions[1].endDate.month',
      '13',
    ],
    [
      'a day 32',
      withPosition({ company: {}, endDate: { year: 2000, month: 1, day: 32 } }),
      'positions[1].endDate.day',
      '32',
    ],
    [
      'a string isCurrent',
      withPosition({ company: {}, isCurrent: 'yes' }),
      'positions[1].isCurrent',
      '"yes"',
    ],
    [
      'an unknown visibility',
      withPosition({ company: {}, visibility: 'friends' }),
      'positions[1].visibility',
      '"friends"',
    ],
    [
      'an unknown dates visibility',
      withPosition({ company: {}, datesVisibility: 'PUBLIC' }),
      'positions[1].datesVisibility',
      '"PUBLIC"',
    ],
    ['an education without school', withEducation({ degree: 'BSc' }), 'educations[0].school', 'undefined'],
    ['a numeric school name', withEducation({ school: { name: 1 } }), 'educations[0].school.name', '1'],
    ['a numeric degree', withEducation({ school: {}, degree: 1 }), 'educations[0].degree', '1'],
    [
      'a fractional education year',
      withEducation({ school: {}, startDate: { year: 2000.5 } }),
      'educations[0].startDate.year',
      '2000.5',
    ],
    ['a non-string skill', { ...MINIMAL, skills: ['Go', 3] }, 'skills[1]', '3'],
    [
      'a certification that is a string',
      { ...MINIMAL, certifications: ['AWS'] },
      'certifications[0]',
      '"AWS"',
    ],
    ['a numeric project url', { ...MINIMAL, projects: [{ url: 1 }] }, 'projects[0].url', '1'],
    [
      'a bad publication date',
      { ...MINIMAL, publications: [{ startDate: { year: 10000 } }] },
      'publications[0].startDate.year',
      '10000',
    ],
    ['a visibility array', { ...MINIMAL, visibility: ['email'] }, 'visibility', 'an array'],
    [
      'an unknown visibility value',
      { ...MINIMAL, visibility: { email: 'hidden' } },
      'visibility.email',
      '"hidden"',
    ],
    [
      'an unknown section',
      { ...MINIMAL, visibility: { location: 'private' } },
      'visibility.location',
      '"private"',
    ],
  ])('%s', (_, profile, path, value) => {
    const error = errorOf(() => validateProfile(profile, 'record 7 (id "abc")'))
    expect(error).toMatchObject({
      code: 'invalid-profile',
      kind: 'invalidProfile',
      status: 400,
      values: { record: 'record 7 (id "abc")' },
    })
    expect(error.values.problem.startsWith(`${path} `)).toBe(true)
    expect(error.values.problem).toContain(`(got ${value}`)
  })

  it('words the message as documented', () => {
    const error = errorOf(() => validateProfile({ ...MINIMAL, numConnections: -1 }, 'record 7 (id "abc")'))
    expect(error.message).toBe(
      'Invalid profile record 7 (id "abc"): numConnections must be an integer ≥ 0 (got -1)',
    )
  })

  it('says "bad country code" for an unknown country', () => {
    const error = errorOf(() => validateProfile({ ...MINIMAL, location: { name: 'x', code: 'xx:0' } }, 'p'))
    expect(error.values.problem).toBe('location.code has a bad country code (got "xx:0")')
  })

  it('says "unknown visibility value" naming the section', () => {
    const error = errorOf(() => validateProfile({ ...MINIMAL, visibility: { phone: 'everyone' } }, 'p'))
    expect(error.values.problem).toContain('visibility.phone has an unknown visibility value')
    expect(error.values.problem).toContain('"everyone"')
  })

  it('reports the first problem, in field order', () => {
    const error = errorOf(() => validateProfile({ id: '', firstName: '', lastName: '' }, 'p'))
    expect(error.values.problem.startsWith('id ')).toBe(true)
  })

  it('shortens a long offending string', () => {
    const error = errorOf(() => validateProfile({ ...MINIMAL, id: 'x'.repeat(1000) }, 'p'))
    expect(error.message.length).toBeLessThan(200)
  })

  it('shortens a long key of the profile named in the path, and a long record label', () => {
    const key = 'k'.repeat(1000)
    const error = errorOf(() =>
      validateProfile({ ...MINIMAL, visibility: { [key]: 'public' } }, 'r'.repeat(1000)),
    )
    expect(error.values.record).toBe(`${'r'.repeat(100)}…`)
    expect(error.values.problem.startsWith(`visibility.${'k'.repeat(89)}… is not a section`)).toBe(true)
  })
})

describe('validateProfiles', () => {
  it('returns the batch when every record is valid', () => {
    const batch = [MINIMAL, FULL]
    expect(validateProfiles(batch)).toBe(batch)
  })

  it('accepts an empty batch', () => {
    expect(validateProfiles([])).toEqual([])
  })

  it.each<[string, unknown[], string, string]>([
    [
      'names the position and the id',
      [MINIMAL, { ...MINIMAL, id: 'b', lastName: '' }],
      'record 1 (id "b")',
      'lastName ',
    ],
    [
      'names only the position without a string id',
      [MINIMAL, MINIMAL, { firstName: 'A' }],
      'record 2',
      'id ',
    ],
    ['names only the position of a non-object', [null], 'record 0', 'profile '],
    ['reports the first bad record', [{ ...MINIMAL, id: '!' }, null], 'record 0 (id "!")', 'id '],
  ])('%s', (_, batch, record, problemStart) => {
    const error = errorOf(() => validateProfiles(batch))
    expect(error).toMatchObject({
      code: 'invalid-profile',
      kind: 'invalidProfile',
      status: 400,
      values: { record },
    })
    expect(error.values.problem.startsWith(problemStart)).toBe(true)
  })

  it('rejects something that is not an array', () => {
    const error = errorOf(() => validateProfiles({ length: 1 } as unknown as unknown[]))
    expect(error).toMatchObject({ code: 'invalid-profile-batch', kind: 'invalidProfile', status: 400 })
  })
})
