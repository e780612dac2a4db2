import { toXml } from '@people-search/xml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server.js'
import { NOW, TOKENS, testServer } from './http-world.js'

let server: RunningServer

beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

const SEARCH =
  '/v1/people-search:(people:(id,first-name,headline,distance),num-results,facets:(code,buckets:(code,count,selected)))?keywords=software%20engineer&facet=network,F,S&facets=network,location'

function get(target: string, headers: Record<string, string> = {}) {
  return fetch(server.url + target, { headers })
}

async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text())
}

describe('GET /v1/people-search (docs/spec.md §9.1, §9.3)', () => {
  it('answers in JSON with x-li-format: json, exactly as the index does for the authenticated member', async () => {
    const response = await get(`${SEARCH}&oauth2_access_token=${TOKENS.ann}`, { 'x-li-format': 'json' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(response.headers.get('x-li-format')).toBe('json')
    expect(response.headers.get('x-li-request-id')).toMatch(/^[A-Z0-9]{10}$/)
    expect(await json(response)).toEqual(server.index.search(SEARCH, { viewer: 'ann' }))
  })

  it('indents JSON by two spaces with "key": value, as the recordings are', async () => {
    const body = await (await get(`${SEARCH}&format=json&oauth2_access_token=${TOKENS.ann}`)).text()
    expect(body).toBe(`${JSON.stringify(server.index.search(SEARCH, { viewer: 'ann' }), null, 2)}\n`)
    expect(body).toContain('\n  "numResults": ')
  })

  it('answers in XML by default, whatever Accept says', async () => {
    const response = await get(`${SEARCH}&oauth2_access_token=${TOKENS.ann}`, { accept: 'application/json' })
    expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8')
    expect(response.headers.get('x-li-format')).toBe('xml')
    expect(await response.text()).toBe(toXml(server.index.search(SEARCH, { viewer: 'ann' })))
  })

  it('takes the token as a Bearer header, any case of x-li-format, + or %20 for spaces, a JSON content type on a GET', async () => {
    const expected = server.index.search('/v1/people-search?keywords=software+engineer', { viewer: 'bob' })
    for (const [target, headers] of [
      [
        '/v1/people-search?keywords=software+engineer',
        { authorization: `Bearer ${TOKENS.bob}`, 'x-li-format': 'JSON' },
      ],
      [
        '/v1/people-search?keywords=software%20engineer',
        { authorization: `bearer ${TOKENS.bob}`, 'x-li-format': 'Json' },
      ],
      [
        '/v1/people-search?format=json&keywords=software%20engineer',
        { authorization: `Bearer ${TOKENS.bob}`, 'content-type': 'application/json' },
      ],
    ] as const) {
      const response = await get(target, headers)
      expect(response.status).toBe(200)
      expect(await json(response)).toEqual(expected)
    }
  })

  it('reads format, strict and oauth2_access_token as transport, not search, parameters', async () => {
    const plain = server.index.search('/v1/people-search?keywords=engineer', { viewer: 'ann' })
    const response = await get(
      `/v1/people-search?keywords=engineer&strict=true&format=json&oauth2_access_token=${TOKENS.ann}`,
    )
    expect(await json(response)).toEqual(plain)
  })

  it('answers a bad search with the index’s 400 as a legacy document whose status is the HTTP status', async () => {
    const response = await get(`/v1/people-search?count=26&format=json&oauth2_access_token=${TOKENS.ann}`)
    expect(response.status).toBe(400)
    const doc = (await json(response)) as Record<string, unknown>
    expect(Object.keys(doc).sort()).toEqual(['errorCode', 'message', 'requestId', 'status', 'timestamp'])
    expect(doc).toMatchObject({ status: 400, errorCode: 0, timestamp: NOW.getTime() })
    expect(doc.requestId).toBe(response.headers.get('x-li-request-id'))
    expect(doc.message).toMatch(/count/)
  })
})

describe('authentication (docs/spec.md §9.2)', () => {
  it('answers no credentials, an unknown token or a bad Bearer with 401 Invalid access token., in the asked format', async () => {
    for (const [target, headers] of [
      ['/v1/people-search?keywords=a', {}],
      ['/v1/people-search?keywords=a&oauth2_access_token=nope', {}],
      ['/v1/people-search?keywords=a', { authorization: 'Bearer nope' }],
    ] as const) {
      const xml = await get(target, headers)
      expect(xml.status).toBe(401)
      const text = await xml.text()
      expect(text).toContain('<status>401</status>')
      expect(text).toContain('<message>Invalid access token.</message>')
      const asJson = await get(target, { ...headers, 'x-li-format': 'json' })
      expect(asJson.status).toBe(401)
      expect(await asJson.text()).toContain('"message": "Invalid access token."')
    }
  })

  it('answers a token of a member the index does not hold with the index’s 401 naming it', async () => {
    const response = await get(`/v1/people-search?format=json&oauth2_access_token=${TOKENS.ghost}`)
    expect(response.status).toBe(401)
    expect(await json(response)).toMatchObject({ status: 401, message: expect.stringContaining('nobody') })
  })
})

describe('GET /v1/people/… (docs/spec.md §9.1, §6.2)', () => {
  const headers = { 'x-li-format': 'json', authorization: `Bearer ${TOKENS.ann}` }

  it('answers ~ with the member itself, with or without a selector', async () => {
    expect(await json(await get('/v1/people/~:(id,first-name,distance)', headers))).toEqual({
      id: 'ann',
      firstName: 'Ann',
      distance: 0,
    })
    expect(await json(await get('/v1/people/~', headers))).toEqual(
      server.index.getPerson('ann', { viewer: 'ann' }),
    )
    expect(await json(await get('/v1/people/%7E:(id)', headers))).toEqual({ id: 'ann' })
  })

  it('answers id=<id>, <id>, :full and :public as the index does', async () => {
    const full = server.index.getPerson('bob', { viewer: 'ann' })
    expect(await json(await get('/v1/people/id=bob', headers))).toEqual(full)
    expect(await json(await get('/v1/people/bob:full', headers))).toEqual(full)
    expect(await json(await get('/v1/people/bob:(id,summary)', headers))).toEqual({
      id: 'bob',
      summary: 'Bob connections summary',
    })
    const shown = (await json(await get('/v1/people/bob:public', headers))) as Record<string, unknown>
    expect(shown).toEqual(server.index.getPerson('bob', { viewer: 'ann', fields: 'public' }))
    expect(shown).not.toHaveProperty('summary')
  })

  it('answers url=<percent-encoded public profile URL>, refusing out-of-network members without a token', async () => {
    const url = encodeURIComponent('http://www.linkedin.com/in/oli-out')
    const refused = await get(`/v1/people/url=${url}:(id)`, headers)
    expect(refused.status).toBe(403)
    const unknown = await get(
      `/v1/people/url=${encodeURIComponent('https://www.linkedin.com/in/nobody')}`,
      headers,
    )
    expect(unknown.status).toBe(404)
  })

  it('takes a search result’s token from x-li-auth-token or authToken/authType', async () => {
    const found = server.index.search(
      '/v1/people-search:(people:(id,api-standard-profile-request,site-standard-profile-request))?first-name=Oli&last-name=Out',
      { viewer: 'ann' },
    )
    const person = found.people?.values?.[0] as unknown as {
      apiStandardProfileRequest: { url: string; headers: { values: { value: string }[] } }
      siteStandardProfileRequest: { url: string }
    }
    const header = person.apiStandardProfileRequest.headers.values[0].value
    const api = await get('/v1/people/oli:(id,first-name)', { ...headers, 'x-li-auth-token': header })
    expect(api.status).toBe(200)
    expect(await json(api)).toEqual({ id: 'oli', firstName: 'Oli' })
    const site = new URL(person.siteStandardProfileRequest.url, 'http://x')
    const viaQuery = await get(`/v1/people/oli:(id)?${site.searchParams.toString()}`, headers)
    expect(await json(viaQuery)).toEqual({ id: 'oli' })
    const siteLink = await get(`${site.pathname}${site.search}`, headers)
    expect(await json(siteLink)).toMatchObject({ id: 'oli' })
    const forged = await get('/v1/people/oli', { ...headers, 'x-li-auth-token': `${header.slice(0, -2)}xx` })
    expect(forged.status).toBe(403)
  })

  it('answers in XML by default', async () => {
    const response = await get('/v1/people/~:(id)', { authorization: `Bearer ${TOKENS.ann}` })
    expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8')
    expect(await response.text()).toMatch(/<person>\s*<id>ann<\/id>\s*<\/person>/)
  })
})

describe('POST /person-profile (docs/spec.md §9.1, §6.1)', () => {
  function post(body: string) {
    return fetch(`${server.url}/person-profile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.ann}`, 'content-type': 'application/json' },
      body,
    })
  }

  it('answers the public Person Profile document in JSON with its credits in x-credits-used', async () => {
    const response = await post(
      JSON.stringify({ profile_url: 'https://www.linkedin.com/in/oli-out', skills: 'include' }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('x-credits-used')).toBe('1')
    const expected = await server.index.lookupProfile({
      profile_url: 'https://www.linkedin.com/in/oli-out',
      skills: 'include',
    })
    expect(await json(response)).toEqual(JSON.parse(JSON.stringify(expected.profile)))
  })

  it('answers a profile that is not found with 404 costing 0, and a body that is not a JSON object with 400', async () => {
    const missing = await post(JSON.stringify({ profile_url: 'https://www.linkedin.com/in/nobody' }))
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-credits-used')).toBe('0')
    for (const body of ['', 'not json', '[1]', 'null']) {
      const bad = await post(body)
      expect(bad.status).toBe(400)
      expect(await json(bad)).toMatchObject({ status: 400 })
    }
  })
})

describe('the rest of the service (docs/spec.md §9.1, §9.4, §9.5)', () => {
  it('answers GET /health without credentials', async () => {
    const response = await get('/health')
    expect(await json(response)).toEqual({ status: 'ok', members: 7 })
  })

  it('answers an unknown resource with 404 and a known one with the wrong method with 405, never an empty body', async () => {
    const missing = await get('/v2/people-search')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('<status>404</status>')
    const asJson = await get('/v2/people-search?format=json')
    expect(await json(asJson)).toMatchObject({ status: 404, message: 'Unknown resource {/v2/people-search}' })
    const wrong = await fetch(`${server.url}/v1/people-search?keywords=a`, { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(await wrong.text()).toContain('<status>405</status>')
  })

  it('answers a target over 16,384 characters with 414 in the asked format, and one of exactly 16,384 normally', async () => {
    const base = `/v1/people-search?oauth2_access_token=${TOKENS.ann}&format=json&pad=`
    const atLimit = await get(base + 'x'.repeat(16_384 - base.length))
    expect(atLimit.status).toBe(200)
    const over = await get(base + 'x'.repeat(16_385 - base.length))
    expect(over.status).toBe(414)
    expect(await json(over)).toMatchObject({ status: 414 })
  })

  it('refuses admin writes without the admin key (401) and, without a state directory, with one (503)', async () => {
    const put = (headers: Record<string, string>) =>
      fetch(`${server.url}/admin/connections`, { method: 'PUT', headers, body: '[["ann","dan"]]' })
    expect((await put({})).status).toBe(401)
    expect((await put({ authorization: 'Bearer wrong' })).status).toBe(401)
    const keyed = await testServer({ config: { adminKey: 'admin-key' } })
    try {
      const response = await fetch(`${keyed.url}/admin/connections`, {
        method: 'PUT',
        headers: { authorization: 'Bearer admin-key' },
        body: '[["ann","dan"]]',
      })
      expect(response.status).toBe(503)
      expect(await json(response)).toMatchObject({ status: 503 })
    } finally {
      await keyed.close()
    }
  })
})

describe('throttling (docs/spec.md §9.4)', () => {
  it('refuses the search after the daily limit with 403, per account level, and counts per member', async () => {
    const limited = await testServer({
      config: { throttles: { searchesPerDay: 2, searchesPerDayByLevel: { executive: 3 } } },
    })
    try {
      const search = (token: string) =>
        fetch(`${limited.url}/v1/people-search?format=json&oauth2_access_token=${token}`)
      expect((await search(TOKENS.ann)).status).toBe(200)
      expect((await search(TOKENS.ann)).status).toBe(200)
      const third = await search(TOKENS.ann)
      expect(third.status).toBe(403)
      expect(await json(third)).toMatchObject({
        status: 403,
        message: 'Throttle limit for calls to this resource is reached.',
      })
      expect((await search(TOKENS.bob)).status).toBe(200)
      for (let i = 0; i < 3; i++) expect((await search(TOKENS.exe)).status).toBe(200)
      expect((await search(TOKENS.exe)).status).toBe(403)
    } finally {
      await limited.close()
    }
  })

  it('refuses profile lookups past the per-minute limit of the token with 403', async () => {
    const limited = await testServer({ config: { throttles: { lookupsPerMinute: 2 } } })
    try {
      const fetchSelf = () => fetch(`${limited.url}/v1/people/~:(id)?oauth2_access_token=${TOKENS.ann}`)
      expect((await fetchSelf()).status).toBe(200)
      expect((await fetchSelf()).status).toBe(200)
      expect((await fetchSelf()).status).toBe(403)
    } finally {
      await limited.close()
    }
  })
})
