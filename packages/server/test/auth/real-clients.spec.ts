// Requests signed by the real client libraries of the era, unmodified, recorded on a loopback
// server and handed to the Authenticator: it must accept exactly what they send, and refuse the
// same requests with one character changed.
import { spawn } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PeopleSearchError } from '@people-search/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { Authenticator, type AuthRequest } from '../../src/auth/authenticate.js'
import type { Credentials } from '../../src/auth/credentials.js'

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))
const requireHere = createRequire(import.meta.url)

// Secrets with characters a signer must encode (RFC 5849 §3.4.2).
const CONSUMER = { key: 'consumer-key', secret: 'c&s +!' }
const TOKEN = { token: 'oauth-token', secret: 'token/secret=' }
const ACCESS_TOKEN = 'AQV+tok/en=='
const MOBILE_TOKEN = 'mobile-token'

function credentials(canonicalAuthority?: string): Credentials {
  return {
    accessTokens: new Map([
      [ACCESS_TOKEN, 'member-query'],
      [MOBILE_TOKEN, 'member-bearer'],
    ]),
    consumers: new Map([
      [
        CONSUMER.key,
        {
          secret: CONSUMER.secret,
          tokens: new Map([[TOKEN.token, { secret: TOKEN.secret, member: 'member-oauth' }]]),
        },
      ],
    ]),
    timestampWindowSeconds: 300,
    ...(canonicalAuthority === undefined ? {} : { canonicalAuthority }),
  }
}

interface Recorded {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A loopback HTTP server that records each request exactly as it arrives and answers `{}`. */
async function recorder(): Promise<{ port: number; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      body += chunk
    })
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function asAuthRequest(recorded: Recorded, change: Partial<AuthRequest> = {}): AuthRequest {
  return {
    method: recorded.method,
    rawTarget: recorded.url,
    headers: recorded.headers,
    scheme: 'http',
    body: { contentType: recorded.headers['content-type'], text: recorded.body },
    ...change,
  }
}

function refusal(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof PeopleSearchError) return error.code
    throw error
  }
  return undefined
}

/** `request` with one character of its Authorization header's `name` parameter changed. */
function withParamChanged(request: AuthRequest, name: string): AuthRequest {
  const header = String(request.headers.authorization)
  const match = new RegExp(`${name}="([^"]*)"`).exec(header)
  if (match === null) throw new Error(`no ${name} in ${header}`)
  const value = match[1]
  const at = value.search(/[0-9A-Za-z]/)
  const changed = value.slice(0, at) + (value[at] === '1' ? '2' : '1') + value.slice(at + 1)
  return {
    ...request,
    headers: { ...request.headers, authorization: header.replace(match[0], `${name}="${changed}"`) },
  }
}

/**
 * Runs linkedin-node@1.0.0 in a child process (it replaces the global `URL` of its process) and
 * makes it send, to the recorder, the requests of `calls` (a JSON list of Lin.api arguments and
 * the authority to sign against).
 */
function runLinkedinNode(port: number, calls: unknown[]): Promise<void> {
  const script = `
    const Lin = require('linkedin-node')
    const calls = JSON.parse(process.env.LIN_CALLS)
    const credentials = { token: { token: process.env.LIN_TOKEN, secret: process.env.LIN_TOKEN_SECRET } }
    function next(at) {
      if (at === calls.length) return
      const call = calls[at]
      Lin.init({ oauth: {
        apiKey: process.env.LIN_KEY, apiSecret: process.env.LIN_SECRET,
        apiServer: 'http://127.0.0.1:' + process.env.LIN_PORT, apiAuthority: call.authority,
        directRequestServer: 'http://127.0.0.1:1', directRequestUrl: 'http://127.0.0.1:1/direct', tokenServer: 'http://127.0.0.1:1',
      } })
      const api = call.api ? Lin.api.apply(null, call.api) : call.raw
      Lin.makeRequest(credentials, { api: api }, function (err) {
        if (err && !err.statusCode) { console.error(err); process.exit(2) }
        next(at + 1)
      })
    }
    next(0)
  `
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        LIN_PORT: String(port),
        LIN_CALLS: JSON.stringify(calls),
        LIN_KEY: CONSUMER.key,
        LIN_SECRET: CONSUMER.secret,
        LIN_TOKEN: TOKEN.token,
        LIN_TOKEN_SECRET: TOKEN.secret,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`linkedin-node exited with ${code ?? signal}: ${stderr}`))
    })
  })
}

const LINKEDIN = 'http://api.linkedin.com'
const SEARCH_FIELDS =
  ':(people:(id,first-name,last-name),num-results,facets:(code,buckets:(code,name,count)))'

describe('linkedin-node@1.0.0 (OAuth 1.0a, signing against its apiAuthority)', () => {
  let recorded: Recorded[] = []

  beforeAll(async () => {
    const server = await recorder()
    try {
      await runLinkedinNode(server.port, [
        {
          authority: LINKEDIN,
          api: [
            'v1',
            'peopleAPI',
            'search',
            {
              fields: SEARCH_FIELDS,
              keywords: 'software engineer',
              start: 10,
              count: 2,
              sort: 'distance',
              networkOptions: 'F,S',
            },
          ],
        },
        {
          authority: LINKEDIN,
          api: ['v1', 'peopleAPI', 'profile', { id: 'id=abc123', fields: ':(id,first-name)' }],
        },
        { authority: LINKEDIN, api: ['v1', 'peopleAPI', 'profile', {}] },
        { authority: `${LINKEDIN}:80`, api: ['v1', 'peopleAPI', 'profile', { fields: ':(id)' }] },
        { authority: 'https://api.linkedin.com', api: ['v1', 'peopleAPI', 'profile', { fields: ':(id)' }] },
        {
          authority: LINKEDIN,
          raw: {
            method: 'POST',
            path: 'v1/person-profile',
            body: { note: "it's (1) ok!", skills: 'c++ & go' },
            headers: {},
          },
        },
      ])
      recorded = server.requests
    } finally {
      await server.close()
    }
  }, 30_000)

  it('sends commas and colons unencoded, %20 for spaces, and Host set to its authority', () => {
    expect(recorded.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET /v1/people-search${SEARCH_FIELDS}?keywords=software%20engineer&start=10&count=2&sort=distance&facet=network,F,S`,
      'GET /v1/people/id=abc123:(id,first-name)',
      'GET /v1/people/~:(id,first-name,last-name,formatted-name,headline,picture-url,auth-token,distance)',
      'GET /v1/people/~:(id)',
      'GET /v1/people/~:(id)',
      'POST /v1/person-profile',
    ])
    expect(recorded.map((request) => request.headers.host)).toEqual([
      'api.linkedin.com',
      'api.linkedin.com',
      'api.linkedin.com',
      'api.linkedin.com:80',
      'api.linkedin.com',
      'api.linkedin.com',
    ])
    expect(recorded[0].headers.authorization).toMatch(
      /^OAuth oauth_consumer_key="consumer-key",oauth_nonce="[0-9A-Za-z]{32}",oauth_signature_method="HMAC-SHA1",oauth_timestamp="\d+",oauth_token="oauth-token",oauth_version="1.0",oauth_signature="[^"]+"$/,
    )
    // A form content type on every request, GET included, with an empty body.
    expect(recorded[0].headers['content-type']).toBe('application/x-www-form-urlencoded')
    // querystring.stringify: !'()* as they are.
    expect(recorded[5].body).toBe("note=it's%20(1)%20ok!&skills=c%2B%2B%20%26%20go")
  })

  it('is accepted as sent: search, profile by id, ~, a default port, a signed form body', () => {
    const auth = new Authenticator(credentials(), Date.now)
    for (const request of [recorded[0], recorded[1], recorded[2], recorded[3], recorded[5]]) {
      expect(auth.authenticate(asAuthRequest(request)), request.url).toEqual({
        member: 'member-oauth',
        token: TOKEN.token,
        form: 'oauth1',
      })
    }
  })

  it('is refused with one character of the signature, timestamp, path or a query value changed', () => {
    const search = asAuthRequest(recorded[0])
    const changed: Array<[string, AuthRequest]> = [
      ['signature', withParamChanged(search, 'oauth_signature')],
      ['timestamp', withParamChanged(search, 'oauth_timestamp')],
      ['nonce', withParamChanged(search, 'oauth_nonce')],
      ['path', { ...search, rawTarget: search.rawTarget.replace('(id,', '(ie,') }],
      ['path encoding', { ...search, rawTarget: search.rawTarget.replace('(id,', '(id%2C') }],
      ['query value', { ...search, rawTarget: search.rawTarget.replace('start=10', 'start=11') }],
      ['facet value', { ...search, rawTarget: search.rawTarget.replace('network,F,S', 'network,F,O') }],
      ['body', asAuthRequest({ ...recorded[5], body: recorded[5].body.replace('ok', 'OK') })],
    ]
    for (const [what, request] of changed) {
      expect(
        refusal(() => new Authenticator(credentials(), Date.now).authenticate(request)),
        what,
      ).toBe('invalid-access-token')
    }
    // …and the unchanged request still passes: the changes, not the setup, were refused.
    expect(new Authenticator(credentials(), Date.now).authenticate(search).member).toBe('member-oauth')
  })

  it('is refused when replayed', () => {
    const auth = new Authenticator(credentials(), Date.now)
    expect(auth.authenticate(asAuthRequest(recorded[1])).member).toBe('member-oauth')
    expect(refusal(() => auth.authenticate(asAuthRequest(recorded[1])))).toBe('invalid-access-token')
  })

  it('verifies against the canonical authority when the Host it arrives with is another', () => {
    // Behind a proxy that rewrites Host, only the configured authority still matches.
    const proxied = asAuthRequest(recorded[0], {
      headers: { ...recorded[0].headers, host: '127.0.0.1:8080' },
    })
    expect(refusal(() => new Authenticator(credentials(), Date.now).authenticate(proxied))).toBe(
      'invalid-access-token',
    )
    expect(new Authenticator(credentials(LINKEDIN), Date.now).authenticate(proxied).member).toBe(
      'member-oauth',
    )
    // Signed for https://api.linkedin.com, received over http: only the canonical authority matches.
    const https = asAuthRequest(recorded[4])
    expect(refusal(() => new Authenticator(credentials(), Date.now).authenticate(https))).toBe(
      'invalid-access-token',
    )
    expect(refusal(() => new Authenticator(credentials(LINKEDIN), Date.now).authenticate(https))).toBe(
      'invalid-access-token',
    )
    expect(
      new Authenticator(credentials('https://api.linkedin.com'), Date.now).authenticate(https).member,
    ).toBe('member-oauth')
  })
})

interface NodeLinkedinServices {
  people: {
    search(options: Record<string, unknown>, callback: (error: unknown) => void): void
    me(callback: (error: unknown) => void): void
    id(id: string, fields: string[], callback: (error: unknown) => void): void
  }
}
interface NodeLinkedin {
  options: { api_url: string }
  init(token: string, options?: { mobileToken?: boolean }): NodeLinkedinServices
}

describe('node-linkedin@0.5.6 (oauth2_access_token, or Bearer for mobile tokens)', () => {
  let recorded: Recorded[] = []

  beforeAll(async () => {
    const server = await recorder()
    try {
      const linkedin = (
        requireHere('node-linkedin') as (id: string, secret: string, cb: string) => NodeLinkedin
      )('app-id', 'app-secret', 'http://127.0.0.1/callback')
      linkedin.options.api_url = `http://127.0.0.1:${server.port}/v1/`
      const call = (run: (done: (error: unknown) => void) => void) =>
        new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())))
      const services = linkedin.init(ACCESS_TOKEN)
      await call((done) =>
        services.people.search(
          { keywords: 'software engineer', facet: ['location,us:84', 'industry,4'], start: 10, count: 2 },
          done,
        ),
      )
      await call((done) => services.people.id('abc123', ['id', 'first-name'], done))
      const mobile = linkedin.init(MOBILE_TOKEN, { mobileToken: true })
      await call((done) => mobile.people.me(done))
      recorded = server.requests
    } finally {
      await server.close()
    }
  }, 30_000)

  it('sends the token as oauth2_access_token, form-encoded, or as a Bearer header', () => {
    expect(recorded[0].url).toBe(
      '/v1/people-search?keywords=software%20engineer&facet=location%2Cus%3A84&facet=industry%2C4&start=10&count=2' +
        '&oauth2_access_token=AQV%2Btok%2Fen%3D%3D&strict=false&format=json',
    )
    expect(recorded[0].headers.authorization).toBeUndefined()
    expect(recorded[2].headers.authorization).toBe(`Bearer ${MOBILE_TOKEN}`)
  })

  it('is accepted as sent, and refused with one character of the token changed', () => {
    const auth = new Authenticator(credentials(), Date.now)
    expect(auth.authenticate(asAuthRequest(recorded[0]))).toEqual({
      member: 'member-query',
      token: ACCESS_TOKEN,
      form: 'query',
    })
    expect(auth.authenticate(asAuthRequest(recorded[1])).member).toBe('member-query')
    expect(auth.authenticate(asAuthRequest(recorded[2]))).toEqual({
      member: 'member-bearer',
      token: MOBILE_TOKEN,
      form: 'bearer',
    })
    const query = asAuthRequest(recorded[0], { rawTarget: recorded[0].url.replace('tok%2Fen', 'tok%2Fem') })
    expect(refusal(() => auth.authenticate(query))).toBe('invalid-access-token')
    const bearer = asAuthRequest(recorded[2], {
      headers: { ...recorded[2].headers, authorization: 'Bearer mobile-tokem' },
    })
    expect(refusal(() => auth.authenticate(bearer))).toBe('invalid-access-token')
  })
})

interface OAuthClient {
  get(url: string, token: string, secret: string, callback: (error: unknown) => void): void
  post(
    url: string,
    token: string,
    secret: string,
    body: Record<string, string>,
    callback: (error: unknown) => void,
  ): void
}

describe("node-linkedin's OAuth 1.0a signer (the oauth package, 0.9.x)", () => {
  let recorded: Recorded[] = []

  beforeAll(async () => {
    // The `oauth` package node-linkedin depends on, as node-linkedin itself resolves it.
    const nodeLinkedin = dirname(realpathSync(requireHere.resolve('node-linkedin/package.json')))
    const { OAuth } = createRequire(join(nodeLinkedin, 'package.json'))('oauth') as {
      OAuth: new (...args: Array<string | null>) => OAuthClient
    }
    const client = new OAuth(null, null, CONSUMER.key, CONSUMER.secret, '1.0', null, 'HMAC-SHA1')
    const server = await recorder()
    try {
      const base = `http://127.0.0.1:${server.port}`
      const call = (run: (done: (error: unknown) => void) => void) =>
        new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())))
      const get = (path: string) => call((done) => client.get(base + path, TOKEN.token, TOKEN.secret, done))
      await get(
        `/v1/people-search${SEARCH_FIELDS}?keywords=software%20engineer&start=10&count=2&facet=network,F,S`,
      )
      await get('/v1/people-search?keywords=software+engineer&facet=location%2Cus%3A84&facet=industry%2C4')
      await get('/v1/people/url=http%3A%2F%2Fwww.linkedin.com%2Fin%2Fada:(id,first-name)')
      await call((done) =>
        client.post(
          `${base}/v1/person-profile`,
          TOKEN.token,
          TOKEN.secret,
          { note: "it's (1) ok!", tag: 'a+b' },
          done,
        ),
      )
      recorded = server.requests
    } finally {
      await server.close()
    }
  }, 30_000)

  it('sends the target as given, and Host with the port', () => {
    expect(recorded.map((request) => request.url)).toEqual([
      `/v1/people-search${SEARCH_FIELDS}?keywords=software%20engineer&start=10&count=2&facet=network,F,S`,
      '/v1/people-search?keywords=software+engineer&facet=location%2Cus%3A84&facet=industry%2C4',
      '/v1/people/url=http%3A%2F%2Fwww.linkedin.com%2Fin%2Fada:(id,first-name)',
      '/v1/person-profile',
    ])
    expect(recorded[3].body).toBe('note=it%27s%20%281%29%20ok%21&tag=a%2Bb')
  })

  it('is accepted as sent, a repeated query name (signed as facet[0], facet[1]) included', () => {
    const auth = new Authenticator(credentials(), Date.now)
    for (const request of recorded) {
      expect(auth.authenticate(asAuthRequest(request)).member, request.url).toBe('member-oauth')
    }
  })

  it('is refused with one character of the signature, timestamp, path or a query value changed', () => {
    for (const request of recorded.slice(0, 3).map((recorded) => asAuthRequest(recorded))) {
      const changed = [
        withParamChanged(request, 'oauth_signature'),
        withParamChanged(request, 'oauth_timestamp'),
        { ...request, rawTarget: request.rawTarget.replace('first-name', 'first-namf') },
        { ...request, rawTarget: request.rawTarget.replace('industry%2C4', 'industry%2C5') },
        { ...request, rawTarget: request.rawTarget.replace('%20engineer', '%20engineex') },
        { ...request, rawTarget: request.rawTarget.replace('+engineer', '+engineex') },
      ].filter(
        (candidate) => candidate.rawTarget !== request.rawTarget || candidate.headers !== request.headers,
      )
      expect(changed.length).toBeGreaterThanOrEqual(3)
      for (const candidate of changed) {
        expect(
          refusal(() => new Authenticator(credentials(), Date.now).authenticate(candidate)),
          candidate.rawTarget,
        ).toBe('invalid-access-token')
      }
    }
  })
})
