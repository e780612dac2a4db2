import { Buffer } from 'node:buffer'
import { fail } from '../errors.js'
import type { ProfileHistoryImage } from '../lookup/profile-history.js'
import { utf8Length } from '../store/byte-arena.js'
import {
  type AdjacencyImage,
  type ListsExport,
  type ListsImage,
  listLayout,
  listPieces,
  type NameCountsImage,
  type ProfileArenaImage,
  type StoreExport,
  type StoreImage,
} from '../store/store-image.js'
import {
  ELEMENT_TYPES,
  type ElementType,
  SCALARS,
  SECTIONS,
  STRING_LISTS,
  type StringListName,
} from './binary-format.js'

/** What `save` takes at its call (capture-image.ts): nothing in it changes afterwards. */
export interface Capture {
  readonly store: StoreExport
  readonly history: ProfileHistoryImage
  readonly incarnations: { readonly ids: readonly string[]; readonly counts: Float64Array<ArrayBuffer> }
}

/**
 * The history as a version 3 file holds it: each earlier version a record of an arena of its own
 * (its chunks, possibly with dead records between the live ones), member by member, oldest first.
 * It is the history's own image (lookup/profile-history.ts), written as it is.
 */
export type HistoryRecords = ProfileHistoryImage

/** What a version 3 file holds, as read back (read-image.ts), before its references are checked. */
export interface SnapshotImage {
  readonly store: StoreImage
  readonly history: HistoryRecords
  readonly incarnations: { readonly ids: readonly string[]; readonly counts: Float64Array<ArrayBuffer> }
}

/** A section's content as read: one typed array, or an arena's bytes in pieces. */
export type SectionValue = ArrayBufferView<ArrayBuffer> | readonly Uint8Array[]

/** A section's content to write: one typed array, or pieces written back to back (views, not copies). */
export type SectionPieces = ArrayBufferView | readonly ArrayBufferView[]

/**
 * The sections of `capture` in `SECTIONS` order. The string lists are pooled here, after the call
 * that captured them: strings never change.
 */
export function sectionsOf(capture: Capture): SectionPieces[] {
  const { store, incarnations, history } = capture
  const out = new SectionWriter()
  const scalars: Record<(typeof SCALARS)[number], number> = {
    slotCount: store.slotCount,
    liveCount: store.liveCount,
    versionCount: store.versionCount,
    maxItemCount: store.maxItemCount,
    publicLength: store.publicLength,
    judgedAt: store.judgedAt,
    'profiles.chunkBytes': store.profiles.chunkBytes,
    'graph.version': store.graph.version,
    'graph.adjacency.abandoned': store.graph.adjacency.abandoned,
    'graph.groups.abandoned': store.graph.groups.abandoned,
  }
  out.put(
    'scalars',
    Float64Array.from(SCALARS, (name) => scalars[name]),
  )
  const pool = stringPool({
    'profiles.strings': store.profiles.strings,
    vocabulary: store.vocabulary,
    nameKeys: store.nameKeys,
    locations: store.locations,
    industries: store.industries,
    orgs: store.orgs,
    postalCodes: store.postalCodes,
    'graph.groupIds': store.graph.groupIds,
    'locationNames.firstNames': store.locationNames.firstNames,
    'locationNames.otherNames': store.locationNames.otherNames,
    'industryNames.firstNames': store.industryNames.firstNames,
    'industryNames.otherNames': store.industryNames.otherNames,
    'orgNames.0.firstNames': store.orgNames[0].firstNames,
    'orgNames.0.otherNames': store.orgNames[0].otherNames,
    'orgNames.1.firstNames': store.orgNames[1].firstNames,
    'orgNames.1.otherNames': store.orgNames[1].otherNames,
    'history.strings': history.versions.strings,
    'history.addedIds': history.addedIds,
    'incarnations.ids': incarnations.ids,
  })
  out.put('strings.counts', pool.counts)
  out.put('strings.ends', pool.ends)
  out.put('strings.wide', pool.wide)
  out.put('strings.bytes', pool.bytes)
  out.put('ids.bytes', store.ids.bytes)
  out.put('ids.start', store.ids.start)
  out.put('ids.length', store.ids.length)
  putArena(out, 'profiles', store.profiles)
  for (const [name, column] of Object.entries(store.columns)) out.put(`columns.${name}`, column)
  for (const [name, column] of Object.entries(store.items)) out.put(`items.${name}`, column)
  // Each posting's entries as views: they are written where they lie, never copied into one array.
  const { postings, lengths } = store.postings
  const taken = postings.flatMap((posting, token) =>
    posting === undefined || lengths[token] === 0 ? [] : [{ posting, length: lengths[token] }],
  )
  const layout = listLayout(postings, lengths)
  out.put('postings.present', layout.present)
  out.put('postings.offsets', layout.offsets)
  out.put(
    'postings.values',
    taken.map(({ posting, length }) => posting.slots.subarray(0, length)),
  )
  out.put(
    'postings.tfPublic',
    taken.map(({ posting, length }) => posting.tfPublic.subarray(0, length)),
  )
  out.put(
    'postings.tfConnections',
    taken.map(({ posting, length }) => posting.tfConnections.subarray(0, length)),
  )
  out.put('postings.publicDocs', store.postings.publicDocs)
  putLists(out, 'itemPostings.c', store.itemPostings.c)
  putLists(out, 'itemPostings.t', store.itemPostings.t)
  putLists(out, 'itemPostings.s', store.itemPostings.s)
  putLists(out, 'firstNameSlots', store.firstNameSlots)
  putLists(out, 'lastNameSlots', store.lastNameSlots)
  out.put('fullNames.keys', store.fullNames.keys)
  out.put('fullNames.values', store.fullNames.values)
  out.put('fullNameNext', store.fullNameNext)
  putNameCounts(out, 'locationNames', store.locationNames)
  putNameCounts(out, 'industryNames', store.industryNames)
  putNameCounts(out, 'orgNames.0', store.orgNames[0])
  putNameCounts(out, 'orgNames.1', store.orgNames[1])
  out.put('transitions.instants', store.transitions.instants)
  out.put('transitions.slots', store.transitions.slots)
  out.put('graph.nodeOfSlot', store.graph.nodeOfSlot)
  out.put('graph.slotOfNode', store.graph.slotOfNode)
  out.put('graph.freeNodes', store.graph.freeNodes)
  putAdjacency(out, 'graph.adjacency', store.graph.adjacency)
  putAdjacency(out, 'graph.groups', store.graph.groups)
  putArena(out, 'history', history.versions)
  out.put('history.times', history.times)
  out.put('history.addedTimes', history.addedTimes)
  out.put('incarnations.counts', incarnations.counts)
  return out.done()
}

/**
 * The image `sections` (in `SECTIONS` order, as read-image.ts read them) hold. Only the strings
 * pool is checked here, as it is split into its lists; every other bound and reference is
 * check-image.ts's.
 */
export function imageOf(
  path: string,
  sections: readonly SectionValue[],
  strings: StringLists,
): SnapshotImage {
  const in_ = new SectionReader(sections)
  const scalarValues = in_.take('scalars', 'f64')
  if (scalarValues.length !== SCALARS.length) invalid(path, 'scalars', `${scalarValues.length} values`)
  const scalar = (name: (typeof SCALARS)[number]) => scalarValues[SCALARS.indexOf(name)]
  in_.skip('strings.counts', 'strings.ends', 'strings.wide', 'strings.bytes')
  const ids = {
    bytes: in_.take('ids.bytes', 'u8'),
    start: in_.take('ids.start', 'u32'),
    length: in_.take('ids.length', 'u8'),
  }
  const profiles = { ...takeArena(in_, 'profiles'), chunkBytes: scalar('profiles.chunkBytes') }
  const columns = {
    alive: in_.take('columns.alive', 'u8'),
    numConnections: in_.take('columns.numConnections', 'f64'),
    numRecommenders: in_.take('columns.numRecommenders', 'f64'),
    idKey: in_.take('columns.idKey', 'f64'),
    dlPublic: in_.take('columns.dlPublic', 'u32'),
    dlConnections: in_.take('columns.dlConnections', 'u32'),
    firstKey: in_.take('columns.firstKey', 'u32'),
    lastKey: in_.take('columns.lastKey', 'u32'),
    location: in_.take('columns.location', 'u32'),
    country: in_.take('columns.country', 'u32'),
    industry: in_.take('columns.industry', 'u32'),
    language: in_.take('columns.language', 'u8'),
    version: in_.take('columns.version', 'f64'),
    accountLevel: in_.take('columns.accountLevel', 'u8'),
    lat: in_.take('columns.lat', 'f64'),
    lon: in_.take('columns.lon', 'f64'),
    postalKey: in_.take('columns.postalKey', 'u32'),
    firstItem: in_.take('columns.firstItem', 'u32'),
    itemCount: in_.take('columns.itemCount', 'u32'),
  }
  const items = {
    slot: in_.take('items.slot', 'u32'),
    kind: in_.take('items.kind', 'u8'),
    current: in_.take('items.current', 'u8'),
    turn: in_.take('items.turn', 'f64'),
    visibility: in_.take('items.visibility', 'u8'),
    org: in_.take('items.org', 'u32'),
  }
  const postings = {
    lists: takeLists(in_, 'postings'),
    tfPublic: in_.take('postings.tfPublic', 'u16'),
    tfConnections: in_.take('postings.tfConnections', 'u16'),
    publicDocs: in_.take('postings.publicDocs', 'u32'),
  }
  const itemPostings = {
    c: takeLists(in_, 'itemPostings.c'),
    t: takeLists(in_, 'itemPostings.t'),
    s: takeLists(in_, 'itemPostings.s'),
  }
  const firstNameSlots = takeLists(in_, 'firstNameSlots')
  const lastNameSlots = takeLists(in_, 'lastNameSlots')
  const fullNames = { keys: in_.take('fullNames.keys', 'f64'), values: in_.take('fullNames.values', 'u32') }
  const fullNameNext = in_.take('fullNameNext', 'u32')
  const locationNames = takeNameCounts(in_, 'locationNames', strings)
  const industryNames = takeNameCounts(in_, 'industryNames', strings)
  const orgNames0 = takeNameCounts(in_, 'orgNames.0', strings)
  const orgNames1 = takeNameCounts(in_, 'orgNames.1', strings)
  const transitions = {
    instants: in_.take('transitions.instants', 'f64'),
    slots: in_.take('transitions.slots', 'u32'),
  }
  const graph = {
    nodeOfSlot: in_.take('graph.nodeOfSlot', 'u32'),
    slotOfNode: in_.take('graph.slotOfNode', 'i32'),
    freeNodes: in_.take('graph.freeNodes', 'u32'),
    adjacency: takeAdjacency(in_, 'graph.adjacency', scalar('graph.adjacency.abandoned')),
    groups: takeAdjacency(in_, 'graph.groups', scalar('graph.groups.abandoned')),
    groupIds: strings['graph.groupIds'],
    version: scalar('graph.version'),
  }
  const history: HistoryRecords = {
    versions: { ...takeArena(in_, 'history'), strings: strings['history.strings'] },
    times: in_.take('history.times', 'f64'),
    addedIds: strings['history.addedIds'],
    addedTimes: in_.take('history.addedTimes', 'f64'),
  }
  const incarnations = { ids: strings['incarnations.ids'], counts: in_.take('incarnations.counts', 'f64') }
  in_.end()
  return {
    store: {
      slotCount: scalar('slotCount'),
      liveCount: scalar('liveCount'),
      versionCount: scalar('versionCount'),
      maxItemCount: scalar('maxItemCount'),
      publicLength: scalar('publicLength'),
      judgedAt: scalar('judgedAt'),
      ids,
      profiles: { ...profiles, strings: strings['profiles.strings'] },
      columns,
      items,
      graph,
      vocabulary: strings.vocabulary,
      postings,
      itemPostings,
      nameKeys: strings.nameKeys,
      locations: strings.locations,
      industries: strings.industries,
      orgs: strings.orgs,
      postalCodes: strings.postalCodes,
      firstNameSlots,
      lastNameSlots,
      fullNames,
      fullNameNext,
      locationNames,
      industryNames,
      orgNames: [orgNames0, orgNames1],
      transitions,
    },
    history,
    incarnations,
  }
}

/** The string lists of an image, by name. */
export type StringLists = Record<StringListName, readonly string[]>

/** The strings pool of `sections` (the first five of `SECTIONS`: the scalars, then the pool) split into its lists. */
export function poolOf(path: string, sections: readonly SectionValue[]): StringLists {
  const in_ = new SectionReader(sections)
  in_.take('scalars', 'f64')
  return splitPool(path, {
    counts: in_.take('strings.counts', 'u32'),
    ends: in_.take('strings.ends', 'u32'),
    wide: in_.take('strings.wide', 'u32'),
    bytes: in_.take('strings.bytes', 'u8'),
  })
}

/**
 * The ids and the profile arena of `sections` (the scalars, the pool, the ids and the arena's
 * sections, the first of `SECTIONS`): what the records are checked with (check-image.ts
 * `checkRecords`) before the rest of the file is in.
 */
export function recordsOf(sections: readonly SectionValue[], strings: StringLists) {
  const in_ = new SectionReader(sections)
  const scalars = in_.take('scalars', 'f64')
  in_.skip('strings.counts', 'strings.ends', 'strings.wide', 'strings.bytes')
  const ids = {
    bytes: in_.take('ids.bytes', 'u8'),
    start: in_.take('ids.start', 'u32'),
    length: in_.take('ids.length', 'u8'),
  }
  const arena = takeArena(in_, 'profiles')
  const chunkBytes = scalars[SCALARS.indexOf('profiles.chunkBytes')]
  return { ids, profiles: { ...arena, chunkBytes, strings: strings['profiles.strings'] } }
}

/** A refused image: the catalogue's error naming the section and what is wrong with it. */
export function invalid(path: string, section: string, problem: string): never {
  return fail('snapshot-image-invalid', { path, section, problem })
}

// ——— Writing ———

class SectionWriter {
  private readonly values: SectionPieces[] = []

  put(name: string, value: SectionPieces): void {
    const spec = SECTIONS[this.values.length]
    const pieces: readonly ArrayBufferView[] = Array.isArray(value) ? value : [value as ArrayBufferView]
    // The layout is this file's and binary-format.ts's to agree on; a mismatch is a bug here.
    if (
      spec === undefined ||
      spec.name !== name ||
      (spec.piecesOf !== undefined && !Array.isArray(value)) ||
      !pieces.every((piece) => piece instanceof ELEMENT_TYPES[spec.type])
    )
      fail('internal-error')
    this.values.push(value)
  }

  done(): SectionPieces[] {
    if (this.values.length !== SECTIONS.length) fail('internal-error')
    return this.values
  }
}

/** Lists taken by reference: their layout, and their values as views of the lists. */
function putLists(out: SectionWriter, name: string, lists: ListsExport): void {
  const { present, offsets } = listLayout(lists.lists, lists.lengths)
  out.put(`${name}.present`, present)
  out.put(`${name}.offsets`, offsets)
  out.put(`${name}.values`, listPieces(lists))
}

function putNameCounts(out: SectionWriter, name: string, counts: NameCountsImage): void {
  out.put(`${name}.firstCounts`, counts.firstCounts)
  out.put(`${name}.otherIds`, counts.otherIds)
  out.put(`${name}.otherCounts`, counts.otherCounts)
}

function putAdjacency(out: SectionWriter, name: string, lists: AdjacencyImage): void {
  out.put(`${name}.start`, lists.start)
  out.put(`${name}.length`, lists.length)
  out.put(`${name}.capacity`, lists.capacity)
  out.put(`${name}.arena`, lists.arena)
}

function putArena(out: SectionWriter, name: string, arena: Omit<ProfileArenaImage, 'chunkBytes'>): void {
  out.put(
    `${name}.chunks`,
    Float64Array.from(arena.chunks, (chunk) => chunk.length),
  )
  out.put(`${name}.bytes`, arena.chunks)
  out.put(`${name}.positions`, arena.positions)
  out.put(`${name}.lengths`, arena.lengths)
}

/** Node's native coders, as byte-arena.ts uses them: no argument checks per string of a million. */
type Blob = Buffer & {
  latin1Write(text: string, offset: number, length: number): number
  utf8Write(text: string, offset: number, length: number): number
  utf8Slice(start: number, end: number): string
  ucs2Slice(start: number, end: number): string
}

interface Pool {
  counts: Uint32Array<ArrayBuffer>
  ends: Uint32Array<ArrayBuffer>
  wide: Uint32Array<ArrayBuffer>
  bytes: Uint8Array<ArrayBuffer>
}

/**
 * Every list's strings in one blob: UTF-8 each, or UTF-16 (little-endian) for a string with a
 * lone surrogate, which UTF-8 cannot carry (its index is in `wide`); `ends` are the strings'
 * end offsets in the blob, `counts` how many strings each list of `STRING_LISTS` has.
 */
function stringPool(lists: Record<StringListName, readonly string[]>): Pool {
  let count = 0
  for (const name of STRING_LISTS) count += lists[name].length
  const ends = new Uint32Array(count)
  const wide: number[] = []
  let total = 0
  let at = 0
  for (const name of STRING_LISTS) {
    for (const text of lists[name]) {
      const bytes = utf8Length(text)
      if (bytes < 0) wide.push(at)
      total += bytes < 0 ? text.length * 2 : bytes
      // Offsets are uint32: a pool of 4 GiB would be tens of millions of distinct long strings.
      if (total > 0xffffffff) fail('internal-error')
      ends[at++] = total
    }
  }
  const bytes = new Uint8Array(total)
  const blob = Buffer.from(bytes.buffer, 0, total) as Blob
  at = 0
  let offset = 0
  let nextWide = 0
  for (const name of STRING_LISTS) {
    for (const text of lists[name]) {
      const end = ends[at]
      if (nextWide < wide.length && wide[nextWide] === at) {
        blob.write(text, offset, end - offset, 'utf16le')
        nextWide++
      } else if (end - offset === text.length) blob.latin1Write(text, offset, end - offset)
      else blob.utf8Write(text, offset, end - offset)
      offset = end
      at++
    }
  }
  return {
    counts: Uint32Array.from(STRING_LISTS, (name) => lists[name].length),
    ends,
    wide: Uint32Array.from(wide),
    bytes,
  }
}

// ——— Reading ———

class SectionReader {
  private next = 0

  constructor(private readonly values: readonly SectionValue[]) {}

  take<T extends ElementType>(name: string, type: T): InstanceType<(typeof ELEMENT_TYPES)[T]> {
    const spec = SECTIONS[this.next]
    const value = this.values[this.next++]
    if (spec?.name !== name || spec.type !== type || Array.isArray(value)) fail('internal-error')
    return value as InstanceType<(typeof ELEMENT_TYPES)[T]>
  }

  pieces(name: string): readonly Uint8Array[] {
    const spec = SECTIONS[this.next]
    const value = this.values[this.next++]
    if (spec?.name !== name || !Array.isArray(value)) fail('internal-error')
    return value as readonly Uint8Array[]
  }

  /** Passes over sections another reading took (`poolOf`). */
  skip(...names: string[]): void {
    for (const name of names) if (SECTIONS[this.next++]?.name !== name) fail('internal-error')
  }

  end(): void {
    if (this.next !== SECTIONS.length) fail('internal-error')
  }
}

function takeLists(in_: SectionReader, name: string): ListsImage {
  return {
    present: in_.take(`${name}.present`, 'u8'),
    offsets: in_.take(`${name}.offsets`, 'f64'),
    values: in_.take(`${name}.values`, 'u32'),
  }
}

function takeNameCounts(
  in_: SectionReader,
  name: 'locationNames' | 'industryNames' | 'orgNames.0' | 'orgNames.1',
  strings: Record<StringListName, readonly string[]>,
): NameCountsImage {
  return {
    firstNames: strings[`${name}.firstNames`],
    firstCounts: in_.take(`${name}.firstCounts`, 'f64'),
    otherIds: in_.take(`${name}.otherIds`, 'f64'),
    otherNames: strings[`${name}.otherNames`],
    otherCounts: in_.take(`${name}.otherCounts`, 'f64'),
  }
}

function takeAdjacency(in_: SectionReader, name: string, abandoned: number): AdjacencyImage {
  return {
    start: in_.take(`${name}.start`, 'u32'),
    length: in_.take(`${name}.length`, 'u32'),
    capacity: in_.take(`${name}.capacity`, 'u32'),
    arena: in_.take(`${name}.arena`, 'u32'),
    abandoned,
  }
}

function takeArena(in_: SectionReader, name: string) {
  in_.take(`${name}.chunks`, 'f64')
  return {
    chunks: in_.pieces(`${name}.bytes`),
    positions: in_.take(`${name}.positions`, 'f64'),
    lengths: in_.take(`${name}.lengths`, 'u32'),
  }
}

/** The pool's lists, each string decoded afresh (a flat string of its own, not a slice of the blob). */
function splitPool(path: string, pool: Pool): StringLists {
  const { counts, ends, wide, bytes } = pool
  if (counts.length !== STRING_LISTS.length) invalid(path, 'strings.counts', `${counts.length} lists`)
  let total = 0
  for (let i = 0; i < counts.length; i++) total += counts[i]
  if (total !== ends.length) invalid(path, 'strings.ends', `${ends.length} ends for ${total} strings`)
  for (let i = 0; i < wide.length; i++)
    if (wide[i] >= ends.length || (i > 0 && wide[i] <= wide[i - 1]))
      invalid(path, 'strings.wide', `index ${wide[i]} out of order or range`)
  const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as Blob
  const out = {} as Record<StringListName, string[]>
  let at = 0
  let start = 0
  let nextWide = 0
  STRING_LISTS.forEach((name, list) => {
    const strings: string[] = new Array(counts[list])
    for (let i = 0; i < strings.length; i++, at++) {
      const end = ends[at]
      if (end < start || end > blob.length) invalid(path, 'strings.ends', `end ${end} out of order or range`)
      if (nextWide < wide.length && wide[nextWide] === at) {
        if ((end - start) % 2 !== 0) invalid(path, 'strings.wide', `UTF-16 string of ${end - start} bytes`)
        strings[i] = blob.ucs2Slice(start, end)
        nextWide++
      } else strings[i] = blob.utf8Slice(start, end)
      start = end
    }
    out[name] = strings
  })
  if (start !== blob.length)
    invalid(path, 'strings.bytes', `${blob.length - start} bytes after the last string`)
  return out
}
