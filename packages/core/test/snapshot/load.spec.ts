import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ErrorCode, PeopleIndex, PeopleSearchError } from '../../src/index.js'
import { MAX_LINE_BYTES } from '../../src/snapshot/format.js'

const now = () => new Date('2026-06-15T00:00:00Z')
const HEADER = { header: { format: 'people-search-snapshot', version: 2 } }
const ANN = { profile: { id: 'a', firstName: 'Ann', lastName: 'Lee', headline: 'java' } }
const BOB = { profile: { id: 'b', firstName: 'Bob', lastName: 'Ray' } }

/**
 * The text of a file holding `lines` (objects are written as JSON) and a trailer whose count and
 * checksum match them, as `save` would write it: so a refusal is for what the lines are, not
 * for a checksum.
 */
function withTrailer(lines: (object | string)[]): string {
  const text = lines.map((line) => `${typeof line === 'string' ? line : JSON.stringify(line)}\n`).join('')
  const sha256 = createHash('sha256').update(text).digest('hex')
  return `${text}${JSON.stringify({ end: { records: lines.length, sha256 } })}\n`
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'people-search-load-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(text: string | Buffer, name = 'index.snapshot'): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

/** What `load` rejects with: always a `badSnapshot` PeopleSearchError (never a crash). */
async function refusal(path: string): Promise<PeopleSearchError> {
  const error = await PeopleIndex.load(path, { now }).then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof PeopleSearchError))
    throw new Error(`expected a PeopleSearchError, got ${String(error)}`)
  expect(error.kind).toBe('badSnapshot')
  expect(error.status).toBe(500)
  return error
}

async function expectRefused(path: string, code: ErrorCode, values: Record<string, string> = {}) {
  expect(await refusal(path)).toMatchObject({ code, values: { path, ...values } })
}

describe('load reads a snapshot that is exactly one (docs/spec.md §7)', () => {
  it('a hand-made snapshot of the current format loads', async () => {
    const path = await file(withTrailer([HEADER, ANN, BOB, { edge: ['a', 'b'] }, { member: ['a', 'g1'] }]))
    const index = await PeopleIndex.load(path, { now })
    expect(index.size).toBe(2)
    expect(
      index.searchAnswer('/v1/people-search?keywords=java&facets=network', { viewer: 'b' }),
    ).toMatchObject({
      ids: ['a'],
      facets: [{ code: 'network', buckets: [{ code: 'F', count: 1 }] }],
    })
  })

  it('a snapshot of an empty index (a header and a trailer) loads as an empty index', async () => {
    expect((await PeopleIndex.load(await file(withTrailer([HEADER])), { now })).size).toBe(0)
  })

  it('a version 1 snapshot, as the previous release wrote it, still loads', async () => {
    const v1 = { header: { format: 'people-search-snapshot', version: 1 } }
    const path = await file(withTrailer([v1, ANN, BOB, { edge: ['a', 'b'] }, { member: ['b', 'g'] }]))
    const index = await PeopleIndex.load(path, { now })
    expect(index.searchAnswer('/v1/people-search?keywords=java', { viewer: 'b' }).ids).toEqual(['a'])
  })
})

describe('load refuses anything else with a badSnapshot error, never a crash (docs/spec.md §7)', () => {
  it('a huge line (600 MB without a newline) is refused once the limit is passed', async () => {
    const path = join(dir, 'huge.snapshot')
    const handle = await open(path, 'w')
    await handle.write(`${JSON.stringify(HEADER)}\n{"profile":{"id":"a","summary":"`)
    await handle.truncate(600 * 1024 * 1024)
    await handle.close()
    await expectRefused(path, 'snapshot-line-too-long', { line: '2', max: String(MAX_LINE_BYTES) })
  })

  it('a huge first line is no header', async () => {
    const path = join(dir, 'huge.snapshot')
    const handle = await open(path, 'w')
    await handle.truncate(600 * 1024 * 1024)
    await handle.close()
    await expectRefused(path, 'snapshot-without-header')
  })

  it.runIf(existsSync('/dev/zero'))('a device (/dev/zero) is refused before anything is read', async () => {
    await expectRefused('/dev/zero', 'snapshot-not-a-file', { type: 'character device' })
  })

  it.runIf(process.platform !== 'win32')('a FIFO is refused without waiting for a writer', async () => {
    const path = join(dir, 'fifo')
    execFileSync('mkfifo', [path])
    await expectRefused(path, 'snapshot-not-a-file', { type: 'FIFO' })
  })

  it('a directory is refused', async () => {
    const path = join(dir, 'sub')
    await mkdir(path)
    await expectRefused(path, 'snapshot-not-a-file', { type: 'directory' })
  })

  it('a file that does not exist cannot be read', async () => {
    await expectRefused(join(dir, 'missing'), 'snapshot-unreadable')
  })

  it('an empty file is refused', async () => {
    await expectRefused(await file(''), 'snapshot-empty')
  })

  it('a foreign file is refused: binary, text, JSON lines of profiles, a byte-order mark', async () => {
    await expectRefused(
      await file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])),
      'snapshot-without-header',
    )
    await expectRefused(await file('hello world\n'), 'snapshot-without-header')
    await expectRefused(await file(`${JSON.stringify(ANN)}\n`), 'snapshot-without-header')
    await expectRefused(await file(`\uFEFF${withTrailer([HEADER, ANN])}`), 'snapshot-without-header')
    await expectRefused(await file('x'.repeat(100_000)), 'snapshot-without-header')
  })

  it('a file holding only a trailer is refused, not loaded as an empty index', async () => {
    const sha256 = createHash('sha256').update('').digest('hex')
    await expectRefused(
      await file(`${JSON.stringify({ end: { records: 0, sha256 } })}\n`),
      'snapshot-without-header',
    )
  })

  it('a second header is refused', async () => {
    await expectRefused(await file(withTrailer([HEADER, ANN, HEADER, BOB])), 'snapshot-second-header', {
      line: '3',
    })
  })

  it('a header of another format or of an unknown version is refused', async () => {
    const other = { header: { format: 'other-snapshot', version: 2 } }
    await expectRefused(await file(withTrailer([other, ANN])), 'snapshot-without-header')
    const future = { header: { format: 'people-search-snapshot', version: 4 } }
    expect(await refusal(await file(withTrailer([future, ANN])))).toMatchObject({
      code: 'snapshot-version',
      values: { version: '4' },
    })
    // Version 3 is binary after this very header: JSON lines after it are no version 3 file.
    const binary = { header: { format: 'people-search-snapshot', version: 3 } }
    await expectRefused(await file(withTrailer([binary, ANN])), 'snapshot-image-size')
  })

  it('records of unknown kinds are refused, and so are records with two kinds', async () => {
    await expectRefused(
      await file(withTrailer([HEADER, ANN, { comment: 'hi' }])),
      'snapshot-unknown-record',
      {
        kind: 'comment',
        line: '3',
      },
    )
    await expectRefused(
      await file(withTrailer([HEADER, { ...ANN, ...BOB, edge: ['a', 'b'] }])),
      'snapshot-unknown-record',
    )
    await expectRefused(await file(withTrailer([HEADER, {}])), 'snapshot-unknown-record')
    // Version 1 knew no add times or earlier versions.
    const v1 = { header: { format: 'people-search-snapshot', version: 1 } }
    await expectRefused(await file(withTrailer([v1, ANN, { added: ['a', 1] }])), 'snapshot-unknown-record', {
      kind: 'added',
    })
  })

  it('{"edge":"ab"} is refused, not read as a connection of a and b', async () => {
    const path = await file(withTrailer([HEADER, ANN, BOB, { edge: 'ab' }]))
    await expectRefused(path, 'snapshot-malformed-record', { kind: 'edge', line: '4' })
  })

  it('records of the wrong shape are refused', async () => {
    for (const record of [
      { edge: ['a'] },
      { edge: ['a', 'b', 'c'] },
      { edge: ['a', 1] },
      { member: 'ag' },
      { member: { 0: 'a', 1: 'g', length: 2 } },
      { profile: ['a'] },
      { profile: null },
      { added: ['a', '2026-01-01'] },
      { added: ['a', null] },
      { version: { time: 1 } },
      { version: { time: 'x', profile: BOB.profile } },
      { version: { time: 1, profile: BOB.profile, extra: 1 } },
      { incarnation: ['a', 'one'] },
    ]) {
      const kind = Object.keys(record)[0]
      const path = await file(withTrailer([HEADER, ANN, record]))
      expect(await refusal(path), JSON.stringify(record)).toMatchObject({
        code: 'snapshot-malformed-record',
        values: { kind, line: '3' },
      })
    }
  })

  it('records of the right shape whose content is refused name the problem', async () => {
    const cases: [object[], ErrorCode][] = [
      [[{ profile: { id: 'a', firstName: '' } }], 'snapshot-invalid-record'],
      [[ANN, ANN], 'snapshot-duplicate-profile'],
      [[ANN, { added: ['z', 1] }], 'snapshot-unknown-member'],
      [[ANN, { version: { time: 1, profile: BOB.profile } }], 'snapshot-unknown-member'],
      [[ANN, { version: { time: 1, profile: { id: 'a' } } }], 'snapshot-invalid-record'],
      [[ANN, { edge: ['a', 'z'] }], 'snapshot-invalid-link'],
      [[ANN, { member: ['z', 'g'] }], 'snapshot-invalid-link'],
      [[ANN, { member: ['a', ''] }], 'snapshot-invalid-link'],
      [[ANN, { incarnation: ['a', 0] }], 'snapshot-invalid-record'],
    ]
    for (const [records, code] of cases) {
      const error = await refusal(await file(withTrailer([HEADER, ...records])))
      expect(error.code, JSON.stringify(records)).toBe(code)
    }
  })

  it('a line that is not UTF-8, not JSON or not an object is corrupted', async () => {
    const good = withTrailer([HEADER, ANN])
    for (const bad of [
      Buffer.from([0x7b, 0xff, 0x7d]),
      Buffer.from('[1,2]'),
      Buffer.from('null'),
      Buffer.from(''),
    ]) {
      const lines = good.split('\n')
      const text = Buffer.concat([
        Buffer.from(`${lines[0]}\n`),
        bad,
        Buffer.from(`\n${lines.slice(1).join('\n')}`),
      ])
      await expectRefused(await file(text), 'snapshot-corrupted-line', { line: '2' })
    }
  })

  it('a trailer whose count or checksum does not match, or that is malformed, is corruption', async () => {
    const good = withTrailer([HEADER, ANN, BOB])
    await expectRefused(await file(good.replace('"records":3', '"records":2')), 'snapshot-corrupted')
    await expectRefused(await file(good.replace('"Bob"', '"Rob"')), 'snapshot-corrupted')
    await expectRefused(await file(good.replace(/"sha256":"[0-9a-f]+"/, '"sha256":42')), 'snapshot-corrupted')
  })

  it('anything after the trailer is refused, and so is a missing trailer or final newline', async () => {
    const good = withTrailer([HEADER, ANN])
    await expectRefused(await file(`${good}${JSON.stringify(BOB)}\n`), 'snapshot-data-after-trailer', {
      line: '4',
    })
    await expectRefused(await file(`${good}x`), 'snapshot-data-after-trailer')
    await expectRefused(await file(good.slice(0, -1)), 'snapshot-truncated')
    await expectRefused(await file(good.slice(0, good.indexOf('{"end"'))), 'snapshot-truncated')
  })

  it('whatever a snapshot is cut to or changed into, load answers it or refuses it, never crashes', async () => {
    const source = new PeopleIndex({ now })
    source.add([ANN.profile, BOB.profile])
    source.connect('a', 'b')
    const path = join(dir, 'good.snapshot')
    await source.save(path)
    const good = await readFile(path)
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: good.length }),
        fc.oneof(
          fc.constant({ cut: true } as const),
          fc.record({ byte: fc.integer({ min: 0, max: 255 }) }),
          fc.record({ insert: fc.uint8Array({ maxLength: 40 }) }),
        ),
        async (at, change) => {
          let bytes: Buffer
          if ('cut' in change) bytes = good.subarray(0, at)
          else if ('byte' in change) {
            bytes = Buffer.from(good)
            if (at < bytes.length) bytes[at] = change.byte
          } else bytes = Buffer.concat([good.subarray(0, at), Buffer.from(change.insert), good.subarray(at)])
          const changed = await file(bytes, 'changed.snapshot')
          const outcome = await PeopleIndex.load(changed, { now }).then(
            (index) => index.size,
            (e: unknown) => e,
          )
          if (typeof outcome === 'number') expect(bytes.equals(good)).toBe(true)
          else expect(outcome).toBeInstanceOf(PeopleSearchError)
        },
      ),
      { numRuns: 200 },
    )
  })
})
