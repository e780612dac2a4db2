import { randomBytes } from 'node:crypto'
import { tokenSecret } from './access/access-token.js'
import { profileLinks } from './access/profile-links.js'
import { type ExecutionContext, execute } from './collect/execute.js'
import { DEGREE_LETTERS, SELF } from './domain/degree.js'
import { fail, PeopleSearchError, readArgument } from './errors.js'
import { parseSelector } from './fields/parse-selector.js'
import { renderSearchResult } from './fields/render-result.js'
import { checkSelector } from './fields/schema.js'
import type { Selector } from './fields/selector.js'
import type { Geocoder } from './geo/geocoder.js'
import { UsZipGeocoder } from './geo/us-zip-geocoder.js'
import { type GetPersonOptions, getPerson } from './links/get-person.js'
import { findMember } from './lookup/find-member.js'
import type { LookupParams } from './lookup/lookup-params.js'
import { type LookupResult, lookupProfile } from './lookup/lookup-profile.js'
import { ProfileHistory } from './lookup/profile-history.js'
import type { ProfileSource } from './lookup/profile-source.js'
import { isMemberId } from './model/member-id.js'
import type { OwnedProfile } from './model/own-profile.js'
import type { AccountLevel, Profile } from './model/profile.js'
import { ownValidProfiles } from './model/validate-profile.js'
import { NETWORK_PLANS, type NetworkPlan, networkViewFor } from './query/network-plan.js'
import { parseSearchRequest } from './query/parse-request.js'
import type { SearchAnswer } from './query/search-answer.js'
import type { FacetCode, SearchQuery, SearchRequest } from './query/search-query.js'
import type { PersonDocument, SearchResult } from './result.js'
import { captureImage } from './snapshot/capture-image.js'
import { loadSnapshot } from './snapshot/load-snapshot.js'
import { writeImage } from './snapshot/write-image.js'
import { ACCOUNT_LEVELS } from './store/columns.js'
import { Compaction } from './store/compaction.js'
import { NetworkCache } from './store/network.js'
import { IndexStore } from './store/store.js'

export interface PeopleIndexOptions {
  /** The clock that decides which positions and educations are current. */
  now?: () => Date
  /** Places postal codes for distance searches; defaults to US ZIP centroids. */
  geocoder?: Geocoder
  /** Result caps by the viewer's account level (docs/spec.md §3.3). */
  caps?: Partial<Record<AccountLevel, number>>
  /** How many top buckets a histogram shows besides the selected ones (docs/spec.md §4.3). */
  facetBucketLimit?: number
  /**
   * The most bytes the index keeps of viewers' network views (a viewer's degrees, computed once
   * and reused by its later searches): 256 MiB by default; least recently used views go first.
   */
  networkCacheBytes?: number
  /**
   * How searches judge the network rule (docs/spec.md §3.2; docs/architecture.md, "The network
   * plan"): `cost` (the default) weighs, per query, marking the viewer's whole network against
   * checking each candidate on its own; `whole` and `members` force one way, for tests and
   * benchmarks. The answers are the same whichever is chosen.
   */
  networkPlan?: NetworkPlan
  /**
   * Key of the profile-link tokens (docs/spec.md §6.2): at least 32 bytes (a `Buffer`, a
   * `Uint8Array` or a string's UTF-8), copied; random per index unless given.
   */
  secret?: Uint8Array | string
  /** Where `lookupProfile` with `use_cache=if-recent` gets fresh copies (docs/spec.md §6.1). */
  source?: ProfileSource
  /**
   * When the index compacts and how much each step does. Replaces, removes and members the clock
   * re-judges leave dead slots; once they outnumber the live ones by `slack` (default 1024), a
   * compaction copies the live members to a new store in steps of at most `stepMembers`
   * (default 256, and about 8 ms), one after each add or remove and more while the process is
   * idle, so that no call waits for a whole rebuild (docs/architecture.md).
   */
  compaction?: CompactionOptions
}

export interface CompactionOptions {
  /** Dead slots beyond the live count that start a compaction: an integer ≥ 0. */
  slack?: number
  /** The most members one step copies: an integer ≥ 1. */
  stepMembers?: number
}

export interface SearchOptions {
  /** The member on whose behalf the search runs (docs/spec.md §3.2). */
  viewer?: string
}

export const DEFAULT_CAPS: Readonly<Record<AccountLevel, number>> = {
  basic: 100,
  business: 300,
  'business-plus': 500,
  executive: 700,
}

/** Compact once dead slots outnumber live ones (and there are enough to matter). */
const COMPACT_SLACK = 1024
/** A step of a compaction copies at most this many members… */
const STEP_MEMBERS = 256
/** …and stops after about this many milliseconds: far below the 50 ms issue 14 allows a call. */
const STEP_MS = 8

/**
 * An in-memory index of member profiles that answers the legacy People Search API.
 *
 * ```ts
 * const index = new PeopleIndex()
 * index.add([{ id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java developer' },
 *            { id: 'bob', firstName: 'Bob', lastName: 'Ray' }])
 * index.connect('ann', 'bob')
 * index.search('/v1/people-search?keywords=java', { viewer: 'bob' })
 * // → { numResults: 1, people: { _total: 1, values: [{ id: 'ann', firstName: 'Ann', lastName: 'Lee' }] } }
 * ```
 */
export class PeopleIndex {
  private store: IndexStore
  private readonly networks: NetworkCache
  private readonly networkPlan: NetworkPlan
  private readonly counters = new Map<FacetCode, Uint32Array>()
  private readonly now: () => Date
  private readonly geocoder: Geocoder
  private readonly caps: Record<AccountLevel, number>
  private readonly bucketLimit: number
  private readonly secret: Buffer
  private readonly source: ProfileSource | undefined
  /** Earlier versions and add times of members, for profile lookups (docs/spec.md §6.1). */
  private readonly history = new ProfileHistory()
  /** Ids removed at least once, with their current incarnation: how often each was removed (docs/spec.md §6.2). */
  private readonly incarnations = new Map<string, number>()
  /** The compaction under way, if any (store/compaction.ts). */
  private compaction: Compaction | undefined
  private readonly compactSlack: number
  private readonly stepMembers: number
  /** Whether an idle-time step is queued (`setImmediate`). */
  private stepQueued = false

  constructor(given: PeopleIndexOptions = {}) {
    const options = readIndexOptions(given)
    this.now = options.now ?? (() => new Date())
    this.geocoder = options.geocoder ?? new UsZipGeocoder()
    this.caps = { ...DEFAULT_CAPS, ...options.caps }
    this.bucketLimit = options.facetBucketLimit ?? 10
    this.networks = new NetworkCache(options.networkCacheBytes)
    this.networkPlan = options.networkPlan ?? 'cost'
    this.secret = options.secret === undefined ? randomBytes(32) : tokenSecret(options.secret)
    this.source = options.source
    this.store = new IndexStore(this.geocoder)
    this.compactSlack = options.compaction?.slack ?? COMPACT_SLACK
    this.stepMembers = options.compaction?.stepMembers ?? STEP_MEMBERS
  }

  /** Number of members in the index. */
  get size(): number {
    return this.store.liveCount
  }

  /**
   * Adds profiles, replacing any with the same id (its connections and groups stay). The index
   * keeps its own copy of each (docs/spec.md §1.1): every field the profile table names is read
   * once, other keys are not read at all, and changing the objects afterwards changes nothing.
   * Every copy is validated before anything is stored: one bad profile (or one whose read
   * throws) rejects the whole call and changes nothing, history included.
   */
  add(profiles: Profile | readonly Profile[]): void {
    const batch = ownValidProfiles(profiles)
    const now = this.now().getTime()
    const store = this.store
    for (const profile of batch) {
      const old = store.slotOf(profile.id)
      this.history.replaced(old === undefined ? undefined : store.profiles.get(old), profile, now)
      const slot = store.insert(profile, now)
      if (old !== undefined) {
        store.graph.move(old, slot)
        store.retire(old, now)
      }
    }
    this.compactIfWasteful(now)
  }

  /** Removes a member with its connections and group memberships; false when it was not there. */
  remove(id: string): boolean {
    const slot = this.liveSlot(id)
    if (slot === undefined) return false
    this.history.removed(this.store.profiles.get(slot) as OwnedProfile)
    const now = this.now().getTime()
    this.store.graph.isolate(slot)
    this.store.retire(slot, now)
    this.compaction?.removed(id, now)
    this.incarnations.set(id, this.incarnationOf(id) + 1)
    this.compactIfWasteful(now)
    return true
  }

  /** Connects two members (undirected); connecting a member to itself does nothing. */
  connect(a: string, b: string): void {
    const slotA = this.slotOf(a)
    const slotB = this.slotOf(b)
    this.store.graph.connect(slotA, slotB)
  }

  /**
   * Connects many pairs at once, as `connect` does each (docs/spec.md §1.2): either a list of id
   * pairs, or `{ members, pairs }` where `pairs` is a flat list of indexes into `members`
   * (`pairs[2k]` with `pairs[2k + 1]`), each id resolved once, however many pairs name it. Every
   * pair is read and checked before any is stored: an unknown member, a bad index or an
   * unreadable value rejects the whole call and changes nothing. The lists are then laid out in
   * one pass, so 25M edges load in seconds where 25M `connect` calls take tens of seconds.
   */
  connectMany(links: ConnectManyInput): void {
    const slots = readArgument('links', () => resolveLinks(links, (id) => this.slotOf(id)))
    this.store.graph.connectMany(slots, slots.length / 2)
  }

  /** Removes a connection; a pair that is not linked (an unknown member too) is left alone (docs/spec.md §8). */
  disconnect(a: string, b: string): void {
    const slotA = this.liveSlot(a)
    const slotB = this.liveSlot(b)
    if (slotA !== undefined && slotB !== undefined) this.store.graph.disconnect(slotA, slotB)
  }

  joinGroup(member: string, group: string): void {
    this.store.graph.join(this.slotOf(member), checkGroup(group))
  }

  leaveGroup(member: string, group: string): void {
    const slot = this.liveSlot(member)
    if (slot !== undefined) this.store.graph.leave(slot, checkGroup(group))
  }

  /**
   * Answers a people search with the legacy JSON document (docs/spec.md §5.4): exactly the fields the
   * request's selector names, or `num-results` and `people:(id,first-name,last-name)`. The request
   * is a legacy URL or a `SearchRequestObject`, whose keys and values the compiler checks; the
   * parser checks them again at run time, so untyped input is judged the same way.
   */
  search(request: SearchRequest, options: SearchOptions): SearchResult {
    const now = this.judge()
    const { viewer, query, selector } = this.prepare(request, options)
    const context = this.context(viewer, query)
    const answer = execute(query, context)
    const viewerId = this.store.ids.idOf(viewer)
    const viewerIncarnation = this.incarnationOf(viewerId)
    return renderSearchResult(answer, selector, (id) => {
      const slot = this.store.slotOf(id) as number
      const degree = DEGREE_LETTERS[context.view.degreeOf(slot)]
      return {
        profile: this.store.profiles.get(slot) as Profile,
        context: {
          degree,
          now,
          links: (member) => {
            const memberIncarnation = this.incarnationOf(member)
            const grant = { viewer: viewerId, viewerIncarnation, member, memberIncarnation }
            return profileLinks(this.secret, grant, degree, now)
          },
        },
      }
    })
  }

  /**
   * What a search found before output formatting: the page of member ids, `numResults`,
   * `total` and the histograms. For callers that render their own documents.
   */
  searchAnswer(request: SearchRequest, options: SearchOptions): SearchAnswer {
    this.judge()
    const { viewer, query } = this.prepare(request, options)
    return execute(query, this.context(viewer, query))
  }

  /**
   * The Person Profile lookup of docs/spec.md §6.1: the public document of the member a profile URL
   * names, and what it cost. Errors reject with a `PeopleSearchError` carrying `credits: 0`.
   */
  lookupProfile(params: LookupParams): Promise<LookupResult> {
    const store = () => this.store
    return lookupProfile(params, {
      now: () => this.now().getTime(),
      source: this.source,
      idsWithUrl: (url) => this.history.idsWithUrl(url, () => liveProfiles(store())),
      profileOf: (id) => this.profileOf(id),
      versionOf: (id) => {
        const slot = this.liveSlot(id)
        return slot === undefined ? undefined : this.store.columns.version[slot]
      },
      incarnationOf: (id) => this.incarnationOf(id),
      timeOf: (profile) => this.history.timeOf(profile),
      versionsOf: (id) => this.history.versionsOf(id),
      store: (profile) => this.add(profile),
    })
  }

  /**
   * The legacy person document of a member for a viewer (docs/spec.md §6.2); `ref` is a member id or a
   * search result's profile link. Members outside the viewer's network need that link's token.
   */
  getPerson(ref: string, given: GetPersonOptions): PersonDocument {
    // Each option read once, into an object of the index's own.
    const options = readArgument('getPerson options', () => ({
      viewer: given?.viewer,
      token: given?.token,
      fields: given?.fields,
    }))
    return getPerson(ref, options, {
      now: this.now().getTime(),
      secret: this.secret,
      profileOf: (id) => this.profileOf(id),
      incarnationOf: (id) => this.incarnationOf(id),
      degreeOf: (viewer, member) => {
        const store = this.store
        const slot = store.slotOf(viewer) as number
        // One member's degree: no need to walk the viewer's whole network.
        const degree = this.networks.memberView(slot, store.graph).degreeOf(store.slotOf(member) as number)
        return degree === SELF ? 'self' : DEGREE_LETTERS[degree]
      },
      memberOfUrl: (url) => {
        const store = this.store
        const idsWithUrl = (given: string) => this.history.idsWithUrl(given, () => liveProfiles(store))
        return findMember(url, { idsWithUrl, profileOf: (id) => this.profileOf(id) })?.id
      },
    })
  }

  /** Whether the index holds a member with this id. */
  has(id: string): boolean {
    return this.profileOf(id) !== undefined
  }

  /**
   * The account level of a member (docs/spec.md §1.1, `basic` when the profile does not say),
   * or `undefined` for an id the index does not hold. The HTTP service throttles by it (§9.4).
   */
  accountLevelOf(id: string): AccountLevel | undefined {
    const slot = this.liveSlot(id)
    return slot === undefined ? undefined : ACCOUNT_LEVELS[this.store.columns.accountLevel[slot]]
  }

  private incarnationOf(id: string): number {
    return this.incarnations.get(id) ?? 0
  }

  /** A snapshot's `incarnation` record: `[member id, a count ≥ 1]`, else the snapshot is refused. */
  private restoreIncarnation(path: string, record: unknown): void {
    const [id, count] = Array.isArray(record) && record.length === 2 ? record : []
    if (!isMemberId(id) || !Number.isSafeInteger(count) || (count as number) < 1)
      fail('snapshot-invalid-record', { path, cause: { incarnation: record } })
    this.incarnations.set(id, count as number)
  }

  private profileOf(id: string): Profile | undefined {
    const slot = this.liveSlot(id)
    return slot === undefined ? undefined : this.store.profiles.get(slot)
  }

  // docs/spec.md §8 order: viewer (401), selector (400), parameters (400).
  private prepare(request: SearchRequest, options: SearchOptions) {
    const viewer = this.viewerSlot(readArgument('search options', () => options?.viewer))
    let selector: Selector | undefined
    const query = parseSearchRequest(request, (fields) => {
      if (fields === undefined) return
      selector = parseSelector(fields)
      checkSelector(selector)
    })
    return { viewer, query, selector }
  }

  /**
   * Writes a snapshot of the index as it is at this call to `path` (docs/spec.md §7): profiles,
   * connections, memberships, and the earlier versions and add times lookups depend on. Changes
   * made while it is written are not in it. Saves to one path run in call order, the last one
   * winning; the file (mode 0600) is replaced only once the new snapshot is complete and flushed.
   */
  save(path: string): Promise<void> {
    if (typeof path !== 'string') return Promise.reject(invalidPath(path))
    return writeImage(path, captureImage(this.store, this.history, this.incarnations))
  }

  /**
   * An index with the contents of a snapshot. Anything but exactly a snapshot (truncated,
   * corrupted, foreign, a device) is refused whole with a `badSnapshot` error.
   */
  static async load(path: string, options: PeopleIndexOptions = {}): Promise<PeopleIndex> {
    if (typeof path !== 'string') throw invalidPath(path)
    const index = new PeopleIndex(options)
    await loadSnapshot(path, {
      add: (profile) => index.add(profile),
      has: (id) => index.store.ids.has(id),
      connect: (a, b) => index.connect(a, b),
      joinGroup: (member, group) => index.joinGroup(member, group),
      restoreIncarnation: (record) => index.restoreIncarnation(path, record),
      history: index.history,
      store: index.store,
      incarnations: index.incarnations,
    })
    return index
  }

  private context(viewer: number, query: SearchQuery): ExecutionContext {
    const store = this.store
    const level = ACCOUNT_LEVELS[store.columns.accountLevel[viewer]]
    return {
      store,
      view: networkViewFor(query, store, this.networks, viewer, this.networkPlan),
      cap: this.caps[level],
      bucketLimit: this.bucketLimit,
      centroid:
        query.postal === undefined ? undefined : this.centroid(query.countryCode ?? '', query.postal.code),
      counters: this.counters,
    }
  }

  private centroid(country: string, postalCode: string): { lat: number; lon: number } {
    if (!this.geocoder.covers(country)) fail('unknown-postal-country', { country })
    const point = this.geocoder.locate(country, postalCode)
    if (point === undefined) fail('unknown-postal-code', { postalCode, country })
    return point
  }

  private viewerSlot(viewer: string | undefined): number {
    if (viewer === undefined || viewer === null) {
      fail('search-without-viewer')
    }
    const slot = this.liveSlot(viewer)
    if (slot === undefined) fail('unknown-viewer', { viewer })
    return slot
  }

  /**
   * The slot of member `id`. Anything but a member id (a Symbol, a 10 MB string) names no member,
   * found without hashing it: an answer in constant time, whatever the caller passes.
   */
  private liveSlot(id: unknown): number | undefined {
    return isMemberId(id) ? this.store.slotOf(id) : undefined
  }

  private slotOf(id: string): number {
    const slot = this.liveSlot(id)
    if (slot === undefined) fail('unknown-member', { member: id })
    return slot
  }

  /**
   * The clock of this search, read once, with every member judged against it (docs/spec.md §1.1):
   * matching, facets, BM25 weights and the rendered `isCurrent` all see this instant. Members
   * whose current-ness changed since they were stored are indexed again (store.ts `rejudge`).
   */
  private judge(): number {
    const now = this.now().getTime()
    // A search only starts a compaction; its steps run after writes and while idle.
    if (this.store.rejudge(now) > 0) this.startCompactionIfWasteful()
    return now
  }

  // Dead slots linger in posting lists and columns; a compaction copies the live ones to a new
  // store, a step at a time (store/compaction.ts).
  private compactIfWasteful(at?: number): void {
    this.startCompactionIfWasteful()
    if (this.compaction !== undefined) this.compactionStep(at ?? this.now().getTime())
  }

  private startCompactionIfWasteful(): void {
    const { slotCount, liveCount } = this.store
    if (this.compaction !== undefined || slotCount - liveCount <= liveCount + this.compactSlack) return
    this.compaction = new Compaction(this.store, this.geocoder)
    this.queueStep()
  }

  private compactionStep(now: number): void {
    const compaction = this.compaction
    if (compaction === undefined) return
    compaction.step(now, { members: this.stepMembers, until: performance.now() + STEP_MS })
    if (!compaction.done) return
    this.store = compaction.finish()
    this.compaction = undefined
    this.networks.clear()
  }

  // Idle-time steps, so that a compaction ends even when no write comes. The timer does not
  // keep the process alive, and a step never throws (store.ts `insert`), nor may one here: a
  // failing step drops the compaction, and the old store, still whole, stays.
  private queueStep(): void {
    if (this.stepQueued) return
    this.stepQueued = true
    setImmediate(() => {
      this.stepQueued = false
      if (this.compaction === undefined) return
      try {
        this.compactionStep(this.now().getTime())
      } catch {
        this.compaction = undefined
        return
      }
      if (this.compaction !== undefined) this.queueStep()
    }).unref()
  }
}

function* liveProfiles(store: IndexStore): Generator<OwnedProfile> {
  for (let slot = 0; slot < store.slotCount; slot++) {
    const profile = store.profiles.get(slot)
    if (profile !== undefined) yield profile
  }
}

function invalidPath(path: unknown): PeopleSearchError {
  return new PeopleSearchError('invalid-argument', {
    argument: 'snapshot path',
    value: path,
    expected: 'a string',
  })
}

/**
 * The options of a new index, each read once into an object of the index's own and checked for
 * its type, so that a Proxy, a throwing getter or a value of the wrong type is a 400 now rather
 * than a `TypeError` in some later call. What the clock, geocoder and source do when called is
 * the caller's code, not checked here.
 */
function readIndexOptions(given: unknown): PeopleIndexOptions {
  if (given === undefined) return {}
  return readArgument('index options', () => {
    if (typeof given !== 'object' || given === null) badOption('options', given, 'an object')
    const {
      now,
      geocoder,
      caps,
      facetBucketLimit,
      networkCacheBytes,
      networkPlan,
      secret,
      source,
      compaction,
    } = given as Record<string, unknown>
    const options: PeopleIndexOptions = {}
    if (now !== undefined) {
      if (typeof now !== 'function') badOption('now', now, 'a function returning a Date')
      options.now = checkedClock(now as () => unknown)
    }
    if (geocoder !== undefined) {
      if (!hasMethods(geocoder, 'covers', 'locate')) badOption('geocoder', geocoder, 'a Geocoder')
      options.geocoder = geocoder as Geocoder
    }
    if (caps !== undefined) options.caps = readCaps(caps)
    if (facetBucketLimit !== undefined)
      options.facetBucketLimit = readCount('facetBucketLimit', facetBucketLimit, 0)
    if (networkCacheBytes !== undefined)
      options.networkCacheBytes = readCount('networkCacheBytes', networkCacheBytes, 0)
    if (networkPlan !== undefined) {
      if (!NETWORK_PLANS.includes(networkPlan as NetworkPlan))
        badOption('networkPlan', networkPlan, `one of ${NETWORK_PLANS.join(', ')}`)
      options.networkPlan = networkPlan as NetworkPlan
    }
    // Read (and copied) here, where a revoked Proxy or a throwing getter is a 400 too.
    if (secret !== undefined) options.secret = tokenSecret(secret)
    if (source !== undefined) {
      if (!hasMethods(source, 'fetch')) badOption('source', source, 'a ProfileSource')
      options.source = source as ProfileSource
    }
    if (compaction !== undefined) options.compaction = readCompaction(compaction)
    return options
  })
}

/**
 * The caller's clock, whose every reading is checked: a clock that throws or returns anything but
 * a valid `Date` is the 400 `invalid-argument` (or `unreadable-argument`), not a `TypeError`.
 */
function checkedClock(now: () => unknown): () => Date {
  return () => {
    const reading = readArgument('index option now', () => now())
    const time = readArgument('index option now', () =>
      reading instanceof Date ? Date.prototype.getTime.call(reading) : Number.NaN,
    )
    // A Date of the index's own: a subclass's getTime is never called again.
    if (Number.isFinite(time)) return new Date(time)
    return badOption('now', reading, 'a function returning a valid Date')
  }
}

function readCaps(caps: unknown): Partial<Record<AccountLevel, number>> {
  if (typeof caps !== 'object' || caps === null) badOption('caps', caps, 'an object')
  const own: Partial<Record<AccountLevel, number>> = {}
  for (const level of Object.keys(DEFAULT_CAPS) as AccountLevel[]) {
    const cap: unknown = (caps as Record<string, unknown>)[level]
    if (cap === undefined) continue
    if (!Number.isSafeInteger(cap) || (cap as number) < 0) badOption(`caps.${level}`, cap, 'an integer ≥ 0')
    own[level] = cap as number
  }
  return own
}

function readCompaction(given: unknown): CompactionOptions {
  if (typeof given !== 'object' || given === null) badOption('compaction', given, 'an object')
  const { slack, stepMembers } = given as Record<string, unknown>
  const own: CompactionOptions = {}
  if (slack !== undefined) own.slack = readCount('compaction.slack', slack, 0)
  if (stepMembers !== undefined) own.stepMembers = readCount('compaction.stepMembers', stepMembers, 1)
  return own
}

/** An option that must be an integer ≥ `min`: the 400 naming it otherwise. */
function readCount(name: string, value: unknown, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) badOption(name, value, `an integer ≥ ${min}`)
  return value as number
}

function hasMethods(value: unknown, ...names: string[]): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false
  return names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
}

function badOption(option: string, value: unknown, expected: string): never {
  return fail('invalid-argument', { argument: `index option ${option}`, value, expected })
}

function checkGroup(group: string): string {
  if (typeof group !== 'string' || group === '') fail('invalid-group', { group })
  return group
}

/** What `connectMany` takes: id pairs, or a flat list of indexes into a list of ids. */
export type ConnectManyInput =
  | readonly (readonly [string, string])[]
  | { readonly members: readonly string[]; readonly pairs: ArrayLike<number> }

/** The pairs of `links` as slots (flat, two per pair), every id resolved by `slotOf`. */
function resolveLinks(links: unknown, slotOf: (id: string) => number): Uint32Array {
  if (Array.isArray(links)) {
    const out = new Uint32Array(links.length * 2)
    for (let k = 0; k < links.length; k++) {
      const pair: unknown = links[k]
      if (!Array.isArray(pair) || pair.length !== 2)
        fail('invalid-argument', { argument: `links[${k}]`, value: pair, expected: 'a pair of member ids' })
      out[2 * k] = slotOf(memberIdAt(pair[0], `links[${k}][0]`))
      out[2 * k + 1] = slotOf(memberIdAt(pair[1], `links[${k}][1]`))
    }
    return out
  }
  if (typeof links !== 'object' || links === null)
    fail('invalid-argument', { argument: 'links', value: links, expected: 'id pairs or { members, pairs }' })
  const { members, pairs } = links as { members: unknown; pairs: unknown }
  if (!Array.isArray(members))
    fail('invalid-argument', { argument: 'links.members', value: members, expected: 'a list of member ids' })
  const length =
    typeof pairs === 'object' && pairs !== null ? (pairs as ArrayLike<unknown>).length : undefined
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length % 2 !== 0)
    fail('invalid-argument', {
      argument: 'links.pairs',
      value: pairs,
      expected: 'a list of member indexes of even length',
    })
  // Each id once, on first use: unused members are never looked up.
  const resolved = new Int32Array(members.length).fill(-1)
  const out = new Uint32Array(length)
  const list = pairs as ArrayLike<unknown>
  for (let k = 0; k < length; k++) {
    const at = list[k]
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= members.length)
      fail('invalid-argument', {
        argument: `links.pairs[${k}]`,
        value: at,
        expected: `an index into links.members (0 to ${members.length - 1})`,
      })
    let slot = resolved[at]
    if (slot < 0) {
      slot = slotOf(memberIdAt(members[at], `links.members[${at}]`))
      resolved[at] = slot
    }
    out[k] = slot
  }
  return out
}

function memberIdAt(value: unknown, argument: string): string {
  if (typeof value !== 'string')
    fail('invalid-argument', { argument, value, expected: 'a member id (a string)' })
  return value
}
