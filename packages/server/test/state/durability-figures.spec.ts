// The cost of durability, measured (not a check: it runs only when asked):
//   STATE_FIGURES=1 npx vitest run packages/server/test/state/durability-figures.spec.ts
// Real files in the system's temporary directory, real fdatasync. Prints one line per figure.
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PeopleIndex } from '@people-search/core'
import * as sample from '@people-search/sample'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeLine } from '../../src/state/log-record.js'
import type { Write } from '../../src/state/write.js'
import { openState, profileOf, removeDir, SECRET, TestClock, tempDir } from './state-world.js'

let root: string

beforeAll(async () => {
  root = await tempDir()
})

afterAll(async () => {
  if (root !== undefined) await removeDir(root)
})

const report = (figure: string, value: string) => process.stdout.write(`  ${figure.padEnd(58)} ${value}\n`)

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const ms = (value: number) => `${value.toFixed(2)} ms`

/** The sample world of `size` members, as the service's default seed builds it (packages/cli/src/sample-world.ts). */
async function sampleWorld(size: number, now: () => Date): Promise<{ index: PeopleIndex; ids: string[] }> {
  const index = new PeopleIndex({ now, secret: SECRET })
  index.add([...sample.sampleProfiles({ size })])
  const ids = sample.sampleIds({ size })
  const edges = sample.sampleEdges({ size })
  for (let i = 0; i < edges.length; i += 2) index.connect(ids[edges[i]], ids[edges[i + 1]])
  for (const { group, members } of sample.sampleGroups({ size }))
    for (const m of members) index.joinGroup(ids[m], group)
  return { index, ids }
}

describe.skipIf(process.env.STATE_FIGURES === undefined)('durability figures', () => {
  it('measures appends, replay and snapshots', async () => {
    const clock = new TestClock()
    const batch = [...sample.sampleProfiles({ size: 1000 })]
    const { durable } = await openState(join(root, 'writes'), clock, {
      seed: (now) => sampleWorld(1000, now).then((w) => w.index),
    })
    const ids = sample.sampleIds({ size: 1000 })

    // One 1,000-profile batch: the whole apply, and the log append + fdatasync alone.
    const bytes = encodeLine({ seq: 1, at: 0, op: 'add', profiles: batch }).length
    const applies: number[] = []
    const appends: number[] = []
    const segment = (durable as unknown as { segment: { append(line: Buffer): Promise<void> } }).segment
    for (let round = 0; round < 10; round++) {
      let started = performance.now()
      await durable.apply({ op: 'add', profiles: batch })
      applies.push(performance.now() - started)
      const line = encodeLine({ seq: 0, at: 0, op: 'add', profiles: batch })
      started = performance.now()
      await segment.append(line)
      appends.push(performance.now() - started)
    }
    applies.sort((a, b) => a - b)
    appends.sort((a, b) => a - b)
    report(
      `1,000-profile batch (${(bytes / 1024).toFixed(0)} KiB record): append + fdatasync, median`,
      ms(percentile(appends, 50)),
    )
    report(
      '1,000-profile batch: whole apply (JSON round trip, checks, log, index), median',
      ms(percentile(applies, 50)),
    )
    await durable.close()

    // Single small writes, one after another.
    const { durable: single } = await openState(join(root, 'single'), clock, {
      seed: (now) => sampleWorld(1000, now).then((w) => w.index),
    })
    const singles: number[] = []
    for (let i = 0; i < 300; i++) {
      const write: Write = {
        op: i % 2 === 0 ? 'connect' : 'disconnect',
        pairs: [[ids[i % 1000], ids[(i * 7 + 1) % 1000]]],
      }
      const started = performance.now()
      await single.apply(write)
      singles.push(performance.now() - started)
    }
    singles.sort((a, b) => a - b)
    report(
      'single write (one connection), median / p99',
      `${ms(percentile(singles, 50))} / ${ms(percentile(singles, 99))}`,
    )
    await single.close()

    // Replay of 10,000 records onto a 1,000-member snapshot.
    const replayDir = join(root, 'replay')
    const { durable: writer } = await openState(replayDir, clock, {
      seed: (now) => sampleWorld(1000, now).then((w) => w.index),
    })
    for (let i = 0; i < 10_000; i++) {
      clock.time += 60_000
      const write: Write =
        i % 4 === 0
          ? { op: 'add', profiles: [profileOf(`r${i % 500}`, i)] }
          : i % 4 === 1
            ? { op: 'connect', pairs: [[ids[i % 1000], ids[(i * 13 + 5) % 1000]]] }
            : i % 4 === 2
              ? { op: 'join', pairs: [[ids[i % 1000], `g${i % 40}`]] }
              : { op: 'disconnect', pairs: [[ids[(i * 3) % 1000], ids[(i * 11 + 2) % 1000]]] }
      await writer.apply(write)
    }
    await writer.close()
    // The same snapshot without the log: what opening costs besides the replay.
    const snapshotOnly = join(root, 'snapshot-only')
    await mkdir(snapshotOnly)
    await copyFile(
      join(replayDir, 'snapshot-0000000000000000.snap'),
      join(snapshotOnly, 'snapshot-0000000000000000.snap'),
    )
    const openMs = async (dir: string) => {
      const started = performance.now()
      const { durable } = await openState(dir, clock)
      const elapsed = performance.now() - started
      await durable.close()
      return { elapsed, seq: durable.seq }
    }
    await openMs(snapshotOnly)
    const without = (await openMs(snapshotOnly)).elapsed
    const replay = await openMs(replayDir)
    expect(replay.seq).toBe(10_000)
    const replayMs = replay.elapsed - without
    report(
      'replay of 10,000 records (open with the log minus open without)',
      `${ms(replayMs)} (${Math.round(10_000 / (replayMs / 1000)).toLocaleString('en')} records/s)`,
    )

    // Snapshot and compaction of the 20,000-member sample world.
    const bigDir = join(root, 'big')
    let started = performance.now()
    const { durable: big } = await openState(bigDir, clock, {
      seed: (now) => sampleWorld(20_000, now).then((w) => w.index),
    })
    report(
      'first open with the 20,000-member sample world as seed (build + snapshot 0)',
      ms(performance.now() - started),
    )
    for (let i = 0; i < 100; i++) await big.apply({ op: 'add', profiles: [profileOf(`b${i}`, i)] })
    started = performance.now()
    const taking = big.snapshot()
    // A write asked for just after: it waits for the capture, not for the file.
    await big.apply({ op: 'connect', pairs: [['b1', 'b2']] })
    const during = performance.now() - started
    const { path } = await taking
    report('snapshot + compaction of the 20,000-member index', ms(performance.now() - started))
    report('a write asked for right after that snapshot, acknowledged after', ms(during))
    await big.close()
    started = performance.now()
    const { durable: reopened } = await openState(bigDir, clock)
    report(
      'open of the 20,000-member state directory (snapshot load, empty log)',
      ms(performance.now() - started),
    )
    expect(reopened.index.size).toBe(20_100)
    expect(reopened.seq).toBe(101)
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path))
    report('snapshot file of the 20,000-member index', `${(size / 1024 / 1024).toFixed(1)} MiB`)
    await reopened.close()
    await removeDir(join(root, 'writes'))
  }, 600_000)
})
