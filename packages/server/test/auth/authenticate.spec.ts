import { createHmac } from 'node:crypto'
import { PeopleSearchError } from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Authenticator, type AuthRequest } from '../../src/auth/authenticate.js'
import type { Credentials } from '../../src/auth/credentials.js'

const NOW = 1_700_000_000_000

const CREDENTIALS: Credentials = {
  accessTokens: new Map([
    ['query-token', 'member-q'],
    ['bearer-token', 'member-b'],
    ['a b+c', 'member-space'],
  ]),
  consumers: new Map([
    ['ck', { secret: 'cs', tokens: new Map([['tk', { secret: 'ts', member: 'member-o' }]]) }],
  ]),
  timestampWindowSeconds: 300,
}

function request(rawTarget: string, headers: AuthRequest['headers'] = {}): AuthRequest {
  return { method: 'GET', rawTarget, headers: { host: 'h', ...headers }, scheme: 'http' }
}

/** An `Authorization: OAuth` header for GET http://h<target>, signed by hand. */
function oauthHeader(target: string, nonce: string): string {
  const e = (text: string) =>
    encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const [path, query = ''] = target.split('?')
  const oauth: Array<[string, string]> = [
    ['oauth_consumer_key', 'ck'],
    ['oauth_token', 'tk'],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', String(NOW / 1000)],
    ['oauth_nonce', nonce],
  ]
  const pairs = [...new URLSearchParams(query), ...oauth].map(([n, v]) => `${e(n)}=${e(v)}`).sort()
  const base = `GET&${e(`http://h${path}`)}&${e(pairs.join('&'))}`
  const signature = createHmac('sha1', 'cs&ts').update(base).digest('base64')
  return `OAuth ${[...oauth, ['oauth_signature', signature]].map(([n, v]) => `${n}="${e(v)}"`).join(',')}`
}

function refusal(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof PeopleSearchError) return `${error.code} ${error.status}`
    throw error
  }
  return undefined
}

describe('Authenticator: the three forms (docs/spec.md §9.2)', () => {
  const auth = new Authenticator(CREDENTIALS, () => NOW)

  it('reads oauth2_access_token from the query', () => {
    expect(auth.authenticate(request('/v1/people/~?oauth2_access_token=query-token&format=json'))).toEqual({
      member: 'member-q',
      token: 'query-token',
      form: 'query',
    })
  })

  it('decodes the query token as URLSearchParams does: + and %20 are spaces, %2B a plus', () => {
    expect(auth.authenticate(request('/v1/x?oauth2_access_token=a+b%2Bc')).member).toBe('member-space')
    expect(auth.authenticate(request('/v1/x?oauth2_access_token=a%20b%2bc')).member).toBe('member-space')
    expect(refusal(() => auth.authenticate(request('/v1/x?oauth2_access_token=a+b+c')))).toBe(
      'invalid-access-token 401',
    )
  })

  it('reads Authorization: Bearer, whatever the case of the scheme', () => {
    for (const authorization of ['Bearer bearer-token', 'bearer bearer-token', 'BEARER  bearer-token']) {
      expect(auth.authenticate(request('/v1/people/~', { authorization }))).toEqual({
        member: 'member-b',
        token: 'bearer-token',
        form: 'bearer',
      })
    }
  })

  it('reads Authorization: OAuth', () => {
    const target = '/v1/people/~:(id)?format=json'
    expect(auth.authenticate(request(target, { authorization: oauthHeader(target, 'n-1') }))).toEqual({
      member: 'member-o',
      token: 'tk',
      form: 'oauth1',
    })
  })

  it('refuses no credentials, and unknown ones, with 401 invalid-access-token', () => {
    for (const target of [
      '/v1/people/~',
      '/v1/people/~?',
      '/v1/x?oauth2_access_token=',
      '/v1/x?oauth2_access_token=nope',
    ]) {
      expect(
        refusal(() => auth.authenticate(request(target))),
        target,
      ).toBe('invalid-access-token 401')
    }
    expect(refusal(() => auth.authenticate(request('/v1/x', { authorization: 'Bearer nope' })))).toBe(
      'invalid-access-token 401',
    )
    // A token is a token of its form: an OAuth 1.0a token is not an access token.
    expect(refusal(() => auth.authenticate(request('/v1/x?oauth2_access_token=tk')))).toBe(
      'invalid-access-token 401',
    )
  })

  it('refuses an access token sent twice with two values, and accepts it twice the same', () => {
    expect(
      refusal(() =>
        auth.authenticate(request('/v1/x?oauth2_access_token=query-token&oauth2_access_token=bearer-token')),
      ),
    ).toBe('invalid-access-token 401')
    expect(
      auth.authenticate(request('/v1/x?oauth2_access_token=query-token&oauth2_access_token=query-token'))
        .member,
    ).toBe('member-q')
  })
})

describe('Authenticator: which form wins', () => {
  const auth = new Authenticator(CREDENTIALS, () => NOW)

  it('takes the Authorization header over the query token', () => {
    const caller = auth.authenticate(
      request('/v1/x?oauth2_access_token=query-token', { authorization: 'Bearer bearer-token' }),
    )
    expect(caller).toEqual({ member: 'member-b', token: 'bearer-token', form: 'bearer' })
    const target = '/v1/x?oauth2_access_token=query-token'
    expect(auth.authenticate(request(target, { authorization: oauthHeader(target, 'n-2') })).form).toBe(
      'oauth1',
    )
  })

  it('does not fall back to the query token when the header fails', () => {
    for (const authorization of ['Bearer nope', 'Bearer', 'OAuth oauth_token="x', 'OAuth realm="x"']) {
      expect(
        refusal(() => auth.authenticate(request('/v1/x?oauth2_access_token=query-token', { authorization }))),
        authorization,
      ).toBe('invalid-access-token 401')
    }
  })

  it('ignores an Authorization header of another scheme', () => {
    const target = '/v1/x?oauth2_access_token=query-token'
    expect(auth.authenticate(request(target, { authorization: 'Basic dXNlcjpwYXNz' })).form).toBe('query')
    expect(refusal(() => auth.authenticate(request('/v1/x', { authorization: 'Basic dXNlcjpwYXNz' })))).toBe(
      'invalid-access-token 401',
    )
  })
})

describe('Authenticator: hostile requests are 401, never a crash', () => {
  const auth = new Authenticator(CREDENTIALS, () => NOW)

  it('refuses hostile Authorization headers', () => {
    const hostile = [
      'OAuth oauth_consumer_key="ck',
      'OAuth oauth_consumer_key="ck", oauth_consumer_key="ck"',
      `OAuth oauth_consumer_key="${'k'.repeat(100_000)}"`,
      `OAuth ${Array.from({ length: 1000 }, (_, at) => `p${at}="v"`).join(',')}`,
      'OAuth oauth_consumer_key="cké"',
      'OAuth oauth_consumer_key="%E0%A4%A"',
      'OAuth oauth_consumer_key="ck", oauth_token="tk", oauth_signature_method="HMAC-SHA1"',
      'OAuth oauth_consumer_key="__proto__", oauth_token="constructor", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1700000000", oauth_nonce="n", oauth_signature="x"',
      'OAuth oauth_consumer_key="ck", oauth_token="__proto__", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1700000000", oauth_nonce="n", oauth_signature="x"',
      'OAuth =,=,=',
      'OAuth ,,,,',
      'OAuth "',
      'Bearer \u0000',
      'Bearer __proto__',
    ]
    for (const authorization of hostile) {
      expect(
        refusal(() => auth.authenticate(request('/v1/x', { authorization }))),
        authorization.slice(0, 60),
      ).toBe('invalid-access-token 401')
    }
    expect(
      refusal(() => auth.authenticate(request('/v1/x', { authorization: ['Bearer a', 'Bearer b'] }))),
    ).toBe('invalid-access-token 401')
  })

  it('refuses a valid signature on a target that names no path, or with a Host it cannot read', () => {
    const header = oauthHeader('/v1/x', 'n-3')
    for (const rawTarget of ['*', 'h:80', '', 'ftp://h/v1/x']) {
      expect(
        refusal(() => auth.authenticate({ ...request('/v1/x', { authorization: header }), rawTarget })),
        rawTarget,
      ).toBe('invalid-access-token 401')
    }
    for (const host of ['', 'h h', 'user@h', ['h', 'h']]) {
      expect(
        refusal(() => auth.authenticate(request('/v1/x', { authorization: header, host }))),
        String(host),
      ).toBe('invalid-access-token 401')
    }
  })

  it('answers any request with a caller or a 401 PeopleSearchError', () => {
    // The characters that matter to the readers, and some they must survive.
    const char = fc.constantFrom(
      'a',
      'k',
      '"',
      '=',
      ',',
      ' ',
      '\t',
      '%',
      '2',
      'F',
      '+',
      '?',
      '/',
      '&',
      '[',
      ']',
      ':',
      '\\',
      'é',
      '\u0000',
      '\ud800',
    )
    const text = (maxLength: number) => fc.string({ unit: char, maxLength })
    const header = fc.oneof(
      text(120),
      text(120).map((rest) => `OAuth ${rest}`),
      text(60).map((rest) => `Bearer ${rest}`),
      fc
        .array(
          fc.tuple(
            fc.constantFrom(
              'oauth_consumer_key',
              'oauth_token',
              'oauth_nonce',
              'oauth_timestamp',
              'oauth_signature',
              'oauth_signature_method',
              'oauth_version',
              'realm',
            ),
            text(12),
          ),
          { maxLength: 9 },
        )
        .map((params) => `OAuth ${params.map(([n, v]) => `${n}="${v}"`).join(',')}`),
    )
    fc.assert(
      fc.property(
        header,
        fc.oneof(
          text(80),
          text(80).map((rest) => `/v1/${rest}`),
        ),
        fc.option(text(20)),
        fc.option(
          fc.record({
            contentType: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', ''),
            text: text(40),
          }),
        ),
        (authorization, rawTarget, host, body) => {
          const subject: AuthRequest = {
            method: 'GET',
            rawTarget,
            headers: { authorization, ...(host === null ? {} : { host }) },
            scheme: 'http',
            ...(body === null ? {} : { body }),
          }
          const answer = refusal(() => auth.authenticate(subject))
          expect(answer === undefined || answer === 'invalid-access-token 401').toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })
})
