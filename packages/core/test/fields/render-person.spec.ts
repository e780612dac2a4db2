import { describe, expect, it } from 'vitest'
import type { Degree } from '../../src/domain/degree.js'
import { parseSelector } from '../../src/fields/parse-selector.js'
import { type PersonContext, renderPerson } from '../../src/fields/render-person.js'
import type { FieldNode } from '../../src/fields/selector.js'
import type { Profile, Section, Visibility } from '../../src/model/profile.js'

const NOW = Date.UTC(2024, 5, 15)

const ANN: Profile = {
  id: 'ann',
  firstName: 'Ann',
  lastName: 'Lee',
  headline: 'Java developer',
  summary: 'Builds things',
  specialties: 'JVM',
  interests: 'Kayaking',
  honors: 'None',
  location: { name: 'San Francisco Bay Area', code: 'us:84', postalCode: '94105', lat: 37.7, lon: -122.4 },
  industry: { code: 4, name: 'Computer Software' },
  language: 'en_US',
  numConnections: 189,
  numRecommenders: 2,
  positions: [
    {
      id: 1,
      title: 'Architect',
      summary: 'Designs',
      company: { id: 17789, name: 'Arantech', industry: 'Telecommunications', type: 'Privately Held' },
      startDate: { year: 2010, month: 6 },
    },
    {
      id: 2,
      title: 'Engineer',
      company: { name: 'Gateway', size: '1001-5000 employees', ticker: 'GTW' },
      startDate: { year: 1997, month: 9, day: 3 },
      endDate: { year: 1999, month: 3 },
    },
    { id: 3, title: 'Secret job', company: { name: 'Hidden' }, visibility: 'private' },
    {
      id: 4,
      title: 'Contractor',
      company: { name: 'Various' },
      startDate: { year: 2004 },
      endDate: { year: 2030 },
      datesVisibility: 'private',
    },
  ],
  educations: [
    {
      id: 11,
      school: { id: 5, name: 'University College Dublin' },
      degree: 'MSc',
      fieldOfStudy: 'Innovation',
      activities: '',
      notes: 'Thesis',
      startDate: { year: 2007 },
      endDate: { year: 2009 },
    },
    { id: 12, school: {}, degree: 'BEng', startDate: { year: 1995 }, datesVisibility: 'connections' },
  ],
  skills: ['Java', 'J2EE'],
  certifications: [{ name: 'OCP', authority: 'Oracle', url: 'https://o.example', startDate: { year: 2012 } }],
  publications: [
    { title: 'On Beans', publisher: 'ACM', startDate: { year: 2015, month: 2 }, description: 'A paper' },
  ],
  projects: [{ title: 'Search', description: 'An index', url: 'https://p.example' }],
  pictureUrl: 'https://media.example/ann.jpg',
  publicProfileUrl: 'https://www.linkedin.com/in/ann',
  email: 'ann@example.com',
  phone: '+1 555',
}

const LINKS = (id: string) => ({
  apiUrl: `/v1/people/${id}:full`,
  authHeader: 'name:TOKEN',
  siteUrl: `/profile/view?id=${id}&authToken=TOKEN&authType=name`,
})

function render(profile: Profile, selector: string, degree: Degree = 'F', links = true) {
  const fields: FieldNode[] = parseSelector(selector)
  const context: PersonContext = { degree, now: NOW, ...(links ? { links: LINKS } : {}) }
  return renderPerson(profile, fields, context)
}

function withVisibility(visibility: Partial<Record<Section, Visibility>>): Profile {
  return { ...ANN, visibility }
}

describe('renderPerson: every field of docs/spec.md §5.2', () => {
  it('renders each field, camelCase, in selector order', () => {
    const doc = render(
      ANN,
      '(public-profile-url,id,first-name,last-name,headline,location,industry,distance,num-connections,' +
        'num-connections-capped,num-recommenders,summary,specialties,interests,honors,positions,educations,' +
        'skills,certifications,publications,projects,picture-url,site-standard-profile-request,' +
        'api-standard-profile-request)',
    )
    expect(Object.keys(doc)).toStrictEqual([
      'publicProfileUrl',
      'id',
      'firstName',
      'lastName',
      'headline',
      'location',
      'industry',
      'distance',
      'numConnections',
      'numConnectionsCapped',
      'numRecommenders',
      'summary',
      'specialties',
      'interests',
      'honors',
      'positions',
      'educations',
      'skills',
      'certifications',
      'publications',
      'projects',
      'pictureUrl',
      'siteStandardProfileRequest',
      'apiStandardProfileRequest',
    ])
    expect(doc).toStrictEqual({
      publicProfileUrl: 'https://www.linkedin.com/in/ann',
      id: 'ann',
      firstName: 'Ann',
      lastName: 'Lee',
      headline: 'Java developer',
      location: { name: 'San Francisco Bay Area', country: { code: 'us' }, postalCode: '94105' },
      industry: 'Computer Software',
      distance: 1,
      numConnections: 189,
      numConnectionsCapped: false,
      numRecommenders: 2,
      summary: 'Builds things',
      specialties: 'JVM',
      interests: 'Kayaking',
      honors: 'None',
      positions: {
        _total: 3,
        values: [
          {
            id: 1,
            title: 'Architect',
            summary: 'Designs',
            startDate: { year: 2010, month: 6 },
            isCurrent: true,
            company: { id: 17789, name: 'Arantech', industry: 'Telecommunications', type: 'Privately Held' },
          },
          {
            id: 2,
            title: 'Engineer',
            startDate: { year: 1997, month: 9 },
            endDate: { year: 1999, month: 3 },
            isCurrent: false,
            company: { name: 'Gateway', size: '1001-5000 employees', ticker: 'GTW' },
          },
          { id: 4, title: 'Contractor', isCurrent: true, company: { name: 'Various' } },
        ],
      },
      educations: {
        _total: 2,
        values: [
          {
            id: 11,
            schoolName: 'University College Dublin',
            fieldOfStudy: 'Innovation',
            startDate: { year: 2007 },
            endDate: { year: 2009 },
            degree: 'MSc',
            activities: '',
            notes: 'Thesis',
          },
          { id: 12, startDate: { year: 1995 }, degree: 'BEng' },
        ],
      },
      skills: { _total: 2, values: [{ skill: { name: 'Java' } }, { skill: { name: 'J2EE' } }] },
      certifications: {
        _total: 1,
        values: [
          { name: 'OCP', authority: { name: 'Oracle' }, url: 'https://o.example', startDate: { year: 2012 } },
        ],
      },
      publications: {
        _total: 1,
        values: [
          {
            title: 'On Beans',
            publisher: { name: 'ACM' },
            date: { year: 2015, month: 2 },
            summary: 'A paper',
          },
        ],
      },
      projects: {
        _total: 1,
        values: [{ name: 'Search', description: 'An index', url: 'https://p.example' }],
      },
      pictureUrl: 'https://media.example/ann.jpg',
      siteStandardProfileRequest: { url: '/profile/view?id=ann&authToken=TOKEN&authType=name' },
      apiStandardProfileRequest: {
        url: '/v1/people/ann:full',
        headers: { _total: 1, values: [{ name: 'x-li-auth-token', value: 'name:TOKEN' }] },
      },
    })
  })

  it('keeps the sub-selection and its order, all the way down', () => {
    expect(
      render(
        ANN,
        '(positions:(company:(ticker,name),end-date:(month),title),location:(postal-code,country))',
      ),
    ).toStrictEqual({
      positions: {
        _total: 3,
        values: [
          { company: { name: 'Arantech' }, title: 'Architect' },
          { company: { ticker: 'GTW', name: 'Gateway' }, endDate: { month: 3 }, title: 'Engineer' },
          { company: { name: 'Various' }, title: 'Contractor' },
        ],
      },
      location: { postalCode: '94105', country: { code: 'us' } },
    })
    const doc = render(ANN, '(positions:(end-date:(month),id))')
    expect(Object.keys((doc.positions as { values: object[] }).values[1])).toStrictEqual(['endDate', 'id'])
  })

  it('leaves out absent fields, empty objects and empty lists', () => {
    const bare: Profile = {
      id: 'bob',
      firstName: 'Bob',
      lastName: 'Ray',
      positions: [],
      skills: [],
      location: { name: 'Ireland', code: 'ie:0' },
    }
    const selector =
      '(id,headline,location:(postal-code),industry,summary,positions,educations,skills,certifications,' +
      'publications,projects,picture-url,public-profile-url,num-connections,num-recommenders)'
    expect(render(bare, selector)).toStrictEqual({ id: 'bob', numConnections: 0, numRecommenders: 0 })
  })

  it('keeps list items whose selected fields are all absent, so _total counts them', () => {
    expect(render(ANN, '(educations:(school-name))')).toStrictEqual({
      educations: { _total: 2, values: [{ schoolName: 'University College Dublin' }, {}] },
    })
  })

  it('defaults a Person selector without people fields the same as the schema', () => {
    expect(render(ANN, '(location,skills)')).toStrictEqual({
      location: { name: 'San Francisco Bay Area', country: { code: 'us' }, postalCode: '94105' },
      skills: { _total: 2, values: [{ skill: { name: 'Java' } }, { skill: { name: 'J2EE' } }] },
    })
  })

  it('shows the name or title of an enrichment item, whichever it has', () => {
    const profile: Profile = {
      ...ANN,
      certifications: [{ title: 'Cert' }],
      publications: [{ name: 'Paper' }],
      projects: [{ name: 'Proj', title: 'Other' }],
    }
    expect(render(profile, '(certifications:(name),publications:(title),projects:(name))')).toStrictEqual({
      certifications: { _total: 1, values: [{ name: 'Cert' }] },
      publications: { _total: 1, values: [{ title: 'Paper' }] },
      projects: { _total: 1, values: [{ name: 'Proj' }] },
    })
  })
})

describe('renderPerson: counts and distance', () => {
  it.each([
    [0, 0, false],
    [499, 499, false],
    [500, 500, false],
    [501, 500, true],
    [30_000, 500, true],
  ])('%i connections → num-connections %i, capped %s', (n, shown, capped) => {
    expect(render({ ...ANN, numConnections: n }, '(num-connections,num-connections-capped)')).toStrictEqual({
      numConnections: shown,
      numConnectionsCapped: capped,
    })
  })

  it.each([
    ['F', 1],
    ['S', 2],
    ['A', 100],
    ['O', 100],
  ] as const)('degree %s → distance %i', (degree, distance) => {
    expect(render(ANN, '(distance)', degree)).toStrictEqual({ distance })
  })
})

describe('renderPerson: privacy (docs/spec.md §3.6)', () => {
  const SECTION_FIELDS: [Section, string, string][] = [
    ['headline', 'headline', 'headline'],
    ['summary', 'summary', 'summary'],
    ['specialties', 'specialties', 'specialties'],
    ['interests', 'interests', 'interests'],
    ['honors', 'honors', 'honors'],
    ['positions', 'positions', 'positions'],
    ['educations', 'educations', 'educations'],
    ['skills', 'skills', 'skills'],
    ['certifications', 'certifications', 'certifications'],
    ['projects', 'projects', 'projects'],
    ['publications', 'publications', 'publications'],
    ['pictureUrl', 'picture-url', 'pictureUrl'],
  ]

  it.each(SECTION_FIELDS)(
    '%s: public to all, connections to F only, private to none',
    (section, field, key) => {
      for (const degree of ['F', 'S', 'A', 'O'] as const) {
        expect(render(withVisibility({ [section]: 'public' }), `(${field})`, degree)).toHaveProperty(key)
        const connections = render(withVisibility({ [section]: 'connections' }), `(${field})`, degree)
        expect(Object.hasOwn(connections, key)).toBe(degree === 'F')
        expect(render(withVisibility({ [section]: 'private' }), `(${field})`, degree)).toStrictEqual({})
      }
    },
  )

  it('always shows names, location, industry, counts and the public profile url', () => {
    const hidden = withVisibility(
      Object.fromEntries(SECTION_FIELDS.map(([section]) => [section, 'private'])) as Record<
        Section,
        Visibility
      >,
    )
    expect(
      render(
        hidden,
        '(first-name,last-name,location:(name),industry,num-connections,num-recommenders,public-profile-url)',
        'O',
      ),
    ).toStrictEqual({
      firstName: 'Ann',
      lastName: 'Lee',
      location: { name: 'San Francisco Bay Area' },
      industry: 'Computer Software',
      numConnections: 189,
      numRecommenders: 2,
      publicProfileUrl: 'https://www.linkedin.com/in/ann',
    })
  })

  it('never shows a private position, whatever the degree', () => {
    for (const degree of ['F', 'S', 'A', 'O'] as const) {
      const titles = (render(ANN, '(positions:(title))', degree).positions as { values: { title: string }[] })
        .values
      expect(titles.map((p) => p.title)).toStrictEqual(['Architect', 'Engineer', 'Contractor'])
    }
  })

  it('shows a connections-only item to F alone, and an item is never more visible than its section', () => {
    const profile: Profile = {
      ...ANN,
      positions: [
        { title: 'Near', company: {}, visibility: 'connections' },
        { title: 'Open', company: {} },
      ],
      visibility: { educations: 'connections' },
      educations: [{ school: { name: 'Open School' }, visibility: 'public' }],
    }
    expect(render(profile, '(positions:(title),educations:(school-name))', 'F')).toStrictEqual({
      positions: { _total: 2, values: [{ title: 'Near' }, { title: 'Open' }] },
      educations: { _total: 1, values: [{ schoolName: 'Open School' }] },
    })
    expect(render(profile, '(positions:(title),educations:(school-name))', 'S')).toStrictEqual({
      positions: { _total: 1, values: [{ title: 'Open' }] },
    })
  })

  it('hides dates by datesVisibility but still derives is-current from them', () => {
    const contractor = { positions: { _total: 1, values: [{ title: 'Contractor', isCurrent: true }] } }
    const only = { ...ANN, positions: [ANN.positions?.[3] ?? { company: {} }] }
    expect(render(only, '(positions:(title,start-date,end-date,is-current))', 'F')).toStrictEqual(contractor)
    const school = (degree: Degree) => render(ANN, '(educations:(id,start-date))', degree).educations
    expect(school('F')).toStrictEqual({
      _total: 2,
      values: [
        { id: 11, startDate: { year: 2007 } },
        { id: 12, startDate: { year: 1995 } },
      ],
    })
    expect(school('S')).toStrictEqual({
      _total: 2,
      values: [{ id: 11, startDate: { year: 2007 } }, { id: 12 }],
    })
  })

  it('uses the stored is-current before the clock', () => {
    const profile: Profile = {
      ...ANN,
      positions: [
        { title: 'Said past', company: {}, isCurrent: false },
        { title: 'Ended', company: {}, endDate: { year: 2024, month: 6 } },
        { title: 'Ends later', company: {}, endDate: { year: 2024, month: 7 } },
      ],
    }
    const values = (render(profile, '(positions:(is-current))').positions as { values: unknown[] }).values
    expect(values).toStrictEqual([{ isCurrent: false }, { isCurrent: false }, { isCurrent: true }])
  })

  it('renders the profile links only when the context has them', () => {
    const selector = '(id,site-standard-profile-request,api-standard-profile-request:(url))'
    expect(render(ANN, selector, 'O', false)).toStrictEqual({ id: 'ann' })
    expect(render(ANN, selector, 'O')).toStrictEqual({
      id: 'ann',
      siteStandardProfileRequest: { url: '/profile/view?id=ann&authToken=TOKEN&authType=name' },
      apiStandardProfileRequest: { url: '/v1/people/ann:full' },
    })
  })

  it('asks for the links once per person', () => {
    let calls = 0
    const context: PersonContext = {
      degree: 'S',
      now: NOW,
      links: (id) => {
        calls++
        return LINKS(id)
      },
    }
    renderPerson(ANN, parseSelector('(site-standard-profile-request,api-standard-profile-request)'), context)
    expect(calls).toBe(1)
  })

  it('never renders contact data or unknown fields', () => {
    expect(render(ANN, '(email,phone,language,constructor)')).toStrictEqual({})
  })
})
