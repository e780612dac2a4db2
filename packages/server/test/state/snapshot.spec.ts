import { cp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PeopleIndex } from '@people-search/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DurableIndex } from '../../src/state/durable-index.js'
import type { Write } from '../../src/state/write.js'
import {
  ASKED_AT,
  expectSameAnswers,
  ModelIndex,
  openState,
  profileOf,
  removeDir,
  SECRET,
  TestClock,
  tempDir,
} from './state-world.js'

const DAY = 24 * 3600 * 1000
const IDS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'ghost']

let root: string
let clock: TestClock
let model: ModelIndex
const opened: DurableIndex[] = []

beforeEach(async () => {
  root = await tempDir()
  clock = new TestClock()
  model = new ModelIndex()
})

afterEach(async () => {
  for (const durable of opened.splice(0)) await durable.close()
  await removeDir(root)
})

async function open(name = 'state') {
  const result = await openState(join(root, name), clock)
  opened.push(result.durable)
  return result
}

async function close(durable: DurableIndex): Promise<void> {
  opened.splice(opened.indexOf(durable), 1)
  await durable.close()
}

/** The `n`th write of a varied sequence over members m0…m5, each of which the index takes. */
function nth(n: number): Write {
  const id = `m${n % 6}`
  if (n === 0) return { op: 'add', profiles: [0, 1, 2, 3, 4, 5].map((i) => profileOf(`m${i}`, i)) }
  switch (n % 4) {
    case 0:
      return { op: 'add', profiles: [profileOf(id, n), profileOf(`m${(n + 1) % 6}`, n + 1)] }
    case 1:
      return { op: 'connect', pairs: [[id, `m${(n + 2) % 6}`]] }
    case 2:
      return { op: 'join', pairs: [[`m${(n + 5) % 6}`, `g${n % 3}`]] }
    default:
      return { op: 'disconnect', pairs: [[`m${(n + 3) % 6}`, `m${(n + 5) % 6}`]] }
  }
}

let written = 0
/** The writes acknowledged so far, with their times. */
let applied: { write: Write; at: number }[] = []
beforeEach(() => {
  written = 0
  applied = []
})

/** Applies the next `count` writes to `durable` and the model, a day apart. */
async function write(durable: DurableIndex, count: number): Promise<void> {
  for (let i = 0; i < count; i++, written++) {
    const next = nth(written)
    clock.time += 40 * DAY
    await durable.apply(next)
    model.apply(next, clock.time)
    applied.push({ write: next, at: clock.time })
  }
}

async function expectModel(durable: DurableIndex): Promise<void> {
  const now = clock.time
  clock.time = ASKED_AT
  await expectSameAnswers(durable.index, model.index, IDS)
  clock.time = now
}

const files = async (name = 'state') => (await readdir(join(root, name))).sort()

describe('snapshot', () => {
  it('writes the state as of the last write, starts a new segment and removes what it covers', async () => {
    const { durable } = await open()
    await write(durable, 7)
    expect(await durable.snapshot()).toEqual({
      seq: 7,
      path: join(root, 'state', 'snapshot-0000000000000007.snap'),
    })
    expect(await files()).toEqual(['lock', 'snapshot-0000000000000007.snap', 'wal-0000000000000008.log'])
    await write(durable, 5)
    expect(await durable.apply(nth(0))).toEqual({ seq: 13 })
    model.apply(nth(0), clock.time)
    await close(durable)
    const { durable: reopened } = await open()
    expect(reopened.seq).toBe(13)
    await expectModel(reopened)
  })

  it('is one point in time: writes made while it is written are in the log after it, not in it', async () => {
    const { durable } = await open()
    await write(durable, 6)
    const atSnapshot = new ModelIndex()
    for (const { write, at } of applied) atSnapshot.apply(write, at)
    const taking = durable.snapshot()
    await write(durable, 6)
    const { seq, path } = await taking
    expect(seq).toBe(6)
    const loaded = await PeopleIndex.load(path, { now: () => new Date(ASKED_AT), secret: SECRET })
    await expectSameAnswers(loaded, atSnapshot.index, IDS)
    await close(durable)
    const { durable: reopened } = await open()
    expect(reopened.seq).toBe(12)
    await expectModel(reopened)
  })

  it('taken twice at once, or again with no write since, is the same snapshot', async () => {
    const { durable } = await open()
    await write(durable, 3)
    const [a, b] = await Promise.all([durable.snapshot(), durable.snapshot()])
    expect([a.seq, b.seq]).toEqual([3, 3])
    expect(await files()).toEqual(['lock', 'snapshot-0000000000000003.snap', 'wal-0000000000000004.log'])
    await write(durable, 2)
    await durable.snapshot()
    expect(await files()).toEqual(['lock', 'snapshot-0000000000000005.snap', 'wal-0000000000000006.log'])
  })
})

describe('a crash during a snapshot', () => {
  const hanging: (() => void)[] = []
  afterEach(() => {
    for (const release of hanging.splice(0)) release()
  })

  /**
   * A copy of the state directory as a crash left it while a snapshot was being written: the
   * new segment exists (and got `after` more writes), the snapshot file is not there yet.
   */
  async function crashedWhileSaving(after: number): Promise<{ before: string; saving: string }> {
    const { durable } = await open()
    await write(durable, 5)
    await durable.snapshot()
    await write(durable, 4)
    await cp(join(root, 'state'), join(root, 'before'), { recursive: true })
    // The file of the snapshot never gets written: save hangs until the test is over.
    const index = durable.index as PeopleIndex & { save: (path: string) => Promise<void> }
    index.save = () => new Promise((_, reject) => hanging.push(() => reject(new Error('never written'))))
    void durable.snapshot().catch(() => {})
    await write(durable, after)
    await cp(join(root, 'state'), join(root, 'saving'), { recursive: true })
    await rm(join(root, 'before', 'lock'))
    await rm(join(root, 'saving', 'lock'))
    return { before: 'before', saving: 'saving' }
  }

  it('after the log moved to a new segment, before the snapshot is complete: the old snapshot and both segments', async () => {
    const { saving } = await crashedWhileSaving(3)
    expect(await files(saving)).toEqual([
      'snapshot-0000000000000005.snap',
      'wal-0000000000000006.log',
      'wal-0000000000000010.log',
    ])
    const { durable } = await open(saving)
    expect(durable.seq).toBe(12)
    await expectModel(durable)
  })

  it('with a half-written temporary snapshot file left: it is removed and the state is whole', async () => {
    const { saving } = await crashedWhileSaving(2)
    const complete = await readFile(join(root, saving, 'snapshot-0000000000000005.snap'))
    const temporary = 'snapshot-0000000000000009.snap.0123456789abcdef01234567.tmp'
    await writeFile(join(root, saving, temporary), complete.subarray(0, complete.length >> 1))
    const { durable } = await open(saving)
    expect(await files(saving)).not.toContain(temporary)
    expect(durable.seq).toBe(11)
    await expectModel(durable)
  })

  it('after the rename, before older files are removed: the newest snapshot is used, the rest removed', async () => {
    const { durable } = await open()
    await write(durable, 5)
    await durable.snapshot()
    await write(durable, 4)
    await cp(join(root, 'state'), join(root, 'renamed'), { recursive: true })
    await durable.snapshot()
    await write(durable, 3)
    for (const name of ['snapshot-0000000000000009.snap', 'wal-0000000000000010.log'])
      await cp(join(root, 'state', name), join(root, 'renamed', name))
    await rm(join(root, 'renamed', 'lock'))
    expect(await files('renamed')).toHaveLength(4)
    const { durable: reopened, warnings } = await open('renamed')
    expect(warnings).toEqual([])
    expect(reopened.seq).toBe(12)
    await expectModel(reopened)
    expect(await files('renamed')).toEqual([
      'lock',
      'snapshot-0000000000000009.snap',
      'wal-0000000000000010.log',
    ])
  })
})

describe('a newest snapshot that is refused', () => {
  it('falls back, loudly, to the older snapshot when the whole log since it is still there', async () => {
    const { durable } = await open()
    await write(durable, 5)
    await durable.snapshot()
    await write(durable, 4)
    await cp(join(root, 'state'), join(root, 'fallback'), { recursive: true })
    await durable.snapshot()
    await write(durable, 2)
    for (const name of ['snapshot-0000000000000009.snap', 'wal-0000000000000010.log'])
      await cp(join(root, 'state', name), join(root, 'fallback', name))
    await rm(join(root, 'fallback', 'lock'))
    await truncate(join(root, 'fallback', 'snapshot-0000000000000009.snap'), 100)
    const { durable: reopened, warnings } = await open('fallback')
    expect(warnings.map((warning) => warning.kind)).toEqual(['snapshot-refused'])
    expect(reopened.seq).toBe(11)
    await expectModel(reopened)
  })

  it('refuses to start when the log since an older snapshot is gone, touching nothing', async () => {
    const { durable } = await open()
    await write(durable, 5)
    await durable.snapshot()
    await write(durable, 2)
    await close(durable)
    await truncate(join(root, 'state', 'snapshot-0000000000000005.snap'), 100)
    const before = await files()
    await expect(open()).rejects.toMatchObject({ code: 'state-corrupted', status: 500 })
    expect(await files()).toEqual(before)
  })
})
