import type { FacetCode, Profile, SearchRequest, SearchRequestObject, SortOrder } from '@people-search/core'
import { FACET_CODES, tokens } from '@people-search/core'
import fc from 'fast-check'
import { POSTALS, type TestPostal, UNKNOWN_POSTALS } from './geocoder.js'
import { MISSING_WORDS, prng, textVariant, WORDS } from './vocabulary.js'
import type { World } from './world.js'

export const ALL_FACETS: readonly FacetCode[] = FACET_CODES
export const SORTS: readonly SortOrder[] = ['connections', 'recommenders', 'distance', 'relevance']
const LANGUAGE_BUCKETS = ['en', 'es', 'fr', 'de', 'it', 'pt', '_o']

/** Field selectors that make `search` return histograms and privacy-sensitive fields. */
export const SELECTORS: readonly string[] = [
  '(people:(id,first-name,last-name),num-results,facets:(code,name,buckets:(code,name,count,selected)))',
  '(people:(id,headline,distance,num-connections,num-connections-capped,positions:(title,is-current,company:(id,name))),num-results)',
  '(num-results,people:(id,location:(name,country:(code)),industry,educations:(school-name,degree),skills),facets:(code,buckets:(code,count)))',
]

/** Ways a request can be wrong; each must be the same error on both sides. */
export const INVALID_KINDS = [
  'count-too-big',
  'count-negative',
  'count-fraction',
  'count-nan',
  'start-negative',
  'start-fraction',
  'flag-alone',
  'flag-bogus',
  'flag-beside-empty-text',
  'distance-alone',
  'distance-negative',
  'postal-without-country',
  'postal-unknown',
  'country-upper',
  'country-bogus',
  'facet-code-bogus',
  'facet-location-malformed',
  'sort-bogus',
  'keywords-too-long',
  'keywords-too-many-tokens',
  'viewer-unknown',
  'viewer-none',
  'selector-unknown-field',
] as const
export type InvalidKind = (typeof INVALID_KINDS)[number]
export const SELECTOR_KINDS: readonly InvalidKind[] = ['selector-unknown-field']

/** A `company-name` / `title` / `school-name` criterion: which item, which of its words, flag. */
export interface ItemPlan {
  /** Take the item from the anchor member (so that criteria can hold together). */
  anchored: boolean
  pick: number
  /** Bit mask over the item's tokens (0: the full text as written). */
  mask: number
  flag?: 'true' | 'false' | 'TRUE' | 'False' | boolean
}

/**
 * A request described by picks (natural numbers) that are resolved against a world's own
 * vocabulary when the request is materialized. Picks keep shrinking independent of the world.
 */
export interface RequestPlan {
  viewer: number
  /** The member most criteria are drawn from (never the viewer), so that they hold together. */
  anchor: number
  keywords?: { anchored: boolean; picks: number[]; missing: boolean }
  names?: {
    anchored: boolean
    member: number
    which: 'both' | 'first' | 'last' | 'mixed'
    swap: boolean
    other: number
  }
  companyName?: ItemPlan
  title?: ItemPlan
  schoolName?: ItemPlan
  country?: number
  postal?: { pick: number; distance?: string }
  /**
   * `facet=` filters; `values` (when given) are sent as they are instead of the picks. Values are
   * the world's own ids as written (spaces, mixed case); `upper` re-cases them, `pad` surrounds
   * them with spaces (docs/spec.md §8: trimmed, compared case-insensitively).
   */
  facet: {
    code: FacetCode
    anchored: boolean
    picks: number[]
    upper: boolean
    pad?: boolean
    values?: string[]
  }[]
  facets: FacetCode[]
  /** Empty entries in `facets=` (`,location,,network,`), which are ignored (docs/spec.md §8). */
  facetsGaps?: boolean
  sort?: SortOrder
  start?: number
  count?: number
  selector?: number
  invalid?: InvalidKind
  form: 'url' | 'object'
  /** Seed of the spelling variants of text values; 0 keeps the canonical spelling. */
  seed: number
  /** The viewer is the world's best-connected member (its network is most of the world). */
  hub?: true
  /**
   * A relevance probe (docs/spec.md §3.4): keywords that two members of the viewer's network
   * both show publicly, one of them hidden (connections only) somewhere in the world, sorted by
   * relevance (on one page of 25 unless `count` is given), so that the order shows which text
   * the corpus statistics count.
   */
  relevance?: { pair: number; picks: number[] }
}

/** What a world offers to build requests from. */
export interface Vocabulary {
  ids: string[]
  tokens: string[]
  profiles: Profile[]
  companyNames: string[]
  titles: string[]
  schoolNames: string[]
  countries: string[]
  /** Tokens of the searchable text everyone may see: what anchored keywords mostly use. */
  publicTokens: string[]
  postalCodes: string[]
  facetValues: Record<FacetCode, string[]>
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)]

function texts(p: Profile): string[] {
  const out = [p.firstName, p.lastName, p.headline, p.summary, p.specialties, p.interests, p.honors]
  out.push(p.location?.name, p.industry?.name, ...(p.skills ?? []))
  for (const pos of p.positions ?? []) out.push(pos.title, pos.summary, pos.company.name)
  for (const e of p.educations ?? []) out.push(e.school.name, e.degree, e.fieldOfStudy, e.activities, e.notes)
  for (const a of [...(p.certifications ?? []), ...(p.projects ?? []), ...(p.publications ?? [])]) {
    out.push(a.name, a.title)
  }
  out.push(p.email)
  return out.filter((t): t is string => typeof t === 'string')
}

const NOW = Date.UTC(2026, 5, 15)
const instant = (d: { year: number; month?: number; day?: number }) =>
  Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1)
const isPublic = (p: Profile, section: keyof NonNullable<Profile['visibility']>) =>
  (p.visibility?.[section] ?? 'public') === 'public'

/** Searchable text that any viewer may see (docs/spec.md §3.1, §3.6). */
function publicTexts(p: Profile): string[] {
  const out = [p.firstName, p.lastName, p.location?.name, p.industry?.name]
  for (const s of ['headline', 'summary', 'specialties', 'interests', 'honors'] as const)
    if (isPublic(p, s)) out.push(p[s])
  if (isPublic(p, 'skills')) out.push(...(p.skills ?? []))
  if (isPublic(p, 'positions')) {
    for (const pos of p.positions ?? [])
      if (pos.visibility !== 'private') out.push(pos.title, pos.summary, pos.company.name)
  }
  if (isPublic(p, 'educations')) {
    for (const e of p.educations ?? [])
      if (e.visibility !== 'private') out.push(e.school.name, e.degree, e.fieldOfStudy)
  }
  return out.filter((t): t is string => typeof t === 'string')
}

/** Searchable text only the member's connections may see (a guess, only to steer keywords). */
function connectionsTexts(p: Profile): string[] {
  const only = (section: keyof NonNullable<Profile['visibility']>) =>
    p.visibility?.[section] === 'connections'
  const out: (string | undefined)[] = []
  for (const s of ['headline', 'summary', 'specialties', 'interests', 'honors'] as const)
    if (only(s)) out.push(p[s])
  if (only('skills')) out.push(...(p.skills ?? []))
  if (only('positions'))
    for (const pos of p.positions ?? []) out.push(pos.title, pos.summary, pos.company.name)
  if (only('educations'))
    for (const e of p.educations ?? []) out.push(e.school.name, e.degree, e.fieldOfStudy)
  return out.filter((t): t is string => typeof t === 'string')
}

/** A guess at docs/spec.md §1.1 "current", only to steer company facet values (never asserted). */
function looksCurrent(item: { isCurrent?: boolean; endDate?: { year: number } }): boolean {
  return item.isCurrent ?? (item.endDate === undefined || instant(item.endDate) > NOW)
}

function languageBucket(language: string | undefined): string {
  const head = (language ?? '').toLowerCase().split(/[-_]/)[0]
  return LANGUAGE_BUCKETS.includes(head) ? head : '_o'
}

/** Every word, name, item and facet value of a world (hidden ones included, on purpose). */
export function vocabularyOf(world: World): Vocabulary {
  return vocabularyOfProfiles(world.profiles)
}

function vocabularyOfProfiles(ps: readonly Profile[]): Vocabulary {
  const positions = ps.flatMap((p) => p.positions ?? [])
  const educations = ps.flatMap((p) => p.educations ?? [])
  const codes = ps.flatMap((p) => (p.location ? [p.location.code, `${p.location.code.split(':')[0]}:0`] : []))
  const companyIds = (current: boolean) =>
    positions.flatMap((pos) =>
      pos.company.id === undefined || looksCurrent(pos) !== current ? [] : [String(pos.company.id)],
    )
  const schoolIds = educations.flatMap((e) => (e.school.id === undefined ? [] : [String(e.school.id)]))
  return {
    ids: uniq(ps.map((p) => p.id)),
    tokens: uniq(ps.flatMap((p) => texts(p).flatMap(tokens))),
    profiles: [...ps],
    companyNames: uniq(positions.flatMap((pos) => (pos.company.name ? [pos.company.name] : []))),
    titles: uniq(positions.flatMap((pos) => (pos.title ? [pos.title] : []))),
    schoolNames: uniq(educations.flatMap((e) => (e.school.name ? [e.school.name] : []))),
    countries: uniq(codes.map((c) => c.split(':')[0])),
    publicTokens: uniq(ps.flatMap((p) => publicTexts(p).flatMap(tokens))),
    postalCodes: uniq(ps.flatMap((p) => (p.location?.postalCode ? [p.location.postalCode] : []))),
    facetValues: {
      location: uniq(codes),
      industry: uniq(ps.flatMap((p) => (p.industry ? [String(p.industry.code)] : []))),
      network: ['F', 'S', 'A', 'O'],
      language: uniq(ps.map((p) => languageBucket(p.language))),
      'current-company': uniq(companyIds(true)),
      'past-company': uniq(companyIds(false)),
      school: uniq(schoolIds),
    },
  }
}

/** Three times out of four a criterion comes from the anchor member. */
const anchoredArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
)

/** F, S, A or O: the degree of `member` relative to `viewer` in `world` (docs/spec.md §3.2). */
export function degreeOf(world: World, viewer: string, member: string): 'F' | 'S' | 'A' | 'O' {
  const friends = (x: string) =>
    world.edges.flatMap(([a, b]) => (a === x && b !== x ? [b] : b === x && a !== x ? [a] : []))
  const first = new Set(friends(viewer))
  if (first.has(member)) return 'F'
  if (member !== viewer && friends(member).some((f) => first.has(f))) return 'S'
  const groups = new Set(world.memberships.filter(([m]) => m === viewer).map(([, g]) => g))
  if (world.memberships.some(([m, g]) => m === member && groups.has(g))) return 'A'
  return 'O'
}

const itemPlanArb: fc.Arbitrary<ItemPlan> = fc.record(
  {
    anchored: fc.boolean(),
    pick: fc.nat(),
    mask: fc.nat(15),
    flag: fc.constantFrom<NonNullable<ItemPlan['flag']>>('true', 'false', 'TRUE', 'False', true, false),
  },
  { requiredKeys: ['anchored', 'pick', 'mask'] },
)

export interface PlanOptions {
  /** How often (0–1) a plan carries one deliberate error; 0 for valid-only plans. */
  invalidRate?: number
  /** Which errors to make (default: every kind but the selector ones, which have their own test). */
  invalidKinds?: readonly InvalidKind[]
  /** Facet codes that must not be filtered on. */
  noFilterOn?: readonly FacetCode[]
}

/** Random request plans; materialize them against a world with {@link materialize}. */
export function requestPlanArb(options: PlanOptions = {}): fc.Arbitrary<RequestPlan> {
  const rate = options.invalidRate ?? 0.1
  const kinds = options.invalidKinds ?? INVALID_KINDS.filter((k) => !SELECTOR_KINDS.includes(k))
  const filterable = ALL_FACETS.filter((c) => !options.noFilterOn?.includes(c))
  const invalid: fc.Arbitrary<InvalidKind | undefined> =
    rate <= 0
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: Math.round((1 - rate) * 100), arbitrary: fc.constant(undefined) },
          { weight: Math.round(rate * 100), arbitrary: fc.constantFrom(...kinds) },
        )
  const plan = fc.record({
    viewer: fc.nat(),
    anchor: fc.nat(),
    keywords: maybe(
      40,
      fc.record({
        anchored: anchoredArb,
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        missing: fc.oneof(
          { weight: 6, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
      }),
    ),
    names: maybe(
      25,
      fc.record({
        anchored: anchoredArb,
        member: fc.nat(),
        which: fc.constantFrom<'both' | 'first' | 'last' | 'mixed'>(
          'both',
          'both',
          'both',
          'first',
          'last',
          'mixed',
        ),
        swap: fc.boolean(),
        other: fc.nat(),
      }),
    ),
    companyName: maybe(12, itemPlanArb),
    title: maybe(12, itemPlanArb),
    schoolName: maybe(8, itemPlanArb),
    country: maybe(8, fc.nat()),
    postal: maybe(
      10,
      fc.record(
        // `around`: 1.2 times the anchor member's own distance from the postal code, so the
        // radius decides in miles what it would not in kilometres, and 0 when it stands on the
        // centroid without being in that postal code (the boundary itself).
        { pick: fc.nat(), distance: fc.constantFrom('0', '10', '200', '5000', '2.5', 'around', 'around') },
        { requiredKeys: ['pick'] },
      ),
    ),
    facet:
      filterable.length === 0
        ? fc.constant([])
        : fc.oneof(
            { weight: 7, arbitrary: fc.constant([]) },
            {
              weight: 3,
              arbitrary: fc.array(
                fc.record({
                  code: fc.constantFrom(...filterable),
                  anchored: anchoredArb,
                  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
                  upper: fc.boolean(),
                  pad: fc.boolean(),
                }),
                { minLength: 1, maxLength: 2 },
              ),
            },
          ),
    facets: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      {
        weight: 3,
        arbitrary: fc.uniqueArray(fc.constantFrom(...ALL_FACETS), { minLength: 1, maxLength: 3 }),
      },
    ),
    facetsGaps: maybe(15, fc.constant(true)),
    sort: maybe(75, fc.constantFrom(...SORTS)),
    start: maybe(40, fc.oneof(fc.constant(0), fc.nat(5), fc.nat(30))),
    count: maybe(60, fc.nat(25)),
    selector: maybe(15, fc.nat(SELECTORS.length - 1)),
    invalid,
    form: fc.constantFrom<'url' | 'object'>('url', 'object'),
    seed: fc.oneof(fc.constant(0), fc.nat()),
    hub: maybe(15, fc.constant<true>(true)),
    relevance: maybe(
      12,
      fc.record({ pair: fc.nat(), picks: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }) }),
    ),
  })
  return plan.map((p) => {
    for (const key of Object.keys(p) as (keyof typeof p)[]) if (p[key] === undefined) delete p[key]
    return p as RequestPlan
  })
}

/** `arb` with the given percentage, otherwise undefined. */
function maybe<T>(percent: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    { weight: percent, arbitrary: arb },
  )
}

/** A well-formed bucket code for a facet the world has no value for. */
const FALLBACK_BUCKET: Record<FacetCode, string> = {
  location: 'us:0',
  industry: '4',
  network: 'O',
  language: '_o',
  'current-company': '1001',
  'past-company': '1001',
  school: '501',
}

const at = <T>(xs: readonly T[], n: number): T | undefined =>
  xs.length === 0 ? undefined : xs[n % xs.length]

/** A request ready to send: the request itself, its viewer and the flat parameter list. */
export interface Materialized {
  request: SearchRequest
  viewer?: string
  params: [string, string | number | boolean][]
  fields?: string
}

type ItemKey = 'companyNames' | 'titles' | 'schoolNames'

function itemText(plan: ItemPlan, items: readonly string[], fallback: readonly string[]): string {
  const text = at(items, plan.pick) ?? at(fallback, plan.pick) ?? 'java'
  if (plan.mask === 0) return text
  const toks = tokens(text)
  const kept = toks.filter((_, i) => plan.mask & (1 << (i % 4)))
  return (kept.length > 0 ? kept : toks).join(' ')
}

const lowersBack = (v: string) => v.toUpperCase().toLowerCase() === v.toLowerCase()

function reverseWords(name: string): string {
  return name.split(' ').reverse().join(' ')
}

/**
 * Resolves a plan against a world. `seed` overrides the plan's spelling seed, so one plan can
 * be sent in several spellings (the text-invariance property).
 */
export function materialize(plan: RequestPlan, world: World, seed = plan.seed): Materialized {
  const vocab = vocabularyOf(world)
  const rnd = prng(plan.seed ^ 0x5bd1e995)
  const spell = (text: string, salt: number) => (seed === 0 ? text : textVariant(text, seed + salt))
  const params: [string, string | number | boolean][] = []
  const put = (k: string, v: string | number | boolean) => params.push([k, v])
  const viewer = (plan.hub ? bestConnected(world) : undefined) ?? at(vocab.ids, plan.viewer) ?? 'nobody'
  // Mostly a member of the viewer's network (F or S), the only ones most searches can find.
  const others = vocab.profiles.filter((p) => p.id !== viewer)
  const network = others.filter((p) => 'FS'.includes(degreeOf(world, viewer, p.id)))
  // Now and then a member of one of the viewer's groups outside its network (A): only a search
  // by both names finds one, and only there do A and O differ (docs/spec.md §3.2).
  const groupMates = others.filter((p) => degreeOf(world, viewer, p.id) === 'A')
  const anchorProfile = at(
    plan.anchor % 8 === 0 && groupMates.length > 0
      ? groupMates
      : plan.anchor % 4 !== 0 && network.length > 0
        ? network
        : others,
    plan.anchor >> 2,
  )
  const own = vocabularyOfProfiles(anchorProfile ? [anchorProfile] : [])
  if (anchorProfile) own.facetValues.network = [degreeOf(world, viewer, anchorProfile.id)]
  const from = (anchored: boolean) => (anchored && anchorProfile ? own : vocab)

  const probe = plan.relevance === undefined ? undefined : relevanceWords(plan.relevance, world, network)
  if (probe !== undefined) {
    put('keywords', spell(probe.join(' '), 1))
  } else if (plan.keywords) {
    const mine = from(plan.keywords.anchored)
    // Anchored keywords: mostly words anyone may see, sometimes any word of the member's.
    const pool = plan.keywords.anchored && plan.keywords.picks[0] % 3 !== 0 ? mine.publicTokens : mine.tokens
    const words = plan.keywords.picks.map((n) => at(pool, n) ?? WORDS[n % WORDS.length])
    if (plan.keywords.missing) words.push(MISSING_WORDS[plan.keywords.picks[0] % MISSING_WORDS.length])
    put('keywords', spell(words.join(rnd() < 0.05 ? ' AND ' : ' '), 1))
  }
  // A and O differ only for a search by both names (the only one that reaches them), and only in
  // the network histogram: a names request anchored on a group-mate asks exactly that.
  const onGroupMate =
    plan.names !== undefined &&
    anchorProfile !== undefined &&
    degreeOf(world, viewer, anchorProfile.id) === 'A'
  if (plan.names) {
    const { anchored, member, swap, other } = plan.names
    const which = onGroupMate ? 'both' : plan.names.which
    const p = (anchored || onGroupMate) && anchorProfile ? anchorProfile : at(vocab.profiles, member)
    const q = at(vocab.profiles, other)
    let first = p?.firstName ?? 'José'
    let last = (which === 'mixed' ? q?.lastName : p?.lastName) ?? "O'Reilly"
    if (swap && !onGroupMate) [first, last] = [reverseWords(first), reverseWords(last)]
    if (which !== 'last') put('first-name', spell(first, 2))
    if (which !== 'first') put('last-name', spell(last, 3))
  }
  const item = (name: string, flagName: string, ip: ItemPlan | undefined, key: ItemKey, salt: number) => {
    if (!ip) return
    const items = from(ip.anchored)[key]
    const text = itemText(ip, items.length > 0 ? items : vocab[key], WORDS)
    put(name, spell(text, salt))
    // A flag beside a value without tokens is a 400 (docs/spec.md §8): only the invalid kinds do that.
    if (ip.flag !== undefined && tokens(text).length > 0)
      put(flagName, plan.form === 'url' ? String(ip.flag) : ip.flag)
  }
  item('company-name', 'current-company', plan.companyName, 'companyNames', 4)
  item('title', 'current-title', plan.title, 'titles', 5)
  item('school-name', 'current-school', plan.schoolName, 'schoolNames', 6)

  if (plan.postal) {
    const point = anchorProfile === undefined ? undefined : pointOf(anchorProfile)
    const near = POSTALS.filter(
      (p) =>
        own.postalCodes.includes(p.code) ||
        (point !== undefined && p.lat === point.lat && p.lon === point.lon),
    )
    // Around a member standing exactly on another postal code's centroid, that postal code: the
    // radius is 0 and the member lies on its boundary (docs/spec.md §3.1 "within").
    const onCentroid = near.filter(
      (p) =>
        point !== undefined &&
        p.lat === point.lat &&
        p.lon === point.lon &&
        !own.postalCodes.includes(p.code),
    )
    const boundary = onCentroid.length > 0 && plan.postal.pick % 4 === 0
    // Around a member off every centroid of its country but its own postal code's: only the
    // radius (in miles) can take it in, never "in that postal code".
    const country = anchorProfile?.location?.code.split(':')[0]
    const away = POSTALS.filter(
      (p) =>
        point !== undefined &&
        p.country === country &&
        !own.postalCodes.includes(p.code) &&
        (p.lat !== point.lat || p.lon !== point.lon),
    )
    const pool = boundary
      ? onCentroid
      : plan.postal.distance === 'around' && away.length > 0 && plan.postal.pick % 3 !== 0
        ? away
        : plan.postal.pick % 2 === 0 && near.length > 0
          ? near
          : POSTALS
    const postal = at(pool, plan.postal.pick >> 1) as TestPostal
    put('country-code', postal.country)
    put('postal-code', postal.code)
    const { distance } = plan.postal
    if (boundary) put('distance', '0')
    else if (distance === 'around')
      put('distance', point === undefined ? '10' : aroundDistance(postal, point))
    else if (distance !== undefined) put('distance', distance)
  } else if (plan.country !== undefined && plan.country % 11 === 10) {
    // docs/spec.md §8: an empty country-code (or postal-code) is as if absent.
    put('country-code', '')
    if (plan.country % 2 === 0) put('postal-code', '')
  } else if (plan.country !== undefined) {
    const countries = plan.country % 3 !== 0 && own.countries.length > 0 ? own.countries : vocab.countries
    put('country-code', at([...countries, 'us', 'ca', 'gb', 'fr'], plan.country >> 2) ?? 'us')
  }
  for (const f of plan.facet) {
    const pool =
      from(f.anchored).facetValues[f.code].length > 0
        ? from(f.anchored).facetValues[f.code]
        : vocab.facetValues[f.code]
    const values = f.values ?? uniq(f.picks.map((n) => at(pool, n) ?? FALLBACK_BUCKET[f.code]))
    // Upper case only where lower-casing it again gives the id back (not `ß` → `SS` → `ss`).
    const recased = f.upper ? values.map((v) => (lowersBack(v) ? v.toUpperCase() : v)) : values
    const shown = f.pad ? recased.map((v) => ` ${v} `) : recased
    put('facet', [f.code, ...shown].join(','))
  }
  // On a group-mate, the network histogram is where A and O differ (their distance is the same).
  const facets = onGroupMate && !plan.facets.includes('network') ? [...plan.facets, 'network'] : plan.facets
  if (facets.length > 0) put('facets', plan.facetsGaps ? `,${facets.join(',,')},` : facets.join(','))
  // A probe is sorted by relevance, on one page of 25 unless the plan pages it itself.
  const sort = probe !== undefined ? 'relevance' : plan.sort
  const count = probe !== undefined ? (plan.count ?? 25) : plan.count
  if (sort) put('sort', sort)
  if (plan.start !== undefined) put('start', plan.start)
  if (count !== undefined) put('count', count)
  let fields =
    plan.selector === undefined ? (onGroupMate ? SELECTORS[0] : undefined) : SELECTORS[plan.selector]
  let who: string | undefined = viewer
  if (plan.invalid) {
    const broken = breakRequest(plan.invalid, params, fields, who)
    fields = broken.fields
    who = broken.viewer
  }
  return { request: render(plan, params, fields, rnd), viewer: who, params, ...(fields ? { fields } : {}) }
}

function set(params: [string, string | number | boolean][], key: string, value: string | number | boolean) {
  const i = params.findIndex(([k]) => k === key)
  if (i >= 0) params[i] = [key, value]
  else params.push([key, value])
}

function drop(params: [string, string | number | boolean][], key: string) {
  for (let i = params.length - 1; i >= 0; i--) if (params[i][0] === key) params.splice(i, 1)
}

function breakRequest(
  kind: InvalidKind,
  params: [string, string | number | boolean][],
  fields: string | undefined,
  viewer: string | undefined,
): { fields: string | undefined; viewer: string | undefined } {
  switch (kind) {
    case 'count-too-big':
      set(params, 'count', 26)
      break
    case 'count-negative':
      set(params, 'count', -1)
      break
    case 'count-fraction':
      set(params, 'count', '2.5')
      break
    case 'count-nan':
      set(params, 'count', 'ten')
      break
    case 'start-negative':
      set(params, 'start', -3)
      break
    case 'start-fraction':
      set(params, 'start', '0.5')
      break
    case 'flag-alone':
      drop(params, 'title')
      set(params, 'current-title', 'true')
      break
    case 'flag-bogus':
      set(params, 'school-name', 'java')
      set(params, 'current-school', 'yes')
      break
    case 'flag-beside-empty-text':
      set(params, 'company-name', ' * ')
      set(params, 'current-company', 'false')
      break
    case 'distance-alone':
      drop(params, 'postal-code')
      set(params, 'distance', '10')
      break
    case 'distance-negative':
      set(params, 'country-code', 'us')
      set(params, 'postal-code', '94043')
      set(params, 'distance', '-5')
      break
    case 'postal-without-country':
      drop(params, 'country-code')
      set(params, 'postal-code', '94043')
      break
    case 'postal-unknown': {
      const u = UNKNOWN_POSTALS[params.length % UNKNOWN_POSTALS.length]
      set(params, 'country-code', u.country)
      set(params, 'postal-code', u.code)
      break
    }
    case 'country-upper':
      set(params, 'country-code', 'US')
      break
    case 'country-bogus':
      set(params, 'country-code', 'xx')
      break
    case 'facet-code-bogus':
      params.push(['facet', 'planet,earth'])
      break
    case 'facet-location-malformed':
      params.push(['facet', 'location,usa'])
      break
    case 'sort-bogus':
      set(params, 'sort', 'alphabetical')
      break
    case 'keywords-too-long':
      set(params, 'keywords', `java ${'j'.repeat(1000)}`)
      break
    case 'keywords-too-many-tokens':
      set(params, 'keywords', Array.from({ length: 33 }, (_, i) => `w${i}`).join(' '))
      break
    case 'viewer-unknown':
      return { fields, viewer: 'no-such-member' }
    case 'viewer-none':
      return { fields, viewer: undefined }
    case 'selector-unknown-field':
      return { fields: '(people:(id,shoe-size),num-results)', viewer }
  }
  return { fields, viewer }
}

const PATHS = ['/v1/people-search', 'people-search', 'https://api.linkedin.com/v1/people-search']

function render(
  plan: RequestPlan,
  params: [string, string | number | boolean][],
  fields: string | undefined,
  rnd: () => number,
): SearchRequest {
  if (plan.form === 'url') {
    const path = PATHS[Math.floor(rnd() * PATHS.length)]
    // A space is `%20` or `+` (docs/spec.md §8: the query is parsed like URLSearchParams).
    const plus = rnd() < 0.5
    const encode = (v: string) => (plus ? encodeURIComponent(v).replace(/%20/g, '+') : encodeURIComponent(v))
    const query = params.map(([k, v]) => `${k}=${encode(String(v))}`).join('&')
    return `${path}${fields ? `:${fields}` : ''}${query ? `?${query}` : ''}`
  }
  const object: Record<string, string | number | boolean | (string | number | boolean)[]> = {}
  for (const [k, v] of params) {
    if (k === 'facet') {
      const prev = object.facet
      object.facet =
        prev === undefined ? (rnd() < 0.5 ? v : [v]) : Array.isArray(prev) ? [...prev, v] : [prev, v]
    } else {
      object[k] = v
    }
  }
  if (fields) object.fields = fields
  return object as SearchRequestObject
}

/** Requests for one world, already materialized (plans are better for shrinking). */
export function requestArb(world: World, options: PlanOptions = {}): fc.Arbitrary<Materialized> {
  return requestPlanArb(options).map((plan) => materialize(plan, world))
}

/** Where a generated member is: its own point, else its postal code's centroid in the test table. */
function pointOf(profile: Profile): { lat: number; lon: number } | undefined {
  const location = profile.location
  if (location === undefined) return undefined
  if (typeof location.lat === 'number' && typeof location.lon === 'number')
    return { lat: location.lat, lon: location.lon }
  const country = typeof location.code === 'string' ? location.code.split(':')[0] : undefined
  const postal = POSTALS.find((p) => p.code === location.postalCode && p.country === country)
  return postal === undefined ? undefined : { lat: postal.lat, lon: postal.lon }
}

/**
 * 1.2 times the great-circle miles (docs/spec.md §3.1, R = 3958.8) from the postal code to the
 * point, rounded up to a thousandth: clearly inside in miles, clearly outside in kilometres, so
 * no rounding of another implementation's formula can decide it; exactly 0 on the centroid.
 */
function aroundDistance(postal: TestPostal, point: { lat: number; lon: number }): string {
  const rad = Math.PI / 180
  const dLat = (point.lat - postal.lat) * rad
  const dLon = (point.lon - postal.lon) * rad
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(postal.lat * rad) * Math.cos(point.lat * rad) * Math.sin(dLon / 2) ** 2
  const miles = 2 * 3958.8 * Math.asin(Math.min(1, Math.sqrt(a)))
  if (!Number.isFinite(miles)) return '10'
  return miles === 0 ? '0' : (Math.ceil(miles * 1200) / 1000).toFixed(3)
}

/** The member with the most connections in `world` (the first of them in id order), if any. */
function bestConnected(world: World): string | undefined {
  const degree = new Map<string, number>()
  for (const [a, b] of world.edges) {
    if (a === b) continue
    degree.set(a, (degree.get(a) ?? 0) + 1)
    degree.set(b, (degree.get(b) ?? 0) + 1)
  }
  let best: string | undefined
  for (const [id, d] of degree) {
    const bestDegree = best === undefined ? -1 : (degree.get(best) ?? 0)
    if (d > bestDegree || (d === bestDegree && best !== undefined && id < best)) best = id
  }
  return best
}

/**
 * Two or three words for a relevance probe: all shown publicly by two members of the viewer's
 * network (so both match, whoever the viewer is), the first hidden as connections-only text of
 * some member of the world when one is; undefined when two such members share fewer than two words.
 */
function relevanceWords(
  probe: { pair: number; picks: number[] },
  world: World,
  network: readonly Profile[],
): string[] | undefined {
  if (network.length < 2) return undefined
  const p = network[probe.pair % network.length]
  const q = network[(probe.pair + 1 + (probe.pair >>> 5)) % network.length]
  if (p === q) return undefined
  const theirs = new Set(publicTexts(q).flatMap(tokens))
  const shared = uniq(publicTexts(p).flatMap(tokens)).filter((t) => theirs.has(t))
  if (shared.length < 2) return undefined
  const hidden = new Set(world.profiles.flatMap((m) => connectionsTexts(m).flatMap(tokens)))
  const first = shared.filter((t) => hidden.has(t))
  const words = [at(first.length > 0 ? first : shared, probe.picks[0]) as string]
  for (const n of probe.picks.slice(1)) {
    const word = at(shared, n) as string
    if (!words.includes(word)) words.push(word)
  }
  return words.length < 2 ? [words[0], shared.find((t) => t !== words[0]) as string] : words
}
