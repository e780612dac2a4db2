// The hostile requests of the abuse test, each with what docs/spec.md §9.3 and §9.4 say it must get.
import { randomBytes } from 'node:crypto'
import { NOW, TOKENS } from '../http/http-world.js'

export const HEADERS_TIMEOUT = 1_000
export const REQUEST_TIMEOUT = 2_000
/** How often Node looks for clients past those timeouts (the service's `connectionsCheckingInterval`). */
const CHECK_INTERVAL = 1_000
/** A client past a timeout is cut off within two checks of it, plus scheduling. */
export const CUT_OFF_SLACK = 2 * CHECK_INTERVAL + 750
export const BODY_LIMIT = 64 * 1024
export const ADMIN_KEY = 'abuse-admin-key'
export const CONSUMER = {
  key: 'abuse-consumer',
  secret: 'consumer-secret',
  token: 'abuse-token',
  tokenSecret: 'token-secret',
}

/** The well-formed search the probe sends (as ann). */
export const PROBE_SEARCH = `/v1/people-search?keywords=software%20engineer&oauth2_access_token=${TOKENS.ann}`

export type Format = 'json' | 'xml'

/** A hostile request sent as raw bytes, and what it must get. */
export interface RawAttack {
  name: string
  chunks: string[]
  gapMs?: number
  vanish?: boolean
  deadlineMs: number
  expect:
    | { answer: readonly number[]; format: Format }
    /** Cut off by the server once `cutOffAfter` ms have passed (an error document first is allowed). */
    | { cutOffAfter: number }
    | 'nothing'
}

/** A hostile request that fetch can send, and what it must get. */
export interface FetchAttack {
  name: string
  target: string
  init: RequestInit
  expect: { answer: readonly number[]; format: Format }
}

const a = (n: number) => 'a'.repeat(n)
const close = 'Connection: close\r\n'

export function rawAttacks(): RawAttack[] {
  const attacks: RawAttack[] = []
  // Slowloris: valid header bytes, one every 200 ms, never finished.
  for (let i = 0; i < 50; i++) {
    attacks.push({
      name: `slow headers #${i}`,
      chunks: [...`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-${i}: ${a(40)}`],
      gapMs: 200,
      deadlineMs: HEADERS_TIMEOUT + CUT_OFF_SLACK + 1_000,
      expect: { cutOffAfter: HEADERS_TIMEOUT },
    })
  }
  // Complete headers, then a body one byte every 200 ms: the whole request takes too long.
  for (let i = 0; i < 5; i++) {
    attacks.push({
      name: `slow body #${i}`,
      chunks: [
        'POST /person-profile HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
        ...a(40),
      ],
      gapMs: 200,
      deadlineMs: REQUEST_TIMEOUT + CUT_OFF_SLACK + 1_000,
      expect: { cutOffAfter: REQUEST_TIMEOUT },
    })
  }
  // Clients that send part of a request, or all of one, and vanish.
  const halves = [
    'GET /v1/people-sea',
    'GET /v1/people-search?keywords=engineer HTTP/1.1\r\nHost: 127.0.0.1\r\n',
    `POST /person-profile HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"profile_url": "ht`,
    `PUT /admin/profiles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_KEY}\r\nContent-Length: 5000\r\n\r\n[{"id":`,
    `GET ${PROBE_SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
  ]
  for (let i = 0; i < 50; i++) {
    attacks.push({
      name: `vanishing #${i}`,
      chunks: [halves[i % halves.length]],
      vanish: true,
      deadlineMs: 1_000,
      expect: 'nothing',
    })
  }
  const malformed = (
    name: string,
    request: string,
    answer: readonly number[],
    format: Format = 'xml',
  ): RawAttack => ({
    name,
    chunks: [request],
    deadlineMs: 3_000,
    expect: { answer, format },
  })
  attacks.push(
    malformed('a request line that is not HTTP', 'GARBAGE\r\n\r\n', [400]),
    malformed('HTTP/9.9', 'GET /v1/people-search HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n', [400]),
    malformed(
      'a NUL in the target',
      `GET /v1/people-search?keywords=a\0b HTTP/1.1\r\nHost: 127.0.0.1\r\n${close}\r\n`,
      [400],
    ),
    malformed(
      'a 20 KB target',
      `GET /v1/people-search?keywords=${a(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n${close}\r\n`,
      [414],
    ),
    malformed(
      'a 20 KB target asking for JSON by header',
      `GET /v1/people-search?keywords=${a(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-li-format: json\r\n${close}\r\n`,
      [414],
      'json',
    ),
    malformed(
      'a 20 KB target asking for JSON by format=json',
      `GET /v1/people-search?format=json&keywords=${a(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n${close}\r\n`,
      [414],
      'json',
    ),
    // §9.4: a target over 16,384 characters is a 414, whatever else is wrong with the request.
    malformed(
      'a 70 KB target',
      `GET /v1/people-search?keywords=${a(70_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n${close}\r\n`,
      [414],
    ),
    // Headers over 64 KiB reach the app, which answers in the route's format (JSON for /health).
    malformed(
      '100 KB of headers',
      `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${a(100_000)}\r\n${close}\r\n`,
      [431],
      'json',
    ),
    malformed(
      '100 KB of headers on a search',
      `GET /v1/people-search HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${a(100_000)}\r\n${close}\r\n`,
      [431],
    ),
    // Past what Node reads at all (256 KiB), Node's parser gives up and the answer is XML.
    malformed(
      'a 300 KB target',
      `GET /v1/people-search?format=json&keywords=${a(300_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n${close}\r\n`,
      [414],
    ),
    malformed(
      '300 KB of headers',
      `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${a(300_000)}\r\n${close}\r\n`,
      [431],
    ),
    {
      name: 'a bare CRLF, then silence',
      chunks: ['\r\n'],
      deadlineMs: HEADERS_TIMEOUT + CUT_OFF_SLACK + 1_000,
      expect: { cutOffAfter: HEADERS_TIMEOUT },
    },
    malformed(
      'a body over the limit, with Content-Length',
      `POST /person-profile HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY_LIMIT + 1}\r\n${close}\r\n${a(BODY_LIMIT + 1)}`,
      [413],
      'json',
    ),
    malformed(
      'a Content-Length over the limit, no body sent',
      `PUT /admin/connections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_KEY}\r\nContent-Length: 10000000\r\n${close}\r\n`,
      [413],
      'json',
    ),
    malformed(
      'a chunked body over the limit',
      `PUT /admin/profiles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_KEY}\r\nTransfer-Encoding: chunked\r\n${close}\r\n` +
        `${`4000\r\n${a(0x4000)}\r\n`.repeat(5)}0\r\n\r\n`,
      [413],
      'json',
    ),
  )
  return attacks
}

/** An OAuth 1.0a header for the configured consumer and token whose signature is random bytes. */
function badlySigned(i: number): string {
  const params = {
    oauth_consumer_key: CONSUMER.key,
    oauth_token: CONSUMER.token,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(Math.floor(NOW.getTime() / 1000)),
    oauth_nonce: `nonce-${i}-${randomBytes(6).toString('hex')}`,
    oauth_version: '1.0',
    oauth_signature: encodeURIComponent(randomBytes(20).toString('base64')),
  }
  return `OAuth ${Object.entries(params)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}`
}

export function fetchAttacks(): FetchAttack[] {
  const attacks: FetchAttack[] = []
  const search = '/v1/people-search?keywords=engineer'
  for (let i = 0; i < 100; i++) {
    const format: Format = i % 2 === 0 ? 'json' : 'xml'
    const headers: Record<string, string> = {
      authorization: `Bearer not-a-token-${randomBytes(8).toString('hex')}`,
    }
    if (format === 'json') headers['x-li-format'] = 'json'
    attacks.push({
      name: `bad bearer #${i}`,
      target: search,
      init: { headers },
      expect: { answer: [401], format },
    })
  }
  for (let i = 0; i < 100; i++) {
    const format: Format = i % 2 === 0 ? 'json' : 'xml'
    attacks.push({
      name: `bad OAuth signature #${i}`,
      target: `${search}${format === 'json' ? '&format=json' : ''}`,
      init: { headers: { authorization: badlySigned(i) } },
      expect: { answer: [401], format },
    })
  }
  const unreadable = [
    'OAuth',
    'OAuth ,,,="',
    'OAuth oauth_signature="\\"',
    `OAuth ${'x="y", '.repeat(500)}`,
    'Bearer',
    'Bearer a b',
  ]
  for (const [i, header] of unreadable.entries()) {
    attacks.push({
      name: `unreadable Authorization ${JSON.stringify(header.slice(0, 30))}`,
      target: `${search}&format=json`,
      init: { headers: { authorization: header } },
      expect: { answer: [401], format: 'json' },
    })
    attacks.push({
      name: `bad access token in the query #${i}`,
      target: `${search}&oauth2_access_token=${encodeURIComponent(header)}`,
      init: {},
      expect: { answer: [401], format: 'xml' },
    })
  }
  const garbage = [
    '{not json',
    '[[1,2],',
    'null',
    '"a string"',
    '[[[[[[[[[[',
    `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    '\u0000\u0001\u0002',
    '{"__proto__": {"polluted": true}}',
  ]
  const adminRoutes: [string, string][] = [
    ['PUT', '/admin/profiles'],
    ['PUT', '/admin/connections'],
    ['DELETE', '/admin/connections'],
    ['PUT', '/admin/groups'],
    ['DELETE', '/admin/groups'],
  ]
  for (const [method, path] of adminRoutes) {
    for (const body of garbage) {
      const name = `${method} ${path} ${JSON.stringify(body.slice(0, 12))}`
      const json = { 'content-type': 'application/json' }
      attacks.push({
        name: `${name} with the admin key`,
        target: path,
        init: { method, body, headers: { ...json, authorization: `Bearer ${ADMIN_KEY}` } },
        expect: { answer: [400], format: 'json' },
      })
      attacks.push({
        name: `${name} with a wrong admin key`,
        target: path,
        init: { method, body, headers: { ...json, authorization: 'Bearer guess' } },
        expect: { answer: [401], format: 'json' },
      })
    }
  }
  return attacks
}

/** For a slow client: the timeout after which the server must cut it off. */
export function cutOffAfter(attack: RawAttack): number | undefined {
  return typeof attack.expect === 'object' && 'cutOffAfter' in attack.expect
    ? attack.expect.cutOffAfter
    : undefined
}
