import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import type { LookupParams } from '../../src/lookup/lookup-params.js'
import { RECENT_MS } from '../../src/lookup/lookup-profile.js'
import type { ProfileSource } from '../../src/lookup/profile-source.js'
import type { Profile } from '../../src/model/profile.js'
import { PeopleIndex } from '../../src/people-index.js'
import type { PersonProfileDocument } from '../../src/person-profile/document.js'
import { toPersonProfile } from '../../src/person-profile/to-person-profile.js'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.UTC(2024, 0, 10)
const ANN_URL = 'https://www.linkedin.com/in/ann-lee'

/** A clock the test moves. */
function clock(start = T0) {
  let time = start
  return {
    now: () => new Date(time),
    set: (t: number) => {
      time = t
    },
    advance: (ms: number) => {
      time += ms
    },
    get: () => time,
  }
}

/** A source that answers from a map, counts its calls, and can be made to fail. */
class FakeSource implements ProfileSource {
  calls: string[] = []
  mode: 'ok' | 'throw' | 'null' = 'ok'
  constructor(readonly documents: Map<string, PersonProfileDocument> = new Map()) {}
  async fetch(url: string): Promise<PersonProfileDocument | null> {
    this.calls.push(url)
    if (this.mode === 'throw') throw new Error('upstream timed out')
    if (this.mode === 'null') return null
    return structuredClone(this.documents.get(url) ?? null)
  }
}

function ann(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    headline: 'Java developer',
    publicProfileUrl: 'http://uk.linkedin.com/in/Ann-Lee/',
    positions: [
      { title: 'Engineer', company: { id: 'acme', name: 'Acme' }, startDate: { year: 2020, month: 1 } },
    ],
    certifications: [{ name: 'Scrum Master', authority: 'Scrum Alliance' }],
    projects: [{ title: 'Search' }],
    publications: [],
    skills: ['java', 'sql'],
    ...overrides,
  }
}

async function failure(promise: Promise<unknown>): Promise<PeopleSearchError & { credits?: number }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected the lookup to fail')
}

const ALL = {
  certifications: 'include',
  projects: 'include',
  publications: 'include',
  skills: 'include',
} as const
const DOCUMENT_KEYS = Object.keys(toPersonProfile({ id: 'x', firstName: 'X', lastName: 'Y' }))

describe('lookupProfile: the document (docs/spec.md §6.1)', () => {
  it('has every field, with the enrichments asked for', async () => {
    const index = new PeopleIndex()
    index.add(ann())
    const { profile } = await index.lookupProfile({ profile_url: ANN_URL, ...ALL })
    expect(Object.keys(profile)).toEqual(DOCUMENT_KEYS)
    for (const value of Object.values(profile)) expect(value).not.toBeUndefined()
    const core = (await index.lookupProfile({ profile_url: ANN_URL })).profile
    expect(Object.keys(core)).toEqual(
      DOCUMENT_KEYS.filter(
        (k) =>
          !['certifications', 'accomplishment_projects', 'accomplishment_publications', 'skills'].includes(k),
      ),
    )
  })

  it('serves public data only: connections and private sections are null, private items absent', async () => {
    const index = new PeopleIndex()
    index.add(
      ann({
        summary: 'only for my connections',
        email: 'ann@example.com',
        phone: '+1 555 0100',
        pictureUrl: 'https://example.com/ann.png',
        educations: [{ school: { name: 'MIT' } }],
        positions: [
          { title: 'Engineer', company: { name: 'Acme' }, startDate: { year: 2020 } },
          { title: 'Moonlighting', company: { name: 'Secret Co' }, visibility: 'private' },
          {
            title: 'Intern',
            company: { name: 'Globex' },
            startDate: { year: 2015 },
            datesVisibility: 'private',
          },
        ],
        visibility: {
          summary: 'connections',
          email: 'connections',
          phone: 'private',
          pictureUrl: 'connections',
          educations: 'private',
          skills: 'connections',
          certifications: 'private',
        },
      }),
    )
    const { profile, credits } = await index.lookupProfile({ profile_url: ANN_URL, ...ALL })
    expect(profile).toMatchObject({
      headline: 'Java developer',
      summary: null,
      personal_emails: null,
      personal_numbers: null,
      profile_pic_url: null,
      education: null,
      skills: null,
      certifications: null,
      accomplishment_projects: [{ title: 'Search' }],
    })
    expect(profile.experiences?.map((e) => [e.title, e.starts_at?.year ?? null])).toEqual([
      ['Engineer', 2020],
      ['Intern', null],
    ])
    expect(JSON.stringify(profile)).not.toMatch(
      /for my connections|Secret|Moonlighting|ann@|555|MIT|java|Scrum|ann.png/,
    )
    // Hidden enrichments return no data, so they cost nothing: 1 + projects.
    expect(credits).toBe(2)
  })

  it('finds a member by its publicProfileUrl, and by the id of its slug when it has none', async () => {
    const index = new PeopleIndex()
    index.add([
      ann(),
      { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
      {
        id: 'carl',
        firstName: 'Carl',
        lastName: 'Ito',
        publicProfileUrl: 'https://www.linkedin.com/in/carl-ito',
      },
    ])
    expect((await index.lookupProfile({ profile_url: 'linkedin.com/in/ANN-LEE' })).profile.first_name).toBe(
      'Ann',
    )
    expect(
      (await index.lookupProfile({ profile_url: 'linkedin.com/in/bob' })).profile.public_identifier,
    ).toBe('bob')
    // carl's own URL names another slug, so /in/carl is not carl.
    expect(await failure(index.lookupProfile({ profile_url: 'linkedin.com/in/carl' }))).toMatchObject({
      status: 404,
      credits: 0,
    })
    // The URL map follows replacements and removals.
    index.add({ ...ann(), publicProfileUrl: 'https://www.linkedin.com/in/ann-lee-2' })
    expect((await failure(index.lookupProfile({ profile_url: ANN_URL }))).status).toBe(404)
    expect((await index.lookupProfile({ profile_url: 'linkedin.com/in/ann-lee-2' })).profile.first_name).toBe(
      'Ann',
    )
    index.remove('ann')
    expect((await failure(index.lookupProfile({ profile_url: 'linkedin.com/in/ann-lee-2' }))).status).toBe(
      404,
    )
  })
})

describe('lookupProfile: parameters', () => {
  const index = new PeopleIndex()
  index.add(ann())
  const cases: [string, Record<string, unknown>, string, Record<string, string>][] = [
    ['a missing profile_url', {}, 'missing-parameter', { parameter: 'profile_url' }],
    [
      'a numeric profile_url',
      { profile_url: 7 },
      'invalid-parameter-value',
      { parameter: 'profile_url', value: '7' },
    ],
    [
      'a company URL',
      { profile_url: 'https://www.linkedin.com/company/acme' },
      'invalid-profile-url',
      { url: 'https://www.linkedin.com/company/acme' },
    ],
    [
      'skills=yes',
      { profile_url: ANN_URL, skills: 'yes' },
      'invalid-choice',
      { parameter: 'skills', value: 'yes' },
    ],
    [
      'certifications=true',
      { profile_url: ANN_URL, certifications: true },
      'invalid-choice',
      { parameter: 'certifications', value: 'true' },
    ],
    [
      'projects=null',
      { profile_url: ANN_URL, projects: null },
      'invalid-choice',
      { parameter: 'projects', value: 'null' },
    ],
    [
      'publications=',
      { profile_url: ANN_URL, publications: '' },
      'invalid-choice',
      { parameter: 'publications' },
    ],
    [
      'use_cache=always',
      { profile_url: ANN_URL, use_cache: 'always' },
      'invalid-choice',
      { parameter: 'use_cache' },
    ],
    [
      'fallback_to_cache=sometimes',
      { profile_url: ANN_URL, fallback_to_cache: 'sometimes' },
      'invalid-choice',
      { parameter: 'fallback_to_cache' },
    ],
  ]
  // A missing profile_url and a bad one are the same family: a bad parameter.
  it.each(cases)('%s is a 400 naming it, at no cost', async (_name, params, code, values) => {
    const error = await failure(index.lookupProfile(params as unknown as LookupParams))
    expect(error).toMatchObject({ code, kind: 'badParameter', status: 400, credits: 0, values })
  })

  it('words a bad option and a missing profile_url as documented', async () => {
    const error = await failure(index.lookupProfile({ profile_url: ANN_URL, skills: 'yes' } as never))
    expect(error.message).toBe('Invalid value {yes} for parameter {skills}: expected include or exclude')
    expect((await failure(index.lookupProfile({} as never))).message).toBe('Missing parameter {profile_url}')
  })

  it.each([
    ['an array', ['include'], '["include"]'],
    ['a BigInt', 10n, '10'],
    ['a Symbol', Symbol('include'), 'Symbol(include)'],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no')
        },
      },
      '{}',
    ],
  ])('names a value that is %s without throwing a TypeError', async (_name, value, shown) => {
    const error = await failure(index.lookupProfile({ profile_url: ANN_URL, skills: value } as never))
    expect(error).toMatchObject({ code: 'invalid-choice', values: { value: shown } })
  })

  it('reads values case-insensitively and ignores unknown parameters', async () => {
    const result = await index.lookupProfile({
      profile_url: ANN_URL,
      skills: 'INCLUDE',
      use_cache: 'If-Present',
      fallback_to_cache: 'NEVER',
      extra: 'ignored',
    } as unknown as LookupParams)
    expect(result.profile.skills).toEqual(['java', 'sql'])
    expect(result.credits).toBe(2)
  })

  it('is a 404 costing 0 for a profile the index does not hold', async () => {
    const error = await failure(index.lookupProfile({ profile_url: 'linkedin.com/in/nobody', ...ALL }))
    expect(error).toMatchObject({ status: 404, kind: 'notFound', credits: 0 })
  })
})

describe('lookupProfile: credits', () => {
  // certifications, projects and skills have data; publications is empty.
  const withData = { certifications: true, projects: true, publications: false, skills: true } as const
  const names = Object.keys(withData) as (keyof typeof withData)[]
  const combinations: [string, string, number][] = []
  for (let mask = 0; mask < 16; mask++) {
    for (const useCache of ['if-present', 'if-recent']) {
      const included = names.filter((_, i) => mask & (1 << i))
      const expected = 1 + (useCache === 'if-recent' ? 1 : 0) + included.filter((n) => withData[n]).length
      combinations.push([included.join(',') || '(none)', useCache, expected])
    }
  }

  it.each(combinations)('include %s with use_cache=%s costs %i', async (included, useCache, expected) => {
    const index = new PeopleIndex({ now: () => new Date(T0) })
    index.add(ann())
    const params: Record<string, string> = { profile_url: ANN_URL, use_cache: useCache }
    for (const name of names) params[name] = included.split(',').includes(name) ? 'include' : 'exclude'
    const { credits } = await index.lookupProfile(params as unknown as LookupParams)
    expect(credits).toBe(expected)
  })
})

describe('lookupProfile: backfill from earlier versions', () => {
  const old: Profile = ann({
    positions: [
      {
        title: 'Engineer',
        company: { id: 'acme', name: 'Acme' },
        startDate: { year: 2015, month: 3 },
        endDate: { year: 2019, month: 6 },
      },
      { title: 'Intern', company: { name: 'Globex' }, startDate: { year: 2012 } },
    ],
    educations: [{ school: { id: 'mit', name: 'MIT' }, startDate: { year: 2008 }, endDate: { year: 2012 } }],
  })
  const current: Profile = ann({
    positions: [
      { title: 'ENGINEER', company: { id: 'ACME', name: 'Acme Corp' } },
      { title: 'Intern', company: { name: 'globex' } },
      { title: 'Architect', company: { name: 'Acme' } },
    ],
    educations: [{ school: { id: 'mit' } }],
  })

  function indexWith(versions: [Profile, number][]) {
    const time = clock()
    const index = new PeopleIndex({ now: time.now })
    for (const [profile, at] of versions) {
      time.set(at)
      index.add(profile)
    }
    return { index, time }
  }

  async function lookup(index: PeopleIndex) {
    return (await index.lookupProfile({ profile_url: ANN_URL })).profile
  }

  it('fills missing dates and school names from the same item of an earlier version', async () => {
    const { index } = indexWith([
      [old, T0],
      [current, T0 + 400 * DAY],
    ])
    const doc = await lookup(index)
    expect(doc.experiences?.map((e) => [e.title, e.starts_at, e.ends_at])).toEqual([
      ['ENGINEER', { day: null, month: 3, year: 2015 }, { day: null, month: 6, year: 2019 }],
      ['Intern', { day: null, month: null, year: 2012 }, null],
      ['Architect', null, null],
    ])
    expect(doc.education?.[0]).toMatchObject({
      school: 'MIT',
      starts_at: { year: 2008 },
      ends_at: { year: 2012 },
    })
    // The stored profile is not changed, and getPerson does not backfill.
    expect(current.positions?.[0].startDate).toBeUndefined()
  })

  it('looks back 10 years, to the day', async () => {
    const tenYears = Date.UTC(2034, 0, 10) - T0
    const exactly = indexWith([
      [old, T0],
      [current, T0 + tenYears],
    ])
    expect((await lookup(exactly.index)).education?.[0].school).toBe('MIT')
    const older = indexWith([
      [old, T0],
      [current, T0 + tenYears + 1],
    ])
    const doc = await lookup(older.index)
    expect(doc.education?.[0].school).toBeNull()
    expect(doc.experiences?.[0].starts_at).toBeNull()
    // A version's time is its updatedAt when it has one.
    const dated = indexWith([
      [{ ...old, updatedAt: '2010-01-01T00:00:00Z' }, T0],
      [current, T0 + DAY],
    ])
    expect((await lookup(dated.index)).education?.[0].school).toBeNull()
  })

  it('never takes anything that was not public in the earlier version', async () => {
    const hidden: Profile[] = [
      { ...old, visibility: { positions: 'private', educations: 'connections' } },
      {
        ...old,
        positions: old.positions?.map((p) => ({ ...p, visibility: 'private' as const })),
        educations: old.educations?.map((e) => ({ ...e, visibility: 'private' as const })),
      },
      {
        ...old,
        positions: old.positions?.map((p) => ({ ...p, datesVisibility: 'connections' as const })),
        educations: old.educations?.map((e) => ({ ...e, datesVisibility: 'private' as const })),
      },
    ]
    for (const version of hidden) {
      const { index } = indexWith([
        [version, T0],
        [current, T0 + DAY],
      ])
      const doc = await lookup(index)
      expect(doc.experiences?.map((e) => [e.starts_at, e.ends_at])).toEqual([
        [null, null],
        [null, null],
        [null, null],
      ])
      expect(doc.education?.[0].starts_at).toBeNull()
      if (version.visibility !== undefined || version.educations?.[0].visibility === 'private')
        expect(doc.education?.[0].school).toBeNull()
    }
  })

  it('does not fill what the member hides now, nor the end of an item marked current', async () => {
    const now: Profile = ann({
      positions: [
        { title: 'Engineer', company: { id: 'acme' }, datesVisibility: 'private' },
        { title: 'Intern', company: { name: 'Globex' }, isCurrent: true },
      ],
      educations: [{ school: { id: 'mit' }, visibility: 'private' }],
    })
    const { index } = indexWith([
      [
        {
          ...old,
          positions: [
            ...(old.positions ?? []),
            { title: 'Intern', company: { name: 'Globex' }, endDate: { year: 2013 } },
          ],
        },
        T0,
      ],
      [now, T0 + DAY],
    ])
    const doc = await lookup(index)
    expect(doc.experiences?.map((e) => [e.title, e.starts_at, e.ends_at])).toEqual([
      ['Engineer', null, null],
      ['Intern', { day: null, month: null, year: 2012 }, null],
    ])
    expect(doc.education).toEqual([])
  })

  it('forgets the versions of a removed member', async () => {
    const { index, time } = indexWith([
      [old, T0],
      [current, T0 + DAY],
    ])
    index.remove('ann')
    time.advance(DAY)
    index.add(current)
    expect((await lookup(index)).education?.[0].school).toBeNull()
  })
})

describe('lookupProfile: freshness (use_cache, fallback_to_cache)', () => {
  const fresh = (): PersonProfileDocument => ({
    ...toPersonProfile(ann()),
    public_identifier: 'ann-lee',
    headline: 'Staff engineer',
    experiences: [
      {
        starts_at: { day: 1, month: 2, year: 2023 },
        ends_at: null,
        company: 'Initech',
        company_linkedin_profile_url: 'https://www.linkedin.com/company/initech',
        title: 'Staff Engineer',
        description: null,
        location: null,
        logo_url: null,
      },
    ],
  })

  function setup(options: { source?: boolean } = {}) {
    const time = clock()
    const source = new FakeSource(new Map([[ANN_URL, fresh()]]))
    const index = new PeopleIndex({ now: time.now, ...(options.source === false ? {} : { source }) })
    index.add([
      ann({ industry: { code: 4, name: 'Computer Software' }, language: 'en_US' }),
      { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
    ])
    index.connect('ann', 'bob')
    return { index, time, source }
  }
  const recent = (extra: Record<string, string> = {}) =>
    ({ profile_url: ANN_URL, use_cache: 'if-recent', ...extra }) as LookupParams

  it('if-present serves the stored copy whatever its age, never asking the source', async () => {
    const { index, time, source } = setup()
    time.advance(400 * DAY)
    const { profile, credits } = await index.lookupProfile({ profile_url: ANN_URL })
    expect(profile.headline).toBe('Java developer')
    expect(credits).toBe(1)
    expect(source.calls).toEqual([])
  })

  it('if-recent serves a copy at most 29 days old', async () => {
    const { index, time, source } = setup()
    time.advance(RECENT_MS)
    const { profile, credits } = await index.lookupProfile(recent())
    expect(profile.headline).toBe('Java developer')
    expect(credits).toBe(2)
    expect(source.calls).toEqual([])
  })

  it('if-recent refreshes an older copy through the source and stores it as a new version', async () => {
    const { index, time, source } = setup()
    time.advance(RECENT_MS + 1)
    const { profile, credits } = await index.lookupProfile(recent({ skills: 'include' }))
    expect(source.calls).toEqual([ANN_URL])
    expect(profile.headline).toBe('Staff engineer')
    expect(profile.experiences?.map((e) => e.title)).toEqual(['Staff Engineer'])
    expect(credits).toBe(3)
    // Search sees the new version; the member keeps its id, edges and the fields a document lacks.
    const found = index.search('/v1/people-search:(people:(id,headline,industry))?keywords=initech', {
      viewer: 'bob',
    })
    expect(found.people?.values).toEqual([
      { id: 'ann', headline: 'Staff engineer', industry: 'Computer Software' },
    ])
    expect(index.size).toBe(2)
    // The new copy is fresh: no second fetch.
    time.advance(DAY)
    await index.lookupProfile(recent())
    expect(source.calls).toHaveLength(1)
    // The replaced version is history: its start date backfills nothing here (other title),
    // but the old Engineer position is gone from the document.
    expect((await index.lookupProfile({ profile_url: ANN_URL })).profile.headline).toBe('Staff engineer')
  })

  it('if-recent judges age by updatedAt when the stored copy has one', async () => {
    const { index, source } = setup()
    index.add(ann({ updatedAt: new Date(T0 - 40 * DAY).toISOString() }))
    await index.lookupProfile(recent())
    expect(source.calls).toHaveLength(1)
  })

  it('a failing source: on-error serves the stored copy, never returns the failure at no cost', async () => {
    for (const mode of ['throw', 'null'] as const) {
      const { index, time, source } = setup()
      source.mode = mode
      time.advance(60 * DAY)
      const served = await index.lookupProfile(recent({ certifications: 'include' }))
      expect(served.profile.headline).toBe('Java developer')
      expect(served.credits).toBe(3)
      const error = await failure(index.lookupProfile(recent({ fallback_to_cache: 'never' })))
      expect(error).toMatchObject(
        mode === 'throw'
          ? { code: 'profile-source-failed', status: 503, kind: 'sourceFailed', credits: 0 }
          : { code: 'profile-not-found', status: 404, kind: 'notFound', credits: 0 },
      )
      expect(source.calls).toHaveLength(2)
    }
  })

  it('an invalid document from the source is a failure like any other', async () => {
    const { index, time, source } = setup()
    source.documents.set(ANN_URL, { ...fresh(), first_name: null })
    time.advance(60 * DAY)
    expect((await index.lookupProfile(recent())).profile.headline).toBe('Java developer')
    const error = await failure(index.lookupProfile(recent({ fallback_to_cache: 'never' })))
    expect(error).toMatchObject({ code: 'profile-source-invalid-document', status: 503, credits: 0 })
    // The document's own error is shown whole, with the error itself as the standard cause.
    expect(error.message).toBe(
      'The profile source returned an invalid document: ' +
        'Invalid Person Profile document (public_identifier "ann-lee"): first_name must be a name',
    )
    expect(error.cause).toMatchObject({ code: 'invalid-person-profile', values: { slug: 'ann-lee' } })
  })

  it('without a source, a stale copy is served on-error and is a 503 with never', async () => {
    const { index, time } = setup({ source: false })
    time.advance(60 * DAY)
    expect((await index.lookupProfile(recent())).credits).toBe(2)
    expect(await failure(index.lookupProfile(recent({ fallback_to_cache: 'never' })))).toMatchObject({
      code: 'no-profile-source',
      status: 503,
      credits: 0,
    })
  })

  it('if-recent fetches a profile the index does not hold, and adds it', async () => {
    const { index, source } = setup()
    const url = 'https://www.linkedin.com/in/j%C3%B6rg'
    source.documents.set(url, { ...fresh(), public_identifier: 'Jörg', first_name: 'Jörg', last_name: 'Ek' })
    expect((await failure(index.lookupProfile({ profile_url: url }))).status).toBe(404)
    expect(source.calls).toEqual([])
    const { profile, credits } = await index.lookupProfile({
      profile_url: 'de.linkedin.com/in/JÖRG',
      use_cache: 'if-recent',
    })
    expect(profile).toMatchObject({ public_identifier: 'Jörg', first_name: 'Jörg' })
    expect(credits).toBe(2)
    expect(index.size).toBe(3)
    expect((await index.lookupProfile({ profile_url: url })).profile.last_name).toBe('Ek')
    // Not at the source either: 404; a source failure with nothing stored: 503.
    expect(
      await failure(index.lookupProfile({ profile_url: 'linkedin.com/in/zed', use_cache: 'if-recent' })),
    ).toMatchObject({
      status: 404,
      credits: 0,
    })
    source.mode = 'throw'
    expect(
      await failure(index.lookupProfile({ profile_url: 'linkedin.com/in/zed', use_cache: 'if-recent' })),
    ).toMatchObject({
      status: 503,
      credits: 0,
    })
  })

  it('a refreshed copy keeps stored sections the document does not carry', async () => {
    const { index, time, source } = setup()
    const { certifications, accomplishment_projects, accomplishment_publications, skills, ...core } = fresh()
    source.documents.set(ANN_URL, core as PersonProfileDocument)
    time.advance(60 * DAY)
    const { profile } = await index.lookupProfile(recent({ ...ALL }))
    expect(profile.headline).toBe('Staff engineer')
    expect(profile.skills).toEqual(['java', 'sql'])
    expect(profile.certifications?.map((c) => c.name)).toEqual(['Scrum Master'])
  })
})
