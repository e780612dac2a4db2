/**
 * docs/spec.md §3.7: "Every error thrown by the public API is such an error (never a raw
 * `TypeError`), whatever the caller passes, and leaves the index as it was."
 *
 * Hostile values — `fc.anything()` with every option, proxies whose traps throw (or that are
 * revoked), objects whose getters, `toString`, `valueOf`, `toJSON` or `Symbol.toPrimitive`
 * throw, getters that throw only on a second read, huge strings and arrays, deep nesting,
 * cycles — go to every entry point of the public API, alone or inside plausible requests,
 * options and profiles. Each call either answers or throws a `PeopleSearchError` with a 4xx
 * status; afterwards the index answers a fixed set of requests exactly as before.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  distanceMiles,
  fold,
  fromPersonProfile,
  memberIdOfSlug,
  normalizeProfileUrl,
  PeopleIndex,
  PeopleSearchError,
  type Profile,
  profileSlug,
  tokens,
  toPersonProfile,
  UsZipGeocoder,
  validateProfile,
  validateProfiles,
} from '@people-search/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { RUNS } from './helpers.js'

const NOW = new Date('2026-06-15T00:00:00Z')
const SECRET = Buffer.from('hostile-input property secret, 32+ bytes')
const OPTIONS = { now: () => NOW, secret: SECRET }

// Ids and names no generator produces by chance, so that a hostile string never names one.
const ME = 'hx-viewer-0001'
const ANN = 'hx-ann-0002'
const BOB = 'hx-bob-0003'
const CAROL = 'hx-carol-0004'
const DAN = 'hx-dan-0005'
const GROUP = 'hx-group-alpha'
const MEMBERS = [ME, ANN, BOB, CAROL, DAN]
const ANN_URL = 'https://www.linkedin.com/in/hx-ann-0002'

function profiles(): Profile[] {
  return [
    {
      id: ME,
      firstName: 'Vera',
      lastName: 'Viewer',
      accountLevel: 'business',
      industry: { code: 4, name: 'Software' },
    },
    {
      id: ANN,
      firstName: 'Ann',
      lastName: 'Alder',
      headline: 'Java developer',
      publicProfileUrl: ANN_URL,
      industry: { code: 4, name: 'Software' },
      location: { name: 'Mountain View', code: 'us:84', postalCode: '94043' },
      positions: [
        { title: 'Engineer', company: { id: 'acme', name: 'Acme' }, isCurrent: true },
        { title: 'Intern', company: { id: 'globex', name: 'Globex' }, endDate: { year: 2019 } },
      ],
      educations: [{ school: { id: 'su', name: 'State University' } }],
      skills: ['java', 'sql'],
      numConnections: 40,
      language: 'en',
    },
    {
      id: BOB,
      firstName: 'Bob',
      lastName: 'Birch',
      headline: 'Java architect',
      summary: 'secret project',
      positions: [{ title: 'Architect', company: { id: 'acme', name: 'Acme' }, isCurrent: true }],
      visibility: { summary: 'private', positions: 'connections' },
      numConnections: 12,
    },
    { id: CAROL, firstName: 'Carol', lastName: 'Cedar', headline: 'Java in a group', language: 'de' },
    { id: DAN, firstName: 'Dan', lastName: 'Dogwood', headline: 'Java far away' },
  ]
}

function buildIndex(): PeopleIndex {
  const index = new PeopleIndex(OPTIONS)
  index.add(profiles())
  index.connect(ME, ANN)
  index.connect(ANN, BOB)
  index.joinGroup(ME, GROUP)
  index.joinGroup(CAROL, GROUP)
  return index
}

/** A value or the error it threw, as JSON; anything but a `PeopleSearchError` is a crash. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    return JSON.stringify(await run())
  } catch (error) {
    if (error instanceof PeopleSearchError) return JSON.stringify({ error: error.code, status: error.status })
    return `CRASH ${String(error)}`
  }
}

const PROBE_SELECTOR =
  ':(people:(id,first-name,last-name,headline,distance,positions,api-standard-profile-request),num-results,facets:(code,buckets:(code,name,count,selected)))'

/** What the index answers: searches, answers, documents and a lookup, with every error code. */
async function probe(index: PeopleIndex): Promise<string[]> {
  const asMe = { viewer: ME }
  const runs: (() => unknown)[] = [
    () => index.size,
    () => index.search('/v1/people-search', asMe),
    () =>
      index.search(
        `/v1/people-search${PROBE_SELECTOR}?keywords=java&facets=network,industry,current-company`,
        asMe,
      ),
    () => index.search({ 'first-name': 'dan', 'last-name': 'dogwood' }, asMe),
    () =>
      index.searchAnswer(
        { keywords: 'java', facet: 'network,F,S,A', facets: 'network,language', sort: 'recommenders' },
        asMe,
      ),
    () =>
      index.searchAnswer(
        { 'company-name': 'acme', 'current-company': 'true', facets: 'current-company' },
        { viewer: ANN },
      ),
    () => index.searchAnswer('/v1/people-search?keywords=secret', { viewer: ANN }),
    () => index.searchAnswer('/v1/people-search?keywords=java&count=99', asMe),
    ...MEMBERS.map((id) => () => index.getPerson(id, asMe)),
    () => index.getPerson(BOB, { viewer: ANN }),
    () => index.lookupProfile({ profile_url: ANN_URL, skills: 'include' }),
  ]
  const out: string[] = []
  for (const run of runs) out.push(await outcome(run))
  return out
}

// —— hostile values ——————————————————————————————————————————————————————————————
//
// fast-check inspects what its arbitraries generate (and would trip over a revoked Proxy), so
// they generate recipes: `make` builds the hostile value afresh when a call runs, which also
// gives every "throws on its second read" getter a fresh count.

/** A hostile value, built when needed. */
interface Recipe {
  readonly make: () => unknown
  readonly label: string
}

function recipe(label: string, make: () => unknown): Recipe {
  return { label, make, [fc.toStringMethod]: () => label } as Recipe
}

const HUGE = 'x'.repeat(10_000_000)
const MILLION_WORDS = 'ab '.repeat(1_000_000)
const HUGE_URL = `/v1/people-search?company-name=${'a+'.repeat(1_000_000)}`
const MANY_FACETS_URL = `/v1/people-search?${Array(10_000).fill('facet=network,F,S').join('&')}`
const MANY_FACETS = Array(10_000).fill('network,F,S')

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}
const DEEP_ARRAY = nested(100_000, (inner) => [inner])
const DEEP_OBJECT = nested(100_000, (inner) => ({ positions: inner }))

function cycle(): Record<string, unknown> {
  const value: Record<string, unknown> = { id: ANN, firstName: 'Ann', lastName: 'Alder' }
  value.self = value
  value.positions = [value]
  return value
}

function cyclicArray(): unknown[] {
  const value: unknown[] = []
  value.push(value)
  return value
}

function sparse(): unknown[] {
  const value: unknown[] = []
  value.length = 2 ** 32 - 1
  return value
}

/** An array that says it has 2³²−1 elements, each `element`. */
function lyingArray(element: unknown): unknown[] {
  return new Proxy([] as unknown[], {
    get: (target, key) =>
      key === 'length' ? 2 ** 32 - 1 : typeof key === 'string' ? element : Reflect.get(target, key),
  })
}

const TRAPS = [
  'get',
  'getPrototypeOf',
  'ownKeys',
  'getOwnPropertyDescriptor',
  'has',
  'set',
  'defineProperty',
  'deleteProperty',
  'isExtensible',
  'preventExtensions',
  'setPrototypeOf',
  'apply',
  'construct',
] as const

function trapProxy(target: object, traps: readonly string[], thrown: () => unknown): object {
  const handler: ProxyHandler<object> = {}
  for (const trap of traps) {
    ;(handler as Record<string, unknown>)[trap] = () => {
      throw thrown()
    }
  }
  return new Proxy(target, handler)
}

function revoked(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {})
  revoke()
  return proxy
}

/** What a hostile trap or getter throws: not always an `Error`. */
const THROWN: readonly (() => unknown)[] = [
  () => new Error('hostile'),
  () => new TypeError('hostile type'),
  () => 'a string',
  () => Symbol('thrown'),
  () => undefined,
  () => null,
  () => ({ status: 400, kind: 'badParameter', code: 'fake', name: 'PeopleSearchError' }),
  () => trapProxy({}, TRAPS, () => new Error('thrown proxy')),
  () => revoked({}),
]
const thrownArb = fc.nat(THROWN.length - 1).map((i) => THROWN[i])

/** `base` with its `keys` turned into getters that throw from their `after`-th read on (0: every read). */
function throwingGetters(
  base: Record<string, unknown>,
  keys: readonly string[],
  after: number,
  thrown: () => unknown,
) {
  const object: Record<string, unknown> = { ...base }
  for (const key of keys) {
    let reads = 0
    const value = base[key]
    Object.defineProperty(object, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (reads++ >= after) throw thrown()
        return value
      },
    })
  }
  return object
}

function throwingConversion(kind: number, thrown: () => unknown): object {
  const fail = () => {
    throw thrown()
  }
  switch (kind) {
    case 0:
      return { toString: fail }
    case 1:
      return { toString: fail, valueOf: fail }
    case 2:
      return { [Symbol.toPrimitive]: fail }
    case 3:
      return { toJSON: fail }
    case 4:
      return { toString: fail, valueOf: fail, toJSON: fail, [Symbol.toPrimitive]: fail }
    default:
      return Object.assign(() => 'a function', { toString: fail })
  }
}

const anythingArb = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
  maxDepth: 3,
  maxKeys: 5,
})

const CONSTANTS: readonly Recipe[] = [
  recipe('10 MB string', () => HUGE),
  recipe('a million words', () => MILLION_WORDS),
  recipe('a 2 MB url', () => HUGE_URL),
  recipe('10,000 facet parameters', () => MANY_FACETS_URL),
  recipe('10,000 facet values', () => MANY_FACETS),
  recipe('100,000-deep array', () => DEEP_ARRAY),
  recipe('100,000-deep object', () => DEEP_OBJECT),
  recipe('cycle', cycle),
  recipe('cyclic array', cyclicArray),
  recipe('sparse 2³²−1 array', sparse),
  recipe('array proxy claiming 2³²−1 symbols', () => lyingArray(Symbol('item'))),
  recipe('symbol', () => Symbol('value')),
  recipe('well-known symbol', () => Symbol.iterator),
  recipe('bigint', () => 10n ** 30n),
  recipe('NaN', () => Number.NaN),
  recipe('-0', () => -0),
  recipe('Infinity', () => Number.POSITIVE_INFINITY),
  recipe('null-prototype object', () => Object.create(null)),
  recipe('inherited keys', () =>
    Object.create({ viewer: ME, keywords: 'java', id: ANN, firstName: 'A', lastName: 'B' }),
  ),
  recipe('invalid date', () => new Date(Number.NaN)),
  recipe('map', () => new Map([['keywords', 'java']])),
  recipe('buffer', () => Buffer.from('bytes')),
  recipe('boxed string', () => new String('boxed')),
  recipe('function', () => () => 'a function'),
  recipe('class', () => class Hostile {}),
  recipe('promise', () => Promise.resolve('a promise')),
]

/** Any hostile value; with `base`, proxies and getters wrap that plausible object. */
function hostileArb(base: fc.Arbitrary<Record<string, unknown>> = fc.constant({})): fc.Arbitrary<Recipe> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: anythingArb.map((value) => recipe(`anything ${fc.stringify(value)}`, () => value)),
    },
    { weight: 3, arbitrary: fc.constantFrom(...CONSTANTS) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.subarray([...TRAPS], { minLength: 1 }), thrownArb)
        .map(([target, traps, thrown]) =>
          recipe(`proxy of ${fc.stringify(target)} throwing in ${traps}`, () =>
            trapProxy({ ...target }, traps, thrown),
          ),
        ),
    },
    { weight: 1, arbitrary: base.map((target) => recipe('revoked proxy', () => revoked({ ...target }))) },
    {
      weight: 1,
      arbitrary: base.map((target) =>
        recipe(`transparent proxy of ${fc.stringify(target)}`, () => new Proxy({ ...target }, {})),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(5), thrownArb)
        .map(([kind, thrown]) =>
          recipe(`throwing conversion ${kind}`, () => throwingConversion(kind, thrown)),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(base, fc.nat(1), thrownArb)
        .map(([target, after, thrown]) =>
          recipe(`${fc.stringify(target)} with getters throwing from read ${after + 1}`, () =>
            throwingGetters(target, Object.keys(target), after, thrown),
          ),
        ),
    },
  )
}

/** A plausible object with hostile recipes in some of its keys. */
function objectWith(plain: Record<string, unknown>, hostile: Record<string, Recipe | Recipe[]>): Recipe {
  const label = `${fc.stringify(plain)} with ${Object.entries(hostile)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.map((r) => r.label)}]` : value.label}`)
    .join(', ')}`
  return recipe(label, () => {
    const object: Record<string, unknown> = { ...plain }
    for (const [key, value] of Object.entries(hostile))
      object[key] = Array.isArray(value) ? value.map((r) => r.make()) : value.make()
    return object
  })
}

const PARAMETERS = [
  'keywords',
  'first-name',
  'last-name',
  'company-name',
  'current-company',
  'title',
  'current-title',
  'school-name',
  'current-school',
  'country-code',
  'postal-code',
  'distance',
  'facet',
  'facets',
  'sort',
  'start',
  'count',
  'fields',
] as const

/** Values that pass, so that the hostile ones beside them are read too. */
const plainRequestArb = fc.record(
  {
    keywords: fc.constantFrom('java', 'secret', 'ann alder', ''),
    'first-name': fc.constant('dan'),
    'last-name': fc.constant('dogwood'),
    facet: fc.constantFrom<string | string[]>('network,F,S', ['network,F', 'industry,4']),
    facets: fc.constant('network,current-company'),
    sort: fc.constantFrom('connections', 'relevance'),
    count: fc.constantFrom<number | string>(5, '25'),
    fields: fc.constantFrom('(people:(id),num-results)', ':(num-results,facets:(code))'),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>

const LYING_FACETS = recipe('array proxy claiming 2³²−1 facet values', () => lyingArray('network,F'))

/** A request: hostile itself, a plausible object with hostile parameters, or a URL with any tail. */
const requestArb: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 2, arbitrary: hostileArb(plainRequestArb) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        plainRequestArb,
        fc.dictionary(
          fc.constantFrom(...PARAMETERS),
          fc.oneof(hostileArb(), fc.constant(LYING_FACETS), fc.array(hostileArb(), { maxLength: 3 })),
          { maxKeys: 3 },
        ),
      )
      .map(([plain, hostile]) => objectWith(plain, hostile)),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 40 })
      .map((tail) => recipe(`url ${JSON.stringify(tail)}`, () => `/v1/people-search?${tail}`)),
  },
)

/** An options object: hostile itself, or a plausible one with hostile values in some keys. */
function optionsArb(keys: readonly string[], plain: Record<string, unknown>): fc.Arbitrary<Recipe> {
  return fc.oneof(
    hostileArb(fc.constant(plain)),
    fc
      .dictionary(fc.constantFrom(...keys), hostileArb(), { minKeys: 1, maxKeys: keys.length })
      .map((hostile) => objectWith(plain, hostile)),
  )
}

const value = (label: string, made: unknown) => recipe(label, () => made)
const knownIdArb = fc.constantFrom(...MEMBERS)
const memberArb = knownIdArb.map((id) => value(id, id))
const idOrHostileArb = fc.oneof(memberArb, hostileArb())

/** A value that is never a valid field of a profile, whatever the field. */
const neverValidArb: fc.Arbitrary<Recipe> = fc.oneof(
  fc.constantFrom(
    recipe('symbol', () => Symbol('field')),
    recipe('bigint', () => 10n),
    recipe('cyclic array', cyclicArray),
    recipe('100,000-deep array', () => DEEP_ARRAY),
    recipe('sparse 2³²−1 array', sparse),
    recipe('array proxy claiming 2³²−1 symbols', () => lyingArray(Symbol('item'))),
    recipe('function', () => () => 'fn'),
    recipe('revoked proxy', () => revoked([])),
  ),
  fc
    .tuple(fc.subarray([...TRAPS], { minLength: 1 }), thrownArb)
    .map(([traps, thrown]) =>
      recipe(`proxy throwing in get and ${traps}`, () =>
        trapProxy({ name: 'Acme' }, [...traps, 'get', 'ownKeys', 'getOwnPropertyDescriptor'], thrown),
      ),
    ),
)

const PROFILE_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'headline',
  'positions',
  'educations',
  'skills',
  'visibility',
  'location',
  'industry',
] as const

/**
 * A profile that `add` must refuse: a plausible one (often with a member's id, so a wrongly
 * accepted one would replace it) with a known field that can never be valid or that throws on
 * its first read, a hostile unknown key, and other fields that throw on their second read.
 */
const badProfileArb: fc.Arbitrary<Recipe> = fc
  .tuple(
    knownIdArb,
    fc.constantFrom(...PROFILE_FIELDS),
    neverValidArb,
    hostileArb(),
    fc.subarray([...PROFILE_FIELDS]),
    thrownArb,
    fc.boolean(),
  )
  .map(([id, badField, bad, unknown, secondRead, thrown, getter]) =>
    recipe(
      `profile ${id} with ${badField}: ${getter ? 'a throwing getter' : bad.label}, unknownKey: ${unknown.label}, second reads of ${secondRead} throwing`,
      () => {
        const base: Record<string, unknown> = {
          id,
          firstName: 'Eve',
          lastName: 'Evil',
          headline: 'Java zebra',
          positions: [{ title: 'Zebra', company: { id: 'zoo', name: 'Zoo' }, isCurrent: true }],
          unknownKey: unknown.make(),
        }
        const hostile = throwingGetters(
          base,
          secondRead.filter((key) => key in base),
          1,
          thrown,
        )
        if (getter) {
          Object.defineProperty(hostile, badField, {
            enumerable: true,
            get() {
              throw thrown()
            },
          })
        } else Object.defineProperty(hostile, badField, { enumerable: true, value: bad.make() })
        return hostile
      },
    ),
  )

/** What `add` is given: hostile values, bad profiles, and batches where one bad profile must sink the rest. */
const profilesArb: fc.Arbitrary<Recipe> = fc.oneof(
  hostileArb(),
  badProfileArb,
  fc
    .array(fc.oneof(badProfileArb, hostileArb()), { minLength: 1, maxLength: 3 })
    .map((items) => recipe(`[${items.map((r) => r.label)}]`, () => items.map((r) => r.make()))),
  fc.tuple(badProfileArb, fc.nat(2)).map(([bad, at]) =>
    recipe(`a new member and a replacement of ${ANN} with ${bad.label} at ${at}`, () => {
      const batch: unknown[] = [
        { id: 'hx-new-0009', firstName: 'New', lastName: 'Comer', headline: 'Java newcomer' },
        { id: ANN, firstName: 'Ann', lastName: 'Replaced', headline: 'Zebra keeper' },
      ]
      batch.splice(at, 0, bad.make())
      return batch
    }),
  ),
)

const DOCUMENT = { public_identifier: 'hx-doc', first_name: 'Doc', last_name: 'Ument' }

/** A Person Profile document, hostile or with hostile values in some of its fields. */
const documentArb: fc.Arbitrary<Recipe> = fc.oneof(
  hostileArb(fc.constant(DOCUMENT)),
  fc
    .dictionary(
      fc.constantFrom(
        'public_identifier',
        'first_name',
        'last_name',
        'experiences',
        'education',
        'skills',
        'occupation',
        'extra_key',
      ),
      hostileArb(),
      { minKeys: 1, maxKeys: 3 },
    )
    .map((hostile) => objectWith(DOCUMENT, hostile)),
)

/** One call of the public API. `changes` says whether its answer means the index changed. */
interface Call {
  readonly label: string
  readonly run: (index: PeopleIndex) => unknown
  readonly changes?: (answer: unknown) => boolean
}

function call(
  label: string,
  run: (index: PeopleIndex) => unknown,
  changes?: (answer: unknown) => boolean,
): Call {
  return Object.assign({ label, run, [fc.toStringMethod]: () => label }, changes ? { changes } : {})
}

const always = () => true
const INDEX_OPTIONS = ['now', 'geocoder', 'caps', 'facetBucketLimit', 'secret', 'source']
let snapshotPath = ''

/** Hostile paths that are not strings: a string path would name a real file to write. */
const notAStringArb = hostileArb().filter((r) => {
  try {
    return typeof r.make() !== 'string'
  } catch {
    return true
  }
})

const callArb: fc.Arbitrary<Call> = fc.oneof(
  fc
    .tuple(
      requestArb,
      fc.oneof(fc.constant(value('me', { viewer: ME })), optionsArb(['viewer'], { viewer: ME })),
    )
    .map(([request, options]) =>
      call(`search(${request.label}, ${options.label})`, (index) =>
        index.search(request.make() as never, options.make() as never),
      ),
    ),
  fc
    .tuple(
      requestArb,
      fc.oneof(fc.constant(value('ann', { viewer: ANN })), optionsArb(['viewer'], { viewer: ANN })),
    )
    .map(([request, options]) =>
      call(`searchAnswer(${request.label}, ${options.label})`, (index) =>
        index.searchAnswer(request.make() as never, options.make() as never),
      ),
    ),
  fc
    .tuple(
      fc.oneof(
        memberArb,
        hostileArb(),
        knownIdArb.map((id) => value(`api url of ${id}`, `/v1/people/${id}:(id,headline)`)),
      ),
      optionsArb(['viewer', 'token', 'fields'], { viewer: ME }),
    )
    .map(([ref, options]) =>
      call(`getPerson(${ref.label}, ${options.label})`, (index) =>
        index.getPerson(ref.make() as never, options.make() as never),
      ),
    ),
  profilesArb.map((batch) =>
    call(`add(${batch.label})`, (index) => index.add(batch.make() as never), always),
  ),
  hostileArb().map((id) =>
    call(
      `remove(${id.label})`,
      (index) => index.remove(id.make() as never),
      (removed) => removed !== false,
    ),
  ),
  fc
    .tuple(knownIdArb, hostileArb(), fc.boolean())
    .map(([id, other, first]) =>
      call(
        `connect(${first ? `${other.label}, ${id}` : `${id}, ${other.label}`})`,
        (index) =>
          first ? index.connect(other.make() as never, id) : index.connect(id, other.make() as never),
        always,
      ),
    ),
  fc
    .tuple(idOrHostileArb, hostileArb())
    .map(([a, b]) =>
      call(`disconnect(${a.label}, ${b.label})`, (index) =>
        index.disconnect(a.make() as never, b.make() as never),
      ),
    ),
  fc
    .tuple(knownIdArb, notAStringArb)
    .map(([id, group]) =>
      call(`joinGroup(${id}, ${group.label})`, (index) => index.joinGroup(id, group.make() as never), always),
    ),
  hostileArb().map((member) =>
    call(
      `joinGroup(${member.label}, ${GROUP})`,
      (index) => index.joinGroup(member.make() as never, GROUP),
      always,
    ),
  ),
  fc
    .tuple(idOrHostileArb, hostileArb())
    .map(([member, group]) =>
      call(`leaveGroup(${member.label}, ${group.label})`, (index) =>
        index.leaveGroup(member.make() as never, group.make() as never),
      ),
    ),
  optionsArb(['profile_url', 'use_cache', 'fallback_to_cache', 'skills', 'certifications'], {
    profile_url: ANN_URL,
  }).map((params) =>
    call(`lookupProfile(${params.label})`, (index) => index.lookupProfile(params.make() as never)),
  ),
  notAStringArb.map((path) => call(`save(${path.label})`, (index) => index.save(path.make() as never))),
  fc.tuple(fc.option(notAStringArb, { freq: 2 }), optionsArb(INDEX_OPTIONS, OPTIONS)).map(([path, options]) =>
    call(`PeopleIndex.load(${path?.label ?? 'a snapshot'}, ${options.label})`, async () => {
      const loaded = await PeopleIndex.load(
        (path === null ? snapshotPath : path.make()) as never,
        options.make() as never,
      )
      return loaded.size
    }),
  ),
  optionsArb(INDEX_OPTIONS, OPTIONS).map((options) =>
    call(`new PeopleIndex(${options.label})`, () => new PeopleIndex(options.make() as never).size),
  ),
  fc.tuple(fc.oneof(profilesArb, hostileArb()), hostileArb()).map(([profile, label]) =>
    call(`validateProfile(${profile.label}, ${label.label})`, () => {
      validateProfile(profile.make(), label.make() as never)
      return true
    }),
  ),
  profilesArb.map((batch) =>
    call(`validateProfiles(${batch.label})`, () => validateProfiles(batch.make() as never).length),
  ),
  documentArb.map((document) =>
    call(`fromPersonProfile(${document.label})`, () => fromPersonProfile(document.make() as never)),
  ),
  fc
    .tuple(fc.oneof(badProfileArb, hostileArb()), optionsArb(['now', 'enrichments'], { now: NOW.getTime() }))
    .map(([profile, options]) =>
      call(`toPersonProfile(${profile.label}, ${options.label})`, () =>
        toPersonProfile(profile.make() as never, options.make() as never),
      ),
    ),
  hostileArb().map((url) =>
    call(`normalizeProfileUrl(${url.label})`, () => normalizeProfileUrl(url.make() as never)),
  ),
  hostileArb().map((url) => call(`profileSlug(${url.label})`, () => profileSlug(url.make() as never))),
  hostileArb().map((slug) =>
    call(`memberIdOfSlug(${slug.label})`, () => memberIdOfSlug(slug.make() as never)),
  ),
  hostileArb().map((text) => call(`tokens(${text.label})`, () => tokens(text.make() as never).length)),
  hostileArb().map((text) => call(`fold(${text.label})`, () => fold(text.make() as never).length)),
  fc
    .tuple(hostileArb(), fc.double(), fc.double(), fc.double())
    .map(([a, b, c, d]) =>
      call(`distanceMiles(${a.label}, ${b}, ${c}, ${d})`, () => distanceMiles(a.make() as never, b, c, d)),
    ),
  fc.tuple(hostileArb(), hostileArb()).map(([country, code]) =>
    call(`UsZipGeocoder(${country.label}, ${code.label})`, () => {
      const geocoder = new UsZipGeocoder()
      const [c, p] = [country.make(), code.make()]
      return [
        geocoder.covers(c as never),
        geocoder.locate(c as never, p as never),
        geocoder.locate('us', p as never),
      ]
    }),
  ),
)

/** A `PeopleSearchError` with a 4xx status, asked without trusting the value. */
function isClientError(error: unknown): boolean {
  try {
    return error instanceof PeopleSearchError && error.status >= 400 && error.status < 500
  } catch {
    return false
  }
}

function describeError(error: unknown): string {
  try {
    if (error instanceof PeopleSearchError) return `${error.status} ${error.code}: ${error.message}`
    if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack}`
    return `a thrown ${typeof error}`
  } catch {
    return 'an unprintable thrown value'
  }
}

describe('docs/spec.md §3.7: whatever the caller passes, the API answers or throws a 4xx PeopleSearchError, and the index answers as before', () => {
  let index: PeopleIndex
  let baseline: string[]
  let directory = ''

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'hostile-input-'))
    snapshotPath = join(directory, 'index.jsonl')
    index = buildIndex()
    await index.save(snapshotPath)
    baseline = await probe(index)
    expect(baseline.filter((line) => line.startsWith('CRASH'))).toEqual([])
  })

  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  test('every entry point, every hostile value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(callArb, { minLength: 1, maxLength: 4 }), async (calls) => {
        let changed = false
        for (const { label, run, changes } of calls) {
          let answer: unknown
          try {
            answer = await run(index)
          } catch (error) {
            if (!isClientError(error)) expect.fail(`${label} threw ${describeError(error)}`)
            continue
          }
          if (changes?.(answer)) changed = true
        }
        if (changed) {
          // A call that succeeded changed the index as it should: the next run starts afresh.
          index = buildIndex()
          return
        }
        expect(await probe(index), calls.map((c) => c.label).join('; ')).toEqual(baseline)
      }),
      { numRuns: RUNS },
    )
  })
})
