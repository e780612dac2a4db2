import { Buffer } from 'node:buffer'

/** The size of a full chunk: large enough that chunks stay few, small enough that growing one is cheap. */
export const DEFAULT_CHUNK_BYTES = 32 * 1024 * 1024

/** A new arena's first chunk: small indexes never reserve a whole chunk. */
const FIRST_CHUNK_BYTES = 64 * 1024

/** A position is `chunk · 2^32 + offset`: exact in a double for 2^21 chunks of up to 4 GiB. */
const CHUNK_SPAN = 2 ** 32

/** The most bytes one `varuint` takes (a safe integer needs 8). */
const MAX_VARUINT_BYTES = 8

/**
 * Node's own coders behind `buffer.toString(encoding, start, end)` and `buffer.write`, there
 * since Node 0.x but missing from its types: called directly, they skip the argument checks and
 * encoding-name dispatch, which the search path would pay for every string of every member on a
 * page, and a build for every string of every member.
 */
interface NativeStrings {
  latin1Slice(start: number, end: number): string
  utf8Slice(start: number, end: number): string
  ucs2Slice(start: number, end: number): string
  utf8Write(text: string, offset: number, length: number): number
}

/** A chunk of an arena, as Node's Buffer (a Uint8Array) for its native string reads and writes. */
export type Chunk = Buffer & NativeStrings

const EMPTY = Buffer.alloc(0) as Chunk

/**
 * Append-only byte storage for records, in chunks of `ArrayBuffer` memory: a record is written
 * between `begin()` and `end()`, which returns its position, and always lies inside one chunk, so
 * a reader needs one chunk and an offset. A chunk grows by doubling only while it is smaller than
 * `chunkBytes` (or while it holds nothing but one oversized record); after that a record that does
 * not fit starts a new chunk and the old chunk's tail stays unused. So growth copies at most one
 * chunk, never the whole arena.
 *
 * Bytes once written are never changed: the views `exportChunks` returns stay a point-in-time
 * picture while writing goes on, and `fromChunks` can adopt memory (a snapshot's) without copying.
 */
export class ByteArena {
  private readonly chunks: Chunk[]
  /** The written length of each chunk before the current one. */
  private readonly ends: number[] = []
  private chunk: Chunk
  /** Bytes written in the current chunk, the record being written included. */
  private used: number
  /** Where in the current chunk the record being written starts. */
  private start = 0
  private written = 0
  private allocated: number

  /** `chunkBytes`: the size of a full chunk, at most 2^32 − 1 (tests make it tiny to force many chunks). */
  constructor(readonly chunkBytes: number = DEFAULT_CHUNK_BYTES) {
    this.chunk = Buffer.alloc(Math.min(FIRST_CHUNK_BYTES, chunkBytes)) as Chunk
    this.chunks = [this.chunk]
    this.used = 0
    this.allocated = this.chunk.length
  }

  /**
   * An arena holding `chunks` as they are, viewed rather than copied (the positions of the arena
   * that exported them stay valid); new records go after them. The caller must not change them.
   */
  static fromChunks(chunks: readonly Uint8Array[], chunkBytes: number = DEFAULT_CHUNK_BYTES): ByteArena {
    const arena = new ByteArena(chunkBytes)
    if (chunks.length === 0) return arena
    arena.chunks.length = 0
    arena.allocated = 0
    for (const bytes of chunks) {
      const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Chunk
      arena.chunks.push(chunk)
      arena.ends.push(chunk.length)
      arena.written += chunk.length
      arena.allocated += chunk.length
    }
    arena.ends.pop()
    arena.chunk = arena.chunks[arena.chunks.length - 1]
    arena.used = arena.chunk.length
    arena.start = arena.used
    return arena
  }

  /** Bytes of all records written (live or not, as the arena cannot tell). */
  get bytes(): number {
    return this.written
  }

  /** Bytes of memory the chunks hold, unused tails and room included. */
  get allocatedBytes(): number {
    return this.allocated
  }

  /**
   * Each chunk's written bytes, as views (no copy), in order: `fromChunks` of them gives an arena
   * where every position of this one reads the same record.
   */
  exportChunks(): Uint8Array[] {
    const last = this.chunks.length - 1
    return this.chunks.map((chunk, i) => chunk.subarray(0, i === last ? this.start : this.ends[i]))
  }

  /** The chunk that `position` lies in (`ByteReader` reads through it). */
  chunkAt(position: number): Chunk {
    return this.chunks[(position - (position >>> 0)) / CHUNK_SPAN]
  }

  /** Starts a record; everything written until `end()` belongs to it. A record left unended is dropped. */
  begin(): void {
    this.used = this.start
  }

  /** Ends the record `begin` started and returns its position. */
  end(): number {
    const position = (this.chunks.length - 1) * CHUNK_SPAN + this.start
    this.written += this.used - this.start
    this.start = this.used
    return position
  }

  byte(value: number): void {
    if (this.used === this.chunk.length) this.room(1)
    this.chunk[this.used++] = value
  }

  /** A non-negative safe integer in 7-bit groups, low first; `ByteReader.varuint` reads it. */
  varuint(value: number): void {
    if (this.used + MAX_VARUINT_BYTES > this.chunk.length) this.room(MAX_VARUINT_BYTES)
    const chunk = this.chunk
    let at = this.used
    let v = value
    // Above 2^31 the bit operators would wrap, so the high groups are split off by division.
    while (v > 0x7fffffff) {
      chunk[at++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
    while (v >= 0x80) {
      chunk[at++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    chunk[at++] = v
    this.used = at
  }

  /** A double, little-endian, unaligned. */
  f64(value: number): void {
    if (this.used + 8 > this.chunk.length) this.room(8)
    this.chunk.writeDoubleLE(value, this.used)
    this.used += 8
  }

  /** Bytes `from` … `to` − 1 of `source`, as they are. */
  bytesOf(source: Uint8Array, from: number, to: number): void {
    const length = to - from
    if (this.used + length > this.chunk.length) this.room(length)
    this.chunk.set(source.subarray(from, to), this.used)
    this.used += length
  }

  /** `length` bytes of `arena` from `position` (one record of it, say), copied without a view. */
  copyFrom(arena: ByteArena, position: number, length: number): void {
    if (this.used + length > this.chunk.length) this.room(length)
    const offset = position >>> 0
    arena.chunkAt(position).copy(this.chunk, this.used, offset, offset + length)
    this.used += length
  }

  /**
   * `text` after its head, varuint(length · 8 + kind) (the head profile-codec.ts gives every
   * value; kinds are below 8), in the one encoding that holds it: kind `ascii` or `utf8` with the
   * length in bytes, or, for text with a lone surrogate, `utf16` with the length in code units.
   * Text of 16 or more code units is written natively, in one pass, after room for the longest
   * head it could need; the head is then padded to that room (a varuint may end in zero groups),
   * so the text never moves.
   */
  headedText(text: string, ascii: number, utf8: number, utf16: number): void {
    const units = text.length
    if (units < SHORT_TEXT) {
      // A one-byte head; the characters are stored as they are scanned, until one is not ASCII.
      if (this.used + 1 + units > this.chunk.length) this.room(1 + units)
      const chunk = this.chunk
      let at = this.used + 1
      let i = 0
      for (; i < units; i++) {
        const c = text.charCodeAt(i)
        if (c >= 0x80) break
        chunk[at++] = c
      }
      if (i === units) {
        chunk[this.used] = units * 8 + ascii
        this.used = at
        return
      }
    } else if (units <= MAX_RESERVED_TEXT && (text as unknown as WellFormed).isWellFormed()) {
      const most = units * 3
      const head = varuintBytes(most * 8 + 7)
      if (this.used + head + most > this.chunk.length) this.room(head + most)
      const bytes = this.chunk.utf8Write(text, this.used + head, most)
      this.paddedVaruint(bytes * 8 + (bytes === units ? ascii : utf8), head)
      this.used += bytes
      return
    }
    const bytes = utf8Length(text)
    if (bytes === units) {
      this.varuint(bytes * 8 + ascii)
      this.ascii(text)
    } else if (bytes >= 0) {
      this.varuint(bytes * 8 + utf8)
      this.utf8(text, bytes)
    } else {
      this.varuint(units * 8 + utf16)
      this.utf16(text)
    }
  }

  /** `value` as a varuint of exactly `bytes` bytes (room already made), high groups zero. */
  private paddedVaruint(value: number, bytes: number): void {
    const chunk = this.chunk
    let at = this.used
    let v = value
    for (let i = 1; i < bytes; i++) {
      chunk[at++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
    chunk[at++] = v
    this.used = at
  }

  /** `text`, which must be all ASCII (`utf8Length(text) === text.length`), one byte per character. */
  private ascii(text: string): void {
    const length = text.length
    if (this.used + length > this.chunk.length) this.room(length)
    if (length > NATIVE_WRITE_CHARS) {
      this.chunk.write(text, this.used, length, 'latin1')
    } else {
      const chunk = this.chunk
      let at = this.used
      for (let i = 0; i < length; i++) chunk[at++] = text.charCodeAt(i)
    }
    this.used += length
  }

  /** `text`, well-formed, as UTF-8 of `byteLength` bytes (its `utf8Length`). */
  private utf8(text: string, byteLength: number): void {
    if (this.used + byteLength > this.chunk.length) this.room(byteLength)
    this.chunk.write(text, this.used, byteLength, 'utf8')
    this.used += byteLength
  }

  /** `text` as its UTF-16 code units, little-endian: any string, lone surrogates included. */
  private utf16(text: string): void {
    const byteLength = text.length * 2
    if (this.used + byteLength > this.chunk.length) this.room(byteLength)
    this.chunk.write(text, this.used, byteLength, 'utf16le')
    this.used += byteLength
  }

  /** Makes room for `more` bytes after `used`, keeping the record being written in one chunk. */
  private room(more: number): void {
    const need = this.used + more
    const current = this.chunk
    if (this.start === 0 || (current.length < this.chunkBytes && need <= this.chunkBytes)) {
      // The chunk holds only this record, or is still below full size: it grows in place.
      let size = Math.max(current.length * 2, 64)
      while (size < need) size *= 2
      if (need <= this.chunkBytes) size = Math.min(size, this.chunkBytes)
      const bigger = Buffer.alloc(size) as Chunk
      current.copy(bigger, 0, 0, this.used)
      this.chunks[this.chunks.length - 1] = bigger
      this.chunk = bigger
      this.allocated += size - current.length
      return
    }
    // The record so far moves to a new chunk; the old one keeps its records and an unused tail.
    const partial = this.used - this.start
    let size = this.chunkBytes
    while (size < partial + more) size *= 2
    const fresh = Buffer.alloc(size) as Chunk
    current.copy(fresh, 0, this.start, this.used)
    this.ends.push(this.start)
    this.chunks.push(fresh)
    this.chunk = fresh
    this.start = 0
    this.used = partial
    this.allocated += size
  }
}

/** From here on the native write beats a loop of stores. */
const NATIVE_WRITE_CHARS = 64

/** Below this many code units `headedText` writes text by a loop, with a one-byte head. */
const SHORT_TEXT = 16

/** Up to this many code units `headedText` reserves the room of the longest UTF-8 (3 bytes each). */
const MAX_RESERVED_TEXT = 4096

/** `String.prototype.isWellFormed` (Node 20), which the ES2023 types do not name yet. */
interface WellFormed {
  isWellFormed(): boolean
}

/** How many bytes `varuint` takes for `value`. */
function varuintBytes(value: number): number {
  let bytes = 1
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) bytes++
  return bytes
}

/**
 * The UTF-8 length of `text`, or −1 when it is not well-formed (holds a lone surrogate), which
 * UTF-8 cannot carry; `text.length` exactly when it is all ASCII.
 */
export function utf8Length(text: string): number {
  const length = text.length
  let bytes = length
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (c < 0x800) bytes += 1
    else if (c < 0xd800 || c > 0xdfff) bytes += 2
    else if (c <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A pair: two code units, four bytes.
      bytes += 2
      i++
    } else return -1
  }
  return bytes
}

/** Up to this length an ASCII string is built by one `String.fromCharCode` call (`shortAscii`). */
const SHORT_ASCII = 16

/**
 * Reads what `ByteArena` wrote, from a position on: `seek`, then the reads in the order of the
 * writes. One reader can serve any number of arenas, one record at a time. The bytes are trusted
 * (the arena's own, or a snapshot's after its checksum): a read past a record's end is not caught.
 */
export class ByteReader {
  bytes: Chunk = EMPTY
  at = 0

  seek(arena: ByteArena, position: number): void {
    this.bytes = arena.chunkAt(position)
    this.at = position >>> 0
  }

  byte(): number {
    return this.bytes[this.at++]
  }

  varuint(): number {
    const bytes = this.bytes
    let at = this.at
    let byte = bytes[at++]
    if (byte < 0x80) {
      this.at = at
      return byte
    }
    let value = byte & 0x7f
    let shift = 7
    do {
      byte = bytes[at++]
      value |= (byte & 0x7f) << shift
      shift += 7
    } while (byte >= 0x80 && shift < 28)
    if (byte >= 0x80) {
      // Past 28 bits the groups are added by multiplication, as the bit operators stop at 32.
      let scale = 2 ** 28
      do {
        byte = bytes[at++]
        value += (byte & 0x7f) * scale
        scale *= 0x80
      } while (byte >= 0x80)
    }
    this.at = at
    return value
  }

  f64(): number {
    const value = this.bytes.readDoubleLE(this.at)
    this.at += 8
    return value
  }

  /** The next `length` bytes, as a view of the arena's memory (not a copy). */
  view(length: number): Uint8Array {
    const at = this.at
    this.at = at + length
    return this.bytes.subarray(at, at + length)
  }

  /** `length` ASCII bytes as a string. */
  ascii(length: number): string {
    const bytes = this.bytes
    const at = this.at
    this.at = at + length
    return length > SHORT_ASCII ? bytes.latin1Slice(at, at + length) : shortAscii(bytes, at, length)
  }

  /** `byteLength` bytes of well-formed UTF-8 as a string. */
  utf8(byteLength: number): string {
    const at = this.at
    this.at = at + byteLength
    return this.bytes.utf8Slice(at, at + byteLength)
  }

  /** `units` UTF-16 code units, little-endian, as a string (lone surrogates kept). */
  utf16(units: number): string {
    const at = this.at
    this.at = at + units * 2
    return this.bytes.ucs2Slice(at, at + units * 2)
  }
}

const c = String.fromCharCode

/**
 * The `n` (≤ 16) ASCII bytes of `b` from `a`, as one flat string. A native slice costs a call
 * into C++ (about 60 ns here), appending characters one by one costs a string per character:
 * one `fromCharCode` call with exactly `n` arguments is about three times faster than either.
 */
function shortAscii(b: Uint8Array, a: number, n: number): string {
  switch (n) {
    case 0:
      return ''
    case 1:
      return c(b[a])
    case 2:
      return c(b[a], b[a + 1])
    case 3:
      return c(b[a], b[a + 1], b[a + 2])
    case 4:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3])
    case 5:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4])
    case 6:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5])
    case 7:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6])
    case 8:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6], b[a + 7])
    case 9:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6], b[a + 7], b[a + 8])
    case 10:
      return c(b[a], b[a + 1], b[a + 2], b[a + 3], b[a + 4], b[a + 5], b[a + 6], b[a + 7], b[a + 8], b[a + 9])
    case 11:
      return c(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
      )
    case 12:
      return c(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
        b[a + 11],
      )
    case 13:
      return c(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
        b[a + 11],
        b[a + 12],
      )
    case 14:
      return c(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
        b[a + 11],
        b[a + 12],
        b[a + 13],
      )
    case 15:
      return c(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
        b[a + 11],
        b[a + 12],
        b[a + 13],
        b[a + 14],
      )
    case 16:
      return c(
        b[a],
        b[a + 1],
        b[a + 2],
        b[a + 3],
        b[a + 4],
        b[a + 5],
        b[a + 6],
        b[a + 7],
        b[a + 8],
        b[a + 9],
        b[a + 10],
        b[a + 11],
        b[a + 12],
        b[a + 13],
        b[a + 14],
        b[a + 15],
      )
    default:
      return ''
  }
}
