import { describe, expect, it } from 'vitest'
import { bannerLines } from '../src/serve-banner.js'
import { generateCredentials, givesCredentials, MAX_GENERATED_TOKENS } from '../src/serve-credentials.js'

const VIEWERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
const URL_SAFE = /^[A-Za-z0-9_-]+$/

describe('generateCredentials', () => {
  it('gives each of the first few viewers its own fresh random token, and makes an admin key', () => {
    const { config, tokens, adminKey } = generateCredentials({}, VIEWERS)
    expect(tokens.map((t) => t.member)).toEqual(VIEWERS.slice(0, MAX_GENERATED_TOKENS))
    expect(new Set(tokens.map((t) => t.token)).size).toBe(tokens.length)
    for (const { token } of tokens) expect(token).toMatch(URL_SAFE)
    expect(token22(tokens[0].token)).toBe(true)
    expect(config.accessTokens).toEqual(Object.fromEntries(tokens.map((t) => [t.token, t.member])))
    expect(adminKey).toMatch(URL_SAFE)
    expect(config.adminKey).toBe(adminKey)
    // Another run, other secrets.
    expect(generateCredentials({}, VIEWERS).tokens[0].token).not.toBe(tokens[0].token)
  })

  it('adds no token when the config gives credentials, and keeps a configured admin key', () => {
    const input = { accessTokens: { t: 'a' }, adminKey: 'k', throttles: { searchesPerDay: 5 } }
    expect(generateCredentials(input, VIEWERS)).toEqual({ config: input, tokens: [], adminKey: undefined })
    const consumers = { consumers: { key: { secret: 's' } } }
    expect(givesCredentials(consumers)).toBe(true)
    expect(generateCredentials(consumers, VIEWERS).tokens).toEqual([])
    expect(givesCredentials({ accessTokens: {} })).toBe(false)
  })

  it('a viewer named twice gets one token; no viewers, no tokens', () => {
    expect(generateCredentials({}, ['a', 'a', 'b']).tokens.map((t) => t.member)).toEqual(['a', 'b'])
    const none = generateCredentials({}, [])
    expect(none.tokens).toEqual([])
    expect(none.config.accessTokens).toBeUndefined()
  })
})

describe('bannerLines', () => {
  const url = 'http://127.0.0.1:8080'
  const tokens = [{ member: 'ann', token: 'T1' }]

  it('starts with the listening line and gives a ready curl line per token', () => {
    const lines = bannerLines({ url, tokens, adminKey: 'K', durable: true })
    expect(lines[0]).toBe('people-search listening on http://127.0.0.1:8080')
    expect(lines).toContain('  viewer ann: token T1')
    expect(lines).toContain(
      "  curl 'http://127.0.0.1:8080/v1/people-search?keywords=engineer&oauth2_access_token=T1&format=json'",
    )
    expect(lines).toContain('Admin key for this run: K')
    expect(lines.some((line) => line.includes("-H 'Authorization: Bearer K'"))).toBe(true)
    expect(lines.at(-1)).toBe('Stop with Ctrl-C (SIGINT) or SIGTERM.')
  })

  it('without a state directory, says admin writes are refused; without a key or tokens, shows neither', () => {
    const memory = bannerLines({ url, tokens, adminKey: 'K', durable: false })
    expect(memory.some((line) => line.includes('admin writes are refused'))).toBe(true)
    expect(memory.some((line) => line.includes('/admin/profiles'))).toBe(false)
    const bare = bannerLines({ url, tokens: [], adminKey: undefined, durable: true })
    expect(bare).toEqual([
      'people-search listening on http://127.0.0.1:8080',
      "  curl 'http://127.0.0.1:8080/health'",
      'Stop with Ctrl-C (SIGINT) or SIGTERM.',
    ])
  })
})

/** 16 random bytes in base64url, unpadded. */
function token22(token: string): boolean {
  return token.length === 22 && Buffer.from(token, 'base64url').length === 16
}
