import type { AccountLevel } from '../model/profile.js'
import { ensureCapacity } from './growable.js'

/** Account levels by their code in `MemberColumns.accountLevel` (an absent level is basic). */
export const ACCOUNT_LEVELS: readonly AccountLevel[] = ['basic', 'business', 'business-plus', 'executive']

/**
 * Per-member attributes in typed arrays indexed by slot, so sorting and filtering a million
 * members reads flat memory instead of chasing profile objects. Ids of 0 mean "none".
 */
export class MemberColumns {
  alive = new Uint8Array(0)
  numConnections = new Float64Array(0)
  numRecommenders = new Float64Array(0)
  /** The id's order among ids (store/id-order-key.ts), for the tie-break of every sort. */
  idKey = new Float64Array(0)
  /** Weighted lengths of public and connections-only searchable text (BM25 dl). */
  dlPublic = new Uint32Array(0)
  dlConnections = new Uint32Array(0)
  firstKey = new Uint32Array(0)
  lastKey = new Uint32Array(0)
  /** Location code (`us:84`) and its country bucket (`us:0`), ids in the location dictionary. */
  location = new Uint32Array(0)
  country = new Uint32Array(0)
  industry = new Uint32Array(0)
  language = new Uint8Array(0)
  /**
   * Which version of its member the slot holds: a number new at each `add` of the member and
   * kept when the same version is indexed again (re-judged, compacted). Profiles are decoded
   * afresh at each read, so a version is told by this number, never by object identity.
   */
  version = new Float64Array(0)
  /** The index in `ACCOUNT_LEVELS` of the member's level: a viewer's cap without a decode. */
  accountLevel = new Uint8Array(0)
  /** The member's point for distance searches; NaN when it has none. */
  lat = new Float64Array(0)
  lon = new Float64Array(0)
  postalKey = new Uint32Array(0)
  /** The member's positions and educations: items firstItem … firstItem + itemCount − 1. */
  firstItem = new Uint32Array(0)
  itemCount = new Uint32Array(0)

  ensure(capacity: number): void {
    if (capacity <= this.alive.length) return
    this.alive = ensureCapacity(this.alive, capacity)
    this.numConnections = ensureCapacity(this.numConnections, capacity)
    this.numRecommenders = ensureCapacity(this.numRecommenders, capacity)
    this.idKey = ensureCapacity(this.idKey, capacity)
    this.dlPublic = ensureCapacity(this.dlPublic, capacity)
    this.dlConnections = ensureCapacity(this.dlConnections, capacity)
    this.firstKey = ensureCapacity(this.firstKey, capacity)
    this.lastKey = ensureCapacity(this.lastKey, capacity)
    this.location = ensureCapacity(this.location, capacity)
    this.country = ensureCapacity(this.country, capacity)
    this.industry = ensureCapacity(this.industry, capacity)
    this.language = ensureCapacity(this.language, capacity)
    this.accountLevel = ensureCapacity(this.accountLevel, capacity)
    this.version = ensureCapacity(this.version, capacity)
    this.lat = ensureCapacity(this.lat, capacity)
    this.lon = ensureCapacity(this.lon, capacity)
    this.postalKey = ensureCapacity(this.postalKey, capacity)
    this.firstItem = ensureCapacity(this.firstItem, capacity)
    this.itemCount = ensureCapacity(this.itemCount, capacity)
  }

  /** Slots 0 … `slots` − 1 of every column, copied (a snapshot's image). */
  exportImage(slots: number): MemberColumnsImage {
    return {
      alive: this.alive.slice(0, slots),
      numConnections: this.numConnections.slice(0, slots),
      numRecommenders: this.numRecommenders.slice(0, slots),
      idKey: this.idKey.slice(0, slots),
      dlPublic: this.dlPublic.slice(0, slots),
      dlConnections: this.dlConnections.slice(0, slots),
      firstKey: this.firstKey.slice(0, slots),
      lastKey: this.lastKey.slice(0, slots),
      location: this.location.slice(0, slots),
      country: this.country.slice(0, slots),
      industry: this.industry.slice(0, slots),
      language: this.language.slice(0, slots),
      version: this.version.slice(0, slots),
      accountLevel: this.accountLevel.slice(0, slots),
      lat: this.lat.slice(0, slots),
      lon: this.lon.slice(0, slots),
      postalKey: this.postalKey.slice(0, slots),
      firstItem: this.firstItem.slice(0, slots),
      itemCount: this.itemCount.slice(0, slots),
    }
  }

  /** Takes the columns of `image` (all of one length; checked by the caller) as they are. */
  importImage(image: MemberColumnsImage): void {
    this.alive = image.alive
    this.numConnections = image.numConnections
    this.numRecommenders = image.numRecommenders
    this.idKey = image.idKey
    this.dlPublic = image.dlPublic
    this.dlConnections = image.dlConnections
    this.firstKey = image.firstKey
    this.lastKey = image.lastKey
    this.location = image.location
    this.country = image.country
    this.industry = image.industry
    this.language = image.language
    this.version = image.version
    this.accountLevel = image.accountLevel
    this.lat = image.lat
    this.lon = image.lon
    this.postalKey = image.postalKey
    this.firstItem = image.firstItem
    this.itemCount = image.itemCount
  }
}

/** Every column of `MemberColumns`, as `exportImage` gives them. */
export type MemberColumnsImage = {
  readonly [K in keyof MemberColumns as MemberColumns[K] extends ArrayBufferView
    ? K
    : never]: MemberColumns[K]
}

/** Per-item attributes (positions and educations of every member), indexed by item id. */
export class ItemColumns {
  slot = new Uint32Array(0)
  kind = new Uint8Array(0)
  /** 1 when current at the store's `judgedAt` (docs/spec.md §1.1). */
  current = new Uint8Array(0)
  /** When `current` flips with the clock (model/current.ts `positionTurn`); NaN when never. */
  turn = new Float64Array(0)
  visibility = new Uint8Array(0)
  /** Company or school id in the org dictionary; 0 when the item has none. */
  org = new Uint32Array(0)
  length = 0

  ensure(capacity: number): void {
    if (capacity <= this.slot.length) return
    this.slot = ensureCapacity(this.slot, capacity)
    this.kind = ensureCapacity(this.kind, capacity)
    this.current = ensureCapacity(this.current, capacity)
    this.turn = ensureCapacity(this.turn, capacity)
    this.visibility = ensureCapacity(this.visibility, capacity)
    this.org = ensureCapacity(this.org, capacity)
  }

  /** Items 0 … `length` − 1 of every column, copied (a snapshot's image). */
  exportImage(): ItemColumnsImage {
    const n = this.length
    return {
      slot: this.slot.slice(0, n),
      kind: this.kind.slice(0, n),
      current: this.current.slice(0, n),
      turn: this.turn.slice(0, n),
      visibility: this.visibility.slice(0, n),
      org: this.org.slice(0, n),
    }
  }

  /** Takes the columns of `image` (all of one length; checked by the caller) as they are. */
  importImage(image: ItemColumnsImage): void {
    this.slot = image.slot
    this.kind = image.kind
    this.current = image.current
    this.turn = image.turn
    this.visibility = image.visibility
    this.org = image.org
    this.length = image.slot.length
  }
}

/** Every column of `ItemColumns`, as `exportImage` gives them. */
export type ItemColumnsImage = {
  readonly [K in keyof ItemColumns as ItemColumns[K] extends ArrayBufferView ? K : never]: ItemColumns[K]
}
