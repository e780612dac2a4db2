import type { FileHandle } from 'node:fs/promises'
import type { ProfileHistory } from '../lookup/profile-history.js'
import { isMemberId } from '../model/member-id.js'
import type { IndexStore } from '../store/store.js'
import { SECTIONS } from './binary-format.js'
import { checkImage } from './check-image.js'
import { RecordsCheck } from './check-records.js'
import {
  imageOf,
  invalid,
  poolOf,
  recordsOf,
  type SectionValue,
  type SnapshotImage,
} from './image-sections.js'
import { ImageReader } from './read-image.js'

/** Where a version 3 snapshot goes: the new, empty parts of a fresh index. */
export interface ImageTarget {
  readonly store: IndexStore
  readonly history: ProfileHistory
  readonly incarnations: Map<string, number>
}

/** The sections the records are checked with, read first: the scalars, the strings pool, the ids and the profile arena. */
const RECORD_SECTIONS = SECTIONS.findIndex((spec) => spec.name === 'profiles.lengths') + 1
/** From this size on the records are checked in a worker thread (check-records.ts). */
const ASIDE_BYTES = 64 * 1024 * 1024
/** The records' bytes: checksummed where the records are checked (check-records.ts). */
const RECORD_BYTES = SECTIONS.findIndex((spec) => spec.name === 'profiles.bytes')

/**
 * Loads the version 3 snapshot open as `handle` into `target`: every section read and its
 * checksum checked (read-image.ts), every bound and reference checked (check-image.ts), then the
 * store's arrays adopted as they are (store.ts `importImage`: no profile analysed, encoded or
 * validated again; the coordinates are the saving index's, its geocoder is not asked), the
 * earlier versions' records adopted as they are too (only each one's id read, to find its
 * member, who must be current), the incarnations set. The profile records,
 * the largest part to check, are checked as soon as their sections are in, while the thread pool
 * reads the rest of the file. Refusals are `badSnapshot` errors; the caller drops the target
 * then, so nothing is half-loaded.
 */
export async function loadImage(
  path: string,
  handle: FileHandle,
  size: number,
  target: ImageTarget,
): Promise<void> {
  const records = new RecordsCheck(size >= ASIDE_BYTES)
  try {
    const reader = await ImageReader.open(path, handle, size)
    try {
      // Every section but the records' bytes is checksummed here as it arrives.
      for (let i = 0; i < SECTIONS.length; i++) if (i !== RECORD_BYTES) void reader.section(i).catch(() => {})
      const sections: SectionValue[] = []
      let crc = 0
      while (sections.length < RECORD_SECTIONS) {
        if (sections.length !== RECORD_BYTES) sections.push(await reader.section(sections.length))
        else {
          const bytes = await reader.unchecked(RECORD_BYTES)
          sections.push(bytes.value)
          crc = bytes.crc
        }
      }
      const strings = poolOf(path, sections)
      const { ids, profiles } = recordsOf(sections, strings)
      // The records are checked aside (a worker) while this thread checks and imports the rest.
      const checked = records.check({ path, ids, profiles, section: SECTIONS[RECORD_BYTES].name, crc })
      checked.catch(() => {})
      const image = imageOf(path, await all(reader, sections), strings)
      checkImage(path, image)
      const { store } = target
      if (!store.importImage(image.store))
        invalid(path, 'ids', 'two live slots of one member, or a dictionary holding a value twice')
      checkAdded(path, image, store)
      const stranger = target.history.importImage(image.history, (id) => store.slotOf(id) !== undefined)
      if (stranger !== undefined)
        invalid(path, 'history.bytes', `a version of member ${stranger}, who is not in the snapshot`)
      const incarnations = image.incarnations
      for (let i = 0; i < incarnations.ids.length; i++)
        target.incarnations.set(incarnations.ids[i], incarnations.counts[i])
      // Nothing is used before the records pass: the caller drops the target when they do not.
      await checked
    } finally {
      await reader.settle()
    }
  } finally {
    await records.close()
  }
}

/** `sections` completed with every later section, in order. */
async function all(reader: ImageReader, sections: SectionValue[]): Promise<SectionValue[]> {
  while (sections.length < SECTIONS.length) sections.push(await reader.section(sections.length))
  return sections
}

/** Each add time must be of a current member. */
function checkAdded(path: string, image: SnapshotImage, store: IndexStore): void {
  for (const id of image.history.addedIds)
    if (!isLive(store, id))
      invalid(path, 'history.addedIds', `member ${JSON.stringify(id).slice(0, 80)}, not in the snapshot`)
}

/** Whether `id` is a member id with a live slot (the id table takes member ids only). */
function isLive(store: IndexStore, id: string): boolean {
  return isMemberId(id) && store.slotOf(id) !== undefined
}
