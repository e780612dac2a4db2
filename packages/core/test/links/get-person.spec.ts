import { describe, expect, it } from 'vitest'
import { DEFAULT_TOKEN_TTL_MS, issueToken } from '../../src/access/access-token.js'
import { PeopleSearchError } from '../../src/errors.js'
import { RESOURCES } from '../../src/fields/schema.js'
import type { GetPersonOptions } from '../../src/links/get-person.js'
import type { Profile } from '../../src/model/profile.js'
import { PeopleIndex } from '../../src/people-index.js'

const T0 = Date.UTC(2024, 5, 15)
const SECRET = Buffer.from('get-person test secret')

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
      errorOf(() => index.getPerson('o', { viewer: 'v', token: issueToken(SECRET, 'o', 'v', T0 + 1000) }))
        .status,
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
