import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TOKEN_TTL_MS, issueToken, verifyToken } from '../../src/access/access-token.js'
import { profileLinks } from '../../src/access/profile-links.js'
import { PeopleSearchError } from '../../src/errors.js'

const SECRET = Buffer.from('a per-index secret of some length')
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)
const time = fc.integer({ min: 0, max: 4_102_444_800_000 })
const TOKEN = /^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/

describe('issueToken / verifyToken', () => {
  it('verifies for its viewer and member until, not at, its expiry', () => {
    fc.assert(
      fc.property(id, id, time, fc.integer({ min: 1, max: 10 ** 9 }), (viewer, member, now, ttl) => {
        const token = issueToken(SECRET, viewer, member, now + ttl)
        expect(token).toMatch(TOKEN)
        expect(verifyToken(SECRET, token, viewer, member, now)).toBe(true)
        expect(verifyToken(SECRET, token, viewer, member, now + ttl - 1)).toBe(true)
        expect(verifyToken(SECRET, token, viewer, member, now + ttl)).toBe(false)
      }),
    )
  })

  it('never verifies for another viewer, member or secret, nor with the ids swapped or shifted', () => {
    fc.assert(
      fc.property(id, id, id, time, (viewer, member, other, expiresAt) => {
        const token = issueToken(SECRET, viewer, member, expiresAt)
        const now = expiresAt - 1
        if (other !== viewer) expect(verifyToken(SECRET, token, other, member, now)).toBe(false)
        if (other !== member) expect(verifyToken(SECRET, token, viewer, other, now)).toBe(false)
        if (viewer !== member) expect(verifyToken(SECRET, token, member, viewer, now)).toBe(false)
        const shifted = [viewer + member.slice(0, 1), member.slice(1)] as const
        if (member.length > 1) expect(verifyToken(SECRET, token, ...shifted, now)).toBe(false)
        expect(verifyToken(Buffer.from('another secret'), token, viewer, member, now)).toBe(false)
      }),
    )
  })

  it('never verifies with a changed character', () => {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.='
    fc.assert(
      fc.property(
        id,
        id,
        time,
        fc.nat(),
        fc.constantFrom(...alphabet),
        (viewer, member, expiresAt, at, c) => {
          const token = issueToken(SECRET, viewer, member, expiresAt + 1)
          const i = at % token.length
          fc.pre(token[i] !== c)
          const tampered = token.slice(0, i) + c + token.slice(i + 1)
          expect(verifyToken(SECRET, tampered, viewer, member, expiresAt)).toBe(false)
        },
      ),
    )
  })

  it('never verifies with an extended expiry', () => {
    fc.assert(
      fc.property(id, id, time, fc.integer({ min: 1, max: 10 ** 12 }), (viewer, member, expiresAt, more) => {
        const [, mac] = issueToken(SECRET, viewer, member, expiresAt).split('.')
        const extended = `${(expiresAt + more).toString(36)}.${mac}`
        expect(verifyToken(SECRET, extended, viewer, member, expiresAt)).toBe(false)
        expect(verifyToken(SECRET, `0${extended}`, viewer, member, expiresAt)).toBe(false)
      }),
    )
  })

  it('rejects malformed input without throwing', () => {
    const valid = issueToken(SECRET, 'ann', 'bob', 2000)
    for (const bad of [
      undefined,
      null,
      42,
      {},
      '',
      '.',
      'abc',
      `${valid}.`,
      `.${valid}`,
      `${valid}=`,
      valid.toUpperCase(),
      valid.replace('.', ''),
      `zzzzzzzzzzzzz.${valid.split('.')[1]}`,
      `-1.${valid.split('.')[1]}`,
      `${valid} `,
      'x'.repeat(10_000),
    ]) {
      expect(verifyToken(SECRET, bad, 'ann', 'bob', 1000)).toBe(false)
    }
    expect(verifyToken(SECRET, valid, 'ann', 'bob', Number.NaN)).toBe(false)
    expect(verifyToken(SECRET, valid, 'ann', 'bob', 1000)).toBe(true)
  })

  it('refuses to issue a token with an impossible expiry', () => {
    for (const expiresAt of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => issueToken(SECRET, 'ann', 'bob', expiresAt)).toThrow(PeopleSearchError)
      expect(() => issueToken(SECRET, 'ann', 'bob', expiresAt)).toThrow(
        expect.objectContaining({ code: 'invalid-token-expiry', values: { expiresAt: String(expiresAt) } }),
      )
    }
  })
})

describe('profileLinks (docs/spec.md §6.2)', () => {
  it.each([
    ['F', 'name'],
    ['S', 'name'],
    ['A', 'OUT_OF_NETWORK'],
    ['O', 'OUT_OF_NETWORK'],
  ] as const)('degree %s → auth type %s', (degree, type) => {
    const now = 1_700_000_000_000
    const links = profileLinks(SECRET, 'ann', 'bob', degree, now)
    expect(links.apiUrl).toBe('/v1/people/bob:full')
    const [headerType, token] = links.authHeader.split(/:(.*)/s)
    expect(headerType).toBe(type)
    expect(links.siteUrl).toBe(`/profile/view?id=bob&authToken=${token}&authType=${type}`)
    expect(verifyToken(SECRET, token, 'ann', 'bob', now + DEFAULT_TOKEN_TTL_MS - 1)).toBe(true)
    expect(verifyToken(SECRET, token, 'ann', 'bob', now + DEFAULT_TOKEN_TTL_MS)).toBe(false)
    expect(verifyToken(SECRET, token, 'bob', 'ann', now)).toBe(false)
  })

  it('takes another lifetime', () => {
    const links = profileLinks(SECRET, 'ann', 'bob', 'A', 0, 60_000)
    const token = links.authHeader.slice('OUT_OF_NETWORK:'.length)
    expect(verifyToken(SECRET, token, 'ann', 'bob', 59_999)).toBe(true)
    expect(verifyToken(SECRET, token, 'ann', 'bob', 60_000)).toBe(false)
  })
})
