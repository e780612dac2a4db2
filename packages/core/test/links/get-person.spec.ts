import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TOKEN_TTL_MS, issueToken } from '../../src/access/access-token.js'
import { PeopleSearchError } from '../../src/errors.js'
import { RESOURCES } from '../../src/fields/schema.js'
import type { GetPersonOptions } from '../../src/links/get-person.js'
import type { Profile } from '../../src/model/profile.js'
import { PeopleIndex } from '../../src/people-index.js'

const T0 = Date.UTC(2024, 5, 15)
const SECRET = Buffer.from('get-person test secret, 32+ bytes')

function member(id: string, firstName: string, lastName: string): Profile {
  return {
    id,
    firstName,
    lastName,
    headline: `${firstName} public headline`,
    summary: `${firstName} connections summary`,
    specialties: `${firstName} private specialties`,
    email: `${id}@example.com`,
    numConnections: 7,
    positions: [
      { title: 'Engineer', company: { name: 'Acme' }, startDate: { year: 2020 } },
      { title: 'Secret job', company: { name: 'Hidden' }, visibility: 'private' },
    ],
    visibility: { summary: 'connections', specialties: 'private', email: 'connections' },
  }
}

/** v is the viewer: f is F, s is S (through f), a is A (group g), o is O. */
function world() {
  let time = T0
  const index = new PeopleIndex({ now: () => new Date(time), secret: SECRET })
  index.add([
    member('v', 'Vera', 'Viewer'),
    member('f', 'Fay', 'First'),
    member('s', 'Sam', 'Second'),
    member('a', 'Abe', 'Group'),
    member('o', 'Oscar', 'Out'),
    member('w', 'Walt', 'Other'),
  ])
  index.connect('v', 'f')
  index.connect('f', 's')
  index.joinGroup('v', 'g')
  index.joinGroup('a', 'g')
  return { index, advance: (ms: number) => (time += ms) }
}

/** The profile links a search by full name gives `viewer` for `member`. */
function linksFor(index: PeopleIndex, viewer: string, first: string, last: string) {
  const result = index.search(
    `/v1/people-search:(people:(id,api-standard-profile-request,site-standard-profile-request))?first-name=${first}&last-name=${last}`,
    { viewer },
  )
  const person = result.people?.values?.[0] as {
    apiStandardProfileRequest: { url: string; headers: { values: { name: string; value: string }[] } }
    siteStandardProfileRequest: { url: string }
  }
  const header = person.apiStandardProfileRequest.headers.values[0].value
  return {
    apiUrl: person.apiStandardProfileRequest.url,
    header,
    token: header.slice(header.indexOf(':') + 1),
    siteUrl: person.siteStandardProfileRequest.url,
  }
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

const FIELDS = '(id,headline,summary,specialties,distance,positions:(title))'

describe('getPerson by degree (docs/spec.md §6.2)', () => {
  it('F sees public and connections sections', () => {
    const { index } = world()
    expect(index.getPerson('f', { viewer: 'v', fields: FIELDS })).toEqual({
      id: 'f',
      headline: 'Fay public headline',
      summary: 'Fay connections summary',
      distance: 1,
      positions: { _total: 1, values: [{ title: 'Engineer' }] },
    })
  })

  it('S sees public sections, without a token', () => {
    const { index } = world()
    expect(index.getPerson('s', { viewer: 'v', fields: FIELDS })).toEqual({
      id: 's',
      headline: 'Sam public headline',
      distance: 2,
      positions: { _total: 1, values: [{ title: 'Engineer' }] },
    })
  })

  it.each([
    ['a', 'Abe', 'Group'],
    ['o', 'Oscar', 'Out'],
  ])('%s (A/O) is a 403 without a token and shows public sections with one', (id, first, last) => {
    const { index } = world()
    expect(errorOf(() => index.getPerson(id, { viewer: 'v', fields: FIELDS }))).toMatchObject({
      status: 403,
      kind: 'forbidden',
      code: 'out-of-network',
      values: { member: id },
    })
    const links = linksFor(index, 'v', first, last)
    expect(links.header).toMatch(/^OUT_OF_NETWORK:/)
    const expected = {
      id,
      headline: `${first} public headline`,
      distance: 100,
      positions: { _total: 1, values: [{ title: 'Engineer' }] },
    }
    expect(index.getPerson(id, { viewer: 'v', token: links.header, fields: FIELDS })).toEqual(expected)
    expect(index.getPerson(id, { viewer: 'v', token: links.token, fields: FIELDS })).toEqual(expected)
    expect(index.getPerson(links.apiUrl, { viewer: 'v', token: links.header, fields: FIELDS })).toEqual(
      expected,
    )
    // The site link carries its own token.
    expect(index.getPerson(links.siteUrl, { viewer: 'v', fields: FIELDS })).toEqual(expected)
  })

  it('a token works only for its viewer and member, and until it expires', () => {
    const { index, advance } = world()
    const links = linksFor(index, 'v', 'Oscar', 'Out')
    // Another viewer (for whom o is out of network too) may not use it.
    expect(errorOf(() => index.getPerson('o', { viewer: 'w', token: links.token })).status).toBe(403)
    // Nor may v use it for another out-of-network member.
    expect(errorOf(() => index.getPerson('a', { viewer: 'v', token: links.token })).status).toBe(403)
    // Swapped: a token issued to o for v does not let v see o.
    expect(
      errorOf(() =>
        index.getPerson('o', {
          viewer: 'v',
          token: issueToken(
            SECRET,
            { viewer: 'o', viewerIncarnation: 0, member: 'v', memberIncarnation: 0, type: 'OUT_OF_NETWORK' },
            T0 + 1000,
          ),
        }),
      ).status,
    ).toBe(403)
    // An extended expiry breaks the MAC.
    const [, mac] = links.token.split('.')
    const extended = `${(T0 + 10 * DEFAULT_TOKEN_TTL_MS).toString(36)}.${mac}`
    expect(errorOf(() => index.getPerson('o', { viewer: 'v', token: extended })).status).toBe(403)
    advance(DEFAULT_TOKEN_TTL_MS - 1)
    expect(index.getPerson('o', { viewer: 'v', token: links.token, fields: '(id)' })).toEqual({ id: 'o' })
    advance(1)
    expect(errorOf(() => index.getPerson('o', { viewer: 'v', token: links.token })).status).toBe(403)
  })

  it('a profile fetched with a token carries links that expire no later than it: renewing never extends access', () => {
    const { index, advance } = world()
    const first = linksFor(index, 'v', 'Oscar', 'Out')
    const expiry = first.token.split('.')[0]
    let header = first.header
    // Follow the returned link again and again, each time a little later.
    for (let hop = 0; hop < 5; hop++) {
      advance(DEFAULT_TOKEN_TTL_MS / 6)
      const person = index.getPerson('o', { viewer: 'v', token: header }) as {
        apiStandardProfileRequest: { headers: { values: { value: string }[] } }
        siteStandardProfileRequest: { url: string }
      }
      header = person.apiStandardProfileRequest.headers.values[0].value
      expect(header).toMatch(/^OUT_OF_NETWORK:/)
      expect(header.slice(header.indexOf(':') + 1).split('.')[0]).toBe(expiry)
      expect(person.siteStandardProfileRequest.url).toContain(`authToken=${expiry}.`)
    }
    // 5/6 of a day has passed; at the first token's expiry the renewed one dies with it.
    advance(DEFAULT_TOKEN_TTL_MS / 6 - 1)
    expect(index.getPerson('o', { viewer: 'v', token: header, fields: '(id)' })).toEqual({ id: 'o' })
    advance(1)
    expect(errorOf(() => index.getPerson('o', { viewer: 'v', token: header }))).toMatchObject({
      status: 403,
      code: 'out-of-network',
    })
    // A fresh search is what issues a fresh token.
    const fresh = linksFor(index, 'v', 'Oscar', 'Out')
    expect(index.getPerson('o', { viewer: 'v', token: fresh.header, fields: '(id)' })).toEqual({ id: 'o' })
  })

  it('a token works only for the incarnation it was issued for', () => {
    const { index } = world()
    const links = linksFor(index, 'v', 'Oscar', 'Out')
    // Replacing the member (an add of an existing id) keeps its incarnation, and the token.
    index.add(member('o', 'Oscar', 'Out'))
    expect(index.getPerson('o', { viewer: 'v', token: links.token, fields: '(id)' })).toEqual({ id: 'o' })
    // Removed, and a different person added under the same id: a new incarnation.
    index.remove('o')
    index.add(member('o', 'Olga', 'Other'))
    expect(errorOf(() => index.getPerson('o', { viewer: 'v', token: links.token }))).toMatchObject({
      status: 403,
      code: 'out-of-network',
    })
    expect(errorOf(() => index.getPerson(links.siteUrl, { viewer: 'v' })).status).toBe(403)
    // The new person's own link works, and the first one stays refused after another life.
    const olga = linksFor(index, 'v', 'Olga', 'Other')
    expect(index.getPerson('o', { viewer: 'v', token: olga.token, fields: '(id)' })).toEqual({ id: 'o' })
    index.remove('o')
    index.add(member('o', 'Oscar', 'Out'))
    for (const token of [links.token, olga.token])
      expect(errorOf(() => index.getPerson('o', { viewer: 'v', token })).status).toBe(403)
  })

  it('the link type is under the MAC: a `name` token never opens an out-of-network member', () => {
    const { index } = world()
    // s is S (through f): its link is of type `name`.
    const inside = linksFor(index, 'v', 'Sam', 'Second')
    expect(inside.header).toMatch(/^name:/)
    index.disconnect('f', 's')
    // s is now O: the `name` token does not open it, with or without its prefix.
    for (const token of [inside.header, inside.token, `OUT_OF_NETWORK:${inside.token}`])
      expect(errorOf(() => index.getPerson('s', { viewer: 'v', token })).status).toBe(403)
    expect(errorOf(() => index.getPerson(inside.siteUrl, { viewer: 'v' })).status).toBe(403)
    // An OUT_OF_NETWORK token presented as another type is refused too.
    const outside = linksFor(index, 'v', 'Sam', 'Second')
    expect(outside.header).toMatch(/^OUT_OF_NETWORK:/)
    expect(errorOf(() => index.getPerson('s', { viewer: 'v', token: `name:${outside.token}` })).status).toBe(
      403,
    )
    const renamed = outside.siteUrl.replace('authType=OUT_OF_NETWORK', 'authType=name')
    expect(errorOf(() => index.getPerson(renamed, { viewer: 'v' })).status).toBe(403)
    expect(index.getPerson(outside.siteUrl, { viewer: 'v', fields: '(id)' })).toEqual({ id: 's' })
    expect(index.getPerson('s', { viewer: 'v', token: outside.header, fields: '(id)' })).toEqual({ id: 's' })
  })

  it.each([
    ['an object', {}],
    ['a number', 42],
    ['an empty string', ''],
    ['a bare prefix', 'OUT_OF_NETWORK:'],
    ['a huge string', 'x'.repeat(100_000)],
  ])('a malformed token (%s) is a 403 for an out-of-network member', (_name, token) => {
    const { index } = world()
    expect(
      errorOf(() => index.getPerson('o', { viewer: 'v', token } as unknown as GetPersonOptions)),
    ).toMatchObject({ status: 403, code: 'out-of-network' })
  })

  it('F and S need no token, and a bad one does not hurt', () => {
    const { index } = world()
    expect(index.getPerson('f', { viewer: 'v', token: 'garbage', fields: '(id)' })).toEqual({ id: 'f' })
    expect(index.getPerson('s', { viewer: 'v', token: 'name:0.x', fields: '(id)' })).toEqual({ id: 's' })
  })

  it('the viewer sees its own public and connections sections at distance 0', () => {
    const { index } = world()
    expect(index.getPerson('v', { viewer: 'v', fields: FIELDS })).toMatchObject({
      summary: 'Vera connections summary',
      distance: 0,
    })
  })

  it('without fields returns the full person: every Person field it has and may show', () => {
    const { index } = world()
    const person = index.getPerson('f', { viewer: 'v' })
    const order = Object.keys(RESOURCES.Person.fields).map((name) =>
      name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
    )
    expect(Object.keys(person)).toEqual(order.filter((key) => Object.hasOwn(person, key)))
    expect(person).toMatchObject({
      id: 'f',
      firstName: 'Fay',
      summary: 'Fay connections summary',
      numConnections: 7,
      apiStandardProfileRequest: { url: '/v1/people/f:full' },
    })
    expect(person).not.toHaveProperty('specialties')
    expect(JSON.stringify(person)).not.toMatch(/Secret|Hidden|private specialties/)
    expect(JSON.stringify(index.getPerson('v', { viewer: 'v', fields: ':full' }))).not.toMatch(/private/)
  })
})

describe('getPerson references and errors', () => {
  const { index } = world()

  it.each([
    ['f'],
    ['/v1/people/f:full'],
    ['/v1/people/f'],
    ['v1/people/f:full'.replace(/^/, '/')],
    ['https://api.linkedin.com/v1/people/f'],
    ['/v1/people/id=f:full'],
    ['/people/f:full'],
  ])('%s names member f', (ref) => {
    expect(index.getPerson(ref, { viewer: 'v', fields: '(id)' })).toEqual({ id: 'f' })
  })

  it('takes a selector from the url', () => {
    expect(index.getPerson('/v1/people/f:(id,first-name)', { viewer: 'v' })).toEqual({
      id: 'f',
      firstName: 'Fay',
    })
    expect(errorOf(() => index.getPerson('/v1/people/f:(id)', { viewer: 'v', fields: '(id)' })).status).toBe(
      400,
    )
  })

  it.each([
    ['no viewer', 'f', {}, 401, 'fetch-without-viewer', {}],
    ['an unknown viewer', 'f', { viewer: 'zed' }, 401, 'unknown-viewer', { viewer: 'zed' }],
    [
      'an unknown field',
      'f',
      { viewer: 'v', fields: '(id,shoe-size)' },
      400,
      'unknown-field',
      { field: 'shoe-size', resource: 'Person' },
    ],
    ['a malformed selector', 'f', { viewer: 'v', fields: '(id' }, 400, 'selector-syntax', { position: '3' }],
    [
      'a selector that is no string',
      'f',
      { viewer: 'v', fields: 7 },
      400,
      'invalid-selector',
      { selector: '7' },
    ],
    ['two selectors', '/v1/people/f:(id)', { viewer: 'v', fields: '(id)' }, 400, 'selector-given-twice', {}],
    [
      'a reference that is not one',
      '/v1/companies/f',
      { viewer: 'v' },
      400,
      'invalid-profile-reference',
      { reference: '/v1/companies/f' },
    ],
    ['an empty reference', '', { viewer: 'v' }, 400, 'invalid-profile-reference', { reference: '' }],
    ['an unknown member', 'nobody', { viewer: 'v' }, 404, 'unknown-member', { member: 'nobody' }],
    [
      'an unknown member by url',
      '/v1/people/nobody:full',
      { viewer: 'v' },
      404,
      'unknown-member',
      { member: 'nobody' },
    ],
  ] as const)('%s is a %i', (_name, ref, options, status, code, values) => {
    const error = errorOf(() => index.getPerson(ref, options as GetPersonOptions))
    expect(error).toMatchObject({ status, code, values })
  })

  it('words the errors of the legacy API as it did', () => {
    expect(errorOf(() => index.getPerson('f', {})).message).toBe(
      'Profiles must be fetched on behalf of a member.',
    )
    expect(errorOf(() => index.getPerson('nobody', { viewer: 'v' })).message).toBe('Unknown member {nobody}')
  })

  it('checks the viewer first, then the selector, then the member, then the token', () => {
    expect(errorOf(() => index.getPerson('nobody', { viewer: 'zed', fields: '(bad)' })).status).toBe(401)
    expect(errorOf(() => index.getPerson('nobody', { viewer: 'v', fields: '(bad)' })).status).toBe(400)
    expect(errorOf(() => index.getPerson('nobody', { viewer: 'v' })).status).toBe(404)
  })
})

describe('incarnations survive a snapshot (docs/spec.md §6.2, §7)', () => {
  it('with the same secret, a token stays refused for a new person under its id after save and load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-tokens-'))
    try {
      const { index } = world()
      const oscar = linksFor(index, 'v', 'Oscar', 'Out')
      const abe = linksFor(index, 'v', 'Abe', 'Group')
      // o: removed and added again (a new person); a: removed, and added again only after the load.
      index.remove('o')
      index.add(member('o', 'Olga', 'Other'))
      index.remove('a')
      const olga = linksFor(index, 'v', 'Olga', 'Other')
      await index.save(join(dir, 'index.snapshot'))
      const loaded = await PeopleIndex.load(join(dir, 'index.snapshot'), {
        now: () => new Date(T0),
        secret: SECRET,
      })
      expect(errorOf(() => loaded.getPerson('o', { viewer: 'v', token: oscar.token })).status).toBe(403)
      expect(loaded.getPerson('o', { viewer: 'v', token: olga.token, fields: '(id)' })).toEqual({ id: 'o' })
      loaded.add(member('a', 'Ada', 'Again'))
      expect(errorOf(() => loaded.getPerson('a', { viewer: 'v', token: abe.token })).status).toBe(403)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the token secret (docs/spec.md §6.2)', () => {
  it.each([
    ['an empty Buffer', Buffer.alloc(0)],
    ['31 bytes', Buffer.alloc(31, 1)],
    ['a short string', 'secret'],
    ['an object', {}],
  ])('%s is refused when the index is made', (_name, secret) => {
    expect(errorOf(() => new PeopleIndex({ secret } as never))).toMatchObject({
      code: 'invalid-token-secret',
      status: 400,
    })
  })

  it('32 bytes or more are taken, as a copy: tokens of two indexes with one secret agree', () => {
    const bytes = Buffer.alloc(32, 9)
    const make = () => {
      const index = new PeopleIndex({ now: () => new Date(T0), secret: bytes })
      index.add([member('v', 'Vera', 'Viewer'), member('o', 'Oscar', 'Out')])
      return index
    }
    const a = make()
    const token = linksFor(a, 'v', 'Oscar', 'Out').token
    bytes.fill(0)
    expect(a.getPerson('o', { viewer: 'v', token, fields: '(id)' })).toEqual({ id: 'o' })
    expect(() => make().getPerson('o', { viewer: 'v', token })).toThrow(PeopleSearchError)
    const b = new PeopleIndex({ now: () => new Date(T0), secret: Buffer.alloc(32, 9) })
    b.add([member('v', 'Vera', 'Viewer'), member('o', 'Oscar', 'Out')])
    expect(b.getPerson('o', { viewer: 'v', token, fields: '(id)' })).toEqual({ id: 'o' })
  })
})

describe('a profile fetched by its public profile URL (docs/spec.md §9.1)', () => {
  function urlWorld() {
    const { index } = world()
    index.add({ ...member('f', 'Fay', 'First'), publicProfileUrl: 'https://www.linkedin.com/in/fay-first' })
    return index
  }

  it('finds the member whose public profile URL it names, in any common form, percent-encoded', () => {
    const index = urlWorld()
    for (const url of [
      'http://www.linkedin.com/in/fay-first',
      'https://linkedin.com/in/FAY-FIRST/',
      'https://uk.linkedin.com/in/fay-first?trk=x',
    ]) {
      const ref = `/v1/people/url=${encodeURIComponent(url)}:(id,summary)`
      expect(index.getPerson(ref, { viewer: 'v' })).toEqual({ id: 'f', summary: 'Fay connections summary' })
      expect(index.getPerson(`url=${encodeURIComponent(url)}`, { viewer: 'v', fields: '(id)' })).toEqual({
        id: 'f',
      })
    }
  })

  it('is a 404 naming the URL for a URL no member has, and a 400 for one that is no profile URL', () => {
    const index = urlWorld()
    const unknown = encodeURIComponent('https://www.linkedin.com/in/nobody-here')
    expect(() => index.getPerson(`/v1/people/url=${unknown}`, { viewer: 'v' })).toThrow(
      expect.objectContaining({ code: 'profile-not-found', status: 404 }),
    )
    for (const bad of ['url=', `url=${encodeURIComponent('https://example.com/fay')}`, 'url=%E0%A4%A']) {
      expect(() => index.getPerson(`/v1/people/${bad}`, { viewer: 'v' })).toThrow(
        expect.objectContaining({ code: 'invalid-profile-reference', status: 400 }),
      )
    }
  })

  it('keeps the network rule: an out-of-network member found by URL still needs a token', () => {
    const { index } = world()
    index.add({ ...member('o', 'Oscar', 'Out'), publicProfileUrl: 'https://www.linkedin.com/in/oscar' })
    const ref = `/v1/people/url=${encodeURIComponent('https://www.linkedin.com/in/oscar')}`
    expect(() => index.getPerson(ref, { viewer: 'v' })).toThrow(
      expect.objectContaining({ code: 'out-of-network' }),
    )
  })
})

describe(':public (docs/spec.md §9.1)', () => {
  it('shows every field of the public sections only, even to a first-degree viewer', () => {
    const { index } = world()
    const full = index.getPerson('/v1/people/f:full', { viewer: 'v' })
    const shown = index.getPerson('/v1/people/f:public', { viewer: 'v' })
    expect(full).toHaveProperty('summary', 'Fay connections summary')
    expect(shown).not.toHaveProperty('summary')
    expect(shown).toMatchObject({ id: 'f', firstName: 'Fay', headline: 'Fay public headline', distance: 1 })
    expect(index.getPerson('f', { viewer: 'v', fields: 'public' })).toEqual(shown)
    expect(index.getPerson('/v1/people/id=f:PUBLIC', { viewer: 'v' })).toEqual(shown)
  })

  it('changes nothing of who may fetch: an out-of-network member is still a 403 without a token', () => {
    const { index } = world()
    expect(() => index.getPerson('/v1/people/o:public', { viewer: 'v' })).toThrow(
      expect.objectContaining({ code: 'out-of-network' }),
    )
  })
})

describe('accountLevelOf and has', () => {
  it('is the member’s account level, basic when its profile names none, undefined for an unknown id', () => {
    const { index } = world()
    index.add({ ...member('x', 'Xena', 'Exec'), accountLevel: 'executive' })
    expect(index.accountLevelOf('x')).toBe('executive')
    expect(index.accountLevelOf('v')).toBe('basic')
    expect(index.accountLevelOf('ghost')).toBeUndefined()
    expect([index.has('x'), index.has('ghost'), index.has(42 as never)]).toEqual([true, false, false])
    index.remove('x')
    expect(index.has('x')).toBe(false)
  })
})
