// Crash safety for real (docs/spec.md §9.5): a child process owning a state directory is killed
// with SIGKILL at random moments (during a batch, during a snapshot, anywhere), and the directory,
// reopened here, must answer exactly as a fresh index built from the writes the child saw
// acknowledged, plus at most the one in flight, whole or not at all.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Profile } from '@people-search/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Write } from '../../src/state/write.js'
import { answersOf, ModelIndex, openState, profileOf, removeDir, TestClock, tempDir } from './state-world.js'

const SERVER = fileURLToPath(new URL('../..', import.meta.url))
const CHILD = fileURLToPath(new URL('./fixtures/writer-child.mjs', import.meta.url))
const SEED_SIZE = 2000
const SEED_AT = Date.UTC(2012, 0, 1)
const DAY = 24 * 3600 * 1000
/** How long the crash rounds may take, all together. */
const BUDGET_MS = 12_000

/**
 * Builds dist/ from src/ so that the child runs this code. Test files run in parallel: one build
 * at a time (a directory as the lock). Other parts of the package may be mid-edit: their errors
 * do not stop the emit, and only errors in the state files fail this test.
 */
function buildServer(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const lock = join(tmpdir(), 'people-search-server-build.lock')
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() - started > 120_000) rmSync(lock, { recursive: true, force: true })
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
    }
  }
  try {
    execFileSync(process.execPath, [tsc, '-b', SERVER], { encoding: 'utf8', stdio: 'pipe' })
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error)
    if (/src\/(state|admin)\//.test(output) || !existsSync(join(SERVER, 'dist', 'state', 'durable-index.js')))
      throw new Error(`tsc -b ${SERVER} failed:\n${output}`)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

type Event =
  | { opened: number }
  | { start: number; at: number; write: Write }
  | { ack: number; seq: number }
  | { fail: number; code: string }
  | { snapshot: 'start' }
  | { snapshot: 'done'; seq: number; ms: number }

type Plan = 'batch' | 'snapshot' | 'any'

interface Round {
  events: Event[]
  /** What was in the directory when the child was dead. */
  files: string[]
}

let root: string
let seedFile: string
let seed: Profile[]
const children: ChildProcess[] = []

beforeAll(async () => {
  buildServer()
  root = await tempDir()
  seed = Array.from({ length: SEED_SIZE }, (_, i) => profileOf(`s${i}`, i))
  seedFile = join(root, 'seed.json')
  await writeFile(seedFile, JSON.stringify(seed))
}, 180_000)

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL')
  if (root !== undefined) await removeDir(root)
})

const random = (max: number) => Math.floor(Math.random() * max)

/** Runs the writer child on `dir` from write `first`, and kills it as `plan` says. */
async function crashRound(dir: string, first: number, plan: Plan, snapshotMs: number): Promise<Round> {
  const child = spawn(process.execPath, [CHILD, 'write', dir, seedFile, String(first), String(SEED_AT)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const events: Event[] = []
  let armed = false
  const kill = (afterMs: number) => {
    if (armed) return
    armed = true
    setTimeout(() => child.kill('SIGKILL'), afterMs)
  }
  const safety = setTimeout(() => child.kill('SIGKILL'), 4000)
  let writes = 0
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const closed = new Promise((resolve) => lines.once('close', resolve))
  lines.on('line', (line) => {
    let event: Event
    try {
      event = JSON.parse(line) as Event
    } catch {
      return // the last line, cut by the kill
    }
    events.push(event)
    if ('start' in event) writes++
    if (plan === 'any' && 'opened' in event) kill(30 + random(300))
    if (
      plan === 'batch' &&
      'start' in event &&
      writes > 3 &&
      event.write.op === 'add' &&
      event.write.profiles.length >= 40
    )
      kill(random(25))
    if (plan === 'snapshot' && 'snapshot' in event && event.snapshot === 'start')
      kill(random(Math.max(5, snapshotMs)))
  })
  const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  clearTimeout(safety)
  await closed
  if (exit.signal !== 'SIGKILL')
    throw new Error(`the writer child exited by itself (${exit.code}):\n${stderr}`)
  return { events, files: await readdir(dir) }
}

/** A fresh index: the seed, then `writes` with plain core calls at their times. */
function build(writes: readonly { write: Write; at: number }[]): ModelIndex {
  const model = new ModelIndex(seed, SEED_AT)
  for (const { write, at } of writes) model.apply(write, at)
  return model
}

/** Whether the index takes `write` whole: every member it names is there (the child's profiles are valid). */
function takes(model: ModelIndex, write: Write): boolean {
  const has = (id: string) => model.index.accountLevelOf(id) !== undefined
  if (write.op === 'add') return true
  if (write.op === 'remove') return has(write.id)
  if (write.op === 'join' || write.op === 'leave') return write.pairs.every(([id]) => has(id))
  return write.pairs.every(([a, b]) => has(a) && has(b))
}

describe('a writer killed with SIGKILL at random moments', () => {
  it('leaves a directory that reopens to exactly its acknowledged writes, the one in flight whole or not at all', async () => {
    const dir = join(root, 'state')
    const acknowledged: { write: Write; at: number }[] = []
    const coverage = { rounds: 0, inFlight: 0, duringSnapshot: 0, inFlightKept: 0 }
    let next = 0
    let snapshotMs = 10
    const started = Date.now()
    const plans: Plan[] = ['batch', 'snapshot', 'any']
    while (
      coverage.rounds < 3 ||
      (Date.now() - started < BUDGET_MS &&
        (coverage.rounds < 9 || coverage.inFlight === 0 || coverage.duringSnapshot === 0))
    ) {
      const plan = plans[coverage.rounds % plans.length]
      const { events, files } = await crashRound(dir, next, plan, snapshotMs)
      coverage.rounds++
      let current: { i: number; write: Write; at: number } | undefined
      let snapshots = 0
      let lastAt = SEED_AT
      for (const event of events) {
        if ('start' in event) {
          current = { i: event.start, write: event.write, at: event.at }
          lastAt = event.at
        } else if ('ack' in event || 'fail' in event) {
          const i = 'ack' in event ? event.ack : event.fail
          expect(current?.i).toBe(i)
          if ('ack' in event) acknowledged.push({ write: (current as { write: Write }).write, at: lastAt })
          next = i + 1
          current = undefined
        } else if ('snapshot' in event) {
          snapshots += event.snapshot === 'start' ? 1 : -1
          if (event.snapshot === 'done') snapshotMs = event.ms
        }
      }
      if (snapshots > 0 && files.some((name) => name.endsWith('.tmp'))) coverage.duringSnapshot++
      // The child is dead: reopen its directory here, as a restarted service would.
      const clock = new TestClock()
      clock.time = lastAt + DAY
      const { durable } = await openState(dir, clock)
      const actual = await answersOf(durable.index, idsToAsk(acknowledged, current?.write))
      await durable.close()
      const without = build(acknowledged)
      without.askedAt = clock.time
      const ids = idsToAsk(acknowledged, current?.write)
      if (current !== undefined) {
        coverage.inFlight++
        next = current.i + 1
        if (takes(without, current.write)) {
          const withIt = build([...acknowledged, { write: current.write, at: current.at }])
          withIt.askedAt = clock.time
          const expected = await answersOf(withIt.index, ids)
          if (JSON.stringify(actual) === JSON.stringify(expected)) {
            coverage.inFlightKept++
            acknowledged.push({ write: current.write, at: current.at })
            continue
          }
        }
      }
      expect(
        actual,
        `round ${coverage.rounds} (${plan}), ${acknowledged.length} writes acknowledged`,
      ).toEqual(await answersOf(without.index, ids))
    }
    expect(coverage.inFlight).toBeGreaterThan(0)
    expect(coverage.duringSnapshot).toBeGreaterThan(0)
    expect(acknowledged.length).toBeGreaterThan(10)
  }, 60_000)
})

/** The members to ask about: some of the seed, the newest added, and one never added. */
function idsToAsk(acknowledged: readonly { write: Write }[], inFlight: Write | undefined): string[] {
  const added: string[] = []
  for (const { write } of [...acknowledged, ...(inFlight === undefined ? [] : [{ write: inFlight }])])
    if (write.op === 'add')
      for (const profile of write.profiles.slice(0, 2)) added.push((profile as Profile).id)
  return [...new Set(['s0', 's1', 's7', 's42', ...added.slice(-6), 'nobody'])]
}

describe('two services started on one directory at once', () => {
  it('never both get it, even racing to take over a stale lock', async () => {
    const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    await new Promise((resolve) => dead.once('exit', resolve))
    for (let round = 0; round < 6; round++) {
      // A directory whose owner was killed: its lock names a pid that is gone.
      const dir = join(root, `race-${round}`)
      await mkdir(dir)
      await writeFile(join(dir, 'lock'), JSON.stringify({ pid: dead.pid, host: hostname() }))
      const outcomes = await Promise.all([hold(dir), hold(dir)])
      expect(outcomes.filter((outcome) => 'opened' in outcome)).toHaveLength(1)
      expect(outcomes.filter((outcome) => 'refused' in outcome)).toEqual([{ refused: 'state-locked' }])
      for (const child of children.splice(0)) child.kill('SIGKILL')
    }
  })
})

/** Starts a child that opens `dir` and holds it; what it said. */
async function hold(dir: string): Promise<{ opened: number } | { refused: string }> {
  const child = spawn(process.execPath, [CHILD, 'hold', dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  const [line] = await new Promise<string[]>((resolve) => lines.once('line', (first) => resolve([first])))
  return JSON.parse(line)
}
