import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Profile } from '@people-search/core'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningServer, type ServerOptions, startServer } from '../src/server.js'

const KEY = 'the-admin-key'
const running: RunningServer[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
})

async function start(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    ...options,
    config: { adminKey: KEY, ...options.config },
  })
  running.push(server)
  return server
}

/** A call as a client makes it; the answer's status and parsed JSON body. */
async function call(
  server: RunningServer,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; text: string; type: string | null }> {
  const headers: Record<string, string> = { 'x-li-format': 'json' }
  const key = options.key === undefined ? KEY : options.key
  if (key !== null) headers.authorization = `Bearer ${key}`
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  const body =
    options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
  const response = await fetch(`${server.url}${path}`, { method, headers, ...body })
  const text = await response.text()
  let parsed: Record<string, unknown> = {}
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: response.status, body: parsed, text, type: response.headers.get('content-type') }
}

const SETTINGS = {
  now: '2026-06-15T00:00:00Z',
  caps: { basic: 2 },
  facetBucketLimit: 1,
  postalCodes: [
    { country: 'us', code: '94043', lat: 37.422, lon: -122.0841 },
    { country: 'us', code: '94105', lat: 37.7898, lon: -122.3942 },
    { country: 'ca', code: 'M5V 3L9', lat: 43.6426, lon: -79.3871 },
  ],
  viewerTokens: 'member:',
}

function person(id: string, extra: Partial<Profile> = {}): Profile {
  return {
    id,
    firstName: `First${id}`,
    lastName: `Last${id}`,
    headline: 'engineer',
    location: { name: 'San Francisco Bay Area', code: 'us:84', postalCode: '94105' },
    ...extra,
  }
}

/** `ann` and three connections; `bob` was an engineer until 2020. */
async function loadWorld(server: RunningServer): Promise<void> {
  const profiles = [
    person('ann'),
    person('bob', { positions: [{ title: 'engineer', company: { name: 'Acme' }, endDate: { year: 2020 } }] }),
    person('cat', { industry: { code: 4, name: 'Computer Software' } }),
    person('dan', { industry: { code: 6, name: 'Internet' } }),
  ]
  expect((await call(server, 'PUT', '/admin/profiles', { body: profiles })).status).toBe(200)
  const edges = [
    ['ann', 'bob'],
    ['ann', 'cat'],
    ['ann', 'dan'],
  ]
  expect((await call(server, 'PUT', '/admin/connections', { body: edges })).status).toBe(200)
}

const search = (server: RunningServer, query: string, viewer = 'ann') =>
  call(server, 'GET', `/v1/people-search:(people:(id),num-results,facets:(code,buckets:(code)))?${query}`, {
    token: `member:${viewer}`,
  })
const ids = (answer: { body: Record<string, unknown> }) =>
  ((answer.body.people as { values?: { id: string }[] } | undefined)?.values ?? []).map((p) => p.id)

describe('test mode (packages/server/README.md, Test mode)', () => {
  it('does not exist without testMode: POST /admin/test-mode is a 404 like any unknown path, key or no key', async () => {
    const server = await start()
    for (const key of [KEY, null]) {
      const route = await call(server, 'POST', '/admin/test-mode', { body: SETTINGS, key })
      const unknown = await call(server, 'POST', '/admin/no-such-route', { body: SETTINGS, key })
      expect(route.status).toBe(404)
      expect([route.type, route.body.status, route.body.errorCode]).toEqual([
        unknown.type,
        unknown.body.status,
        unknown.body.errorCode,
      ])
      expect(route.body.message).toBe('Unknown resource {/admin/test-mode}')
    }
    // Nor are admin writes accepted without a state directory.
    expect((await call(server, 'PUT', '/admin/profiles', { body: [person('ann')] })).status).toBe(503)
  })

  it('is refused beside a state directory, and a testMode that is not a boolean is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-test-mode-'))
    try {
      await expect(start({ state: join(dir, 'state'), config: { testMode: true } })).rejects.toMatchObject({
        code: 'invalid-argument',
        message: expect.stringContaining('server config testMode'),
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    await expect(start({ config: { testMode: 'yes' as unknown as boolean } })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('server config testMode'),
    })
  })

  it('sets the clock, caps, bucket limit, geocoder and viewer tokens of a fresh empty world', async () => {
    const server = await start({ config: { testMode: true, throttles: { searchesPerDay: 1 } } })
    const reset = await call(server, 'POST', '/admin/test-mode', { body: SETTINGS })
    expect([reset.status, reset.body]).toEqual([200, { status: 'ok', members: 0 }])
    await loadWorld(server)

    // The caps: basic is capped at 2 of 3.
    const all = await search(server, 'keywords=engineer')
    expect([all.status, all.body.numResults, (all.body.people as { _total: number })._total]).toEqual([
      200, 3, 2,
    ])
    // The bucket limit: one industry bucket.
    const facets = await search(server, 'facets=industry')
    const buckets = (facets.body.facets as { values: { buckets: { _total: number } }[] }).values[0].buckets
    expect(buckets._total).toBe(1)
    // The clock: at 2026 bob's position is past; at 2019 it is current.
    expect(ids(await search(server, 'title=engineer&current-title=true'))).toEqual([])
    // The geocoder: 94105 is about 31 miles from 94043; codes match in any case; a country the table lacks is a 400.
    expect((await search(server, 'country-code=us&postal-code=94043&distance=35')).body.numResults).toBe(3)
    expect((await search(server, 'country-code=us&postal-code=94043&distance=25')).body.numResults).toBe(0)
    const uncovered = await search(server, 'country-code=gb&postal-code=SW1A%201AA')
    expect([uncovered.status, uncovered.body.message]).toEqual([
      400,
      'Postal codes are not known for country {gb}',
    ])
    const anyCase = await search(server, 'country-code=ca&postal-code=m5v%203l9') // M5V 3L9, where nobody lives
    expect([anyCase.status, anyCase.body.numResults]).toEqual([200, 0])
    // Viewer tokens: a member the world lacks is the index's 401; a token without the prefix is refused.
    expect((await search(server, 'keywords=engineer', 'ghost')).status).toBe(401)
    expect((await call(server, 'GET', '/v1/people-search?keywords=x', { token: 'ann' })).status).toBe(401)
    // searchesPerDay is 1, yet ann has searched eight times: in test mode the quota is off.

    await call(server, 'POST', '/admin/test-mode', {
      body: { ...SETTINGS, now: '2019-01-01T00:00:00Z', caps: {} },
    })
    expect((await search(server, 'keywords=engineer')).status).toBe(401) // a fresh, empty world
    await loadWorld(server)
    expect(ids(await search(server, 'title=engineer&current-title=true'))).toEqual(['bob'])
    expect((await search(server, 'keywords=engineer')).body.people).toMatchObject({ _total: 3 })
  })

  it('keeps the admin key, and each route its methods', async () => {
    const server = await start({ config: { testMode: true } })
    expect((await call(server, 'POST', '/admin/test-mode', { body: SETTINGS, key: null })).status).toBe(401)
    expect((await call(server, 'POST', '/admin/test-mode', { body: SETTINGS, key: 'wrong' })).status).toBe(
      401,
    )
    expect((await call(server, 'GET', '/admin/test-mode')).status).toBe(405)
    // Snapshots need a state directory, which test mode never has.
    expect((await call(server, 'POST', '/admin/snapshot')).status).toBe(503)
  })

  it('refuses each bad body with a 400 naming the problem, and keeps the world it has', async () => {
    const server = await start({ config: { testMode: true } })
    await call(server, 'POST', '/admin/test-mode', { body: SETTINGS })
    await loadWorld(server)
    const row = SETTINGS.postalCodes[0]
    const bad: [unknown, string][] = [
      ['not json', 'it is not JSON'],
      ['', 'it is not JSON'],
      [[SETTINGS], 'it is not a JSON object'],
      [null, 'it is not a JSON object'],
      [{ ...SETTINGS, clock: 'x' }, 'clock is not a test-mode setting'],
      [{ ...SETTINGS, now: undefined }, 'now is missing'],
      [{ ...SETTINGS, now: '2026-06-15' }, 'now is not an ISO 8601 instant'],
      [{ ...SETTINGS, now: '2026-13-45T00:00:00Z' }, 'now is not an ISO 8601 instant'],
      [{ ...SETTINGS, now: 1781481600000 }, 'now is not an ISO 8601 instant'],
      [{ ...SETTINGS, caps: [] }, 'caps is not a JSON object'],
      [{ ...SETTINGS, caps: { gold: 1 } }, 'caps.gold is not an account level'],
      [{ ...SETTINGS, caps: { basic: -1 } }, 'caps.basic is not an integer ≥ 0'],
      [{ ...SETTINGS, caps: { basic: 1.5 } }, 'caps.basic is not an integer ≥ 0'],
      [{ ...SETTINGS, facetBucketLimit: '10' }, 'facetBucketLimit is not an integer ≥ 0'],
      [{ ...SETTINGS, postalCodes: {} }, 'postalCodes is not an array'],
      [{ ...SETTINGS, postalCodes: [7] }, 'postalCodes[0] is not a JSON object'],
      [
        { ...SETTINGS, postalCodes: [{ ...row, country: 'US' }] },
        'postalCodes[0].country is not a lower-case',
      ],
      [{ ...SETTINGS, postalCodes: [{ ...row, code: ' ' }] }, 'postalCodes[0].code is not a postal code'],
      [
        { ...SETTINGS, postalCodes: [{ ...row, lat: 91 }] },
        'postalCodes[0].lat is not a number from -90 to 90',
      ],
      [
        { ...SETTINGS, postalCodes: [{ ...row, lon: '1' }] },
        'postalCodes[0].lon is not a number from -180 to 180',
      ],
      [{ ...SETTINGS, postalCodes: [{ ...row, region: 'us:84' }] }, 'postalCodes[0].region is not a field'],
      [{ ...SETTINGS, postalCodes: [row, { ...row, code: ' 94043 ' }] }, 'postalCodes[1] repeats us'],
      [{ ...SETTINGS, viewerTokens: '' }, 'viewerTokens is not a token prefix'],
      [{ ...SETTINGS, viewerTokens: 'has space' }, 'viewerTokens is not a token prefix'],
    ]
    for (const [body, problem] of bad) {
      const answer = await call(server, 'POST', '/admin/test-mode', { body })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.message, JSON.stringify(body)).toContain(problem)
    }
    // Nothing changed: the world and its viewer tokens are as they were.
    expect((await search(server, 'keywords=engineer')).body.numResults).toBe(3)
  })
})
