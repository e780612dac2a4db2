import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PeopleSearchError } from '@people-search/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeLine, LOG_FORMAT, type LogRecord } from '../../src/state/log-record.js'
import { openState, profileOf, removeDir, TestClock, tempDir } from './state-world.js'

const SNAPSHOT = 'snapshot-0000000000000000.snap'
const AT = Date.UTC(2020, 0, 1)

let root: string
/** The seed snapshot of an empty index. */
let emptySnapshot: Buffer
let cases = 0

beforeAll(async () => {
  root = await tempDir()
  const { durable } = await openState(join(root, 'seed'), new TestClock())
  await durable.close()
  emptySnapshot = await readFile(join(root, 'seed', SNAPSHOT))
})

afterAll(async () => {
  await removeDir(root)
})

const header = (first: number) => encodeLine({ format: LOG_FORMAT, version: 1, first })

/** Records 1…n: ann and bob added, then connected and disconnected in turn. */
function records(n: number): LogRecord[] {
  const out: LogRecord[] = [
    { seq: 1, at: AT, op: 'add', profiles: [profileOf('ann', 1), profileOf('bob', 2)] },
  ]
  for (let seq = 2; seq <= n; seq++)
    out.push({ seq, at: AT + seq, op: seq % 2 === 0 ? 'connect' : 'disconnect', pairs: [['ann', 'bob']] })
  return out
}

function segment(first: number, list: readonly LogRecord[]): Buffer {
  return Buffer.concat([header(first), ...list.map((record) => encodeLine(record))])
}

const name = (first: number) => `wal-${String(first).padStart(16, '0')}.log`

/** A state directory with these files (the seed snapshot unless told otherwise). */
async function stateWith(files: Record<string, Buffer>, withSnapshot = true): Promise<string> {
  const dir = join(root, `case-${cases++}`)
  await mkdir(dir)
  if (withSnapshot) await writeFile(join(dir, SNAPSHOT), emptySnapshot)
  for (const [file, bytes] of Object.entries(files)) await writeFile(join(dir, file), bytes)
  return dir
}

/** Opening `dir` is refused with `state-corrupted`; the files are left exactly as they were, unlocked. */
async function expectRefused(dir: string, problem: RegExp): Promise<void> {
  const before = await snapshotOf(dir)
  let error: unknown
  try {
    await openState(dir, new TestClock())
  } catch (thrown) {
    error = thrown
  }
  expect(error).toBeInstanceOf(PeopleSearchError)
  expect(error).toMatchObject({ code: 'state-corrupted', kind: 'badState', status: 500 })
  expect((error as PeopleSearchError).values.problem).toMatch(problem)
  expect(await snapshotOf(dir)).toEqual(before)
}

async function snapshotOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of (await readdir(dir)).sort())
    out[file] = (await readFile(join(dir, file))).toString('base64')
  return out
}

describe('a state directory whose log is corrupted', () => {
  it('opens when it is whole (the control case)', async () => {
    const dir = await stateWith({ [name(1)]: segment(1, records(4)) })
    const { durable } = await openState(dir, new TestClock())
    expect(durable.seq).toBe(4)
    await durable.close()
  })

  it('is refused for a bad byte in a record that is not the last', async () => {
    const bytes = segment(1, records(4))
    bytes[header(1).length + 30] ^= 0x01
    await expectRefused(
      await stateWith({ [name(1)]: bytes }),
      /wal-0000000000000001\.log line 2: its checksum does not match, and more follows it/,
    )
  })

  it('is refused for a bad last line followed by the start of another', async () => {
    const bytes = segment(1, records(3))
    bytes[bytes.length - 5] ^= 0x01
    const more = encodeLine(records(4)[3]).subarray(0, 20)
    await expectRefused(
      await stateWith({ [name(1)]: Buffer.concat([bytes, more]) }),
      /line 4: .*more follows it/,
    )
  })

  it('is refused for a torn record at the end of a segment that is not the newest', async () => {
    const list = records(6)
    const older = segment(1, list.slice(0, 3))
    await expectRefused(
      await stateWith({
        [name(1)]: older.subarray(0, older.length - 7),
        [name(4)]: segment(4, list.slice(3)),
      }),
      /wal-0000000000000001\.log .*incomplete record in a segment that is not the newest/,
    )
  })

  it('is refused for a gap in the numbers, inside a segment or between two', async () => {
    const list = records(6)
    await expectRefused(
      await stateWith({ [name(1)]: segment(1, [...list.slice(0, 2), ...list.slice(3)]) }),
      /record 4 where record 3 was due/,
    )
    await expectRefused(
      await stateWith({ [name(1)]: segment(1, list.slice(0, 2)), [name(4)]: segment(4, list.slice(3)) }),
      /wal-0000000000000004\.log starts at record 4 where record 3 was due/,
    )
  })

  it('is refused when the log after the snapshot starts late (its first records are gone)', async () => {
    await expectRefused(
      await stateWith({ [name(3)]: segment(3, records(4).slice(2)) }),
      /records 1 to 2 are missing/,
    )
  })

  it('is refused for a snapshot whose following segment is gone (a snapshot is taken only once it exists)', async () => {
    const dir = join(root, `case-${cases++}`)
    const { durable } = await openState(dir, new TestClock())
    await durable.apply({ op: 'add', profiles: [profileOf('ann', 1)] })
    await durable.snapshot()
    await durable.close()
    await rm(join(dir, name(2)))
    await expectRefused(
      dir,
      /the log after snapshot-0000000000000001\.snap \(wal-0000000000000002\.log\) is missing/,
    )
  })

  it('is refused for log segments without a snapshot to replay them onto', async () => {
    await expectRefused(await stateWith({ [name(1)]: segment(1, records(2)) }, false), /no snapshot/)
  })

  it('is refused for a segment whose header is not ours, says another first record, or is of another version', async () => {
    const list = records(2)
    const foreign = Buffer.concat([
      encodeLine({ format: 'other', version: 1, first: 1 } as never),
      encodeLine(list[0]),
    ])
    await expectRefused(await stateWith({ [name(1)]: foreign }), /header/)
    await expectRefused(
      await stateWith({ [name(1)]: segment(2, list) }),
      /its header says it starts at record 2/,
    )
    const future = Buffer.concat([
      encodeLine({ format: LOG_FORMAT, version: 2, first: 1 } as never),
      encodeLine(list[0]),
    ])
    await expectRefused(await stateWith({ [name(1)]: future }), /version 2/)
    await expectRefused(await stateWith({ [name(1)]: Buffer.alloc(0) }), /empty/)
    await expectRefused(await stateWith({ [name(1)]: header(1).subarray(0, 10) }), /header is torn/)
  })

  it('is refused for a whole line (its checksum matches) that is not a write', async () => {
    const bad = encodeLine({ seq: 2, at: AT, op: 'drop', id: 'ann' } as never)
    await expectRefused(
      await stateWith({ [name(1)]: Buffer.concat([segment(1, records(1)), bad]) }),
      /line 3: record 2 is not a write/,
    )
  })

  it('skips a logged record whose apply fails with a 4xx error: it failed the same way live', async () => {
    const list = records(3)
    // As if logged live, then refused by the index: a connection to a member that is not there.
    list[1] = { seq: 2, at: AT, op: 'connect', pairs: [['ann', 'ghost']] }
    const { durable } = await openState(await stateWith({ [name(1)]: segment(1, list) }), new TestClock())
    expect(durable.seq).toBe(3)
    expect(durable.index.size).toBe(2)
    await durable.close()
  })

  it('is opened again once repaired: a refusal leaves no lock behind', async () => {
    const bytes = segment(1, records(4))
    bytes[header(1).length + 30] ^= 0x01
    const dir = await stateWith({ [name(1)]: bytes })
    await expectRefused(dir, /checksum/)
    await rm(join(dir, name(1)))
    await writeFile(join(dir, name(1)), segment(1, records(4)))
    const { durable } = await openState(dir, new TestClock())
    expect(durable.seq).toBe(4)
    await durable.close()
  })
})
