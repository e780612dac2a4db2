import { randomBytes } from 'node:crypto'
import { profileLinks } from './access/profile-links.js'
import { type ExecutionContext, execute } from './collect/execute.js'
import { DEGREE_LETTERS, SELF } from './domain/degree.js'
import { fail, PeopleSearchError } from './errors.js'
import { parseSelector } from './fields/parse-selector.js'
import { renderSearchResult } from './fields/render-result.js'
import { checkSelector } from './fields/schema.js'
import type { Selector } from './fields/selector.js'
import type { Geocoder } from './geo/geocoder.js'
import { UsZipGeocoder } from './geo/us-zip-geocoder.js'
import { type GetPersonOptions, getPerson } from './links/get-person.js'
import type { LookupParams } from './lookup/lookup-params.js'
import { type LookupResult, lookupProfile } from './lookup/lookup-profile.js'
import { ProfileHistory } from './lookup/profile-history.js'
import type { ProfileSource } from './lookup/profile-source.js'
import type { AccountLevel, Profile } from './model/profile.js'
import { validateProfile, validateProfiles } from './model/validate-profile.js'
import { parseSearchRequest } from './query/parse-request.js'
import type { SearchAnswer } from './query/search-answer.js'
import { reachesEveryone } from './query/search-plan.js'
import type { FacetCode, SearchQuery, SearchRequest } from './query/search-query.js'
import type { PersonDocument, SearchResult } from './result.js'
import type { SnapshotRecord } from './snapshot/format.js'
import { readSnapshot } from './snapshot/read-snapshot.js'
import { writeSnapshot } from './snapshot/write-snapshot.js'
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
  /** Key of the profile-link tokens (docs/spec.md §6.2); random per index unless given. */
  secret?: Buffer
  /** Where `lookupProfile` with `use_cache=if-recent` gets fresh copies (docs/spec.md §6.1). */
  source?: ProfileSource
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

/** Rebuild once dead slots outnumber live ones (and there are enough to matter). */
const COMPACT_SLACK = 1024

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
  private readonly networks = new NetworkCache()
  private readonly counters = new Map<FacetCode, Uint32Array>()
  private readonly now: () => Date
  private readonly geocoder: Geocoder
  private readonly caps: Record<AccountLevel, number>
  private readonly bucketLimit: number
  private readonly secret: Buffer
  private readonly source: ProfileSource | undefined
  /** Earlier versions and add times of members, for profile lookups (docs/spec.md §6.1). */
  private readonly history = new ProfileHistory()

  constructor(options: PeopleIndexOptions = {}) {
    this.now = options.now ?? (() => new Date())
    this.geocoder = options.geocoder ?? new UsZipGeocoder()
    this.caps = { ...DEFAULT_CAPS, ...options.caps }
    this.bucketLimit = options.facetBucketLimit ?? 10
    this.secret = options.secret ?? randomBytes(32)
    this.source = options.source
    this.store = new IndexStore(this.geocoder)
  }

  /** Number of members in the index. */
  get size(): number {
    return this.store.liveCount
  }

  /**
   * Adds profiles, replacing any with the same id (its connections and groups stay). Every
   * profile is validated first: one bad profile rejects the whole call and changes nothing.
   * The index keeps the objects it is given (copying a million profiles would double the
   * heap): treat them as immutable afterwards, and add a new object to change a member.
   */
  add(profiles: Profile | readonly Profile[]): void {
    let batch: Profile[]
    if (Array.isArray(profiles)) batch = validateProfiles(profiles)
    else {
      validateProfile(profiles, recordOf(profiles))
      batch = [profiles as Profile]
    }
    const now = this.now().getTime()
    const store = this.store
    for (const profile of batch) {
      const old = store.slotOf.get(profile.id)
      this.history.replaced(old === undefined ? undefined : store.profiles[old], profile, now)
      const slot = store.insert(profile, now)
      if (old !== undefined) {
        store.graph.move(old, slot)
        store.retire(old, now)
      }
    }
    this.compactIfWasteful()
  }

  /** Removes a member with its connections and group memberships; false when it was not there. */
  remove(id: string): boolean {
    const slot = this.store.slotOf.get(id)
    if (slot === undefined) return false
    this.history.removed(this.store.profiles[slot] as Profile)
    this.store.graph.isolate(slot)
    this.store.retire(slot, this.now().getTime())
    this.compactIfWasteful()
    return true
  }

  /** Connects two members (undirected); connecting a member to itself does nothing. */
  connect(a: string, b: string): void {
    const slotA = this.slotOf(a)
    const slotB = this.slotOf(b)
    this.store.graph.connect(slotA, slotB)
  }

  /** Removes a connection; a pair that is not linked (an unknown member too) is left alone (docs/spec.md §8). */
  disconnect(a: string, b: string): void {
    const slotA = this.store.slotOf.get(a)
    const slotB = this.store.slotOf.get(b)
    if (slotA !== undefined && slotB !== undefined) this.store.graph.disconnect(slotA, slotB)
  }

  joinGroup(member: string, group: string): void {
    this.store.graph.join(this.slotOf(member), checkGroup(group))
  }

  leaveGroup(member: string, group: string): void {
    const slot = this.store.slotOf.get(member)
    if (slot !== undefined) this.store.graph.leave(slot, checkGroup(group))
  }

  /**
   * Answers a people search with the legacy JSON document (docs/spec.md §5.4): exactly the fields the
   * request's selector names, or `num-results` and `people:(id,first-name,last-name)`. The request
   * is a legacy URL or a `SearchRequestObject`, whose keys and values the compiler checks; the
   * parser checks them again at run time, so untyped input is judged the same way.
   */
  search(request: SearchRequest, options: SearchOptions): SearchResult {
    const { viewer, query, selector } = this.prepare(request, options)
    const context = this.context(viewer, query)
    const answer = execute(query, context)
    const now = this.now().getTime()
    const viewerId = this.store.ids[viewer]
    return renderSearchResult(answer, selector, (id) => {
      const slot = this.store.slotOf.get(id) as number
      const degree = DEGREE_LETTERS[context.view.degreeOf(slot)]
      return {
        profile: this.store.profiles[slot] as Profile,
        context: { degree, now, links: (member) => profileLinks(this.secret, viewerId, member, degree, now) },
      }
    })
  }

  /**
   * What a search found before output formatting: the page of member ids, `numResults`,
   * `total` and the histograms. For callers that render their own documents.
   */
  searchAnswer(request: SearchRequest, options: SearchOptions): SearchAnswer {
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
      timeOf: (profile) => this.history.timeOf(profile),
      versionsOf: (id) => this.history.versionsOf(id),
      store: (profile) => this.add(profile),
    })
  }

  /**
   * The legacy person document of a member for a viewer (docs/spec.md §6.2); `ref` is a member id or a
   * search result's profile link. Members outside the viewer's network need that link's token.
   */
  getPerson(ref: string, options: GetPersonOptions): PersonDocument {
    return getPerson(ref, options, {
      now: this.now().getTime(),
      secret: this.secret,
      profileOf: (id) => this.profileOf(id),
      degreeOf: (viewer, member) => {
        const store = this.store
        const slot = store.slotOf.get(viewer) as number
        // One member's degree: no need to walk the viewer's whole network.
        const degree = this.networks.pointView(slot, store.graph).degreeOf(store.slotOf.get(member) as number)
        return degree === SELF ? 'self' : DEGREE_LETTERS[degree]
      },
    })
  }

  private profileOf(id: string): Profile | undefined {
    const slot = typeof id === 'string' ? this.store.slotOf.get(id) : undefined
    return slot === undefined ? undefined : this.store.profiles[slot]
  }

  // docs/spec.md §8 order: viewer (401), selector (400), parameters (400).
  private prepare(request: SearchRequest, options: SearchOptions) {
    const viewer = this.viewerSlot(options?.viewer)
    let selector: Selector | undefined
    const query = parseSearchRequest(request, (fields) => {
      if (fields === undefined) return
      selector = parseSelector(fields)
      checkSelector(selector)
    })
    return { viewer, query, selector }
  }

  /**
   * Writes every profile, connection and membership to `path` (docs/spec.md §7). The file is replaced
   * only once the new snapshot is complete and flushed.
   */
  save(path: string): Promise<void> {
    return writeSnapshot(path, this.records())
  }

  /** An index with the contents of a snapshot; a truncated or corrupted one is refused whole. */
  static async load(path: string, options: PeopleIndexOptions = {}): Promise<PeopleIndex> {
    const index = new PeopleIndex(options)
    const edges: [string, string][] = []
    const members: [string, string][] = []
    await readSnapshot(path, (record) => {
      if ('profile' in record) index.add(record.profile)
      else if ('edge' in record) edges.push(record.edge)
      else if ('member' in record) members.push(record.member)
    }).catch((error: unknown) => {
      if (error instanceof PeopleSearchError && error.kind === 'badSnapshot') throw error
      fail('snapshot-invalid-record', { path, cause: error })
    })
    try {
      for (const [a, b] of edges) index.connect(a, b)
      for (const [member, group] of members) index.joinGroup(member, group)
    } catch (error) {
      fail('snapshot-invalid-link', { path, cause: error })
    }
    return index
  }

  private *records(): Generator<SnapshotRecord> {
    const { profiles, ids, graph, slotCount } = this.store
    for (let slot = 0; slot < slotCount; slot++) {
      const profile = profiles[slot]
      if (profile !== undefined) yield { profile }
    }
    for (let slot = 0; slot < slotCount; slot++) {
      if (profiles[slot] === undefined) continue
      for (const other of graph.neighboursOf(slot)) if (other > slot) yield { edge: [ids[slot], ids[other]] }
      for (const group of graph.groupsOfMember(slot)) yield { member: [ids[slot], group] }
    }
  }

  private context(viewer: number, query: SearchQuery): ExecutionContext {
    const store = this.store
    const level = store.profiles[viewer]?.accountLevel ?? 'basic'
    return {
      store,
      view: reachesEveryone(query)
        ? this.networks.pointView(viewer, store.graph)
        : this.networks.view(viewer, store.graph, store.slotCount),
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
    const slot = this.store.slotOf.get(viewer)
    if (slot === undefined) fail('unknown-viewer', { viewer })
    return slot
  }

  private slotOf(id: string): number {
    const slot = this.store.slotOf.get(id)
    if (slot === undefined) fail('unknown-member', { member: id })
    return slot
  }

  // Dead slots linger in posting lists; rebuilding from the live profiles drops them.
  private compactIfWasteful(): void {
    const old = this.store
    const dead = old.slotCount - old.liveCount
    if (dead <= old.liveCount + COMPACT_SLACK) return
    const fresh = new IndexStore(this.geocoder)
    const now = this.now().getTime()
    const moved = new Map<number, number>()
    for (let slot = 0; slot < old.slotCount; slot++) {
      const profile = old.profiles[slot]
      if (profile !== undefined) moved.set(slot, fresh.insert(profile, now))
    }
    for (const [from, to] of moved) {
      for (const other of old.graph.neighboursOf(from)) {
        if (other > from) fresh.graph.connect(to, moved.get(other) as number)
      }
      for (const group of old.graph.groupsOfMember(from)) fresh.graph.join(to, group)
    }
    this.store = fresh
    this.networks.clear()
  }
}

function* liveProfiles(store: IndexStore): Generator<Profile> {
  for (let slot = 0; slot < store.slotCount; slot++) {
    const profile = store.profiles[slot]
    if (profile !== undefined) yield profile
  }
}

function recordOf(profile: unknown): string {
  const id = (profile as { id?: unknown } | null)?.id
  return typeof id === 'string' ? `(id "${id}")` : '(without an id)'
}

function checkGroup(group: string): string {
  if (typeof group !== 'string' || group === '') fail('invalid-group', { group })
  return group
}
