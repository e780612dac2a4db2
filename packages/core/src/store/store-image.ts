import type { AdjacencyImage } from './adjacency.js'
import type { ItemColumnsImage, MemberColumnsImage } from './columns.js'
import type { GraphImage } from './graph.js'
import { U32List } from './growable.js'
import type { IdTableImage } from './id-table.js'
import type { KeyTableImage } from './key-table.js'
import type { NameCountsImage } from './name-counts.js'
import { Posting } from './postings.js'
import type { ProfileArenaImage } from './profile-arena.js'
import type { TransitionsImage } from './transitions.js'

export type {
  AdjacencyImage,
  GraphImage,
  IdTableImage,
  ItemColumnsImage,
  KeyTableImage,
  MemberColumnsImage,
  NameCountsImage,
  ProfileArenaImage,
  TransitionsImage,
}

/**
 * One list per key (a token's item ids, a name's slots), flattened into one array: key k's list
 * is `values[offsets[k] … offsets[k + 1])`, and `present[k]` is 0 where the key has no list at
 * all (which the store tells apart from an empty one).
 */
export interface ListsImage {
  readonly present: Uint8Array<ArrayBuffer>
  /** `present.length + 1` ascending offsets, from 0 to `values.length`. */
  readonly offsets: Float64Array<ArrayBuffer>
  readonly values: Uint32Array<ArrayBuffer>
}

/** Keyword postings by token id, flattened as `ListsImage` (the slots), with their frequencies beside. */
export interface PostingsImage {
  readonly lists: ListsImage
  readonly tfPublic: Uint16Array<ArrayBuffer>
  readonly tfConnections: Uint16Array<ArrayBuffer>
  /** Per token id, `Posting.publicDocs` (0 where there is no posting). */
  readonly publicDocs: Uint32Array<ArrayBuffer>
}

/**
 * Everything an `IndexStore` holds, as plain typed arrays, string lists and numbers: what a
 * version 3 snapshot writes (snapshot/binary-format.ts) and what `IndexStore.importImage` takes
 * back without analysing a profile again. Hash tables that cost as much to check as to build
 * (the id table, the vocabulary's and the dictionaries') are not part of it: they are built again
 * from the keys by id.
 */
export interface StoreImage {
  readonly slotCount: number
  readonly liveCount: number
  readonly versionCount: number
  readonly maxItemCount: number
  readonly publicLength: number
  readonly judgedAt: number
  readonly ids: IdTableImage
  readonly profiles: ProfileArenaImage
  readonly columns: MemberColumnsImage
  readonly items: ItemColumnsImage
  readonly graph: GraphImage
  readonly vocabulary: readonly string[]
  readonly postings: PostingsImage
  readonly itemPostings: { readonly c: ListsImage; readonly t: ListsImage; readonly s: ListsImage }
  readonly nameKeys: readonly string[]
  readonly locations: readonly string[]
  readonly industries: readonly string[]
  readonly orgs: readonly string[]
  readonly postalCodes: readonly string[]
  readonly firstNameSlots: ListsImage
  readonly lastNameSlots: ListsImage
  readonly fullNames: KeyTableImage
  readonly fullNameNext: Uint32Array<ArrayBuffer>
  readonly locationNames: NameCountsImage
  readonly industryNames: NameCountsImage
  readonly orgNames: readonly [NameCountsImage, NameCountsImage]
  readonly transitions: TransitionsImage
}

/**
 * Lists taken at a moment by reference (`IndexStore.exportImage`): a list is only ever appended
 * to, so its entries below the length taken then never change, and reading them later (when a
 * snapshot is written) gives the list as it was. A list replaced since (a compaction builds new
 * ones) is left as it was by the store that replaced it.
 */
export interface ListsExport {
  readonly lists: readonly (U32List | undefined)[]
  readonly lengths: Uint32Array<ArrayBuffer>
}

/** Postings taken at a moment by reference (as `ListsExport`), with their `publicDocs` copied. */
export interface PostingsExport {
  readonly postings: readonly (Posting | undefined)[]
  readonly lengths: Uint32Array<ArrayBuffer>
  readonly publicDocs: Uint32Array<ArrayBuffer>
}

/** What `IndexStore.exportImage` gives: a `StoreImage` whose lists are still the store's own, by reference. */
export type StoreExport = Omit<
  StoreImage,
  'postings' | 'itemPostings' | 'firstNameSlots' | 'lastNameSlots'
> & {
  readonly postings: PostingsExport
  readonly itemPostings: { readonly c: ListsExport; readonly t: ListsExport; readonly s: ListsExport }
  readonly firstNameSlots: ListsExport
  readonly lastNameSlots: ListsExport
}

/** The lists and their lengths, now. */
export function exportLists(lists: readonly (U32List | undefined)[]): ListsExport {
  return { lists: lists.slice(), lengths: Uint32Array.from(lists, (list) => list?.length ?? 0) }
}

/** The postings, their lengths and `publicDocs`, now. */
export function exportPostings(postings: readonly (Posting | undefined)[]): PostingsExport {
  return {
    postings: postings.slice(),
    lengths: Uint32Array.from(postings, (posting) => posting?.length ?? 0),
    publicDocs: Uint32Array.from(postings, (posting) => posting?.publicDocs ?? 0),
  }
}

/** `image` with its lists flattened into arrays of their own (what a snapshot file holds). */
export function flattenExport(image: StoreExport): StoreImage {
  return {
    ...image,
    postings: flattenPostings(image.postings),
    itemPostings: {
      c: flattenLists(image.itemPostings.c),
      t: flattenLists(image.itemPostings.t),
      s: flattenLists(image.itemPostings.s),
    },
    firstNameSlots: flattenLists(image.firstNameSlots),
    lastNameSlots: flattenLists(image.lastNameSlots),
  }
}

/** The values of the lists of `image`, as views of their first `lengths[key]` entries. */
export function listPieces(image: ListsExport): Uint32Array[] {
  const out: Uint32Array[] = []
  image.lists.forEach((list, key) => {
    if (list !== undefined && image.lengths[key] > 0) out.push(list.data.subarray(0, image.lengths[key]))
  })
  return out
}

/** The key offsets and presence flags of lists taken by reference, as `ListsImage` has them. */
export function listLayout(
  lists: readonly unknown[],
  lengths: Uint32Array,
): { present: Uint8Array<ArrayBuffer>; offsets: Float64Array<ArrayBuffer> } {
  const present = Uint8Array.from(lists, (list) => (list === undefined ? 0 : 1))
  const offsets = new Float64Array(lists.length + 1)
  for (let key = 0; key < lists.length; key++) offsets[key + 1] = offsets[key] + lengths[key]
  return { present, offsets }
}

/** Lists taken by reference, flattened into one copy (see `ListsImage`). */
function flattenLists(image: ListsExport): ListsImage {
  const { present, offsets } = listLayout(image.lists, image.lengths)
  const values = new Uint32Array(offsets[offsets.length - 1])
  let at = 0
  for (const piece of listPieces(image)) {
    values.set(piece, at)
    at += piece.length
  }
  return { present, offsets, values }
}

/**
 * The lists of `image`, each a view of its part of `image.values` holding exactly its values, so
 * that the first push past it moves the list to an array of its own (growable.ts `U32List.push`).
 */
export function listsOf(image: ListsImage): (U32List | undefined)[] {
  const { present, offsets, values } = image
  const out: (U32List | undefined)[] = new Array(present.length)
  for (let key = 0; key < present.length; key++) {
    if (present[key] === 0) continue
    const list = new U32List(0)
    list.data = values.subarray(offsets[key], offsets[key + 1])
    list.length = list.data.length
    out[key] = list
  }
  return out
}

/** Postings taken by reference, flattened into one copy (see `PostingsImage`). */
function flattenPostings(image: PostingsExport): PostingsImage {
  const { present, offsets } = listLayout(image.postings, image.lengths)
  const total = offsets[offsets.length - 1]
  const slots = new Uint32Array(total)
  const tfPublic = new Uint16Array(total)
  const tfConnections = new Uint16Array(total)
  for (let token = 0; token < image.postings.length; token++) {
    const posting = image.postings[token]
    const length = image.lengths[token]
    if (posting === undefined || length === 0) continue
    const at = offsets[token]
    slots.set(posting.slots.subarray(0, length), at)
    tfPublic.set(posting.tfPublic.subarray(0, length), at)
    tfConnections.set(posting.tfConnections.subarray(0, length), at)
  }
  return { lists: { present, offsets, values: slots }, tfPublic, tfConnections, publicDocs: image.publicDocs }
}

/** The postings of `image`, each viewing exactly its part of the image's arrays (as `listsOf`). */
export function postingsOf(image: PostingsImage): (Posting | undefined)[] {
  const { present, offsets, values } = image.lists
  const out: (Posting | undefined)[] = new Array(present.length)
  for (let token = 0; token < present.length; token++) {
    if (present[token] === 0) continue
    const from = offsets[token]
    const to = offsets[token + 1]
    const posting = new Posting()
    posting.slots = values.subarray(from, to)
    posting.tfPublic = image.tfPublic.subarray(from, to)
    posting.tfConnections = image.tfConnections.subarray(from, to)
    posting.length = to - from
    posting.publicDocs = image.publicDocs[token]
    out[token] = posting
  }
  return out
}
