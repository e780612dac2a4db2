import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PeopleIndex, PeopleSearchError } from '@people-search/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableIndex } from '../../src/state/durable-index.js'
import { decodeLine } from '../../src/state/log-record.js'
import type { Write } from '../../src/state/write.js'
import {
  ASKED_AT,
  expectSameAnswers,
  invalidProfileOf,
  ModelIndex,
  openState,
  profileOf,
  removeDir,
  SECRET,
  TestClock,
  tempDir,
} from './state-world.js'

const SEGMENT_1 = 'wal-0000000000000001.log'
const DAY = 24 * 3600 * 1000

let dir: string
let clock: TestClock
const opened: DurableIndex[] = []

beforeEach(async () => {
  dir = join(await tempDir(), 'state')
  clock = new TestClock()
})

afterEach(async () => {
  for (const durable of opened.splice(0)) await durable.close()
  await removeDir(join(dir, '..'))
})

async function open(extra: Parameters<typeof openState>[2] = {}) {
  const result = await openState(dir, clock, extra)
  opened.push(result.durable)
  return result
}

/** The records in segment `name`, decoded (the header left out). */
async function recordsIn(name: string): Promise<unknown[]> {
  const text = await readFile(join(dir, name))
  const lines: Buffer[] = []
  let start = 0
  for (let at = text.indexOf(0x0a); at !== -1; at = text.indexOf(0x0a, start)) {
    lines.push(text.subarray(start, at))
    start = at + 1
  }
  return lines.slice(1).map((line) => {
    const decoded = decodeLine(line)
    if (!('value' in decoded)) throw new Error(decoded.problem)
    return decoded.value
  })
}

async function rejection(promise: Promise<unknown>): Promise<PeopleSearchError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected a PeopleSearchError')
}

/** Who ann finds, at what distance, in which groups: what any half-applied write would change. */
function distances(durable: DurableIndex): unknown {
  return durable.index.search(
    '/v1/people-search:(people:(id,distance),num-results,facets:(code,buckets:(code,count)))?count=25&facets=network',
    {
      viewer: 'ann',
    },
  )
}

const ANN_BOB: Write = { op: 'add', profiles: [profileOf('ann', 1), profileOf('bob', 2)] }

describe('a new state directory', () => {
  it('is created with mode 0700 and starts from the seed, written as snapshot 0 before anything else', async () => {
    let seeded = 0
    const seed = (now: () => Date) => {
      seeded++
      const index = new PeopleIndex({ now, secret: SECRET })
      index.add([profileOf('ann', 1)])
      return index
    }
    const { durable } = await open({ seed })
    expect(durable.index.size).toBe(1)
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    expect((await readdir(dir)).sort()).toEqual(['lock', 'snapshot-0000000000000000.snap', SEGMENT_1])
    expect(await recordsIn(SEGMENT_1)).toEqual([])
    await durable.close()
    const again = await open({ seed })
    expect(seeded).toBe(1)
    expect(again.durable.index.size).toBe(1)
  })

  it('starts empty without a seed', async () => {
    const { durable } = await open()
    expect(durable.index.size).toBe(0)
    expect(durable.seq).toBe(0)
  })
})

describe('apply', () => {
  it('resolves only once the record is in the log, numbered in call order, with the service clock', async () => {
    const { durable } = await open()
    clock.time = ASKED_AT - DAY
    expect(await durable.apply(ANN_BOB)).toEqual({ seq: 1 })
    expect(await recordsIn(SEGMENT_1)).toEqual([{ seq: 1, at: ASKED_AT - DAY, ...ANN_BOB }])
    expect(await durable.apply({ op: 'connect', pairs: [['ann', 'bob']] })).toEqual({ seq: 2 })
    expect(await recordsIn(SEGMENT_1)).toHaveLength(2)
    expect(durable.index.getPerson('bob', { viewer: 'ann', fields: '(id,distance)' })).toEqual({
      id: 'bob',
      distance: 1,
    })
  })

  it('reopens to exactly the acknowledged state, each write replayed at its own time', async () => {
    const model = new ModelIndex()
    const { durable } = await open()
    const writes: Write[] = [
      ANN_BOB,
      { op: 'add', profiles: [profileOf('cy', 3), profileOf('di', 4)] },
      {
        op: 'connect',
        pairs: [
          ['ann', 'bob'],
          ['bob', 'cy'],
        ],
      },
      {
        op: 'join',
        pairs: [
          ['ann', 'g1'],
          ['di', 'g1'],
        ],
      },
      // Replaced without dates (same company, same title): lookups backfill them only from
      // versions under 10 years old (docs/spec.md §6.1), so bob's come back and ann's, 11 years on, do not.
      { op: 'add', profiles: [profileOf('bob', 6)] },
      { op: 'add', profiles: [profileOf('ann', 9), profileOf('cy', 6)] },
      { op: 'leave', pairs: [['di', 'g1']] },
      { op: 'disconnect', pairs: [['bob', 'cy']] },
      { op: 'remove', id: 'bob' },
      { op: 'add', profiles: [profileOf('bob', 9)] },
    ]
    for (const [i, write] of writes.entries()) {
      clock.time += (i === 5 ? 11 * 365 : 30) * DAY
      await durable.apply(write)
      model.apply(write, clock.time)
    }
    clock.time = ASKED_AT
    const ids = ['ann', 'bob', 'cy', 'di', 'ghost']
    await expectSameAnswers(durable.index, model.index, ids)
    await durable.close()
    const { durable: reopened } = await open()
    expect(reopened.seq).toBe(writes.length)
    await expectSameAnswers(reopened.index, model.index, ids)
  })

  it('applies a write as its logged JSON: values JSON changes are judged as a replay will see them', async () => {
    const { durable } = await open()
    const updatedAt = new Date(Date.UTC(2020, 0, 1))
    // A Date is not a §1.1 string, but its JSON is: both live and replay take the string.
    await durable.apply({ op: 'add', profiles: [{ ...profileOf('ann', 1), updatedAt, headline: undefined }] })
    const live = durable.index.getPerson('ann', { viewer: 'ann', fields: '(id,headline)' })
    await durable.close()
    const { durable: reopened } = await open()
    expect(reopened.index.getPerson('ann', { viewer: 'ann', fields: '(id,headline)' })).toEqual(live)
    expect(live).toEqual({ id: 'ann' })
  })

  it('serializes writes: each is checked against the state the ones before it left', async () => {
    const { durable } = await open()
    const acks = await Promise.all([
      durable.apply(ANN_BOB),
      durable.apply({ op: 'connect', pairs: [['ann', 'bob']] }),
      durable.apply({ op: 'remove', id: 'bob' }),
      durable
        .apply({ op: 'connect', pairs: [['ann', 'bob']] })
        .catch((error: PeopleSearchError) => error.code),
    ])
    expect(acks).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }, 'unknown-member'])
  })
})

describe('a write the index would not take whole', () => {
  const REFUSED: [string, Write, string][] = [
    [
      'an invalid profile in a batch',
      { op: 'add', profiles: [profileOf('cy', 1), invalidProfileOf('di')] },
      'invalid-profile',
    ],
    ['a profile that is not an object', { op: 'add', profiles: ['cy'] }, 'invalid-profile'],
    ['a removal of an unknown member', { op: 'remove', id: 'ghost' }, 'unknown-member'],
    [
      'a connection to an unknown member',
      {
        op: 'connect',
        pairs: [
          ['ann', 'bob'],
          ['ann', 'ghost'],
        ],
      },
      'unknown-member',
    ],
    [
      'a disconnection of an unknown member',
      {
        op: 'disconnect',
        pairs: [
          ['ann', 'bob'],
          ['ghost', 'ann'],
        ],
      },
      'unknown-member',
    ],
    [
      'a membership of an unknown member',
      {
        op: 'join',
        pairs: [
          ['ann', 'g2'],
          ['ghost', 'g2'],
        ],
      },
      'unknown-member',
    ],
    [
      'an empty group',
      {
        op: 'join',
        pairs: [
          ['ann', 'g2'],
          ['bob', ''],
        ],
      },
      'invalid-group',
    ],
    ['leaving an empty group', { op: 'leave', pairs: [['ann', '']] }, 'invalid-group'],
    ['an unknown op', { op: 'drop', id: 'ann' } as unknown as Write, 'invalid-argument'],
    ['pairs that are not pairs', { op: 'connect', pairs: [['ann']] } as unknown as Write, 'invalid-argument'],
    ['an id that is not a string', { op: 'remove', id: 7 } as unknown as Write, 'invalid-argument'],
    ['profiles that are not a list', { op: 'add', profiles: 'ann' } as unknown as Write, 'invalid-argument'],
    [
      'a value JSON cannot hold',
      { op: 'add', profiles: [{ ...profileOf('cy', 1), numConnections: 1n }] },
      'unreadable-argument',
    ],
  ]

  it.each(REFUSED)('is refused before it is logged, changing nothing: %s', async (_, write, code) => {
    const { durable } = await open()
    await durable.apply(ANN_BOB)
    await durable.apply({ op: 'join', pairs: [['ann', 'g1']] })
    const before = await readFile(join(dir, SEGMENT_1))
    // Nothing half applied either: a first, valid part of the batch would show here.
    const answer = () => distances(durable)
    const expected = answer()
    const error = await rejection(durable.apply(write))
    expect(error.code).toBe(code)
    expect(error.status).toBeLessThan(500)
    if (code === 'unknown-member') expect(error.values.member).toBe('ghost')
    expect(await readFile(join(dir, SEGMENT_1))).toEqual(before)
    expect(answer()).toEqual(expected)
    expect(durable.seq).toBe(2)
  })

  it('is refused when a getter of the write throws, as unreadable-argument', async () => {
    const { durable } = await open()
    const write = {
      get op(): string {
        throw new Error('boom')
      },
    }
    expect((await rejection(durable.apply(write as unknown as Write))).code).toBe('unreadable-argument')
  })
})

describe('a log that cannot be written', () => {
  type Handle = { write: (...args: unknown[]) => Promise<unknown>; datasync: () => Promise<void> }
  const handleOf = (durable: DurableIndex) =>
    (durable as unknown as { segment: { handle: Handle } }).segment.handle

  it('refuses the write with write-not-durable, cuts the partial record off and takes the next write', async () => {
    const { durable } = await open()
    await durable.apply(ANN_BOB)
    const before = distances(durable)
    const handle = handleOf(durable)
    const write = handle.write.bind(handle)
    // Half the line reaches the file, then the disk is full.
    handle.write = async (buffer: unknown, offset: unknown, length: unknown, position: unknown) => {
      handle.write = write
      await write(buffer, offset, Math.floor((length as number) / 2), position)
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    const error = await rejection(durable.apply({ op: 'connect', pairs: [['ann', 'bob']] }))
    expect(error).toMatchObject({ code: 'write-not-durable', status: 500 })
    expect(distances(durable)).toEqual(before)
    expect(await durable.apply({ op: 'join', pairs: [['ann', 'g1']] })).toEqual({ seq: 2 })
    await durable.close()
    const { durable: reopened, warnings } = await open()
    expect(warnings).toEqual([])
    expect(await recordsIn(SEGMENT_1)).toMatchObject([{ op: 'add' }, { op: 'join' }])
    expect(distances(reopened)).toEqual(before)
  })

  it('takes no more writes once a flush failed: what the kernel kept can no longer be trusted', async () => {
    const { durable } = await open()
    await durable.apply(ANN_BOB)
    handleOf(durable).datasync = () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))
    expect((await rejection(durable.apply({ op: 'remove', id: 'ann' }))).code).toBe('write-not-durable')
    expect(durable.index.size).toBe(2)
    expect((await rejection(durable.apply({ op: 'remove', id: 'bob' }))).code).toBe('write-not-durable')
    expect((await rejection(durable.snapshot())).code).toBe('write-not-durable')
  })
})

describe('close', () => {
  it('lets queued writes finish, then refuses more and releases the directory', async () => {
    const { durable } = await open()
    const pending = durable.apply(ANN_BOB)
    const closed = durable.close()
    expect((await rejection(durable.apply({ op: 'remove', id: 'ann' }))).code).toBe('write-not-durable')
    expect(await pending).toEqual({ seq: 1 })
    await closed
    expect(await readdir(dir)).not.toContain('lock')
    const { durable: reopened } = await open()
    expect(reopened.index.size).toBe(2)
  })
})

describe('options', () => {
  it('refuses options that are not what the contract says, with a 400', async () => {
    const create = () => new PeopleIndex()
    const load = (path: string) => PeopleIndex.load(path)
    for (const options of [
      undefined,
      { dir: '', create, load },
      { dir, load },
      { dir, create, load: 'x' },
      { dir, create, load, now: 5 },
      { dir, create, load, seed: {} },
    ]) {
      const error = await rejection(DurableIndex.open(options as never))
      expect(error.code).toBe('invalid-argument')
    }
  })

  it('refuses a state directory that is a file, as state-unusable', async () => {
    await writeFile(join(dir, '..', 'file'), 'x')
    const error = await rejection(openState(join(dir, '..', 'file'), clock))
    expect(error).toMatchObject({ code: 'state-unusable', status: 500 })
  })
})
