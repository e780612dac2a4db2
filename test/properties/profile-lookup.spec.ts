import {
  type Degree,
  isCurrentEducation,
  isCurrentPosition,
  mayRead,
  Network,
  PUBLIC_SIGHT,
  profileArb,
  type Sight,
  sectionVisible,
  testGeocoder,
  visibleEducations,
  visiblePositions,
  type World,
  worldArb,
} from '@people-search/conformance'
import {
  type GetPersonOptions,
  PeopleIndex,
  type PersonDocument,
  type PersonProfileDocument,
  type Profile,
  type Section,
  toPersonProfile,
  type Visibility,
} from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NOW, outcome, RUNS } from './helpers.js'

const DAY = 24 * 60 * 60 * 1000
const GIVEN = 'Chief Stealth Officer at StealthCo'
const SECRET = Buffer.from('profile-lookup property secret, 32+ bytes')
const TTL = 24 * 60 * 60 * 1000
const ALL = {
  certifications: 'include',
  projects: 'include',
  publications: 'include',
  skills: 'include',
} as const

/** Sections and the document field each one fills (docs/spec.md §1.3, §6.1). */
const DOCUMENT_FIELDS: [Section, keyof PersonProfileDocument][] = [
  ['headline', 'headline'],
  ['summary', 'summary'],
  ['pictureUrl', 'profile_pic_url'],
  ['positions', 'experiences'],
  ['educations', 'education'],
  ['skills', 'skills'],
  ['certifications', 'certifications'],
  ['projects', 'accomplishment_projects'],
  ['publications', 'accomplishment_publications'],
  ['email', 'personal_emails'],
  ['phone', 'personal_numbers'],
]
const TEXT_SECTIONS = ['headline', 'summary', 'specialties', 'interests', 'honors'] as const
const SIMPLE_SECTIONS = [
  'skills',
  'certifications',
  'projects',
  'publications',
  'email',
  'phone',
  'pictureUrl',
] as const

/**
 * `p` without anything `sight` may not read (docs/spec.md §3.6): hidden sections lose their data (their
 * visibility stays), hidden items go, hidden dates go (with `isCurrent` made explicit, since a
 * private date still decides it, docs/spec.md §8). Whatever a lookup shows must be the same for both.
 */
function mask(p: Profile, sight: Sight, now: Date): Profile {
  const q: Profile = structuredClone(p)
  for (const s of [...TEXT_SECTIONS, ...SIMPLE_SECTIONS]) if (!sectionVisible(q, s, sight)) delete q[s]
  if (q.positions !== undefined) {
    q.positions = visiblePositions(q, sight).map((pos) => {
      if (mayRead(pos.datesVisibility, sight)) return pos
      const { startDate, endDate, ...rest } = pos
      return { ...rest, isCurrent: isCurrentPosition(pos, now) }
    })
    if (!sectionVisible(q, 'positions', sight)) delete q.positions
  }
  if (q.educations !== undefined) {
    q.educations = visibleEducations(q, sight).map((edu) => {
      if (mayRead(edu.datesVisibility, sight)) return edu
      const { startDate, endDate, ...rest } = edu
      return { ...rest, isCurrent: isCurrentEducation(edu, now) }
    })
    if (!sectionVisible(q, 'educations', sight)) delete q.educations
  }
  return q
}

// Mostly public, so that earlier versions often have something to give.
const visibilityArb = fc.constantFrom<Visibility | undefined>(
  undefined,
  undefined,
  undefined,
  undefined,
  'public',
  'connections',
  'private',
)

/** A later version of `base`: some dates and school names dropped, visibilities redrawn. */
const laterVersionArb = (base: Profile): fc.Arbitrary<Profile> =>
  fc
    .record({
      drops: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      visibilities: fc.array(visibilityArb, { minLength: 12, maxLength: 12 }),
      sections: fc.record({ positions: visibilityArb, educations: visibilityArb }),
    })
    .map(({ drops, visibilities, sections }) => {
      const q = structuredClone(base)
      let n = 0
      const drop = () => drops[n++ % drops.length]
      const visibility = () => visibilities[n++ % visibilities.length]
      for (const pos of q.positions ?? []) {
        if (drop()) delete pos.startDate
        if (drop()) delete pos.endDate
        pos.visibility = visibility()
        pos.datesVisibility = visibility()
      }
      for (const edu of q.educations ?? []) {
        if (drop()) delete edu.startDate
        if (drop()) delete edu.endDate
        if (drop()) edu.school = { ...edu.school, name: undefined }
        edu.visibility = visibility()
        edu.datesVisibility = visibility()
      }
      q.visibility = { ...q.visibility }
      for (const [section, setting] of Object.entries(sections)) {
        if (setting === undefined) delete q.visibility[section as Section]
        else q.visibility[section as Section] = setting
      }
      return JSON.parse(JSON.stringify(q)) as Profile
    })

/**
 * Versions of member `m` with the days before NOW each was added, oldest first: a random
 * profile, then later versions of it that lose dates and school names and change visibility.
 */
const baseArb = fc.tuple(profileArb(fc.constant('m')), fc.boolean()).map(([profile, open]) => {
  if (!open) return profile
  // Half the time the oldest version hides nothing, so that it has something to give.
  const { visibility, ...rest } = profile
  const unhide = <T extends { visibility?: Visibility; datesVisibility?: Visibility }>(item: T): T => {
    const { visibility, datesVisibility, ...plain } = item
    return plain as T
  }
  return {
    ...rest,
    positions: rest.positions?.map(unhide),
    educations: rest.educations?.map(unhide),
  } as Profile
})

const historyArb: fc.Arbitrary<[Profile, number][]> = baseArb.chain((base) =>
  fc
    .tuple(
      fc.array(laterVersionArb(base), { maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 4200 }), { minLength: 4, maxLength: 4 }),
    )
    .map(([later, days]) => {
      const sorted = [...days].sort((a, b) => b - a)
      return [base, ...later].map((profile, i): [Profile, number] => [profile, sorted[i]])
    }),
)

function indexWithHistory(versions: [Profile, number][], transform: (p: Profile) => Profile): PeopleIndex {
  let time = 0
  const index = new PeopleIndex({ now: () => new Date(time), geocoder: testGeocoder, secret: SECRET })
  for (const [profile, daysAgo] of versions) {
    time = NOW.getTime() - daysAgo * DAY
    index.add(transform(structuredClone(profile)))
  }
  time = NOW.getTime()
  return index
}

async function lookupOutcome(index: PeopleIndex) {
  try {
    return await index.lookupProfile({ profile_url: 'https://www.linkedin.com/in/m', ...ALL })
  } catch (error) {
    return { error: `${(error as { status?: number }).status}` }
  }
}

function networkOf(world: World): Network {
  const network = new Network()
  for (const [a, b] of world.edges) network.connect(a, b)
  for (const [m, g] of world.memberships) network.join(m, g)
  return network
}

/** A world's index on a clock the test moves. */
function buildIndex(world: World, profiles: Profile[] = world.profiles) {
  let time = NOW.getTime()
  const index = new PeopleIndex({ now: () => new Date(time), geocoder: testGeocoder, secret: SECRET })
  index.add(structuredClone(profiles))
  for (const [a, b] of world.edges) index.connect(a, b)
  for (const [m, g] of world.memberships) index.joinGroup(m, g)
  return { index, setTime: (t: number) => (time = t) }
}

/** The token `viewer` gets for `member` from a search by its full name, if the page holds it. */
function tokenFrom(index: PeopleIndex, viewer: string, member: Profile): string | undefined {
  const query = new URLSearchParams({
    'first-name': member.firstName,
    'last-name': member.lastName,
    count: '25',
  })
  const result = index.search(`/v1/people-search:(people:(id,api-standard-profile-request))?${query}`, {
    viewer,
  })
  const person = result.people?.values?.find((p) => p.id === member.id) as
    | { apiStandardProfileRequest: { headers: { values: { value: string }[] } } }
    | undefined
  const header = person?.apiStandardProfileRequest.headers.values[0].value
  return header?.slice(header.indexOf(':') + 1)
}

function get(index: PeopleIndex, member: string, options: GetPersonOptions) {
  return outcome<PersonDocument>(() => index.getPerson(member, options))
}

const denied = { error: '403 forbidden' }

describe('profile lookups never show what the caller may not see (docs/spec.md §6)', () => {
  it('lookupProfile: hidden sections are null, and hidden data (now or in history) changes nothing', async () => {
    let backfilled = 0
    await fc.assert(
      fc.asyncProperty(historyArb, fc.boolean(), async (versions, given) => {
        // Half the time every version carries a document's own occupation (docs/spec.md §1.3).
        const own = (p: Profile) => (given ? ({ ...p, personProfile: { occupation: GIVEN } } as Profile) : p)
        const plain = await lookupOutcome(indexWithHistory(versions, own))
        const masked = await lookupOutcome(indexWithHistory(versions, (p) => mask(own(p), PUBLIC_SIGHT, NOW)))
        expect(masked).toEqual(plain)
        expect('profile' in plain).toBe(true)
        if (!('profile' in plain)) return
        const doc = plain.profile
        const current = versions[versions.length - 1][0]
        if (JSON.stringify(doc) !== JSON.stringify(toPersonProfile(current, { now: NOW.getTime() })))
          backfilled++
        for (const [section, field] of DOCUMENT_FIELDS) {
          const scalar = section === 'headline' || section === 'summary' || section === 'pictureUrl'
          if (!sectionVisible(current, section, PUBLIC_SIGHT)) expect(doc[field], field).toBeNull()
          else if (scalar) expect(doc[field], field).toBe(current[section] ?? null)
          else expect(Array.isArray(doc[field]), field).toBe(true)
        }
        // A field derived from a section is null whenever that section is hidden, even when the
        // document gave its own text (docs/spec.md §1.3).
        if (!sectionVisible(current, 'positions', PUBLIC_SIGHT)) expect(doc.occupation).toBeNull()
        else if (given) expect(doc.occupation).toBe(GIVEN)
        if (doc.experiences !== null)
          expect(doc.experiences).toHaveLength(visiblePositions(current, PUBLIC_SIGHT).length)
        if (doc.education !== null)
          expect(doc.education).toHaveLength(visibleEducations(current, PUBLIC_SIGHT).length)
      }),
      { numRuns: RUNS },
    )
    // The histories are built so that backfilling happens (in about one run of ten), not only
    // its refusals.
    if (RUNS >= 100) expect(backfilled).toBeGreaterThan(0)
  })

  it('getPerson: a member shows only what the viewer’s degree allows', () => {
    fc.assert(
      fc.property(worldArb({ maxProfiles: 16 }), fc.nat(), fc.nat(), (world, v, m) => {
        const ids = world.profiles.map((p) => p.id)
        fc.pre(ids.length >= 2)
        const viewer = ids[v % ids.length]
        const member = world.profiles[m % ids.length]
        const degree: Degree | 'self' =
          viewer === member.id ? 'self' : networkOf(world).degree(viewer, member.id)
        const sight: Sight = { connection: degree === 'F' || degree === 'self' }
        const plain = buildIndex(world)
        const masked = buildIndex(
          world,
          world.profiles.map((p) => (p.id === member.id ? mask(p, sight, NOW) : p)),
        )
        const token = tokenFrom(plain.index, viewer, member)
        for (const options of [{ viewer }, { viewer, token }] as GetPersonOptions[]) {
          const seen = get(plain.index, member.id, options)
          expect(get(masked.index, member.id, options)).toEqual(seen)
          if ((degree === 'A' || degree === 'O') && options.token === undefined) expect(seen).toEqual(denied)
          if ('error' in seen) {
            expect(degree === 'A' || degree === 'O').toBe(true)
            continue
          }
          for (const s of [...TEXT_SECTIONS, ...SIMPLE_SECTIONS] as const) {
            const key = s === 'pictureUrl' ? 'pictureUrl' : s
            if (!sectionVisible(member, s, sight)) expect(seen, s).not.toHaveProperty(key)
          }
          const positions = seen.positions as { _total: number } | undefined
          expect(positions?._total ?? 0).toBe(visiblePositions(member, sight).length)
          const educations = seen.educations as { _total: number } | undefined
          expect(educations?._total ?? 0).toBe(visibleEducations(member, sight).length)
        }
      }),
      { numRuns: RUNS },
    )
  })
})

describe('the profile routes of the HTTP service at getPerson level (docs/spec.md §9.1)', () => {
  // Every member gets a public profile URL of its own; a fetch names it in one of the common
  // forms of §6.1, written here without the index's normaliser.
  const withUrls = (world: World): Profile[] =>
    world.profiles.map((p, i) => ({ ...p, publicProfileUrl: `https://www.linkedin.com/in/member-${i}` }))
  const FORMS = [
    (i: number) => `https://www.linkedin.com/in/member-${i}`,
    (i: number) => `http://linkedin.com/in/member-${i}/`,
    (i: number) => `https://uk.linkedin.com/in/MEMBER-${i}?trk=x#top`,
    (i: number) => `www.linkedin.com/in/member-${i}`,
  ]

  it(':public shows what anyone may see, whoever asks, and keeps who may ask', () => {
    fc.assert(
      fc.property(worldArb({ maxProfiles: 16 }), fc.nat(), fc.nat(), (world, v, m) => {
        const ids = world.profiles.map((p) => p.id)
        fc.pre(ids.length >= 2)
        const viewer = ids[v % ids.length]
        const member = world.profiles[m % ids.length]
        const plain = buildIndex(world)
        // Hiding everything of the member that is not public changes nothing of its :public view.
        const masked = buildIndex(
          world,
          world.profiles.map((p) => (p.id === member.id ? mask(p, PUBLIC_SIGHT, NOW) : p)),
        )
        const token = tokenFrom(plain.index, viewer, member)
        for (const options of [{ viewer }, { viewer, token }] as GetPersonOptions[]) {
          const seen = get(plain.index, `/v1/people/${member.id}:public`, options)
          expect(get(masked.index, `/v1/people/${member.id}:public`, options)).toEqual(seen)
          const full = get(plain.index, member.id, options)
          expect('error' in seen ? seen : 'shown').toEqual('error' in full ? full : 'shown')
          if ('error' in seen) continue
          for (const section of [...TEXT_SECTIONS, ...SIMPLE_SECTIONS] as const) {
            if (!sectionVisible(member, section, PUBLIC_SIGHT))
              expect(seen, section).not.toHaveProperty(section)
          }
          const positions = seen.positions as { _total: number } | undefined
          expect(positions?._total ?? 0).toBe(visiblePositions(member, PUBLIC_SIGHT).length)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('url=<encoded public profile URL> answers exactly as the member’s id does, in any common form', () => {
    fc.assert(
      fc.property(
        worldArb({ maxProfiles: 16 }),
        fc.nat(),
        fc.nat(),
        fc.nat(FORMS.length - 1),
        (world, v, m, f) => {
          const ids = world.profiles.map((p) => p.id)
          fc.pre(ids.length >= 1)
          const profiles = withUrls(world)
          const { index } = buildIndex(world, profiles)
          const viewer = ids[v % ids.length]
          const at = m % ids.length
          const reference = `/v1/people/url=${encodeURIComponent(FORMS[f](at))}:(id,first-name,headline,distance)`
          expect(get(index, reference, { viewer })).toEqual(
            get(index, `/v1/people/${ids[at]}:(id,first-name,headline,distance)`, { viewer }),
          )
          const nobody = `/v1/people/url=${encodeURIComponent(`https://www.linkedin.com/in/member-${ids.length}x`)}`
          expect(get(index, nobody, { viewer })).toEqual({ error: '404 notFound' })
        },
      ),
      { numRuns: RUNS },
    )
  })
})

describe('profile-link tokens at getPerson level (docs/spec.md §6.2)', () => {
  const TOKEN_CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:'

  it('work only for their viewer and member, before expiry; tampering never grants access', () => {
    fc.assert(
      fc.property(
        worldArb({ maxProfiles: 16 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...TOKEN_CHARS),
        fc.integer({ min: 1, max: 10 * TTL }),
        (world, v, m, at, c, extra) => {
          const ids = world.profiles.map((p) => p.id)
          fc.pre(ids.length >= 2)
          const viewer = ids[v % ids.length]
          const member = world.profiles[m % ids.length]
          fc.pre(member.id !== viewer)
          const network = networkOf(world)
          const outside = (a: string, b: string) => a !== b && ['A', 'O'].includes(network.degree(a, b))
          const { index, setTime } = buildIndex(world)
          const token = tokenFrom(index, viewer, member)
          fc.pre(token !== undefined)
          const token_ = token as string
          const fields = '(id)'
          // Its own viewer and member: granted (whatever the degree).
          expect(get(index, member.id, { viewer, token: token_, fields })).toEqual({ id: member.id })
          // Any other viewer for whom the member is out of network: refused.
          for (const other of ids)
            if (other !== viewer && outside(other, member.id))
              expect(get(index, member.id, { viewer: other, token: token_, fields })).toEqual(denied)
          // Any other member out of the viewer's network: refused.
          for (const other of ids)
            if (other !== member.id && outside(viewer, other))
              expect(get(index, other, { viewer, token: token_, fields })).toEqual(denied)
          if (!outside(viewer, member.id)) return
          // A changed character.
          const i = at % token_.length
          const tampered = token_.slice(0, i) + c + token_.slice(i + 1)
          if (tampered !== token_)
            expect(get(index, member.id, { viewer, token: tampered, fields })).toEqual(denied)
          // An extended expiry.
          const [expiry, mac] = token_.split('.')
          const later = `${(Number.parseInt(expiry, 36) + extra).toString(36)}.${mac}`
          expect(get(index, member.id, { viewer, token: later, fields })).toEqual(denied)
          // Swapped ids: the token the member got for the viewer.
          const swapped = tokenFrom(index, member.id, world.profiles.find((p) => p.id === viewer) as Profile)
          if (swapped !== undefined)
            expect(get(index, member.id, { viewer, token: swapped, fields })).toEqual(denied)
          // Until, not at, its expiry.
          setTime(NOW.getTime() + TTL - 1)
          expect(get(index, member.id, { viewer, token: token_, fields })).toEqual({ id: member.id })
          setTime(NOW.getTime() + TTL)
          expect(get(index, member.id, { viewer, token: token_, fields })).toEqual(denied)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('renewing never extends access, and a token dies with its member’s or viewer’s incarnation', () => {
    type Linked = {
      apiStandardProfileRequest: { headers: { values: { value: string }[] } }
      siteStandardProfileRequest: { url: string }
    }
    const fields = '(id,api-standard-profile-request,site-standard-profile-request)'
    const expiryOf = (token: string) => Number.parseInt(token.split('.')[0], 36)
    fc.assert(
      fc.property(
        worldArb({ maxProfiles: 12 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.record({ wait: fc.integer({ min: 0, max: TTL / 2 }), site: fc.boolean() }), {
          maxLength: 6,
        }),
        fc.constantFrom('replace', 'member', 'viewer', 'member twice', 'someone else'),
        (world, v, m, hops, life) => {
          const ids = world.profiles.map((p) => p.id)
          fc.pre(ids.length >= 2)
          const viewer = ids[v % ids.length]
          const member = world.profiles[m % ids.length]
          fc.pre(member.id !== viewer && ['A', 'O'].includes(networkOf(world).degree(viewer, member.id)))
          const { index, setTime } = buildIndex(world)
          const first = tokenFrom(index, viewer, member)
          fc.pre(first !== undefined)
          const issued = first as string
          const expiry = expiryOf(issued)
          // A chain of renewals: each fetch follows a link of the document the previous one returned.
          let time = NOW.getTime()
          let options: GetPersonOptions = { viewer, token: `OUT_OF_NETWORK:${issued}`, fields }
          let ref = member.id
          for (const { wait, site } of hops) {
            time += wait
            setTime(time)
            const seen = get(index, ref, options)
            if (time >= expiry) {
              expect(seen, 'a renewed token outlived the first').toEqual(denied)
              break
            }
            expect(seen).toHaveProperty('id', member.id)
            const linked = seen as unknown as Linked
            const header = linked.apiStandardProfileRequest.headers.values[0].value
            expect(header.startsWith('OUT_OF_NETWORK:')).toBe(true)
            expect(expiryOf(header.slice(header.indexOf(':') + 1))).toBeLessThanOrEqual(expiry)
            if (site) {
              ref = linked.siteStandardProfileRequest.url
              options = { viewer, fields }
            } else {
              ref = member.id
              options = { viewer, token: header, fields }
            }
          }
          // Lives: a replace keeps the member's incarnation; a remove and add is a new one.
          setTime(NOW.getTime())
          const again = (id: string) => {
            const profile = world.profiles.find((p) => p.id === id) as Profile
            index.remove(id)
            index.add({ ...structuredClone(profile), firstName: 'Another', lastName: 'Person' })
          }
          const other = ids.find((id) => id !== viewer && id !== member.id)
          if (life === 'replace') index.add(structuredClone(member))
          else if (life === 'member') again(member.id)
          else if (life === 'member twice') {
            again(member.id)
            again(member.id)
          } else if (life === 'viewer') again(viewer)
          else if (other !== undefined) again(other)
          const kept = life === 'replace' || life === 'someone else'
          const fetched = get(index, member.id, { viewer, token: issued, fields: '(id)' })
          expect(fetched, life).toEqual(kept ? { id: member.id } : denied)
          // The new incarnation gets working links from a new search.
          if (!kept) {
            const renamed =
              life === 'viewer' ? member : { ...member, firstName: 'Another', lastName: 'Person' }
            const fresh = tokenFrom(index, viewer, renamed)
            if (fresh !== undefined)
              expect(get(index, member.id, { viewer, token: fresh, fields: '(id)' })).toEqual({
                id: member.id,
              })
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
