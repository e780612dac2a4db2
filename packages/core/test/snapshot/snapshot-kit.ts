import { crc32 } from 'node:zlib'
import type { ProfileHistory } from '../../src/lookup/profile-history.js'
import { PeopleIndex } from '../../src/people-index.js'
import { ENTRY_BYTES, IMAGE_HEADER, PREAMBLE_BYTES, SECTIONS } from '../../src/snapshot/binary-format.js'
import { captureSnapshot } from '../../src/snapshot/capture-snapshot.js'
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js'
import type { IndexStore } from '../../src/store/store.js'
import { flattenExport } from '../../src/store/store-image.js'

/** The parts of an index a snapshot is taken of (private fields, reached for the tests' sake). */
export interface Parts {
  store: IndexStore
  history: ProfileHistory
  incarnations: Map<string, number>
}

export function partsOf(index: PeopleIndex): Parts {
  return index as unknown as Parts
}

/** Everything a version 3 snapshot of `index` would hold, as plain arrays (for deep equality). */
export function imageOf(index: PeopleIndex) {
  const { store, history, incarnations } = partsOf(index)
  return {
    store: flattenExport(store.exportImage()),
    history: history.exportImage(),
    incarnations: [...incarnations],
  }
}

/**
 * Writes a version 2 snapshot (JSON lines) of `index` to `path`, as `save` did before version 3:
 * so tests can check that files of the previous format, of any content, still load.
 */
export function saveVersion2(index: PeopleIndex, path: string): Promise<void> {
  const { store, history, incarnations } = partsOf(index)
  return writeSnapshot(path, captureSnapshot(store, history, incarnations))
}

/** Where each section of a version 3 file lies. */
export function sectionsOfFile(file: Uint8Array): Map<string, { offset: number; length: number }> {
  const view = Buffer.from(file.buffer, file.byteOffset, file.length)
  const out = new Map<string, { offset: number; length: number }>()
  let offset = IMAGE_HEADER.length + PREAMBLE_BYTES + ENTRY_BYTES * SECTIONS.length
  SECTIONS.forEach((spec, i) => {
    const length = view.readDoubleLE(IMAGE_HEADER.length + PREAMBLE_BYTES + i * ENTRY_BYTES + 8)
    out.set(spec.name, { offset, length })
    offset += length
  })
  return out
}

/**
 * A version 3 file whose section `name` is replaced by `bytes` (any length), with its table and
 * every checksum made right again: what a crafted file looks like to a loader.
 */
export function withSection(file: Uint8Array, name: string, bytes: Uint8Array): Buffer {
  const sections = sectionsOfFile(file)
  const tableAt = IMAGE_HEADER.length + PREAMBLE_BYTES
  const parts: Uint8Array[] = []
  const head = Buffer.from(file.subarray(0, tableAt + ENTRY_BYTES * SECTIONS.length))
  SECTIONS.forEach((spec, i) => {
    const { offset, length } = sections.get(spec.name) as { offset: number; length: number }
    const content = spec.name === name ? bytes : file.subarray(offset, offset + length)
    head.writeUInt32LE(crc32(content), tableAt + i * ENTRY_BYTES + 4)
    head.writeDoubleLE(content.length, tableAt + i * ENTRY_BYTES + 8)
    parts.push(content)
  })
  head.writeUInt32LE(crc32(head.subarray(tableAt)), IMAGE_HEADER.length + 8)
  return Buffer.concat([head, ...parts])
}

/** The bytes of section `name` of a version 3 file: a copy, in an `ArrayBuffer` of its own (never Node's pool). */
export function sectionBytes(file: Uint8Array, name: string): Buffer {
  const { offset, length } = sectionsOfFile(file).get(name) as { offset: number; length: number }
  const copy = new Uint8Array(length)
  copy.set(file.subarray(offset, offset + length))
  return Buffer.from(copy.buffer)
}

/** A small index with some of everything a snapshot holds: dead slots, edges, groups, history, incarnations. */
export function smallWorld(): PeopleIndex {
  let time = Date.parse('2026-01-01T00:00:00Z')
  const index = new PeopleIndex({ now: () => new Date(time) })
  index.add([
    {
      id: 'ann',
      firstName: 'Ann',
      lastName: 'Lee',
      headline: 'Java developer',
      publicProfileUrl: 'https://www.linkedin.com/in/ann',
    },
    {
      id: 'bob',
      firstName: 'Bob',
      lastName: 'Ray',
      updatedAt: '2025-12-01T00:00:00Z',
      location: { name: 'San Francisco', code: 'us:84', postalCode: '94103' },
      positions: [
        { title: 'CEO', company: { id: 'acme', name: 'Acme' }, startDate: { year: 2020 }, isCurrent: true },
      ],
      educations: [{ school: { id: 'mit', name: 'MIT' }, startDate: { year: 2010 } }],
      skills: ['java', 'π'],
      visibility: { positions: 'connections' },
    },
    {
      id: 'cy',
      firstName: 'Cy',
      lastName: 'Do',
      headline: 'lone \uD800 surrogate',
      industry: { code: 4, name: 'Software' },
    },
  ])
  time += 86_400_000
  index.add({
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    headline: 'Java architect',
    positions: [{ title: 'Architect', company: { id: 'acme', name: 'Acme' }, isCurrent: true }],
  })
  index.connect('ann', 'bob')
  index.connectMany([['bob', 'cy']])
  index.joinGroup('ann', 'g1')
  index.joinGroup('cy', 'g1')
  index.remove('cy')
  index.add({ id: 'cy', firstName: 'Cy', lastName: 'Do' })
  return index
}
