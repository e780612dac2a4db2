import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DurableIndex } from '../../src/state/durable-index.js'
import type { Write } from '../../src/state/write.js'
import { openState, profileOf, removeDir, TestClock, tempDir } from './state-world.js'

const SNAPSHOT = 'snapshot-0000000000000000.snap'
const SEGMENT = 'wal-0000000000000001.log'
const WRITES: Write[] = [
  { op: 'add', profiles: [profileOf('ann', 1), profileOf('bob', 2)] },
  { op: 'connect', pairs: [['ann', 'bob']] },
]
/** The last write: a batch of two, so a half-applied one would show as one member more. */
const LAST: Write = {
  op: 'add',
  profiles: [
    { id: 'cy', firstName: 'Cy', lastName: 'Lee', headline: 'Rust developer' },
    { id: 'di', firstName: 'Di', lastName: 'Ray', headline: 'Java developer' },
  ],
}

let root: string
let snapshot: Buffer
/** The segment before the last write, and after it. */
let before: Buffer
let after: Buffer
let cases = 0
const PARALLEL = 16

beforeAll(async () => {
  root = await tempDir()
  const clock = new TestClock()
  const { durable } = await openState(join(root, 'built'), clock)
  for (const write of WRITES) await durable.apply(write)
  before = await readFile(join(root, 'built', SEGMENT))
  await durable.apply(LAST)
  after = await readFile(join(root, 'built', SEGMENT))
  snapshot = await readFile(join(root, 'built', SNAPSHOT))
  await durable.close()
})

afterAll(async () => {
  await removeDir(root)
})

/** A state directory holding the seed snapshot and `segment` as the log. */
async function stateWith(segment: Buffer): Promise<string> {
  const dir = join(root, `case-${cases++}`)
  await mkdir(dir)
  await writeFile(join(dir, SNAPSHOT), snapshot)
  await writeFile(join(dir, SEGMENT), segment)
  return dir
}

/** What the state holds: its last seq, members, and who ann finds. */
function fingerprint(durable: DurableIndex): unknown {
  return {
    seq: durable.seq,
    size: durable.index.size,
    found: durable.index.search('/v1/people-search?keywords=developer&count=25', { viewer: 'ann' }),
  }
}

async function openedAs(segment: Buffer) {
  const dir = await stateWith(segment)
  const { durable, warnings } = await openState(dir, new TestClock())
  const state = { fingerprint: fingerprint(durable), warnings: warnings.map((w) => w.kind) }
  return { dir, durable, state }
}

describe('a torn append at the end of the newest segment', () => {
  it('is cut off at every byte offset of the last record: the state is the one before it, whole', async () => {
    const { durable: whole } = await openedAs(after)
    const withLast = fingerprint(whole)
    await whole.close()
    const { durable: none } = await openedAs(before)
    const withoutLast = fingerprint(none)
    await none.close()
    expect(withLast).not.toEqual(withoutLast)
    const ends = Array.from({ length: after.length - before.length - 1 }, (_, i) => before.length + 1 + i)
    // Independent directories: several at a time, so the flushes overlap.
    for (let i = 0; i < ends.length; i += PARALLEL) {
      await Promise.all(
        ends.slice(i, i + PARALLEL).map(async (end) => {
          const { dir, durable, state } = await openedAs(after.subarray(0, end))
          await durable.close()
          expect(state, `cut at byte ${end}`).toEqual({ fingerprint: withoutLast, warnings: ['torn-tail'] })
          expect((await stat(join(dir, SEGMENT))).size, `cut at byte ${end}`).toBe(before.length)
          await removeDir(dir)
        }),
      )
    }
    expect(ends.length).toBeGreaterThan(100)
  })

  it('is cut off so that the next write follows the last whole record', async () => {
    const { dir, durable } = await openedAs(after.subarray(0, after.length - 10))
    await durable.apply(LAST)
    await durable.close()
    expect(await readFile(join(dir, SEGMENT))).toEqual(after)
  })

  it('is cut off when it is a whole line whose checksum does not match', async () => {
    const flipped = Buffer.from(after)
    flipped[before.length + 40] ^= 0x04
    const { durable, state } = await openedAs(flipped)
    await durable.close()
    expect(state.warnings).toEqual(['torn-tail'])
    expect(state.fingerprint).toMatchObject({ seq: 2, size: 2 })
  })

  it('is cut off when a crash left zeros after the last record (the size grew, the data did not come)', async () => {
    const zeros = Buffer.concat([before, Buffer.alloc(after.length - before.length)])
    const { durable, state } = await openedAs(zeros)
    await durable.close()
    expect(state).toMatchObject({ fingerprint: { seq: 2, size: 2 }, warnings: ['torn-tail'] })
  })

  it('leaves nothing to cut when the last record is whole: no warning, nothing removed', async () => {
    const { dir, durable, state } = await openedAs(after)
    await durable.close()
    expect(state).toMatchObject({ fingerprint: { seq: 3, size: 4 }, warnings: [] })
    expect(await readFile(join(dir, SEGMENT))).toEqual(after)
    expect((await readdir(dir)).sort()).toEqual([SNAPSHOT, SEGMENT])
  })
})
