// linkedin-node@1.0.0, unmodified, against a real server on 127.0.0.1 (docs/spec.md §9). It signs
// every call with OAuth 1.0a HMAC-SHA1 against its `apiAuthority` while connecting to its
// `apiServer`, sends `x-li-format: json`, leaves commas and colons unencoded, hands its caller the
// body as text and, on an error, only what /"message": "([^"]*)"/ finds in it. It replaces the
// global `URL` when it loads, so it runs in a child process (drivers/linkedin-node.cjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AUTHORITY,
  type ClientServers,
  CONSUMER,
  OAUTH_TOKENS,
  startClientServers,
  THROTTLED_SEARCHES,
} from './client-servers.js'
import { FRIEND, SECOND, THROTTLED, VIEWER } from './client-world.js'
import {
  expectedError,
  expectedPerson,
  expectedRefusal,
  expectedSearch,
  expectMeaningful,
  messageOf,
  PERSON_FIELDS,
  SEARCH_SELECTOR,
} from './expected-answers.js'
import { runDriver } from './run-driver.js'

const TEST_TIMEOUT_MS = 30_000
const FIELDS = `:(${PERSON_FIELDS.join(',')})`

/** One call of the driver: a `Lin.api('v1', 'peopleAPI', method, options)` request, signed with `token`. */
interface Call {
  method: 'search' | 'profile'
  options: Record<string, unknown>
  extraQuery?: string
  token: { token: string; secret: string }
}

/** What the client handed its callback for one call (see drivers/linkedin-node.cjs). */
interface Answer {
  sent?: string
  failed?: boolean
  statusCode?: number
  body?: string
  errorData?: string
  error?: string
  transport?: string
}

let servers: ClientServers

beforeAll(async () => {
  servers = await startClientServers()
}, 20_000)

afterAll(async () => {
  await servers?.close()
})

/**
 * Runs `calls` in one linkedin-node process, against the main server as CONSUMER and signing
 * for AUTHORITY unless `overrides` say otherwise.
 */
async function linkedinNode(
  calls: Call[],
  overrides: { apiServer?: string; apiAuthority?: string; consumerSecret?: string } = {},
): Promise<Answer[]> {
  const job = {
    apiServer: servers.main.url,
    apiAuthority: AUTHORITY,
    consumerKey: CONSUMER.key,
    consumerSecret: CONSUMER.secret,
    ...overrides,
    calls,
  }
  const answers = (await runDriver('linkedin-node.cjs', [JSON.stringify(job)])) as Answer[]
  expect(answers).toHaveLength(calls.length)
  return answers
}

/** The body of a successful answer, parsed as any user of the client parses it. */
function parsedBody(answer: Answer): unknown {
  expect(answer).toMatchObject({ failed: false, statusCode: 200 })
  return JSON.parse(answer.body as string)
}

/** A refusal as the client reports it: the status, the message its regex found, and the document. */
function expectRefused(
  answer: Answer,
  code: 'invalid-access-token' | 'throttle-limit',
  status: number,
): void {
  expect(answer).toMatchObject({ failed: true, statusCode: status, error: messageOf(code) })
  expect(JSON.parse(answer.errorData as string)).toEqual(expectedError(code))
}

const viewer = OAUTH_TOKENS[VIEWER]

describe('linkedin-node@1.0.0 against the service', () => {
  it('replaces the global URL when it loads, which is why it runs in a process of its own', async () => {
    expect(await runDriver('globals-after-require.cjs', ['linkedin-node'])).toContain('URL')
  })

  it(
    'a search with a selector, keywords, two facets, histograms and paging answers what the index does',
    async () => {
      const [answer] = await linkedinNode([
        {
          method: 'search',
          options: {
            fields: SEARCH_SELECTOR,
            keywords: 'software engineer',
            start: 2,
            count: 3,
            sort: 'distance',
            networkOptions: 'F,S',
          },
          extraQuery: 'facet=location,us:84,us:49&facets=location,network',
          token: viewer,
        },
      ])
      // As the client sends it: `%20` for the space, commas and colons as they are.
      expect(answer.sent).toBe(
        `v1/people-search${SEARCH_SELECTOR}?keywords=software%20engineer&start=2&count=3&sort=distance` +
          '&facet=network,F,S&facet=location,us:84,us:49&facets=location,network',
      )
      const expected = expectedSearch(
        servers.index,
        `/v1/people-search${SEARCH_SELECTOR}?keywords=software%20engineer&facet=location,us:84,us:49` +
          '&facet=network,F,S&facets=location,network&sort=distance&start=2&count=3',
      )
      expectMeaningful(expected, 3, ['location', 'network'])
      expect(parsedBody(answer)).toEqual(expected)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the next page, under a network facet and an industry facet, is the next page of the index',
    async () => {
      const [answer] = await linkedinNode([
        {
          method: 'search',
          options: { fields: SEARCH_SELECTOR, keywords: 'engineer', start: 4, count: 4, networkOptions: 'S' },
          extraQuery: 'facet=industry,4,96&facets=industry,network',
          token: viewer,
        },
      ])
      const expected = expectedSearch(
        servers.index,
        `/v1/people-search${SEARCH_SELECTOR}?keywords=engineer&facet=industry,4,96&facet=network,S` +
          '&facets=industry,network&start=4&count=4',
      )
      expectMeaningful(expected, 4, ['industry', 'network'])
      expect(parsedBody(answer)).toEqual(expected)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'profiles: the viewer by `~`, a connection by bare id, a second degree member by `id=`',
    async () => {
      const answers = await linkedinNode([
        { method: 'profile', options: { fields: FIELDS }, token: viewer },
        { method: 'profile', options: { id: FRIEND, fields: FIELDS }, token: viewer },
        { method: 'profile', options: { id: `id=${SECOND}`, fields: FIELDS }, token: viewer },
      ])
      expect(answers.map((answer) => answer.sent)).toEqual([
        `v1/people/~${FIELDS}`,
        `v1/people/${FRIEND}${FIELDS}`,
        `v1/people/id=${SECOND}${FIELDS}`,
      ])
      const [self, friend, second] = answers.map(parsedBody)
      expect(self).toEqual(expectedPerson(servers.index, VIEWER))
      expect(friend).toEqual(expectedPerson(servers.index, FRIEND))
      expect(second).toEqual(expectedPerson(servers.index, SECOND))
      expect(friend).toHaveProperty('summary')
      expect(second).not.toHaveProperty('summary')
    },
    TEST_TIMEOUT_MS,
  )

  it(
    "Lin.api's default selectors name fields §5.2 lacks: a 400 whose message the client extracts",
    async () => {
      const answers = await linkedinNode([
        { method: 'search', options: { keywords: 'engineer' }, token: viewer },
        { method: 'profile', options: { id: FRIEND }, token: viewer },
      ])
      // standardPersonFields() of lib/api/v1/peopleAPI.js: formatted-name and auth-token are not Person fields.
      const defaults = 'id,first-name,last-name,formatted-name,headline,picture-url,auth-token,distance'
      expect(answers.map((answer) => answer.sent)).toEqual([
        `v1/people-search:(people:(${defaults}))?keywords=engineer`,
        `v1/people/${FRIEND}:(${defaults})`,
      ])
      const expected = [
        expectedRefusal(() =>
          servers.index.search(`/v1/people-search:(people:(${defaults}))?keywords=engineer`, {
            viewer: VIEWER,
          }),
        ),
        expectedRefusal(() => servers.index.getPerson(FRIEND, { viewer: VIEWER, fields: `(${defaults})` })),
      ]
      answers.forEach((answer, at) => {
        expect(expected[at]).toMatchObject({ status: 400 })
        expect(answer).toMatchObject({ failed: true, statusCode: 400, error: expected[at].message })
        expect(JSON.parse(answer.errorData as string)).toEqual(expected[at])
      })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'an unknown token or a wrong token secret is a 401 whose message the client extracts',
    async () => {
      const search = { method: 'search', options: { fields: SEARCH_SELECTOR, keywords: 'engineer' } } as const
      const answers = await linkedinNode([
        { ...search, token: { token: 'no-such-token', secret: viewer.secret } },
        { ...search, token: { token: viewer.token, secret: 'not-the-secret' } },
        { method: 'profile', options: { fields: FIELDS }, token: { token: 'no-such-token', secret: 'x' } },
      ])
      for (const answer of answers) expectRefused(answer, 'invalid-access-token', 401)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a wrong consumer secret, or a signature for another authority, is a 401',
    async () => {
      const call: Call = { method: 'profile', options: { fields: FIELDS }, token: viewer }
      const [wrongSecret] = await linkedinNode([call], { consumerSecret: 'not-the-consumer-secret' })
      expectRefused(wrongSecret, 'invalid-access-token', 401)
      // The client also sends `Host: elsewhere.example`: neither the request's own authority nor the canonical one.
      const [elsewhere] = await linkedinNode([call], { apiAuthority: 'https://elsewhere.example' })
      expectRefused(elsewhere, 'invalid-access-token', 401)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    `a member past ${THROTTLED_SEARCHES} searches a day gets the 403 throttle, message extracted`,
    async () => {
      const call: Call = {
        method: 'search',
        options: { fields: SEARCH_SELECTOR, keywords: 'engineer', count: 3 },
        token: OAUTH_TOKENS[THROTTLED],
      }
      const answers = await linkedinNode(
        [...Array.from({ length: THROTTLED_SEARCHES + 1 }, () => call), { ...call, token: viewer }],
        { apiServer: servers.throttling.url },
      )
      const expected = expectedSearch(
        servers.index,
        `/v1/people-search${SEARCH_SELECTOR}?keywords=engineer&count=3`,
        THROTTLED,
      )
      expectMeaningful(expected, 3)
      for (const answer of answers.slice(0, THROTTLED_SEARCHES)) expect(parsedBody(answer)).toEqual(expected)
      expectRefused(answers[THROTTLED_SEARCHES], 'throttle-limit', 403)
      // Another member's quota is its own.
      expect(parsedBody(answers[THROTTLED_SEARCHES + 1])).toEqual(
        expectedSearch(servers.index, `/v1/people-search${SEARCH_SELECTOR}?keywords=engineer&count=3`),
      )
    },
    TEST_TIMEOUT_MS,
  )
})
