import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteArena, ByteReader, utf8Length } from '../../src/store/byte-arena.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

/** One value of a record, written and read back by its own pair of calls. */
type Field =
  | { kind: 'varuint'; value: number }
  | { kind: 'f64'; value: number }
  | { kind: 'byte'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'bytes'; value: Uint8Array }

const fieldArb: fc.Arbitrary<Field> = fc.oneof(
  fc
    .oneof(
      fc.maxSafeNat(),
      fc.nat(300),
      fc.constantFrom(
        127,
        128,
        2 ** 14,
        2 ** 21 - 1,
        2 ** 28,
        2 ** 31 - 1,
        2 ** 31,
        2 ** 32,
        2 ** 35 + 3,
        2 ** 49,
      ),
    )
    .map((value) => ({ kind: 'varuint' as const, value })),
  fc
    .oneof(fc.double(), fc.constantFrom(-0, Number.NaN, Number.MIN_VALUE, -Infinity))
    .map((value) => ({ kind: 'f64' as const, value })),
  fc.integer({ min: 0, max: 255 }).map((value) => ({ kind: 'byte' as const, value })),
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 100 }),
      fc.constantFrom(
        '',
        'a',
        '\uD800',
        'é😀',
        'x'.repeat(15),
        'x'.repeat(16),
        `${'x'.repeat(15)}é`,
        'y'.repeat(65),
        'z'.repeat(700),
        'é'.repeat(700),
        'w'.repeat(5000),
        `${'v'.repeat(5000)}\uD800`,
      ),
    )
    .map((value) => ({ kind: 'text' as const, value })),
  fc.uint8Array({ maxLength: 40 }).map((value) => ({ kind: 'bytes' as const, value })),
)

// Kinds as profile-codec.ts numbers them, below 8.
const ASCII = 1
const UTF8 = 2
const UTF16 = 3

function write(arena: ByteArena, fields: readonly Field[]): number {
  arena.begin()
  for (const field of fields) {
    if (field.kind === 'varuint') arena.varuint(field.value)
    else if (field.kind === 'f64') arena.f64(field.value)
    else if (field.kind === 'byte') arena.byte(field.value)
    else if (field.kind === 'bytes') {
      arena.varuint(field.value.length)
      arena.bytesOf(field.value, 0, field.value.length)
    } else arena.headedText(field.value, ASCII, UTF8, UTF16)
  }
  return arena.end()
}

function read(reader: ByteReader, fields: readonly Field[]): unknown[] {
  return fields.map((field) => {
    if (field.kind === 'varuint') return reader.varuint()
    if (field.kind === 'f64') return reader.f64()
    if (field.kind === 'byte') return reader.byte()
    if (field.kind === 'bytes') return Uint8Array.from(reader.view(reader.varuint()))
    const head = reader.varuint()
    const kind = head & 7
    const length = (head - kind) / 8
    if (kind === ASCII) return reader.ascii(length)
    return kind === UTF8 ? reader.utf8(length) : reader.utf16(length)
  })
}

const recordsArb = fc.array(fc.array(fieldArb, { maxLength: 12 }), { minLength: 1, maxLength: 20 })

describe('ByteArena and ByteReader', () => {
  it('read back every record as written, each inside one chunk, however small the chunks are', () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom(1, 7, 64, 4096), (records, chunkBytes) => {
        const arena = new ByteArena(chunkBytes)
        const reader = new ByteReader()
        const written: number[] = []
        const positions = records.map((fields) => {
          const before = arena.bytes
          const position = write(arena, fields)
          written.push(arena.bytes - before)
          return position
        })
        expect(arena.bytes).toBe(written.reduce((sum, n) => sum + n, 0))
        records.forEach((fields, i) => {
          reader.seek(arena, positions[i])
          const start = reader.at
          expect(read(reader, fields)).toStrictEqual(fields.map((field) => field.value))
          expect(reader.at - start).toBe(written[i])
          // Inside its chunk: the reader never ran off the end of the chunk it was given.
          expect(reader.at).toBeLessThanOrEqual(arena.chunkAt(positions[i]).length)
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('exports its chunks as views that later writes leave alone, and adopts them with every position', () => {
    fc.assert(
      fc.property(recordsArb, recordsArb, (records, more) => {
        const arena = new ByteArena(32)
        const positions = records.map((fields) => write(arena, fields))
        const bytes = arena.bytes
        const views = arena.exportChunks()
        expect(views.reduce((sum, view) => sum + view.length, 0)).toBe(bytes)
        const frozen = views.map((view) => view.slice())
        const laterPositions = more.map((fields) => write(arena, fields))
        views.forEach((view, i) => {
          expect(view).toStrictEqual(frozen[i])
        })

        const adopted = ByteArena.fromChunks(frozen, 32)
        const reader = new ByteReader()
        records.forEach((fields, i) => {
          reader.seek(adopted, positions[i])
          expect(read(reader, fields)).toStrictEqual(fields.map((field) => field.value))
        })
        // The adopted arena goes on appending without touching what it adopted.
        const copies = frozen.map((chunk) => chunk.slice())
        const appended = more.map((fields) => write(adopted, fields))
        frozen.forEach((chunk, i) => {
          expect(chunk).toStrictEqual(copies[i])
        })
        more.forEach((fields, i) => {
          reader.seek(adopted, appended[i])
          expect(read(reader, fields)).toStrictEqual(fields.map((field) => field.value))
          reader.seek(arena, laterPositions[i])
          expect(read(reader, fields)).toStrictEqual(fields.map((field) => field.value))
        })
        // And what it then exports is adopted again whole: the old records and the new.
        const again = ByteArena.fromChunks(adopted.exportChunks(), 32)
        const all = [...records, ...more]
        ;[...positions, ...appended].forEach((position, i) => {
          reader.seek(again, position)
          expect(read(reader, all[i])).toStrictEqual(all[i].map((field) => field.value))
        })
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    )
  })

  it('grows a chunk in place while it is small, then starts new ones, and gives an oversized record its own', () => {
    const arena = new ByteArena(1024)
    const first = write(arena, [{ kind: 'text', value: 'a'.repeat(600) }])
    const second = write(arena, [{ kind: 'text', value: 'b'.repeat(600) }])
    const third = write(arena, [{ kind: 'text', value: 'c'.repeat(5000) }])
    const chunks = arena.exportChunks()
    expect(chunks.map((chunk) => chunk.length)).toEqual([602, 602, 5003])
    expect([first, second, third].map((p) => Math.floor(p / 2 ** 32))).toEqual([0, 1, 2])
    expect(arena.allocatedBytes).toBeGreaterThanOrEqual(1024 + 1024 + 5003)
    expect(arena.bytes).toBe(602 + 602 + 5003)

    // Below full size (the first chunk is 64 KiB) the one chunk grows, so positions stay in it.
    const growing = new ByteArena(1 << 20)
    const positions = Array.from({ length: 200 }, () =>
      write(growing, [{ kind: 'text', value: 'd'.repeat(600) }]),
    )
    expect(growing.exportChunks()).toHaveLength(1)
    expect(positions.at(-1)).toBe(199 * 602)
    expect(growing.allocatedBytes).toBe(128 * 1024)
  })

  it('measures UTF-8 as Buffer does, and refuses text with a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const lone = /[\uD800-\uDFFF]/u.test(text)
        expect(utf8Length(text)).toBe(lone ? -1 : Buffer.byteLength(text, 'utf8'))
      }),
      { numRuns: RUNS },
    )
    expect(utf8Length('abc')).toBe(3)
    expect(utf8Length('\uDBFF\uDFFF')).toBe(4)
    expect(utf8Length('\uDFFF\uDBFF')).toBe(-1)
    expect(utf8Length('a\uD800')).toBe(-1)
  })
})
