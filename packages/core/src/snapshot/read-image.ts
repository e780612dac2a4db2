import { Buffer } from 'node:buffer'
import type { FileHandle } from 'node:fs/promises'
import { fail } from '../errors.js'
import {
  BYTE_ORDER_MARK,
  checksum,
  ELEMENT_TYPES,
  ENTRY_BYTES,
  IMAGE_HEADER,
  PREAMBLE_BYTES,
  SECTIONS,
  sectionId,
} from './binary-format.js'
import type { SectionValue } from './image-sections.js'

/** One `read` call reads at most this much, so that a large section is read by several threads at once. */
const READ_BYTES = 64 * 1024 * 1024
/** Pieces an arena may have: a position holds its chunk in 21 bits (byte-arena.ts). */
const MAX_PIECES = 2 ** 21
/** The largest piece: a chunk's offset is 32 bits. */
const MAX_PIECE_BYTES = 2 ** 32 - 1

/**
 * Reads the sections of the version 3 snapshot open as `handle` (`size` bytes, binary-format.ts),
 * each into an `ArrayBuffer` of its own (an arena's bytes into one per piece). `open` checks the
 * header, the byte-order mark, the table's checksum and the table itself (every section of the
 * layout in order, each a whole number of its elements), and that the lengths add up to the
 * file's size exactly, before anything is allocated: a damaged file never makes it allocate more
 * than the file holds. Then it starts every read at once, positioned, in pieces of 64 MiB, so
 * that the file is read by the thread pool while the caller checks what has arrived; `section(i)`
 * gives section i once its checksum is checked. Files of any size load: no buffer holds more than
 * a section, no call reads more than 64 MiB. Refusals are `badSnapshot` errors. `settle` must be
 * awaited before the handle is closed, whatever happened: reads may still be under way.
 */
export class ImageReader {
  /** Each section as read, its checksum not yet checked. */
  private readonly raw: Promise<SectionValue>[] = []
  /** Each section with its checksum checked, once asked for (`section`). */
  private readonly checked: (Promise<SectionValue> | undefined)[] = []
  private readonly reads: Promise<unknown>[] = []

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    lengths: readonly number[],
    private readonly crcs: readonly number[],
    sizes: ReadonlyMap<number, Float64Array>,
  ) {
    let position = IMAGE_HEADER.length + PREAMBLE_BYTES + ENTRY_BYTES * SECTIONS.length
    SECTIONS.forEach((spec, i) => {
      const at = position
      const length = lengths[i]
      // In file order: the thread pool reads the sections the caller needs first, first.
      const value =
        spec.piecesOf === undefined
          ? this.readArray(spec.type, length, at)
          : this.readPieces(sizes.get(i) as Float64Array, at)
      // Never an unhandled rejection, whether or not anyone awaits this section.
      value.catch(() => {})
      this.raw.push(value)
      this.checked.push(undefined)
      position += length
    })
  }

  /** Checks the head and the table of the file, and starts reading every section. */
  static async open(path: string, handle: FileHandle, size: number): Promise<ImageReader> {
    const tableBytes = ENTRY_BYTES * SECTIONS.length
    const headBytes = IMAGE_HEADER.length + PREAMBLE_BYTES + tableBytes
    if (size < headBytes) fail('snapshot-image-size', { path, size, expected: headBytes })
    const head = Buffer.alloc(headBytes)
    await readFully(path, handle, head, 0)
    if (!head.subarray(0, IMAGE_HEADER.length).equals(IMAGE_HEADER))
      fail('snapshot-image-table', { path, problem: 'no version 3 header' })
    const preamble = head.subarray(IMAGE_HEADER.length)
    if (!preamble.subarray(0, 4).equals(BYTE_ORDER_MARK))
      fail('snapshot-image-table', { path, problem: 'written on a host of the other byte order, or damaged' })
    const count = preamble.readUInt32LE(4)
    if (count !== SECTIONS.length || preamble.readUInt32LE(12) !== 0)
      fail('snapshot-image-table', {
        path,
        problem: `${count} sections where version 3 has ${SECTIONS.length}`,
      })
    const table = preamble.subarray(PREAMBLE_BYTES)
    if (checksum(table, 0) !== preamble.readUInt32LE(8))
      fail('snapshot-image-checksum', { path, section: 'table' })
    const lengths: number[] = []
    const crcs: number[] = []
    let expected = headBytes
    SECTIONS.forEach((spec, i) => {
      const at = i * ENTRY_BYTES
      const length = table.readDoubleLE(at + 8)
      if (
        table.readUInt32LE(at) !== sectionId(i) ||
        !Number.isSafeInteger(length) ||
        length < 0 ||
        length % ELEMENT_TYPES[spec.type].BYTES_PER_ELEMENT !== 0
      )
        fail('snapshot-image-table', { path, problem: `entry ${i + 1} (${spec.name})` })
      lengths.push(length)
      crcs.push(table.readUInt32LE(at + 4))
      expected += length
    })
    if (expected !== size) fail('snapshot-image-size', { path, size, expected })
    // The sizes of the arenas' pieces first (a few bytes each), so that every read can start at once.
    const sizes = new Map<number, Float64Array>()
    const offsets = [headBytes]
    for (const length of lengths) offsets.push(offsets[offsets.length - 1] + length)
    for (let i = 0; i < SECTIONS.length; i++) {
      const of = SECTIONS[i].piecesOf
      if (of === undefined) continue
      const at = SECTIONS.findIndex((spec) => spec.name === of)
      const bytes = new Uint8Array(lengths[at])
      await readFully(path, handle, bytes, offsets[at])
      if (checksum(bytes, 0) !== crcs[at]) fail('snapshot-image-checksum', { path, section: of })
      sizes.set(i, piecesOf(path, of, new Float64Array(bytes.buffer), lengths[i]))
    }
    return new ImageReader(path, handle, lengths, crcs, sizes)
  }

  /** Section `index` (of `SECTIONS`), read whole and its checksum checked (on this thread). */
  section(index: number): Promise<SectionValue> {
    let checked = this.checked[index]
    if (checked === undefined) {
      checked = this.raw[index].then((value) => this.verified(index, value, this.crcs[index]))
      checked.catch(() => {})
      this.checked[index] = checked
    }
    return checked
  }

  /**
   * Section `index` as read, with the checksum the table gives it, for a caller that checks it
   * elsewhere (check-records.ts: a worker checksums the profile arena's bytes as it checks them).
   * An arena's pieces are in `SharedArrayBuffer`s, so that a worker reads them where they lie.
   */
  async unchecked(index: number): Promise<{ value: SectionValue; crc: number }> {
    return { value: await this.raw[index], crc: this.crcs[index] }
  }

  /** Resolves once no read is under way any more (successful or not): the handle may then be closed. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.raw)
    await Promise.allSettled(this.reads)
  }

  private async readArray(
    type: keyof typeof ELEMENT_TYPES,
    length: number,
    position: number,
  ): Promise<SectionValue> {
    // Unzeroed memory: every byte is read into it before it is used, or the load fails.
    const bytes = Buffer.allocUnsafeSlow(length)
    await this.readInto(bytes, position)
    const Type = ELEMENT_TYPES[type]
    return new Type(bytes.buffer as ArrayBuffer, 0, length / Type.BYTES_PER_ELEMENT)
  }

  /** An arena's bytes, one shared buffer per piece of `sizes` (checked by `open`). */
  private async readPieces(sizes: Float64Array, position: number): Promise<SectionValue> {
    const pieces: Uint8Array[] = []
    const reads: Promise<void>[] = []
    let at = position
    for (const piece of sizes) {
      const bytes = new Uint8Array(new SharedArrayBuffer(piece))
      pieces.push(bytes)
      reads.push(this.readInto(bytes, at))
      at += piece
    }
    await Promise.all(reads)
    return pieces
  }

  /** Starts the reads that fill `bytes` from `position`, each tracked for `settle`. */
  private readInto(bytes: Uint8Array, position: number): Promise<void> {
    const reads: Promise<void>[] = []
    for (let done = 0; done < bytes.length; done += READ_BYTES) {
      const part = bytes.subarray(done, done + READ_BYTES)
      const read = readFully(this.path, this.handle, part, position + done)
      // Never an unhandled rejection, whether or not anyone awaits this section.
      this.reads.push(read.catch(() => {}))
      reads.push(read)
    }
    return Promise.all(reads).then(() => {})
  }

  private verified(index: number, value: SectionValue, crc: number): SectionValue {
    const pieces: readonly ArrayBufferView[] = Array.isArray(value) ? value : [value as ArrayBufferView]
    let actual = 0
    for (const piece of pieces)
      actual = checksum(new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength), actual)
    if (actual !== crc) fail('snapshot-image-checksum', { path: this.path, section: SECTIONS[index].name })
    return value
  }
}

/** `sizes` as the byte lengths of an arena's pieces: whole, within a chunk's bounds, adding up to `length`. */
function piecesOf(path: string, section: string, sizes: Float64Array, length: number): Float64Array {
  let total = 0
  for (const piece of sizes) {
    if (!Number.isSafeInteger(piece) || piece < 0 || piece > MAX_PIECE_BYTES || sizes.length > MAX_PIECES)
      fail('snapshot-image-invalid', { path, section, problem: `a piece of ${piece} bytes` })
    total += piece
  }
  if (total !== length)
    fail('snapshot-image-invalid', {
      path,
      section,
      problem: `pieces of ${total} bytes in a section of ${length}`,
    })
  return sizes
}

/** Fills `bytes` from the file at `position`; a file that ends first is refused. */
async function readFully(
  path: string,
  handle: FileHandle,
  bytes: Uint8Array,
  position: number,
): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position + done)
    if (bytesRead === 0)
      fail('snapshot-image-size', { path, size: position + done, expected: position + bytes.length })
    done += bytesRead
  }
}
