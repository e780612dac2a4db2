import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TOKEN_TTL_MS,
  issueToken,
  MIN_SECRET_BYTES,
  type TokenGrant,
  tokenSecret,
  verifyToken,
} from '../../src/access/access-token.js'
import { profileLinks } from '../../src/access/profile-links.js'
import type { AuthType } from '../../src/domain/degree.js'
import { PeopleSearchError } from '../../src/errors.js'

const SECRET = Buffer.from('a per-index secret of some length')
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)
const incarnation = fc.nat({ max: 1000 })
const type = fc.constantFrom<AuthType>('name', 'OUT_OF_NETWORK')
const grantArb: fc.Arbitrary<TokenGrant> = fc.record({
  viewer: id,
  viewerIncarnation: incarnation,
  member: id,
  memberIncarnation: incarnation,
  type,
})
const time = fc.integer({ min: 0, max: 4_102_444_800_000 })
const TOKEN = /^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/
const ANN_BOB: TokenGrant = {
  viewer: 'ann',
  viewerIncarnation: 0,
  member: 'bob',
  memberIncarnation: 0,
  type: 'OUT_OF_NETWORK',
}

function errorOf(fn: () => unknown): PeopleSearchError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected an error')
}

describe('tokenSecret (docs/spec.md §6.2: a per-index secret of at least 32 bytes)', () => {
  it('takes a Buffer, a Uint8Array or a string of at least 32 bytes, as a copy', () => {
    const bytes = new Uint8Array(MIN_SECRET_BYTES).fill(7)
    const key = tokenSecret(bytes)
    expect(key).toEqual(Buffer.from(bytes))
    bytes[0] = 8
    expect(key[0]).toBe(7)
    expect(tokenSecret(Buffer.alloc(64, 1))).toHaveLength(64)
    // A string's UTF-8 bytes: 16 two-byte characters are 32 bytes.
    expect(tokenSecret('é'.repeat(16))).toHaveLength(32)
    expect(tokenSecret('x'.repeat(32))).toEqual(Buffer.from('x'.repeat(32)))
  })

  it.each([
    ['an empty Buffer', Buffer.alloc(0), '0 bytes'],
    ['31 bytes', Buffer.alloc(31), '31 bytes'],
    ['a short string', 'hunter2', '7 bytes'],
    ['31 ASCII characters', 'x'.repeat(31), '31 bytes'],
    ['a number', 42, 'number'],
    ['null', null, 'null'],
    ['an array of bytes', Array(32).fill(1), 'an array'],
    ['a Uint16Array', new Uint16Array(32), 'an object'],
    ['an ArrayBuffer', new ArrayBuffer(32), 'an object'],
    ['a Symbol', Symbol('key'), 'symbol'],
  ])('refuses %s, naming its kind and length, never its bytes', (_name, secret, given) => {
    const error = errorOf(() => tokenSecret(secret))
    expect(error).toMatchObject({
      code: 'invalid-token-secret',
      status: 400,
      values: { min: '32', given },
    })
    if (typeof secret === 'string') expect(error.message).not.toContain(secret)
  })
})

describe('issueToken / verifyToken', () => {
  it('verifies for its grant until, not at, its expiry, and tells that expiry', () => {
    fc.assert(
      fc.property(grantArb, time, fc.integer({ min: 1, max: 10 ** 9 }), (grant, now, ttl) => {
        const token = issueToken(SECRET, grant, now + ttl)
        expect(token).toMatch(TOKEN)
        expect(verifyToken(SECRET, token, grant, now)).toBe(now + ttl)
        expect(verifyToken(SECRET, token, grant, now + ttl - 1)).toBe(now + ttl)
        expect(verifyToken(SECRET, token, grant, now + ttl)).toBeUndefined()
      }),
    )
  })

  it('never verifies for another viewer, member, either incarnation, type or secret, nor with the ids swapped or shifted', () => {
    fc.assert(
      fc.property(grantArb, id, incarnation, time, (grant, other, life, expiresAt) => {
        const token = issueToken(SECRET, grant, expiresAt + 1)
        const { viewer, member } = grant
        const refused = (g: TokenGrant, secret = SECRET) =>
          expect(verifyToken(secret, token, g, expiresAt)).toBeUndefined()
        if (other !== viewer) refused({ ...grant, viewer: other })
        if (other !== member) refused({ ...grant, member: other })
        if (life !== grant.memberIncarnation) refused({ ...grant, memberIncarnation: life })
        if (life !== grant.viewerIncarnation) refused({ ...grant, viewerIncarnation: life })
        refused({ ...grant, type: grant.type === 'name' ? 'OUT_OF_NETWORK' : 'name' })
        if (viewer !== member) refused({ ...grant, viewer: member, member: viewer })
        if (member.length > 1)
          refused({ ...grant, viewer: viewer + member.slice(0, 1), member: member.slice(1) })
        refused(grant, Buffer.from('another secret, also 32 bytes long'))
      }),
    )
  })

  it('never verifies with a changed character', () => {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.='
    fc.assert(
      fc.property(grantArb, time, fc.nat(), fc.constantFrom(...alphabet), (grant, expiresAt, at, c) => {
        const token = issueToken(SECRET, grant, expiresAt + 1)
        const i = at % token.length
        fc.pre(token[i] !== c)
        const tampered = token.slice(0, i) + c + token.slice(i + 1)
        expect(verifyToken(SECRET, tampered, grant, expiresAt)).toBeUndefined()
      }),
    )
  })

  it('never verifies with an extended expiry', () => {
    fc.assert(
      fc.property(grantArb, time, fc.integer({ min: 1, max: 10 ** 12 }), (grant, expiresAt, more) => {
        const [, mac] = issueToken(SECRET, grant, expiresAt).split('.')
        const extended = `${(expiresAt + more).toString(36)}.${mac}`
        expect(verifyToken(SECRET, extended, grant, expiresAt)).toBeUndefined()
        expect(verifyToken(SECRET, `0${extended}`, grant, expiresAt)).toBeUndefined()
      }),
    )
  })

  it('rejects malformed input without throwing', () => {
    const valid = issueToken(SECRET, ANN_BOB, 2000)
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
      `OUT_OF_NETWORK:${valid}`,
      'x'.repeat(10_000),
    ]) {
      expect(verifyToken(SECRET, bad, ANN_BOB, 1000)).toBeUndefined()
    }
    expect(verifyToken(SECRET, valid, ANN_BOB, Number.NaN)).toBeUndefined()
    expect(verifyToken(SECRET, valid, ANN_BOB, 1000)).toBe(2000)
  })

  it('refuses to issue a token with an impossible expiry', () => {
    for (const expiresAt of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(errorOf(() => issueToken(SECRET, ANN_BOB, expiresAt))).toMatchObject({
        code: 'invalid-token-expiry',
        values: { expiresAt: String(expiresAt) },
      })
    }
  })
})

describe('profileLinks (docs/spec.md §6.2)', () => {
  const now = 1_700_000_000_000
  const grant = { viewer: 'ann', viewerIncarnation: 1, member: 'bob', memberIncarnation: 3 }

  it.each([
    ['F', 'name'],
    ['S', 'name'],
    ['A', 'OUT_OF_NETWORK'],
    ['O', 'OUT_OF_NETWORK'],
  ] as const)('degree %s → auth type %s, under the MAC', (degree, type) => {
    const links = profileLinks(SECRET, grant, degree, now)
    expect(links.apiUrl).toBe('/v1/people/bob:full')
    const [headerType, token] = links.authHeader.split(/:(.*)/s)
    expect(headerType).toBe(type)
    expect(links.siteUrl).toBe(`/profile/view?id=bob&authToken=${token}&authType=${type}`)
    const exact = { ...grant, type }
    expect(verifyToken(SECRET, token, exact, now + DEFAULT_TOKEN_TTL_MS - 1)).toBe(now + DEFAULT_TOKEN_TTL_MS)
    expect(verifyToken(SECRET, token, exact, now + DEFAULT_TOKEN_TTL_MS)).toBeUndefined()
    expect(verifyToken(SECRET, token, { ...exact, viewer: 'bob', member: 'ann' }, now)).toBeUndefined()
    expect(verifyToken(SECRET, token, { ...exact, memberIncarnation: 2 }, now)).toBeUndefined()
    expect(verifyToken(SECRET, token, { ...exact, viewerIncarnation: 0 }, now)).toBeUndefined()
    const otherType = type === 'name' ? 'OUT_OF_NETWORK' : 'name'
    expect(verifyToken(SECRET, token, { ...exact, type: otherType }, now)).toBeUndefined()
  })

  it('never expires after notAfter: a link made from a token lives no longer than it', () => {
    fc.assert(
      fc.property(time, fc.integer({ min: 1, max: 2 * DEFAULT_TOKEN_TTL_MS }), (at, left) => {
        const notAfter = at + left
        const token = profileLinks(SECRET, grant, 'O', at, notAfter).authHeader.slice(
          'OUT_OF_NETWORK:'.length,
        )
        const expiry = verifyToken(SECRET, token, { ...grant, type: 'OUT_OF_NETWORK' }, at)
        expect(expiry).toBe(Math.min(notAfter, at + DEFAULT_TOKEN_TTL_MS))
      }),
    )
  })
})
