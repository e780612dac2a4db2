import type {
  PeopleIndex,
  PeopleSearchError,
  PersonProfileDocument,
  ProfileSource,
} from '@people-search/core'
import { personToXml } from '@people-search/xml'
import { describe, expect, test } from 'vitest'
import { emptyIndex, expectError, ME, NOW, person, world } from './world.js'

const ann = () =>
  person('ann', 'Ann', 'Lee', {
    headline: 'Java developer',
    summary: 'Only for friends',
    publicProfileUrl: 'https://www.linkedin.com/in/ann-lee',
    skills: ['Java', 'Kotlin'],
    visibility: { summary: 'connections' },
    updatedAt: '2026-06-01T00:00:00Z',
  })

describe('§6.1 Person Profile lookup', () => {
  test('any common form of a public profile URL finds the same member', async () => {
    const index = world([ann()])
    for (const url of [
      'https://www.linkedin.com/in/ann-lee',
      'http://linkedin.com/in/ann-lee/',
      'https://uk.linkedin.com/in/ANN-LEE?trk=public#about',
      'www.linkedin.com/in/ann-lee',
    ]) {
      const { profile } = await index.lookupProfile({ profile_url: url })
      expect(profile.first_name).toBe('Ann')
    }
  })

  test('anything that is not a profile URL is a 400 naming it', async () => {
    const index = world([ann()])
    const error = (await index
      .lookupProfile({ profile_url: 'https://example.com/in/ann' })
      .catch((e) => e)) as PeopleSearchError
    expect(error).toMatchObject({ status: 400, kind: 'badParameter', code: 'invalid-profile-url' })
    expect(error.message).toContain('https://example.com/in/ann')
  })

  test('public data only: a connections section is null, excluded enrichments are absent', async () => {
    const { profile, credits } = await world([ann()]).lookupProfile({
      profile_url: 'linkedin.com/in/ann-lee',
    })
    expect(profile.headline).toBe('Java developer')
    expect(profile.summary).toBeNull()
    expect('skills' in profile).toBe(false)
    expect(credits).toBe(1)
  })

  test('each included enrichment that returns data costs one more credit', async () => {
    const { profile, credits } = await world([ann()]).lookupProfile({
      profile_url: 'linkedin.com/in/ann-lee',
      skills: 'include',
      certifications: 'include',
    })
    expect(profile.skills).toEqual(['Java', 'Kotlin'])
    expect(credits).toBe(2) // certifications returned nothing
  })

  test('a profile that is not found is a 404 and costs nothing', async () => {
    const error = (await world([ann()])
      .lookupProfile({ profile_url: 'linkedin.com/in/nobody' })
      .catch((e) => e)) as PeopleSearchError & {
      credits: number
    }
    expect(error.status).toBe(404)
    expect(error.credits).toBe(0)
  })

  test('if-recent refreshes a copy older than 29 days through the profile source, for one more credit', async () => {
    const fresh: PersonProfileDocument = {
      public_identifier: 'ann-lee',
      first_name: 'Ann',
      last_name: 'Lee',
      headline: 'Kotlin lead',
    } as PersonProfileDocument
    const source: ProfileSource = { fetch: async () => fresh }
    const index = emptyIndex({ source })
    index.add({ ...ann(), updatedAt: '2026-04-01T00:00:00Z' })
    const { profile, credits } = await index.lookupProfile({
      profile_url: 'linkedin.com/in/ann-lee',
      use_cache: 'if-recent',
    })
    expect(profile.headline).toBe('Kotlin lead')
    expect(credits).toBe(2)
  })

  test('on-error serves the stored copy when the source fails; never returns the failure', async () => {
    const source: ProfileSource = {
      fetch: async () => {
        throw new Error('upstream down')
      },
    }
    const index = emptyIndex({ source })
    index.add({ ...ann(), updatedAt: '2026-04-01T00:00:00Z' })
    const stale = await index.lookupProfile({
      profile_url: 'linkedin.com/in/ann-lee',
      use_cache: 'if-recent',
    })
    expect(stale.profile.headline).toBe('Java developer')
    const failure = (await index
      .lookupProfile({
        profile_url: 'linkedin.com/in/ann-lee',
        use_cache: 'if-recent',
        fallback_to_cache: 'never',
      })
      .catch((e) => e)) as PeopleSearchError
    expect(failure.status).toBe(503)
  })
})

describe('§6.2 a search result’s profile link', () => {
  const index = world(
    [
      ann(),
      person('cy', 'Cy', 'Do', {
        headline: 'Designer',
        summary: 'Private words',
        visibility: { summary: 'private' },
      }),
    ],
    {
      friends: ['ann'],
    },
  )

  type Link = { url: string; headers: { values: { value: string }[] } }
  // The api-standard-profile-request of Cy, found by name from outside Cy's network.
  const cyLink = (): Link => {
    const found = index.search(
      '/v1/people-search:(people:(api-standard-profile-request))?first-name=cy&last-name=do',
      { viewer: ME },
    )
    const person = found.people?.values?.[0]
    if (person === undefined) throw new Error('Cy was not found')
    return (person as { apiStandardProfileRequest: Link }).apiStandardProfileRequest
  }

  test('an F member shows its connections sections', () => {
    expect(index.getPerson('ann', { viewer: ME, fields: '(id,summary)' })).toEqual({
      id: 'ann',
      summary: 'Only for friends',
    })
  })

  test('an out-of-network member needs the token from the search result, else 403', () => {
    expectError(() => index.getPerson('cy', { viewer: ME }), 403, 'out-of-network')
    const link = cyLink()
    const token = link.headers.values[0].value.split(':')[1]
    const cy = index.getPerson(link.url, { viewer: ME, token, fields: '(id,headline,summary)' })
    expect(cy).toEqual({ id: 'cy', headline: 'Designer' })
    expect(personToXml(cy)).toContain('<person>\n  <id>cy</id>\n  <headline>Designer</headline>\n</person>')
  })

  test('a token works only for the viewer it was issued to', () => {
    const value = cyLink().headers.values[0].value
    expectError(
      () => index.getPerson('cy', { viewer: 'ann', token: value.split(':')[1] }),
      403,
      'out-of-network',
    )
  })
})

describe('§6.2 a token is bound to viewer, member incarnation, type and expiry', () => {
  const HOUR = 60 * 60 * 1000
  const SECRET = 'an example secret of at least 32 bytes'
  // Cy is outside my network; the clock is one the test moves.
  const cyWorld = () => {
    let time = Date.parse(NOW)
    const index = world([person('cy', 'Cy', 'Do', { headline: 'Designer' })], {
      friends: [],
      options: { now: () => new Date(time), secret: SECRET },
    })
    return { index, later: (ms: number) => (time += ms) }
  }
  type Linked = { apiStandardProfileRequest: { headers: { values: { value: string }[] } } }
  const header = (person: unknown) => (person as Linked).apiStandardProfileRequest.headers.values[0].value
  const searchLink = (index: PeopleIndex, first = 'cy', last = 'do') =>
    header(
      index.search(
        `/v1/people-search:(people:(api-standard-profile-request))?first-name=${first}&last-name=${last}`,
        {
          viewer: ME,
        },
      ).people?.values?.[0],
    )
  const FIELDS = '(id,api-standard-profile-request)'

  test('a profile fetched with a token carries links that expire no later than it: renewing never extends access', () => {
    const { index, later } = cyWorld()
    let link = searchLink(index)
    // Following the fetched profile's own link every 20 hours would keep access for days…
    later(20 * HOUR)
    link = header(index.getPerson('cy', { viewer: ME, token: link, fields: FIELDS }))
    later(3 * HOUR)
    link = header(index.getPerson('cy', { viewer: ME, token: link, fields: FIELDS }))
    // …but 24 hours after the search, the renewed link dies with the first one.
    later(HOUR)
    expectError(() => index.getPerson('cy', { viewer: ME, token: link }), 403, 'out-of-network')
  })

  test('a removed member added again is a new incarnation: its old token does not open the new profile', () => {
    const { index } = cyWorld()
    const link = searchLink(index)
    index.add(person('cy', 'Cy', 'Do', { headline: 'Designer, replaced' }))
    expect(index.getPerson('cy', { viewer: ME, token: link, fields: '(headline)' })).toEqual({
      headline: 'Designer, replaced',
    })
    index.remove('cy')
    index.add(person('cy', 'Someone', 'Else', { headline: 'Not Cy' }))
    expectError(() => index.getPerson('cy', { viewer: ME, token: link }), 403, 'out-of-network')
    const fresh = searchLink(index, 'someone', 'else')
    expect(index.getPerson('cy', { viewer: ME, token: fresh, fields: '(headline)' })).toEqual({
      headline: 'Not Cy',
    })
  })

  test('the type is under the MAC: a `name` link of a former second-degree member opens nothing', () => {
    const { index } = cyWorld()
    index.add(person('bo', 'Bo', 'Bridge'))
    index.connect(ME, 'bo')
    index.connect('bo', 'cy')
    const inside = searchLink(index)
    expect(inside).toMatch(/^name:/)
    index.disconnect('bo', 'cy')
    for (const token of [inside, inside.replace(/^name:/, 'OUT_OF_NETWORK:'), inside.replace(/^name:/, '')])
      expectError(() => index.getPerson('cy', { viewer: ME, token }), 403, 'out-of-network')
  })

  test('the secret is at least 32 bytes: a shorter one is refused when the index is made', () => {
    for (const secret of [Buffer.alloc(0), Buffer.alloc(31), 'too short'])
      expectError(() => emptyIndex({ secret }), 400, 'invalid-token-secret', '32')
    expect(() => emptyIndex({ secret: Buffer.alloc(32) })).not.toThrow()
  })
})
