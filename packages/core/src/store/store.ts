import { languageBucket } from '../domain/languages.js'
import type { Geocoder } from '../geo/geocoder.js'
import type { OwnedProfile } from '../model/own-profile.js'
import { PUBLIC } from '../model/visibility.js'
import { type AnalyzedItem, EDUCATION, POSITION, ProfileAnalyzer } from './analyze-profile.js'
import { ACCOUNT_LEVELS, ItemColumns, MemberColumns } from './columns.js'
import { Dictionary } from './dictionary.js'
import { Graph } from './graph.js'
import { ensureCapacity, U32List } from './growable.js'
import { idOrderKey } from './id-order-key.js'
import { IdTable } from './id-table.js'
import { KeyTable } from './key-table.js'
import { ListBits } from './list-bits.js'
import { NameCounts } from './name-counts.js'
import { Posting } from './postings.js'
import { ProfileArena } from './profile-arena.js'
import {
  exportLists,
  exportPostings,
  listsOf,
  postingsOf,
  type StoreExport,
  type StoreImage,
} from './store-image.js'
import { TransitionQueue } from './transitions.js'
import { Vocabulary } from './vocabulary.js'

/** Criteria over positions and educations (docs/spec.md §3.1), each with its own token postings. */
export const COMPANY = 'c'
export const TITLE = 't'
export const SCHOOL = 's'
export type ItemField = typeof COMPANY | typeof TITLE | typeof SCHOOL

/**
 * Everything the index holds, by slot. A slot is one version of one member: a replaced
 * profile gets a new slot and the old one dies, so posting lists only ever grow at the end
 * and stay sorted. Dead slots stay in postings until the index compacts.
 */
export class IndexStore {
  /** Each slot's member id, and each live member's slot. */
  readonly ids = new IdTable()
  /**
   * The index's own copy of each live slot's profile (model/own-profile.ts), encoded: decoded
   * only for the members of a page, lookups, snapshots and re-indexing (issue 14).
   */
  readonly profiles = new ProfileArena()
  readonly columns = new MemberColumns()
  readonly items = new ItemColumns()

  readonly vocabulary = new Vocabulary()
  /** Keyword postings by token id. */
  readonly postings: (Posting | undefined)[] = []
  /** Item ids by token id, per item field: what company/title/school criteria intersect. */
  readonly itemPostings: Record<ItemField, (U32List | undefined)[]> = { c: [], t: [], s: [] }
  /** Bitsets of the long item postings, made when a criterion first asks (list-bits.ts). */
  private readonly itemBits = new WeakMap<U32List, ListBits>()
  readonly nameKeys = new Dictionary()
  readonly firstNameSlots: U32List[] = []
  readonly lastNameSlots: U32List[] = []
  /**
   * The newest slot (plus one) with each full name, chained through `fullNameNext`: a search
   * with both names (the only kind that reaches every member) reads its few matches directly
   * instead of intersecting two lists that each hold every "James" or every "Smith". One table
   * entry and one uint32 per member, in typed arrays, instead of a list object per name pair.
   */
  readonly fullNames = new KeyTable()
  /** For each slot, the previous slot with the same full name, plus one (0 ends the chain). */
  fullNameNext = new Uint32Array(0)

  readonly locations = new Dictionary()
  readonly industries = new Dictionary()
  readonly orgs = new Dictionary()
  readonly postalCodes = new Dictionary()
  readonly locationNames = new NameCounts()
  readonly industryNames = new NameCounts()
  /** Names of companies (positions) and schools (educations), counted over public items only. */
  readonly orgNames = [new NameCounts(), new NameCounts()]

  slotCount = 0
  liveCount = 0
  /** The last member version handed out (`MemberColumns.version`). */
  versionCount = 0
  /** The most positions + educations one member has: the room a facet value buffer needs. */
  maxItemCount = 0
  /** Σ over live members of the weighted length of their public text (BM25 avgdl · N). */
  publicLength = 0
  /**
   * The latest clock any slot was judged at (docs/spec.md §1.1): current flags, title weights and
   * so lengths and frequencies are those of that instant, except where a slot's next transition
   * (queued in `transitions`) has passed since; `rejudge` brings every slot to a search's clock.
   */
  judgedAt = Number.NEGATIVE_INFINITY
  private readonly transitions = new TransitionQueue()

  private readonly analyzer = new ProfileAnalyzer(this.vocabulary)

  /**
   * `graph` is given when a compaction builds this store beside the one it replaces: the graph
   * is in nodes, not slots (graph.ts), so it carries over whole and is renumbered at the end.
   */
  constructor(
    private readonly geocoder: Geocoder,
    readonly graph = new Graph(),
  ) {}

  /**
   * Stores a validated copy in a new slot, judged against the clock `now`, and returns the slot;
   * the caller retires any old slot. `version` is given only when the same version of a member
   * is indexed again (see `MemberColumns.version`). Nothing here throws, so a batch validated first commits whole.
   */
  insert(profile: OwnedProfile, now: number, version = ++this.versionCount): number {
    const slot = this.slotCount++
    const analysis = this.analyzer.analyze(profile, now)
    if (analysis.nextTurn !== Number.POSITIVE_INFINITY) this.transitions.push(analysis.nextTurn, slot)
    if (now > this.judgedAt) this.judgedAt = now
    const { columns } = this
    columns.ensure(this.slotCount)
    this.ids.bind(profile.id, slot)
    columns.idKey[slot] = idOrderKey(profile.id)
    columns.version[slot] = version
    this.profiles.put(slot, profile)

    const { postings } = this
    for (const id of analysis.touched) {
      let posting = postings[id]
      if (posting === undefined) {
        posting = new Posting()
        postings[id] = posting
      }
      posting.push(slot, analysis.tfPublic[id], analysis.tfConnections[id])
    }
    columns.dlPublic[slot] = analysis.dlPublic
    columns.dlConnections[slot] = analysis.dlConnections
    columns.firstKey[slot] = this.nameKeys.intern(analysis.firstKey)
    columns.lastKey[slot] = this.nameKeys.intern(analysis.lastKey)
    slotList(this.firstNameSlots, columns.firstKey[slot]).push(slot)
    slotList(this.lastNameSlots, columns.lastKey[slot]).push(slot)
    const fullName = fullNameKey(columns.firstKey[slot], columns.lastKey[slot])
    this.fullNameNext = ensureCapacity(this.fullNameNext, this.slotCount)
    this.fullNameNext[slot] = this.fullNames.get(fullName)
    this.fullNames.set(fullName, slot + 1)

    columns.numConnections[slot] = profile.numConnections ?? 0
    columns.numRecommenders[slot] = profile.numRecommenders ?? 0
    columns.language[slot] = languageBucket(profile.language)
    columns.accountLevel[slot] = Math.max(0, ACCOUNT_LEVELS.indexOf(profile.accountLevel ?? 'basic'))
    this.storeLocation(slot, profile)
    const industry = profile.industry
    columns.industry[slot] = industry === undefined ? 0 : this.industries.intern(String(industry.code))
    if (industry !== undefined) this.industryNames.add(columns.industry[slot], industry.name, 1)
    this.storeItems(slot, analysis.items)

    columns.alive[slot] = 1
    this.liveCount++
    this.publicLength += analysis.dlPublic
    return slot
  }

  /**
   * Judges every live slot against the clock `now` of a search (docs/spec.md §1.1): each member
   * whose stored current-ness differs at `now` is indexed again from its copy, the path of a
   * replace, so postings, lengths, statistics and item columns stay exact. Forward, only the
   * members whose queued transition `now` has reached; when the clock went back before
   * `judgedAt` (rare), every item whose current-ness depends on a date is looked at. Returns
   * how many members were indexed again (each leaves a dead slot, for compaction to count).
   */
  rejudge(now: number): number {
    // A clock that is not a time (an Invalid Date) judges nothing again.
    if (Number.isNaN(now)) return 0
    const stale: number[] = []
    const { columns, items } = this
    if (now < this.judgedAt) {
      let last = -1
      for (let item = 0; item < items.length; item++) {
        const turn = items.turn[item]
        const slot = items.slot[item]
        if (Number.isNaN(turn) || slot === last || columns.alive[slot] === 0) continue
        if ((turn > now ? 1 : 0) !== items.current[item]) {
          stale.push(slot)
          last = slot
        }
      }
    } else {
      while (this.transitions.peek() <= now) {
        const slot = this.transitions.pop()
        if (columns.alive[slot] === 1) stale.push(slot)
      }
    }
    for (const slot of stale) {
      const fresh = this.insert(this.profiles.get(slot) as OwnedProfile, now, columns.version[slot])
      this.graph.move(slot, fresh)
      this.retire(slot, now)
    }
    this.judgedAt = now
    return stale.length
  }

  /** Marks a slot dead and takes its share out of every statistic and name count. */
  retire(slot: number, now: number): void {
    const profile = this.profiles.get(slot) as OwnedProfile
    const analysis = this.analyzer.analyze(profile, now)
    for (const id of analysis.touched) {
      // Always there for a profile this store indexed; a crafted snapshot's may lack one (issue 14).
      const posting = this.postings[id]
      if (posting !== undefined && analysis.tfPublic[id] > 0) posting.publicDocs--
    }
    const { columns } = this
    if (columns.location[slot] !== 0)
      this.locationNames.add(columns.location[slot], profile.location?.name ?? '', -1)
    if (columns.industry[slot] !== 0)
      this.industryNames.add(columns.industry[slot], profile.industry?.name ?? '', -1)
    this.countOrgNames(slot, analysis.items, -1)
    columns.alive[slot] = 0
    this.profiles.drop(slot)
    this.ids.unbind(profile.id, slot)
    this.liveCount--
    this.publicLength -= columns.dlPublic[slot]
  }

  /** The live slot of member `id` (a valid member id), if any. */
  slotOf(id: string): number | undefined {
    const slot = this.ids.get(id)
    return slot < 0 ? undefined : slot
  }

  /** `list` (one of `itemPostings`) as a bitset of item ids, up to date: read before the store next changes. */
  itemBitsOf(list: U32List): Uint32Array {
    let bits = this.itemBits.get(list)
    if (bits === undefined) {
      bits = new ListBits()
      this.itemBits.set(list, bits)
    }
    return bits.update(list)
  }

  /** Every slot (live or dead) with this full name, ascending. */
  fullNameSlots(firstKey: number, lastKey: number): Uint32Array {
    const slots: number[] = []
    for (
      let link = this.fullNames.get(fullNameKey(firstKey, lastKey));
      link !== 0;
      link = this.fullNameNext[link - 1]
    ) {
      slots.push(link - 1)
    }
    return Uint32Array.from(slots.reverse())
  }

  private storeLocation(slot: number, profile: OwnedProfile): void {
    const { columns } = this
    const location = profile.location
    columns.lat[slot] = Number.NaN
    columns.lon[slot] = Number.NaN
    if (location === undefined) {
      columns.location[slot] = 0
      columns.country[slot] = 0
      columns.postalKey[slot] = 0
      return
    }
    const country = location.code.slice(0, location.code.indexOf(':'))
    columns.location[slot] = this.locations.intern(location.code)
    columns.country[slot] = this.locations.intern(`${country}:0`)
    this.locationNames.add(columns.location[slot], location.name, 1)
    const postal = location.postalCode?.trim()
    columns.postalKey[slot] = postal ? this.postalCodes.intern(postalKey(country, postal)) : 0
    if (location.lat !== undefined && location.lon !== undefined) {
      columns.lat[slot] = location.lat
      columns.lon[slot] = location.lon
    } else if (postal) {
      const point = this.place(country, postal)
      if (point !== undefined) {
        columns.lat[slot] = point.lat
        columns.lon[slot] = point.lon
      }
    }
  }

  // A geocoder is the caller's code: one that throws places nothing, so that `insert` never throws.
  private place(country: string, postal: string): { lat: number; lon: number } | undefined {
    try {
      return this.geocoder.covers(country) ? this.geocoder.locate(country, postal) : undefined
    } catch {
      return undefined
    }
  }

  private storeItems(slot: number, list: AnalyzedItem[]): void {
    const { items, columns } = this
    columns.firstItem[slot] = items.length
    columns.itemCount[slot] = list.length
    if (list.length > this.maxItemCount) this.maxItemCount = list.length
    items.ensure(items.length + list.length)
    for (const item of list) {
      const id = items.length++
      items.slot[id] = slot
      items.kind[id] = item.kind
      items.current[id] = item.current ? 1 : 0
      items.turn[id] = item.turn
      items.visibility[id] = item.visibility
      items.org[id] = item.org === '' ? 0 : this.orgs.intern(item.org)
      if (item.visibility > 1) continue
      const orgField = item.kind === POSITION ? COMPANY : SCHOOL
      for (const token of item.orgTokens) this.itemPosting(orgField, token, id)
      for (const token of item.titleTokens) this.itemPosting(TITLE, token, id)
    }
    this.countOrgNames(slot, list, 1)
  }

  private countOrgNames(slot: number, list: AnalyzedItem[], delta: 1 | -1): void {
    const first = this.columns.firstItem[slot]
    list.forEach((item, i) => {
      const org = this.items.org[first + i]
      if (org !== 0 && item.orgName !== '' && item.visibility === PUBLIC) {
        this.orgNames[item.kind === POSITION ? POSITION : EDUCATION].add(org, item.orgName, delta)
      }
    })
  }

  private itemPosting(field: ItemField, token: number, item: number): void {
    const lists = this.itemPostings[field]
    let list = lists[token]
    if (list === undefined) {
      list = new U32List()
      lists[token] = list
    }
    if (list.last() !== item) list.push(item)
  }

  /**
   * Everything the store holds as a snapshot's image (store-image.ts), taken now, so that later
   * calls change nothing in it: whatever changes in place is copied (columns, the graph, tables);
   * what is only ever appended to is taken by reference with its length (the profile arena's
   * bytes, the strings, posting and name lists: store-image.ts `ListsExport`). Dead slots are in
   * it, as they are here.
   */
  exportImage(): StoreExport {
    const slots = this.slotCount
    return {
      slotCount: slots,
      liveCount: this.liveCount,
      versionCount: this.versionCount,
      maxItemCount: this.maxItemCount,
      publicLength: this.publicLength,
      judgedAt: this.judgedAt,
      ids: this.ids.exportImage(slots),
      profiles: this.profiles.exportImage(slots),
      columns: this.columns.exportImage(slots),
      items: this.items.exportImage(),
      graph: this.graph.exportImage(),
      vocabulary: this.vocabulary.exportImage(),
      postings: exportPostings(this.postings),
      itemPostings: {
        c: exportLists(this.itemPostings.c),
        t: exportLists(this.itemPostings.t),
        s: exportLists(this.itemPostings.s),
      },
      nameKeys: this.nameKeys.exportImage(),
      locations: this.locations.exportImage(),
      industries: this.industries.exportImage(),
      orgs: this.orgs.exportImage(),
      postalCodes: this.postalCodes.exportImage(),
      firstNameSlots: exportLists(this.firstNameSlots),
      lastNameSlots: exportLists(this.lastNameSlots),
      fullNames: this.fullNames.exportImage(),
      fullNameNext: this.fullNameNext.slice(0, slots),
      locationNames: this.locationNames.exportImage(),
      industryNames: this.industryNames.exportImage(),
      orgNames: [this.orgNames[0].exportImage(), this.orgNames[1].exportImage()],
      transitions: this.transitions.exportImage(),
    }
  }

  /**
   * Makes this store, which must be new, hold `image` (its arrays adopted, not copied), so that
   * it answers and changes as the store that exported it would. The caller has checked every
   * bound and reference of the image (snapshot/check-image.ts); what only building the tables
   * finds (two live slots with one id, a dictionary value twice) returns false, and the store
   * must then be dropped. Coordinates are the saved ones: the geocoder is not asked again.
   */
  importImage(image: StoreImage): boolean {
    this.vocabulary.importImage(image.vocabulary)
    if (
      !this.ids.importImage(image.ids, image.columns.alive) ||
      !this.graph.importImage(image.graph) ||
      !this.nameKeys.importImage(image.nameKeys) ||
      !this.locations.importImage(image.locations) ||
      !this.industries.importImage(image.industries) ||
      !this.orgs.importImage(image.orgs) ||
      !this.postalCodes.importImage(image.postalCodes)
    )
      return false
    this.profiles.importImage(image.profiles)
    this.columns.importImage(image.columns)
    this.items.importImage(image.items)
    for (const posting of postingsOf(image.postings)) this.postings.push(posting)
    for (const field of [COMPANY, TITLE, SCHOOL] as const)
      for (const list of listsOf(image.itemPostings[field])) this.itemPostings[field].push(list)
    for (const list of listsOf(image.firstNameSlots)) this.firstNameSlots.push(list as U32List)
    for (const list of listsOf(image.lastNameSlots)) this.lastNameSlots.push(list as U32List)
    this.fullNames.importImage(image.fullNames)
    this.fullNameNext = image.fullNameNext
    this.locationNames.importImage(image.locationNames)
    this.industryNames.importImage(image.industryNames)
    this.orgNames[0].importImage(image.orgNames[0])
    this.orgNames[1].importImage(image.orgNames[1])
    this.transitions.importImage(image.transitions)
    this.slotCount = image.slotCount
    this.liveCount = image.liveCount
    this.versionCount = image.versionCount
    this.maxItemCount = image.maxItemCount
    this.publicLength = image.publicLength
    this.judgedAt = image.judgedAt
    return true
  }
}

/** The key two members share when they are in the same postal code of the same country. */
export function postalKey(country: string, code: string): string {
  return `${country}|${code.trim().toUpperCase()}`
}

function slotList(lists: U32List[], key: number): U32List {
  let list = lists[key]
  if (list === undefined) {
    list = new U32List()
    lists[key] = list
  }
  return list
}

// Exact in a double while name-key ids stay below 2^26 (tens of millions of distinct names).
function fullNameKey(firstKey: number, lastKey: number): number {
  return firstKey * 0x4000000 + lastKey
}
