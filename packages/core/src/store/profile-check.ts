import { Buffer } from 'node:buffer'
import { MAX_EXTRAS_DEPTH, MAX_LIST_ITEMS } from '../model/own-profile.js'
import { SECTIONS } from '../model/profile.js'
import { isVisibility } from '../model/validate-fields.js'
import { checkLocation } from '../model/validate-sections.js'
import { ACCOUNT_LEVELS } from './columns.js'
import {
  ABSENT,
  ASCII,
  F64,
  FALSE,
  INTERNED,
  LIST,
  MAP,
  NULL,
  PACKED_DATE,
  PRESENT,
  SPECIAL,
  TRUE,
  UINT,
  UNDEFINED,
  UTF8,
  UTF16,
  VISIBILITY_WORDS,
} from './profile-codec.js'

/*
 * What a value in a field may be, as a validated copy holds it (docs/spec.md §1.1): the kinds of
 * head `decodeProfile` turns into a value of the field's type. `OPTIONAL` adds `undefined`.
 */
const OPTIONAL = 1
const STRING = 2
const COUNT = 4
const NUMBER = 8
const BOOLEAN = 16
/** An interned string must be one of these (facts of the string table, `StringFacts`). */
const VISIBILITY_WORD = 32
const ACCOUNT_LEVEL = 64
const LOCATION_CODE = 128

const TEXT = OPTIONAL | STRING
const REQUIRED_TEXT = STRING
const OPTIONAL_COUNT = OPTIONAL | COUNT
const ITEM_ID = OPTIONAL | STRING | NUMBER

/** Thrown inside a check, caught at its top: the bytes are no record of a validated profile. */
const BAD = new Error('not a profile record')

/** Where a double's 8 bytes are read, little-endian as `ByteArena.f64` writes them. */
const F64_BYTES = new Uint8Array(8)
const F64_VIEW = new DataView(F64_BYTES.buffer)

/** How many bytes a varuint may take: a safe integer needs 8 (byte-arena.ts). */
const MAX_VARUINT_BYTES = 8

/**
 * Checks that bytes of a ByteArena are one record `encodeProfile` could have written for a
 * validated copy (model/own-profile.ts), without decoding it: every head of a kind the codec
 * writes, every read inside the record, interned ids below the table's size, each field's value
 * of the type a validated profile holds there (strings, counts, finite numbers, booleans, JSON
 * data at most `MAX_EXTRAS_DEPTH` deep), lists no longer than `MAX_LIST_ITEMS`, dates packed
 * within the years 1–9999, visibility entries naming a section and a word, visibility words,
 * account levels and location codes among the ones the §1.1 checks allow, and the record ending
 * where its length says. So `decodeProfile` of a checked record cannot throw, and hands the
 * analyser and the renderers values of the types they read.
 *
 * What it does not re-check are the §1.1 rules no reader depends on to run: a blank name, text
 * over a limit, an `updatedAt` that is not ISO 8601, a company id with a comma. A snapshot
 * crafted to hold such a profile (its checksums recomputed) loads, and the profile is served as
 * stored.
 *
 * One checker serves one string table (a snapshot's list of interned strings); facts about a
 * string are worked out the first time a record uses it there.
 */
export class ProfileCheck {
  private bytes: Uint8Array = new Uint8Array(0)
  private at = 0
  private end = 0
  /** Per string id: bit 2k + 1 when fact k is known, bit 2k + 2 when it holds. */
  private readonly facts: Uint8Array

  constructor(private readonly strings: readonly string[]) {
    this.facts = new Uint8Array(strings.length)
  }

  /**
   * Whether `bytes[from … from + length)` is a record of a validated profile whose id is the
   * `idLength` bytes of `ids` from `idStart` (the member id the record must hold), or any member
   * id when `ids` is undefined.
   */
  check(
    bytes: Uint8Array,
    from: number,
    length: number,
    ids?: Uint8Array,
    idStart = 0,
    idLength = ids?.length ?? 0,
  ): boolean {
    this.bytes = bytes
    this.at = from
    this.end = from + length
    if (this.end > bytes.length) return false
    try {
      this.memberId(ids, idStart, idLength)
      this.profile()
      return this.at === this.end
    } catch (error) {
      if (error === BAD) return false
      throw error
    }
  }

  // ——— The record, in decodeProfile's order ———

  private profile(): void {
    this.value(REQUIRED_TEXT) // firstName
    this.value(REQUIRED_TEXT) // lastName
    for (let i = 0; i < 5; i++) this.value(TEXT) // headline, summary, specialties, interests, honors
    if (this.object()) {
      this.value(REQUIRED_TEXT) // name
      this.value(STRING | LOCATION_CODE) // code
      this.value(TEXT) // postalCode
      this.value(OPTIONAL | NUMBER) // lat
      this.value(OPTIONAL | NUMBER) // lon
    }
    if (this.object()) {
      this.value(COUNT) // industry code
      this.value(REQUIRED_TEXT) // industry name
    }
    this.value(TEXT) // language
    this.value(OPTIONAL_COUNT) // numConnections
    this.value(OPTIONAL_COUNT) // numRecommenders
    for (let n = this.listLength(); n > 1; n--) this.position()
    for (let n = this.listLength(); n > 1; n--) this.education()
    for (let n = this.listLength(); n > 1; n--) this.value(REQUIRED_TEXT) // a skill
    for (let list = 0; list < 3; list++) for (let n = this.listLength(); n > 1; n--) this.accomplishment()
    for (let i = 0; i < 4; i++) this.value(TEXT) // pictureUrl, publicProfileUrl, email, phone
    this.visibilityMap()
    this.value(OPTIONAL | STRING | ACCOUNT_LEVEL) // accountLevel
    this.value(TEXT) // updatedAt
    this.json(1) // personProfile
  }

  private position(): void {
    this.value(ITEM_ID) // id
    this.value(TEXT) // title
    this.value(TEXT) // summary
    if (this.object()) {
      this.value(ITEM_ID) // company id
      for (let i = 0; i < 5; i++) this.value(TEXT) // name, industry, type, size, ticker
    }
    this.itemCommons()
  }

  private education(): void {
    this.value(ITEM_ID) // id
    if (this.object()) {
      this.value(ITEM_ID) // school id
      this.value(TEXT) // school name
    }
    for (let i = 0; i < 4; i++) this.value(TEXT) // degree, fieldOfStudy, activities, notes
    this.itemCommons()
  }

  /** Dates, currency, visibility and extras: the tail positions and educations share. */
  private itemCommons(): void {
    this.date()
    this.date()
    this.value(OPTIONAL | BOOLEAN) // isCurrent
    this.value(OPTIONAL | STRING | VISIBILITY_WORD) // visibility
    this.value(OPTIONAL | STRING | VISIBILITY_WORD) // datesVisibility
    this.json(1)
  }

  private accomplishment(): void {
    for (let i = 0; i < 6; i++) this.value(TEXT) // name, title, authority, publisher, description, url
    this.date()
    this.date()
    this.json(1)
  }

  // ——— Pieces ———

  /** The id, written inline: 1–64 ASCII bytes of `[A-Za-z0-9_-]`, those of `ids` if given. */
  private memberId(ids: Uint8Array | undefined, idStart: number, idLength: number): void {
    const head = this.varuint()
    if ((head & 7) !== ASCII) throw BAD
    const length = (head - ASCII) / 8
    if (length < 1 || length > 64) throw BAD
    const at = this.skip(length)
    const bytes = this.bytes
    if (ids !== undefined) {
      if (idLength !== length) throw BAD
      for (let i = 0; i < length; i++) if (bytes[at + i] !== ids[idStart + i]) throw BAD
    } else {
      for (let i = 0; i < length; i++) if (!isIdByte(bytes[at + i])) throw BAD
    }
  }

  /** An object slot: false when absent; any other byte than the two an encoder writes is refused. */
  private object(): boolean {
    const byte = this.byte()
    if (byte === ABSENT) return false
    if (byte === PRESENT) return true
    throw BAD
  }

  /** A section list's length plus one (0: absent), at most `MAX_LIST_ITEMS` items. */
  private listLength(): number {
    const count = this.varuint()
    if (count > MAX_LIST_ITEMS + 1) throw BAD
    return count
  }

  /** A date: absent, or packed with a year of 1–9999 (a validated date is always packed). */
  private date(): void {
    const head = this.varuint()
    if (head === ABSENT) return
    const packed = head - PACKED_DATE
    // decodeProfile unpacks with 32-bit operators: a larger value is no date it wrote.
    if (packed < 0 || packed > 0xffffffff) throw BAD
    const rest = packed >>> 5
    const year = (rest - (rest % 13)) / 13
    if (year < 1 || year > 9999) throw BAD
  }

  /** The section → visibility map: each entry one byte naming a section and a word. */
  private visibilityMap(): void {
    const count = this.varuint()
    if (count === 0) return
    if (count - 1 > this.end - this.at) throw BAD
    for (let i = 1; i < count; i++) {
      const entry = this.byte()
      if (entry >>> 2 >= SECTIONS.length || (entry & 3) >= VISIBILITY_WORDS.length) throw BAD
    }
  }

  /** A value of one of the kinds `type` allows. */
  private value(type: number): void {
    const head = this.varuint()
    // Low bits of a safe integer survive the 32-bit conversion of `&`.
    const kind = head & 7
    if (kind === INTERNED) {
      // decodeProfile reads the id with 32-bit operators; an encoder's id is far below 2^29.
      if ((type & STRING) === 0 || head > 0xffffffff || head >>> 3 >= this.strings.length) throw BAD
      if (type > BOOLEAN && !this.fact(head >>> 3, type)) throw BAD
      return
    }
    if (head === UNDEFINED) {
      if ((type & OPTIONAL) === 0) throw BAD
      return
    }
    const payload = (head - kind) / 8
    switch (kind) {
      case SPECIAL:
        this.special(head, type)
        return
      case ASCII:
      case UTF8:
        if ((type & STRING) === 0) throw BAD
        this.inlineFact(this.skip(payload), payload, kind, type)
        return
      case UTF16:
        if ((type & STRING) === 0) throw BAD
        this.inlineFact(this.skip(payload * 2), payload, kind, type)
        return
      case UINT:
        if ((type & (COUNT | NUMBER)) === 0) throw BAD
        return
      default:
        throw BAD
    }
  }

  private special(head: number, type: number): void {
    switch (head) {
      case FALSE:
      case TRUE:
        if ((type & BOOLEAN) === 0) throw BAD
        return
      case F64: {
        if ((type & (COUNT | NUMBER)) === 0) throw BAD
        const at = this.skip(8)
        F64_BYTES.set(this.bytes.subarray(at, at + 8))
        const number = F64_VIEW.getFloat64(0, true)
        if (!Number.isFinite(number)) throw BAD
        if ((type & COUNT) !== 0 && (type & NUMBER) === 0 && !(Number.isSafeInteger(number) && number >= 0))
          throw BAD
        return
      }
      default:
        throw BAD
    }
  }

  /** JSON data (the extras), `depth` containers deep at most `MAX_EXTRAS_DEPTH`. */
  private json(depth: number): void {
    const head = this.varuint()
    const kind = head % 8
    const payload = (head - kind) / 8
    switch (kind) {
      case SPECIAL:
        if (head === UNDEFINED || head === FALSE || head === TRUE || head === NULL) return
        if (head === F64) {
          this.skip(8)
          return
        }
        if (head !== LIST && head !== MAP) throw BAD
        if (depth > MAX_EXTRAS_DEPTH) throw BAD
        {
          const count = this.varuint()
          // Every item takes a byte at least: a count beyond the record is refused before any loop.
          if (count > this.end - this.at) throw BAD
          for (let i = 0; i < count; i++) {
            if (head === MAP) this.key()
            this.json(depth + 1)
          }
        }
        return
      case ASCII:
      case UTF8:
        this.skip(payload)
        return
      case UTF16:
        this.skip(payload * 2)
        return
      case INTERNED:
        if (head > 0xffffffff || payload >= this.strings.length) throw BAD
        return
      case UINT:
        return
      default:
        throw BAD
    }
  }

  /** A key of JSON data: text, written inline. */
  private key(): void {
    const head = this.varuint()
    const kind = head % 8
    const payload = (head - kind) / 8
    if (kind === ASCII || kind === UTF8) this.skip(payload)
    else if (kind === UTF16) this.skip(payload * 2)
    else throw BAD
  }

  /** The fact `type` asks of inline text (a long one; an encoder interns the short ones). */
  private inlineFact(at: number, units: number, kind: number, type: number): void {
    if (type <= BOOLEAN) return
    const bytes = this.bytes
    const view = Buffer.from(bytes.buffer, bytes.byteOffset + at, kind === UTF16 ? units * 2 : units)
    const text = view.toString(kind === ASCII ? 'latin1' : kind === UTF8 ? 'utf8' : 'utf16le')
    if (!holds(text, type)) throw BAD
  }

  /** Whether interned string `id` has the fact `type` asks for, worked out once per id. */
  private fact(id: number, type: number): boolean {
    const bit = (type & VISIBILITY_WORD) !== 0 ? 0 : (type & ACCOUNT_LEVEL) !== 0 ? 2 : 4
    const known = this.facts[id]
    if ((known & (1 << bit)) === 0) {
      const value = holds(this.strings[id], type)
      this.facts[id] = known | (1 << bit) | (value ? 2 << bit : 0)
      return value
    }
    return (known & (2 << bit)) !== 0
  }

  // ——— Bytes ———

  private byte(): number {
    if (this.at >= this.end) throw BAD
    return this.bytes[this.at++]
  }

  /** The next `count` bytes are the caller's; returns where they start. */
  private skip(count: number): number {
    const at = this.at
    if (count > this.end - at) throw BAD
    this.at = at + count
    return at
  }

  /** A varuint as `ByteReader.varuint` reads it, at most 8 bytes and a safe integer. */
  private varuint(): number {
    const at = this.at
    if (at >= this.end) throw BAD
    const first = this.bytes[at]
    if (first < 0x80) {
      this.at = at + 1
      return first
    }
    return this.longVaruint()
  }

  private longVaruint(): number {
    const bytes = this.bytes
    let at = this.at
    const stop = Math.min(this.end, at + MAX_VARUINT_BYTES)
    let value = 0
    let scale = 1
    for (;;) {
      if (at >= stop) throw BAD
      const byte = bytes[at++]
      value += (byte & 0x7f) * scale
      if (byte < 0x80) break
      scale *= 0x80
    }
    if (value > Number.MAX_SAFE_INTEGER) throw BAD
    this.at = at
    return value
  }
}

function holds(text: string, type: number): boolean {
  if ((type & VISIBILITY_WORD) !== 0) return isVisibility(text)
  if ((type & ACCOUNT_LEVEL) !== 0) return (ACCOUNT_LEVELS as readonly string[]).includes(text)
  return isLocationCode(text)
}

function isLocationCode(code: string): boolean {
  try {
    checkLocation({ name: '', code })
    return true
  } catch {
    return false
  }
}

/** `[A-Za-z0-9_-]`, the characters of a member id (docs/spec.md §1.1). */
export function isIdByte(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x5f ||
    byte === 0x2d
  )
}
