import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PeopleIndex } from '../../src/index.js'
import { SECTIONS } from '../../src/snapshot/binary-format.js'
import { type RecordsJob, type RecordsReply, runRecordsJob } from '../../src/snapshot/check-records.js'
import { poolOf, recordsOf, type SectionValue } from '../../src/snapshot/image-sections.js'
import { ImageReader } from '../../src/snapshot/read-image.js'
import { sectionBytes, smallWorld, withSection } from './snapshot-kit.js'

const CORE = fileURLToPath(new URL('../..', import.meta.url))
const DIST_INDEX = join(CORE, 'dist', 'index.js')
const WORKER = join(CORE, 'dist', 'snapshot', 'records-worker.js')
const now = () => new Date('2026-06-15T00:00:00Z')
const REQUESTS = [
  '/v1/people-search?keywords=java',
  '/v1/people-search:(people:(id,headline,positions))?last-name=ray',
]

/**
 * Builds dist/ from src/: the worker that checks the records is a file of the build (the tests
 * run the sources, where the check runs on the loading thread instead). One build at a time.
 */
function buildCore(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const lock = join(tmpdir(), 'people-search-core-build.lock')
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
    execFileSync(process.execPath, [tsc, '-b', CORE], { encoding: 'utf8', stdio: 'pipe' })
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error)
    if (/src\/(snapshot|store)\//.test(output) || !existsSync(WORKER))
      throw new Error(`tsc -b failed:\n${output}`)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Loads each file with the built package in a child process: `loaded` and the answers, or the error's code. */
function loadWithBuild(paths: string[]): unknown[] {
  const script = `
    const { PeopleIndex } = await import(${JSON.stringify(DIST_INDEX)})
    const out = []
    for (const path of ${JSON.stringify(paths)}) {
      try {
        const index = await PeopleIndex.load(path, { now: () => new Date('2026-06-15T00:00:00Z') })
        out.push({ loaded: ${JSON.stringify(REQUESTS)}.map((r) => index.search(r, { viewer: 'bob' })) })
      } catch (error) {
        out.push({ error: error.code ?? String(error) })
      }
    }
    console.log(JSON.stringify(out))`
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return JSON.parse(output)
}

/** The job of checking the records of the version 3 file at `path`, as load-image.ts makes it. */
async function recordsJob(path: string): Promise<RecordsJob> {
  const handle = await open(path, 'r')
  try {
    const reader = await ImageReader.open(path, handle, (await handle.stat()).size)
    const bytesAt = SECTIONS.findIndex((spec) => spec.name === 'profiles.bytes')
    const sections: SectionValue[] = []
    let crc = 0
    for (let i = 0; i <= bytesAt + 2; i++) {
      if (i !== bytesAt) sections.push(await reader.section(i))
      else {
        const bytes = await reader.unchecked(i)
        sections.push(bytes.value)
        crc = bytes.crc
      }
    }
    await reader.settle()
    const { ids, profiles } = recordsOf(sections, poolOf(path, sections))
    return { path, ids, profiles, section: 'profiles.bytes', crc }
  } finally {
    await handle.close()
  }
}

/** The built worker's answer to `job`. */
function workerAnswer(job: RecordsJob): Promise<RecordsReply> {
  const worker = new Worker(WORKER, { execArgv: [] })
  return new Promise<RecordsReply>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.postMessage(job)
  }).finally(() => worker.terminate())
}

describe('the records of a large file are checked in a worker thread when the package is built (check-records.ts)', () => {
  let dir = ''
  let good: Buffer
  beforeAll(async () => {
    buildCore()
    dir = await mkdtemp(join(tmpdir(), 'people-search-worker-'))
    await smallWorld().save(join(dir, 'good'))
    good = await readFile(join(dir, 'good'))
  }, 120_000)
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  it('the built worker answers as the loading thread, and the built package loads and refuses as the sources do', async () => {
    expect(existsSync(WORKER)).toBe(true)
    const records = sectionBytes(good, 'profiles.bytes')
    const at = records.indexOf('bob')
    expect(at).toBeGreaterThan(0)
    // Bob's record now names member "bog": its checksum recomputed, the id no longer the slot's.
    const crafted = Buffer.from(records)
    crafted[at + 2] = 'g'.charCodeAt(0)
    await writeFile(join(dir, 'crafted'), withSection(good, 'profiles.bytes', crafted))
    // The same change without a new checksum: the checksum of the records' bytes finds it.
    const damaged = Buffer.from(good)
    damaged[damaged.indexOf('Java architect')] ^= 1
    await writeFile(join(dir, 'damaged'), damaged)
    const paths = ['good', 'crafted', 'damaged'].map((name) => join(dir, name))
    // The built worker answers each job as the loading thread does, over shared memory. (A file
    // this small is checked on the loading thread: a worker pays off from 64 MiB, load-image.ts.)
    for (const path of paths) {
      const job = await recordsJob(path)
      expect(await workerAnswer(job), path).toEqual(runRecordsJob(job))
    }
    expect(await workerAnswer(await recordsJob(paths[1]))).toMatchObject({ code: 'snapshot-image-invalid' })
    expect(await workerAnswer(await recordsJob(paths[2]))).toEqual({
      code: 'snapshot-image-checksum',
      section: 'profiles.bytes',
    })
    const loaded = await PeopleIndex.load(paths[0], { now })
    expect(loadWithBuild(paths)).toEqual([
      { loaded: REQUESTS.map((request) => loaded.search(request, { viewer: 'bob' })) },
      { error: 'snapshot-image-invalid' },
      { error: 'snapshot-image-checksum' },
    ])
  })
})
