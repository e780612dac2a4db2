import { describe, expect, it } from 'vitest'
import { readServerConfig } from '../../src/config/server-config.js'

describe('readServerConfig', () => {
  it('completes an empty configuration with the defaults of docs/spec.md §9.4', () => {
    const config = readServerConfig({})
    expect(config.throttles).toEqual({
      searchesPerDay: 100,
      searchesPerDayByLevel: {},
      lookupsPerMinute: 300,
    })
    expect(config.credentials.timestampWindowSeconds).toBe(300)
    expect(config.credentials.accessTokens.size).toBe(0)
    expect([config.adminKey, config.tokenSecret, config.caps]).toEqual([undefined, undefined, undefined])
    expect(config.bodyLimit).toBe(10 * 1024 * 1024)
  })

  it('reads tokens, consumers and their tokens into maps', () => {
    const config = readServerConfig({
      accessTokens: { t1: 'ann' },
      consumers: { key: { secret: 's', tokens: { ot: { secret: 'os', member: 'bob' } } } },
      canonicalAuthority: 'http://api.linkedin.com',
      throttles: { searchesPerDayByLevel: { executive: 1000 } },
    })
    expect(config.credentials.accessTokens.get('t1')).toBe('ann')
    expect(config.credentials.consumers.get('key')?.tokens.get('ot')).toEqual({ secret: 'os', member: 'bob' })
    expect(config.credentials.canonicalAuthority).toBe('http://api.linkedin.com')
    expect(config.throttles.searchesPerDayByLevel).toEqual({ executive: 1000 })
  })

  it('refuses, naming the key, a typo, a wrong shape or a value out of range: a config never half applies', () => {
    for (const [input, where] of [
      [{ accessToken: {} }, 'accessToken'],
      [{ accessTokens: { t: 7 } }, 'accessTokens.t'],
      [{ accessTokens: { 'has space': 'ann' } }, 'accessTokens key'],
      [{ adminKey: '' }, 'adminKey'],
      [{ adminKey: 'two words' }, 'adminKey'],
      [{ consumers: { k: { tokens: {} } } }, 'consumers.k.secret'],
      [{ consumers: { k: { secret: 's', tokens: { t: { secret: 's' } } } } }, 'consumers.k.tokens.t.member'],
      [{ canonicalAuthority: 'http://api.linkedin.com/v1' }, 'canonicalAuthority'],
      [{ throttles: { searchesPerDay: -1 } }, 'throttles.searchesPerDay'],
      [{ throttles: { searchesPerDayByLevel: { gold: 5 } } }, 'throttles.searchesPerDayByLevel'],
      [{ bodyLimit: 1.5 }, 'bodyLimit'],
      [[], 'server config'],
      [null, 'server config'],
    ] as const) {
      expect(() => readServerConfig(input), JSON.stringify(input)).toThrow(
        expect.objectContaining({
          code: 'invalid-argument',
          status: 400,
          message: expect.stringContaining(where),
        }),
      )
    }
  })
})
