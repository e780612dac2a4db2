/**
 * The oracle's own renderer of the §5.4 document (src/oracle/render.ts) against core's
 * `renderSearchResult`: equal, byte for byte, over random worlds, degrees, selectors and answers;
 * and both equal to the documents docs/spec.md itself describes, so that agreeing on a wrong
 * reading is not enough.
 */
import {
  type Accomplishment,
  FACET_CODES,
  type PartialDate,
  type Profile,
  type SearchAnswer,
} from '@people-search/core'
import { checkSelector, parseSelector, profileLinks, renderSearchResult } from '@people-search/core/internal'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SELECTORS } from '../src/generators/request.js'
import { DATES, textArb, worldArb } from '../src/generators/world.js'
import type { Degree } from '../src/oracle/network.js'
import { type PersonView, renderDocument, type Selector } from '../src/oracle/render.js'

const RUNS = Number(process.env.FC_RUNS ?? 300)
const SECRET = Buffer.alloc(32, 7)
const NOW = Date.parse('2026-06-15T00:00:00Z')

/**
 * The field tree of docs/spec.md §5.2 and §5.4 (a field's resource, or null for a plain value),
 * to draw selectors from; the enrichment shapes are the project's (core's schema.ts).
 */
const TREE: Record<string, Record<string, string | null>> = {
  PeopleSearch: { people: 'Person', 'num-results': null, facets: 'Facet' },
  Person: {
    id: null,
    'first-name': null,
    'last-name': null,
    headline: null,
    location: 'Location',
    industry: null,
    distance: null,
    'num-connections': null,
    'num-connections-capped': null,
    'num-recommenders': null,
    summary: null,
    specialties: null,
    interests: null,
    honors: null,
    positions: 'Position',
    educations: 'Education',
    skills: 'Skill',
    certifications: 'Certification',
    publications: 'Publication',
    projects: 'Project',
    'picture-url': null,
    'public-profile-url': null,
    'site-standard-profile-request': 'Site',
    'api-standard-profile-request': 'Api',
  },
  Location: { name: null, country: 'Country', 'postal-code': null },
  Country: { code: null },
  Position: {
    id: null,
    title: null,
    summary: null,
    'start-date': 'Date',
    'end-date': 'Date',
    'is-current': null,
    company: 'Company',
  },
  Company: { id: null, name: null, industry: null, type: null, size: null, ticker: null },
  Education: {
    id: null,
    'school-name': null,
    'field-of-study': null,
    'start-date': 'Date',
    'end-date': 'Date',
    degree: null,
    activities: null,
    notes: null,
  },
  Date: { year: null, month: null },
  Skill: { skill: 'SkillName' },
  SkillName: { name: null },
  Certification: { name: null, authority: 'Named', url: null, 'start-date': 'Date', 'end-date': 'Date' },
  Publication: { title: null, publisher: 'Named', date: 'Date', url: null, summary: null },
  Project: { name: null, description: null, url: null, 'start-date': 'Date', 'end-date': 'Date' },
  Named: { name: null },
  Site: { url: null },
  Api: { url: null, headers: 'Header' },
  Header: { name: null, value: null },
  Facet: { code: null, name: null, buckets: 'Bucket' },
  Bucket: { code: null, name: null, count: null, selected: null },
}

/**
 * Valid selectors of `resource`: some of its fields in any order, composites with or without a
 * sub-selection.
 */
function selectorArb(resource: string): fc.Arbitrary<Selector> {
  const fields = TREE[resource]
  return fc.shuffledSubarray(Object.keys(fields), { minLength: 1 }).chain((names) =>
    fc.tuple(
      ...names.map((name) => {
        const target = fields[name]
        if (target === null) return fc.constant({ name })
        return fc
          .option(selectorArb(target), { nil: undefined, freq: 2 })
          .map((children) => (children === undefined ? { name } : { name, children }))
      }),
    ),
  )
}

const selectorChoice: fc.Arbitrary<Selector | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom(...SELECTORS).map((s) => parseSelector(s)) },
  { weight: 6, arbitrary: selectorArb('PeopleSearch') },
)

/** What the world generator leaves out: every enrichment key, dates without a month, richer companies. */
const dateArb: fc.Arbitrary<PartialDate> = fc.constantFrom(...DATES, { year: 1999 })
const accomplishmentArb: fc.Arbitrary<Accomplishment> = fc.record(
  {
    name: textArb,
    title: textArb,
    authority: textArb,
    publisher: textArb,
    description: textArb,
    url: fc.constant('https://example.com/a'),
    startDate: dateArb,
    endDate: dateArb,
  },
  { requiredKeys: [] },
)
const extrasArb: fc.Arbitrary<Partial<Profile>> = fc.record(
  {
    certifications: fc.array(accomplishmentArb, { maxLength: 2 }),
    publications: fc.array(accomplishmentArb, { maxLength: 2 }),
    projects: fc.array(accomplishmentArb, { maxLength: 2 }),
    publicProfileUrl: fc.constant('https://www.linkedin.com/in/someone'),
    numConnections: fc.constantFrom(0, 499, 500, 501, 100_000),
    positions: fc.array(
      fc.record(
        {
          title: textArb,
          company: fc.record(
            { id: fc.constantFrom(3, 'x'), name: textArb, type: textArb, size: textArb, ticker: textArb },
            { requiredKeys: [] },
          ),
          startDate: dateArb,
          endDate: dateArb,
          isCurrent: fc.boolean(),
          visibility: fc.constantFrom('public' as const, 'connections' as const, 'private' as const),
          datesVisibility: fc.constantFrom('public' as const, 'connections' as const, 'private' as const),
        },
        { requiredKeys: ['company'] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
)

const degreeArb = fc.constantFrom<Degree>('F', 'S', 'A', 'O')
const bucketArb = fc.record({
  code: fc.constantFrom('us:0', 'us:84', 'F', '_o', '1001', 'acme corp'),
  name: fc.constantFrom('United States', 'Bay Area', '1st Connections', 'Others', ''),
  count: fc.nat(50),
  selected: fc.boolean(),
})
const facetsArb = fc.array(
  fc.record({ code: fc.constantFrom(...FACET_CODES), buckets: fc.array(bucketArb, { maxLength: 4 }) }),
  { maxLength: 3 },
)

/** Answers over `ids`: complete pages (no `_count`/`_start`), near misses, and anything else. */
function answerArb(ids: string[]): fc.Arbitrary<SearchAnswer> {
  return fc
    .record({
      page: fc.shuffledSubarray(ids, { maxLength: Math.min(25, ids.length) }),
      mode: fc.constantFrom('complete', 'one-more', 'later-start', 'any'),
      start: fc.nat(40),
      total: fc.nat(60),
      beyondCap: fc.constantFrom(0, 0, 3),
      facets: facetsArb,
    })
    .map(({ page, mode, start, total, beyondCap, facets }) => {
      const [s, t] =
        mode === 'complete'
          ? [0, page.length]
          : mode === 'one-more'
            ? [0, page.length + 1]
            : mode === 'later-start'
              ? [1, page.length + 1]
              : [start, total]
      return { numResults: t + beyondCap, total: t, start: s, ids: page, facets }
    })
}

/** Everything one rendering depends on: the profiles, how the viewer sees each, the answer, the selector. */
const caseArb = worldArb({ maxProfiles: 12 }).chain((world) =>
  fc.record({
    profiles: fc
      .tuple(...world.profiles.map((p) => fc.option(extrasArb, { freq: 3 }).map((x) => ({ ...p, ...x }))))
      .map((ps) => ps as Profile[]),
    degrees: fc.array(degreeArb, { minLength: world.profiles.length, maxLength: world.profiles.length }),
    publicOnly: fc.boolean(),
    withLinks: fc.boolean(),
    now: fc.oneof(
      fc.constantFrom(NOW, Date.parse('2026-06-16T00:00:01Z'), Date.parse('2010-01-01')),
      fc.nat(),
    ),
    answer: answerArb(world.profiles.map((p) => p.id)),
    selector: selectorChoice,
  }),
)

interface Case {
  profiles: Profile[]
  degrees: Degree[]
  publicOnly: boolean
  withLinks: boolean
  now: number
  answer: SearchAnswer
  selector: Selector | undefined
}

/** The `personOf` both renderers are given: the same profile, degree, clock and (deterministic) links. */
function personOf(c: Case): (id: string) => { profile: Profile; context: PersonView } {
  return (id) => {
    const at = c.profiles.findIndex((p) => p.id === id)
    const degree = c.degrees[at]
    const context: PersonView = { degree, now: c.now, publicOnly: c.publicOnly }
    if (c.withLinks) {
      context.links = (member) =>
        profileLinks(
          SECRET,
          { viewer: 'v', viewerIncarnation: 0, member, memberIncarnation: 1 },
          degree,
          c.now,
        )
    }
    return { profile: c.profiles[at], context }
  }
}

const both = (
  answer: SearchAnswer,
  selector: Selector | undefined,
  of: Parameters<typeof renderDocument>[2],
) => ({
  oracle: JSON.stringify(renderDocument(answer, selector, of)),
  core: JSON.stringify(renderSearchResult(answer, selector, of)),
})

describe('the oracle renders the §5.4 document as core does', () => {
  it('byte for byte, for any world, degrees, selector and answer', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        if (c.selector !== undefined) checkSelector(c.selector)
        const { oracle, core } = both(c.answer, c.selector, personOf(c))
        expect(oracle).toBe(core)
      }),
      { numRuns: RUNS },
    )
  })
})

/** One member as a degree sees it, through the oracle's renderer (and, as a check, core's). */
function render(profiles: Profile[], degree: Degree, fields: string): Record<string, unknown> {
  const answer: SearchAnswer = {
    numResults: profiles.length,
    total: profiles.length,
    start: 0,
    ids: profiles.map((p) => p.id),
    facets: [],
  }
  const of = (id: string) => ({
    profile: profiles.find((p) => p.id === id) as Profile,
    context: { degree, now: NOW },
  })
  const { oracle, core } = both(answer, parseSelector(fields), of)
  expect(oracle).toBe(core)
  return JSON.parse(oracle)
}

describe('the oracle renders what docs/spec.md shows', () => {
  const member = (id: string, more: Partial<Profile> = {}): Profile => ({
    id,
    firstName: 'Ann',
    lastName: 'Archer',
    ...more,
  })

  it('caps num-connections at 500 and says so only above it (§5.2)', () => {
    const people = [
      member('n499', { numConnections: 499 }),
      member('n500', { numConnections: 500 }),
      member('n501', { numConnections: 501 }),
      member('none'),
    ]
    const doc = render(people, 'S', '(people:(id,num-connections,num-connections-capped))')
    expect(doc).toEqual({
      people: {
        _total: 4,
        values: [
          { id: 'n499', numConnections: 499, numConnectionsCapped: false },
          { id: 'n500', numConnections: 500, numConnectionsCapped: false },
          { id: 'n501', numConnections: 500, numConnectionsCapped: true },
          { id: 'none', numConnections: 0, numConnectionsCapped: false },
        ],
      },
    })
  })

  it('shows a connections-only section to F and not to S; private to nobody (§3.6)', () => {
    const ann = member('ann', {
      headline: 'Rust engineer',
      summary: 'secret sauce',
      honors: 'never shown',
      visibility: { summary: 'connections', honors: 'private' },
      positions: [
        { title: 'Staff', company: { name: 'Acme' }, startDate: { year: 2020 }, datesVisibility: 'private' },
        { title: 'Hidden', company: { name: 'Globex' }, visibility: 'private' },
      ],
    })
    const fields = '(people:(headline,summary,honors,distance,positions:(title,start-date,is-current)))'
    const staff = { title: 'Staff', isCurrent: true }
    expect(render([ann], 'F', fields)).toEqual({
      people: {
        _total: 1,
        values: [
          {
            headline: 'Rust engineer',
            summary: 'secret sauce',
            distance: 1,
            positions: { _total: 1, values: [staff] },
          },
        ],
      },
    })
    expect(render([ann], 'S', fields)).toEqual({
      people: {
        _total: 1,
        values: [{ headline: 'Rust engineer', distance: 2, positions: { _total: 1, values: [staff] } }],
      },
    })
  })

  it('without a selector: num-results, then people:(id,first-name,last-name) (§5.1, §5.4)', () => {
    const people = [member('a', { headline: 'not asked for' }), member('b')]
    const answer: SearchAnswer = { numResults: 110, total: 100, start: 10, ids: ['a', 'b'], facets: [] }
    const of = (id: string) => ({
      profile: people.find((p) => p.id === id) as Profile,
      context: { degree: 'O' as const, now: NOW },
    })
    const { oracle, core } = both(answer, undefined, of)
    expect(oracle).toBe(core)
    expect(oracle).toBe(
      JSON.stringify({
        numResults: 110,
        people: {
          _count: 2,
          _start: 10,
          _total: 100,
          values: [
            { id: 'a', firstName: 'Ann', lastName: 'Archer' },
            { id: 'b', firstName: 'Ann', lastName: 'Archer' },
          ],
        },
      }),
    )
  })
})
