import { Buffer } from 'node:buffer'
import { crc32 } from 'node:zlib'
import { SNAPSHOT_FORMAT } from './format.js'

/**
 * Version 3 of the snapshot format: the index's typed arrays and arenas as they lie in memory,
 * written as checksummed sections and read back into `ArrayBuffer`s without analysing a profile
 * again (issue 14). Versions 1 and 2 (JSON lines, format.ts) still load.
 *
 * ```
 * header    the JSON line {"header":{"format":"people-search-snapshot","version":3}} and "\n"
 * preamble  u32 byte-order mark 0x01020304 · u32 section count · u32 CRC-32 of the table · u32 0
 * table     per section: u32 id · u32 CRC-32 of its bytes · f64 its length in bytes
 * sections  their bytes, back to back in table order, up to the end of the file
 * ```
 *
 * The header is a snapshot header like every version's, so tools that tell snapshots by their
 * first line (the CLI's loader) know this one too, and an older release refuses the file as an
 * unsupported version rather than a foreign one. Typed arrays are written in the host's byte
 * order (little-endian on every platform this is built for); a file from a host of the other
 * order fails the byte-order mark. The sections are exactly `SECTIONS`, in that order: a version's
 * layout is fixed, so the table only confirms it, and nothing is read before every length is known
 * to fit in the file.
 */
export const IMAGE_VERSION = 3

/** The first bytes of every version 3 file. */
export const IMAGE_HEADER = Buffer.from(
  `${JSON.stringify({ header: { format: SNAPSHOT_FORMAT, version: IMAGE_VERSION } })}\n`,
  'latin1',
)

/** 0x01020304 as the host writes a uint32: the first bytes after the header. */
export const BYTE_ORDER_MARK = new Uint8Array(new Uint32Array([0x01020304]).buffer)
export const PREAMBLE_BYTES = 16
export const ENTRY_BYTES = 16

/** The element types sections hold. */
export const ELEMENT_TYPES = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f64: Float64Array,
} as const
export type ElementType = keyof typeof ELEMENT_TYPES

/**
 * A section: its name (what it holds, see docs/architecture.md), the type of its elements and,
 * for the arenas' bytes, the section before it whose values are the byte lengths of its pieces
 * (one `ArrayBuffer` each, so no single buffer has to hold an arena of several GiB).
 */
export interface SectionSpec {
  readonly name: string
  readonly type: ElementType
  readonly piecesOf?: string
}

const lists = (name: string): SectionSpec[] => [
  { name: `${name}.present`, type: 'u8' },
  { name: `${name}.offsets`, type: 'f64' },
  { name: `${name}.values`, type: 'u32' },
]
const nameCounts = (name: string): SectionSpec[] => [
  { name: `${name}.firstCounts`, type: 'f64' },
  { name: `${name}.otherIds`, type: 'f64' },
  { name: `${name}.otherCounts`, type: 'f64' },
]
const adjacency = (name: string): SectionSpec[] => [
  { name: `${name}.start`, type: 'u32' },
  { name: `${name}.length`, type: 'u32' },
  { name: `${name}.capacity`, type: 'u32' },
  { name: `${name}.arena`, type: 'u32' },
]
const arena = (name: string): SectionSpec[] => [
  { name: `${name}.chunks`, type: 'f64' },
  { name: `${name}.bytes`, type: 'u8', piecesOf: `${name}.chunks` },
  { name: `${name}.positions`, type: 'f64' },
  { name: `${name}.lengths`, type: 'u32' },
]

/** The numbers of the image, in the `scalars` section, in this order. */
export const SCALARS = [
  'slotCount',
  'liveCount',
  'versionCount',
  'maxItemCount',
  'publicLength',
  'judgedAt',
  'profiles.chunkBytes',
  'graph.version',
  'graph.adjacency.abandoned',
  'graph.groups.abandoned',
] as const

/**
 * The string lists of the image, in the strings pool (`strings.*`) in this order: every string
 * once per list, as UTF-8, or as UTF-16 when it holds a lone surrogate (listed in `strings.wide`).
 */
export const STRING_LISTS = [
  'profiles.strings',
  'vocabulary',
  'nameKeys',
  'locations',
  'industries',
  'orgs',
  'postalCodes',
  'graph.groupIds',
  'locationNames.firstNames',
  'locationNames.otherNames',
  'industryNames.firstNames',
  'industryNames.otherNames',
  'orgNames.0.firstNames',
  'orgNames.0.otherNames',
  'orgNames.1.firstNames',
  'orgNames.1.otherNames',
  'history.strings',
  'history.addedIds',
  'incarnations.ids',
] as const
export type StringListName = (typeof STRING_LISTS)[number]

/** Every section of version 3, in file order. */
export const SECTIONS: readonly SectionSpec[] = [
  { name: 'scalars', type: 'f64' },
  { name: 'strings.counts', type: 'u32' },
  { name: 'strings.ends', type: 'u32' },
  { name: 'strings.wide', type: 'u32' },
  { name: 'strings.bytes', type: 'u8' },
  { name: 'ids.bytes', type: 'u8' },
  { name: 'ids.start', type: 'u32' },
  { name: 'ids.length', type: 'u8' },
  ...arena('profiles'),
  ...(
    [
      ['alive', 'u8'],
      ['numConnections', 'f64'],
      ['numRecommenders', 'f64'],
      ['idKey', 'f64'],
      ['dlPublic', 'u32'],
      ['dlConnections', 'u32'],
      ['firstKey', 'u32'],
      ['lastKey', 'u32'],
      ['location', 'u32'],
      ['country', 'u32'],
      ['industry', 'u32'],
      ['language', 'u8'],
      ['version', 'f64'],
      ['accountLevel', 'u8'],
      ['lat', 'f64'],
      ['lon', 'f64'],
      ['postalKey', 'u32'],
      ['firstItem', 'u32'],
      ['itemCount', 'u32'],
    ] as const
  ).map(([name, type]) => ({ name: `columns.${name}`, type })),
  ...(
    [
      ['slot', 'u32'],
      ['kind', 'u8'],
      ['current', 'u8'],
      ['turn', 'f64'],
      ['visibility', 'u8'],
      ['org', 'u32'],
    ] as const
  ).map(([name, type]) => ({ name: `items.${name}`, type })),
  ...lists('postings'),
  { name: 'postings.tfPublic', type: 'u16' },
  { name: 'postings.tfConnections', type: 'u16' },
  { name: 'postings.publicDocs', type: 'u32' },
  ...lists('itemPostings.c'),
  ...lists('itemPostings.t'),
  ...lists('itemPostings.s'),
  ...lists('firstNameSlots'),
  ...lists('lastNameSlots'),
  { name: 'fullNames.keys', type: 'f64' },
  { name: 'fullNames.values', type: 'u32' },
  { name: 'fullNameNext', type: 'u32' },
  ...nameCounts('locationNames'),
  ...nameCounts('industryNames'),
  ...nameCounts('orgNames.0'),
  ...nameCounts('orgNames.1'),
  { name: 'transitions.instants', type: 'f64' },
  { name: 'transitions.slots', type: 'u32' },
  { name: 'graph.nodeOfSlot', type: 'u32' },
  { name: 'graph.slotOfNode', type: 'i32' },
  { name: 'graph.freeNodes', type: 'u32' },
  ...adjacency('graph.adjacency'),
  ...adjacency('graph.groups'),
  ...arena('history'),
  { name: 'history.times', type: 'f64' },
  { name: 'history.addedTimes', type: 'f64' },
  { name: 'incarnations.counts', type: 'f64' },
]

/** A section's id in the table: its place in `SECTIONS`, from 1. */
export function sectionId(index: number): number {
  return index + 1
}

/** CRC-32 is computed over at most this many bytes per call. */
const CRC_STEP = 1 << 30

/**
 * CRC-32 (zlib's) of `bytes`, continuing from `crc`. The checksum is there to catch what goes
 * wrong by accident (a torn or damaged file), not a crafted one, which can recompute any
 * checksum; references are checked for that (check-image.ts). CRC-32 runs at about 4.5 GB/s
 * here against SHA-256's 1.7 (node /tmp/cksum-bench.mjs), the difference between a 1M-member
 * load inside its 3 s and not.
 */
export function checksum(bytes: Uint8Array, crc: number): number {
  let value = crc
  for (let at = 0; at < bytes.length; at += CRC_STEP) value = crc32(bytes.subarray(at, at + CRC_STEP), value)
  return value
}
