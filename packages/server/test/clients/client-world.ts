// The world the legacy-client tests search: 60 handmade members around one viewer, built the same
// way every run, so that paging, the location/industry/network facets and their histograms all
// have several buckets and more matches than one page holds.
import { PeopleIndex, type Profile } from '@people-search/core'

/** The member the clients act for; `THROTTLED` is the one whose searches run out. */
export const VIEWER = 'viewer'
export const THROTTLED = 'throttled'

/** A first-degree connection of the viewer whose summary is for connections only (docs/spec.md §3.6). */
export const FRIEND = 'm00'
/** A second-degree member (through `FRIEND`) whose connections-only summary the viewer may not see. */
export const SECOND = 'm15'
/** Where `FRIEND`'s public profile lives, for lookups by `url=` (docs/spec.md §9.1). */
export const FRIEND_URL = 'http://www.linkedin.com/in/member-m00'

const PLACES = [
  { name: 'San Francisco Bay Area', code: 'us:84' },
  { name: 'Greater Los Angeles Area', code: 'us:49' },
  { name: 'Greater New York City Area', code: 'us:70' },
  { name: 'London, United Kingdom', code: 'gb:4573' },
  { name: 'Paris Area, France', code: 'fr:5227' },
]
const INDUSTRIES = [
  { code: 4, name: 'Computer Software' },
  { code: 96, name: 'Information Technology and Services' },
  { code: 6, name: 'Internet' },
]
const HEADLINES = [
  'Software Engineer',
  'Senior Software Engineer',
  'Product Manager',
  'Software Engineer in Test',
  'Data Scientist',
  'Site Reliability Engineer',
  'Software Engineering Manager',
]
const COMPANIES = [
  { id: 1001, name: 'Acme Software' },
  { id: 1002, name: 'Globex' },
  { id: 1003, name: 'Initech' },
]
const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim']
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman']

/** Members m00–m14 are F, m15–m44 S (each knows one F), m45–m52 A (a group), m53–m59 O. */
const SIZE = 60
const F_END = 15
const S_END = 45
const A_END = 53
const GROUP = 'g-engineers'

function member(i: number): Profile {
  const id = `m${String(i).padStart(2, '0')}`
  const company = COMPANIES[i % COMPANIES.length]
  return {
    id,
    firstName: FIRST[i % FIRST.length],
    lastName: LAST[(i * 7) % LAST.length],
    headline: HEADLINES[i % HEADLINES.length],
    summary: `Builds things at ${company.name}.`,
    location: PLACES[(i * 3) % PLACES.length],
    industry: INDUSTRIES[i % INDUSTRIES.length],
    // Distinct counts, so the default sort is not decided by ids alone.
    numConnections: (i * 137) % 600,
    numRecommenders: i % 9,
    positions: [{ id: i, title: HEADLINES[i % HEADLINES.length], company, isCurrent: true }],
    publicProfileUrl: `http://www.linkedin.com/in/member-${id}`,
    // Every third member keeps the summary for connections: F viewers see it, S viewers do not.
    visibility: i % 3 === 0 ? { summary: 'connections' } : {},
  }
}

/** The client world: the viewer, a member to throttle, and 60 others at every degree. */
export function clientWorld(): PeopleIndex {
  // A fixed clock: answers do not depend on the day the tests run.
  const index = new PeopleIndex({ now: () => new Date('2024-06-01T12:00:00Z') })
  const others = Array.from({ length: SIZE }, (_, i) => member(i))
  index.add([
    {
      id: VIEWER,
      firstName: 'Vera',
      lastName: 'Viewer',
      headline: 'Software Engineer',
      summary: 'Looks for engineers.',
      location: PLACES[0],
      industry: INDUSTRIES[0],
      numConnections: F_END,
      visibility: { summary: 'connections' },
    },
    {
      id: THROTTLED,
      firstName: 'Theo',
      lastName: 'Throttled',
      headline: 'Recruiter',
      location: PLACES[1],
      industry: INDUSTRIES[1],
    },
    ...others,
  ])
  for (let i = 0; i < F_END; i++) {
    index.connect(VIEWER, others[i].id)
    index.connect(THROTTLED, others[i].id)
  }
  for (let i = F_END; i < S_END; i++) index.connect(others[i].id, others[i % F_END].id)
  index.joinGroup(VIEWER, GROUP)
  for (let i = S_END; i < A_END; i++) index.joinGroup(others[i].id, GROUP)
  return index
}
