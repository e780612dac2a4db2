// node-linkedin@0.5.6, unmodified, against a real server on 127.0.0.1 (docs/spec.md §9): every
// answer it parsed equals what the library answers for the same request and viewer. The client
// sends `oauth2_access_token`, `strict` and `format=json` in the query, never checks the HTTP
// status, and JSON-parses every body, errors included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCESS_TOKENS,
  type ClientServers,
  startClientServers,
  THROTTLED_SEARCHES,
} from './client-servers.js'
import { FRIEND, FRIEND_URL, SECOND, THROTTLED, VIEWER } from './client-world.js'
import {
  expectedError,
  expectedPerson,
  expectedRefusal,
  expectedSearch,
  expectMeaningful,
  PERSON_FIELDS,
  SEARCH_SELECTOR,
} from './expected-answers.js'
import { NodeLinkedin } from './node-linkedin-client.js'
import { runDriver } from './run-driver.js'

const TOKEN = ACCESS_TOKENS[VIEWER]

/** The fields node-linkedin's `people.me` names when given none (lib/services/people.js). */
const ME_DEFAULT_FIELDS =
  'id,first-name,last-name,maiden-name,formatted-name,headline,location,industry,current-share,' +
  'num-connections,num-connections-capped,summary,specialties,positions,picture-url,picture-urls::(original),' +
  'email-address,last-modified-timestamp,associations,interests,publications,patents,languages,skills,' +
  'certifications,educations,courses,volunteer,num-recommenders,recommendations-received,mfeed-rss-url,' +
  'following,job-bookmarks,suggestions,date-of-birth,related-profile-views,honors-awards,phone-numbers,' +
  'bound-account-types,im-accounts,main-address,twitter-accounts,primary-twitter-account,connections,' +
  'group-memberships,network,public-profile-url'
/** …and `people.id` / `people.url`. */
const ID_DEFAULT_FIELDS = 'date-of-birth,educations,languages'
const TEST_TIMEOUT_MS = 15_000

let servers: ClientServers
let client: NodeLinkedin

beforeAll(async () => {
  servers = await startClientServers()
  client = new NodeLinkedin(`${servers.main.url}/v1/`)
}, 20_000)

afterAll(async () => {
  await servers?.close()
})

describe('node-linkedin@0.5.6 against the service', () => {
  it('replaces no global when it loads, so it can share the test process', async () => {
    expect(await runDriver('globals-after-require.cjs', ['node-linkedin'])).toEqual([])
  })

  it(
    'a search with a selector, keywords, two facets, histograms and paging answers what the index does',
    async () => {
      const answer = await client.searchWithSelector(TOKEN, SEARCH_SELECTOR, {
        keywords: 'software engineer',
        facet: ['location,us:84,us:49', 'network,F,S'],
        facets: 'location,network',
        sort: 'distance',
        start: 2,
        count: 3,
      })
      const expected = expectedSearch(
        servers.index,
        `/v1/people-search${SEARCH_SELECTOR}?keywords=software%20engineer&facet=location,us:84,us:49` +
          '&facet=network,F,S&facets=location,network&sort=distance&start=2&count=3',
      )
      expectMeaningful(expected, 3, ['location', 'network'])
      expect(answer).toEqual({ error: null, body: expected })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the next page, under an industry facet and a network facet, is the next page of the index',
    async () => {
      const answer = await client.searchWithSelector(TOKEN, SEARCH_SELECTOR, {
        keywords: 'engineer',
        facet: ['industry,4,96', 'network,S'],
        facets: 'industry,network',
        start: 4,
        count: 4,
      })
      const expected = expectedSearch(
        servers.index,
        `/v1/people-search${SEARCH_SELECTOR}?keywords=engineer&facet=industry,4,96&facet=network,S` +
          '&facets=industry,network&start=4&count=4',
      )
      expectMeaningful(expected, 4, ['industry', 'network'])
      expect(answer).toEqual({ error: null, body: expected })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'people.search, which sends no selector, gets the default fields: no histograms however `facets=` asks',
    async () => {
      const answer = await client.search(TOKEN, {
        keywords: 'software',
        facet: ['location,us:0', 'industry,4,6'],
        facets: 'location,industry',
        sort: 'connections',
        start: 1,
        count: 2,
      })
      const expected = expectedSearch(
        servers.index,
        '/v1/people-search?keywords=software&facet=location,us:0&facet=industry,4,6&facets=location,industry' +
          '&sort=connections&start=1&count=2',
      )
      expectMeaningful(expected, 2)
      expect(answer).toEqual({ error: null, body: expected })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'people.me is the viewer itself (`/v1/people/~`)',
    async () => {
      const answer = await client.me(TOKEN, PERSON_FIELDS)
      const expected = expectedPerson(servers.index, VIEWER)
      expect(expected).toMatchObject({ id: VIEWER, summary: expect.any(String) })
      expect(answer).toEqual({ error: null, body: expected })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'people.id shows a connection its connections-only sections, and a second degree member not',
    async () => {
      const friend = await client.id(TOKEN, FRIEND, PERSON_FIELDS)
      const second = await client.id(TOKEN, SECOND, PERSON_FIELDS)
      const expectedFriend = expectedPerson(servers.index, FRIEND)
      const expectedSecond = expectedPerson(servers.index, SECOND)
      expect(expectedFriend).toMatchObject({ id: FRIEND, distance: 1, summary: expect.any(String) })
      expect(expectedSecond).toMatchObject({ id: SECOND, distance: 2 })
      expect(expectedSecond).not.toHaveProperty('summary')
      expect(friend).toEqual({ error: null, body: expectedFriend })
      expect(second).toEqual({ error: null, body: expectedSecond })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'people.url finds the member by its public profile URL (`/v1/people/url=<encoded>`)',
    async () => {
      const answer = await client.url(TOKEN, FRIEND_URL, PERSON_FIELDS)
      expect(answer).toEqual({ error: null, body: expectedPerson(servers.index, FRIEND) })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'people.me and people.id without fields name fields §5.2 lacks: the 400 the index gives that selector',
    async () => {
      const me = await client.meWithDefaultFields(TOKEN)
      const id = await client.idWithDefaultFields(TOKEN, FRIEND)
      const expectedMe = expectedRefusal(() =>
        servers.index.getPerson(VIEWER, { viewer: VIEWER, fields: `(${ME_DEFAULT_FIELDS})` }),
      )
      const expectedId = expectedRefusal(() =>
        servers.index.getPerson(FRIEND, { viewer: VIEWER, fields: `(${ID_DEFAULT_FIELDS})` }),
      )
      expect(expectedMe).toMatchObject({ status: 400 })
      expect(expectedId).toMatchObject({ status: 400 })
      expect(me).toEqual({ error: null, body: expectedMe })
      expect(id).toEqual({ error: null, body: expectedId })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a bad token gets the 401 error document, which the client parses like any answer',
    async () => {
      const refused = expectedError('invalid-access-token')
      expect(refused).toMatchObject({ status: 401 })
      const search = await client.searchWithSelector('no-such-token', SEARCH_SELECTOR, {
        keywords: 'engineer',
      })
      const me = await client.me('no-such-token', PERSON_FIELDS)
      const plain = await client.search('no-such-token', { keywords: 'engineer' })
      for (const answer of [search, me, plain]) expect(answer).toEqual({ error: null, body: refused })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    `a member past ${THROTTLED_SEARCHES} searches a day gets the 403 throttle document`,
    async () => {
      client.apiUrl = `${servers.throttling.url}/v1/`
      try {
        const token = ACCESS_TOKENS[THROTTLED]
        const expected = expectedSearch(
          servers.index,
          '/v1/people-search?keywords=engineer&count=3',
          THROTTLED,
        )
        expectMeaningful(expected, 3)
        for (let i = 0; i < THROTTLED_SEARCHES; i++) {
          expect(await client.search(token, { keywords: 'engineer', count: 3 })).toEqual({
            error: null,
            body: expected,
          })
        }
        const refused = expectedError('throttle-limit')
        expect(refused).toMatchObject({ status: 403 })
        expect(await client.search(token, { keywords: 'engineer', count: 3 })).toEqual({
          error: null,
          body: refused,
        })
        // Another member's quota is its own.
        const other = expectedSearch(servers.index, '/v1/people-search?keywords=engineer&count=3')
        expect(await client.search(TOKEN, { keywords: 'engineer', count: 3 })).toEqual({
          error: null,
          body: other,
        })
      } finally {
        client.apiUrl = `${servers.main.url}/v1/`
      }
    },
    TEST_TIMEOUT_MS,
  )
})
