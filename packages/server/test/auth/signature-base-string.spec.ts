import { describe, expect, it } from 'vitest'
import {
  baseStringUris,
  normalizeOrigin,
  readCanonicalAuthority,
  splitTarget,
} from '../../src/auth/base-string-uri.js'
import { bracketRepeatedNames, formParams, isFormEncoded } from '../../src/auth/request-parameters.js'
import { normalizeParameters, signatureBaseString } from '../../src/auth/signature-base-string.js'

// RFC 5849 §3.4.1.1, the request and its signature base string (the line breaks of the RFC removed).
const RFC_BASE_STRING =
  'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q' +
  '%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_' +
  'key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m' +
  'ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk' +
  '9d7dh3k39sjv7'
const RFC_HEADER_PARAMS: Array<[string, string]> = [
  ['oauth_consumer_key', '9djdj82h48djs9d2'],
  ['oauth_token', 'kkk9d7dh3k39sjv7'],
  ['oauth_signature_method', 'HMAC-SHA1'],
  ['oauth_timestamp', '137131201'],
  ['oauth_nonce', '7d8f3e4a'],
]

describe('the signature base string (RFC 5849 §3.4.1)', () => {
  it('is the one of the RFC 5849 §3.4.1.1 example', () => {
    const target = splitTarget('/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b')
    if (target === undefined) throw new Error('no target')
    const params = [...formParams(target.query), ...formParams('c2&a3=2+q'), ...RFC_HEADER_PARAMS]
    const [uri] = baseStringUris(target, 'http', 'example.com', undefined)
    expect(uri).toBe('http://example.com/request')
    expect(signatureBaseString('POST', uri, normalizeParameters(params))).toBe(RFC_BASE_STRING)
  })

  it('normalizes the parameters as the RFC 5849 §3.4.1.3.2 example does', () => {
    const params = [
      ...formParams('b5=%3D%253D&a3=a&c%40=&a2=r%20b'),
      ...formParams('c2&a3=2+q'),
      ...RFC_HEADER_PARAMS,
    ]
    expect(normalizeParameters(params)).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2' +
        '&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201' +
        '&oauth_token=kkk9d7dh3k39sjv7',
    )
  })

  it('sorts by encoded name, then by encoded value, in byte order', () => {
    expect(
      normalizeParameters([
        ['b', '2'],
        ['a', 'z'],
        ['B', '1'],
        ['a', 'Z'],
        ['a ', 'x'],
      ]),
    ).toBe('B=1&a=Z&a=z&a%20=x&b=2')
  })

  it('upper-cases the method', () => {
    expect(signatureBaseString('get', 'http://a/', '')).toBe('GET&http%3A%2F%2Fa%2F&')
  })
})

describe('the base string URI (RFC 5849 §3.4.1.2)', () => {
  it('is the RFC examples: host in lower case, default port dropped, other ports kept', () => {
    expect(normalizeOrigin('http', 'EXAMPLE.COM:80')).toBe('http://example.com')
    expect(normalizeOrigin('https', 'www.example.net:8080')).toBe('https://www.example.net:8080')
    const target = splitTarget('/r%20v/X?id=123')
    if (target === undefined) throw new Error('no target')
    expect(baseStringUris(target, 'http', 'EXAMPLE.COM:80', undefined)).toEqual([
      'http://example.com/r%20v/X',
    ])
  })

  it('drops 443 for https only, and reads an empty port as the default', () => {
    expect(normalizeOrigin('HTTPS', 'Api.LinkedIn.com:443')).toBe('https://api.linkedin.com')
    expect(normalizeOrigin('http', 'api.linkedin.com:443')).toBe('http://api.linkedin.com:443')
    expect(normalizeOrigin('https', 'api.linkedin.com:80')).toBe('https://api.linkedin.com:80')
    expect(normalizeOrigin('http', 'api.linkedin.com:')).toBe('http://api.linkedin.com')
    expect(normalizeOrigin('http', '[::1]:8080')).toBe('http://[::1]:8080')
    expect(normalizeOrigin('http', '127.0.0.1:34567')).toBe('http://127.0.0.1:34567')
  })

  it('refuses what is not an http(s) authority', () => {
    for (const [scheme, authority] of [
      ['ftp', 'example.com'],
      ['http', ''],
      ['http', 'user@example.com'],
      ['http', 'example.com:99999'],
      ['http', 'example.com:80:80'],
      ['http', 'exa mple.com'],
      ['http', 'example.com/x'],
    ]) {
      expect(normalizeOrigin(scheme, authority), `${scheme} ${authority}`).toBeUndefined()
    }
  })

  it('keeps the path exactly as sent: no decoding, no re-encoding', () => {
    const raw = '/v1/people/url=http%3A%2F%2Fwww.linkedin.com%2Fin%2Fada:(id,first-name)'
    const target = splitTarget(`${raw}?a=b`)
    if (target === undefined) throw new Error('no target')
    expect(target.path).toBe(raw)
    expect(baseStringUris(target, 'http', 'h', undefined)).toEqual([`http://h${raw}`])
    expect(splitTarget('/v1/people/~:(id%2cfirst-name)')?.path).toBe('/v1/people/~:(id%2cfirst-name)')
  })

  it('offers the canonical authority beside the own one, once when they are the same', () => {
    const target = { path: '/v1/people/~', query: '' }
    const canonical = readCanonicalAuthority('http://API.linkedin.com:80/')
    expect(canonical).toBe('http://api.linkedin.com')
    expect(baseStringUris(target, 'http', '127.0.0.1:8080', canonical)).toEqual([
      'http://127.0.0.1:8080/v1/people/~',
      'http://api.linkedin.com/v1/people/~',
    ])
    expect(baseStringUris(target, 'http', 'api.linkedin.com', canonical)).toEqual([
      'http://api.linkedin.com/v1/people/~',
    ])
    expect(baseStringUris(target, 'http', undefined, canonical)).toEqual([
      'http://api.linkedin.com/v1/people/~',
    ])
    expect(baseStringUris(target, 'http', ['a', 'b'], undefined)).toEqual([])
    expect(readCanonicalAuthority('http://api.linkedin.com/v1')).toBeUndefined()
  })

  it('takes the origin of an absolute-form target over Host (RFC 9112 §3.2.2)', () => {
    const target = splitTarget('HTTP://Api.LinkedIn.com:80/v1/people/~?x=1')
    expect(target).toEqual({ origin: 'http://api.linkedin.com', path: '/v1/people/~', query: 'x=1' })
    if (target === undefined) throw new Error('no target')
    expect(baseStringUris(target, 'http', 'elsewhere', undefined)).toEqual([
      'http://api.linkedin.com/v1/people/~',
    ])
    expect(splitTarget('http://h?q')).toEqual({ origin: 'http://h', path: '/', query: 'q' })
    expect(splitTarget('*')).toBeUndefined()
    expect(splitTarget('h:80')).toBeUndefined()
    expect(splitTarget('')).toBeUndefined()
  })
})

describe('the request parameters (RFC 5849 §3.4.1.3.1)', () => {
  it('decode + and %20 as spaces, keep empty values and skip empty pieces', () => {
    expect(formParams('a=b+c&d=e%20f&&g&h=&=i')).toEqual([
      ['a', 'b c'],
      ['d', 'e f'],
      ['g', ''],
      ['h', ''],
      ['', 'i'],
    ])
    expect(formParams('')).toEqual([])
  })

  it('take a body in only when it is form-encoded', () => {
    expect(isFormEncoded('application/x-www-form-urlencoded')).toBe(true)
    expect(isFormEncoded(' Application/X-WWW-Form-URLEncoded ; charset=UTF-8')).toBe(true)
    expect(isFormEncoded('application/json')).toBe(false)
    expect(isFormEncoded('application/x-www-form-urlencoded-not')).toBe(false)
    expect(isFormEncoded(undefined)).toBe(false)
  })

  it('number repeated query names as node-oauth 0.9 signs them, and only when a name repeats', () => {
    expect(bracketRepeatedNames(formParams('a=1&facet=x&b=2&facet=y'))).toEqual([
      ['a', '1'],
      ['facet[0]', 'x'],
      ['b', '2'],
      ['facet[1]', 'y'],
    ])
    expect(bracketRepeatedNames(formParams('a=1&b=2'))).toBeUndefined()
  })
})
