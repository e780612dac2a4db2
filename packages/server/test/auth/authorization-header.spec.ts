import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_AUTHORIZATION_LENGTH,
  MAX_OAUTH_PARAMS,
  readAuthorization,
  readOAuthParams,
} from '../../src/auth/authorization-header.js'

describe('readAuthorization', () => {
  it('reads a Bearer token, whatever the case of the scheme', () => {
    for (const header of [
      'Bearer abc.DEF-123~',
      'bearer abc.DEF-123~',
      'BEARER   abc.DEF-123~',
      '  Bearer\tabc.DEF-123~ ',
    ]) {
      expect(readAuthorization(header)).toEqual({ form: 'bearer', token: 'abc.DEF-123~' })
    }
    expect(readAuthorization('Bearer a/b+c==')).toEqual({ form: 'bearer', token: 'a/b+c==' })
  })

  it('refuses a Bearer header without a token, with two, or with what no token has', () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearer a b',
      'Bearer é',
      'Bearer a\u0000',
      `Bearer ${'a'.repeat(9000)}`,
    ]) {
      expect(readAuthorization(header), header.slice(0, 20)).toEqual({ form: 'invalid' })
    }
  })

  it('reads OAuth parameters, whatever the case of the scheme', () => {
    expect(readAuthorization('oauth oauth_token="a%20b", realm="R"')).toEqual({
      form: 'oauth1',
      params: [
        ['oauth_token', 'a b'],
        ['realm', 'R'],
      ],
    })
  })

  it('ignores other schemes and nothing at all: they are not this service’s', () => {
    for (const header of [
      undefined,
      '',
      'Basic dXNlcjpwYXNz',
      'Digest username="x"',
      'OAuth2 abc',
      'Bearerabc',
      'é',
    ]) {
      expect(readAuthorization(header)).toEqual({ form: 'none' })
    }
  })

  it('reads one header given as an array, and refuses several', () => {
    expect(readAuthorization(['Bearer t'])).toEqual({ form: 'bearer', token: 't' })
    expect(readAuthorization(['Bearer t', 'Bearer u'])).toEqual({ form: 'invalid' })
    expect(readAuthorization([])).toEqual({ form: 'invalid' })
  })

  it('refuses OAuth headers that are too long, or not ASCII', () => {
    expect(readAuthorization(`OAuth a="${'x'.repeat(MAX_AUTHORIZATION_LENGTH)}"`)).toEqual({
      form: 'invalid',
    })
    expect(readAuthorization('OAuth a="é"')).toEqual({ form: 'invalid' })
    expect(readAuthorization('OAuth a="\u0001"')).toEqual({ form: 'invalid' })
    expect(readAuthorization('OAuth')).toEqual({ form: 'invalid' })
  })
})

describe('readOAuthParams (RFC 5849 §3.5.1)', () => {
  it('reads what real clients send', () => {
    // linkedin-node and node-oauth: no space after the commas.
    expect(readOAuthParams('oauth_consumer_key="ck",oauth_nonce="n",oauth_signature="a%2Bb%2F%3D"')).toEqual([
      ['oauth_consumer_key', 'ck'],
      ['oauth_nonce', 'n'],
      ['oauth_signature', 'a+b/='],
    ])
    // The RFC's own layout: spaces (here for its line breaks) after the commas.
    expect(
      readOAuthParams('realm="Example",  oauth_consumer_key="9djdj82h48djs9d2" ,\toauth_token="kkk"'),
    ).toEqual([
      ['realm', 'Example'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk'],
    ])
  })

  it('percent-decodes names and values, but leaves + alone (it is not form encoding)', () => {
    expect(readOAuthParams('oauth%5Fnonce="a+b%20c"')).toEqual([['oauth_nonce', 'a+b c']])
  })

  it('allows empty values, unquoted values, spaces around = and empty list elements', () => {
    expect(readOAuthParams(',a="", b = "1",,c=2,')).toEqual([
      ['a', ''],
      ['b', '1'],
      ['c', '2'],
    ])
    expect(readOAuthParams('')).toEqual([])
  })

  it('refuses what is not a well-formed list of parameters', () => {
    const hostile = [
      'a="unterminated',
      'a="x" b="y"',
      'a="x"b="y"',
      'a',
      'a=',
      '="x"',
      'a=="x"',
      'a="x\\"y"',
      'a="x\\y"',
      'a="x",a="y"',
      'oauth_token="x",oauth%5Ftoken="y"',
      'a="%E0%A4%A"',
      'a="%"',
      'a%ZZ="x"',
      'a=x"y"',
      'a="x";b="y"',
      Array.from({ length: MAX_OAUTH_PARAMS + 1 }, (_, at) => `p${at}="v"`).join(','),
    ]
    for (const text of hostile) expect(readOAuthParams(text), text.slice(0, 40)).toBeUndefined()
  })

  it('never throws, and only reads a header back as itself', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', '"', '=', ',', ' ', '\t', '%', '4', '\\', 'é', '\u0000'),
          maxLength: 200,
        }),
        (text) => {
          const offer = readAuthorization(`OAuth ${text}`)
          expect(['oauth1', 'invalid']).toContain(offer.form)
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z_]{1,12}$/), fc.string({ maxLength: 20 })), {
          selector: ([name]) => name,
          maxLength: 8,
        }),
        (params) => {
          const header = params.map(([name, value]) => `${name}="${encodeURIComponent(value)}"`).join(', ')
          expect(readOAuthParams(header)).toEqual(params)
        },
      ),
    )
  })
})
