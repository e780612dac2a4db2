import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { LoadProgress, type ProgressStream } from '../src/progress.js'
import { run } from '../src/run.js'

/** A stream that says it is (or is not) a terminal and keeps what is written to it. */
function terminal(isTTY: boolean): ProgressStream & { text(): string } {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; columns: number }
  stream.isTTY = isTTY
  stream.columns = 100
  const chunks: string[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')))
  return Object.assign(stream, { text: () => chunks.join('') })
}

/** A clock that moves by `step` ms at each reading. */
function clock(step: number): () => number {
  let now = 0
  return () => {
    now += step
    return now
  }
}

const ESC = '\u001b'
/** What a terminal shows: the text without its cursor and erase sequences. */
const visible = (text: string) => text.replace(new RegExp(`${ESC}(\\[[0-9;?]*[A-Za-z]|[78])`, 'g'), '')

describe('load progress', () => {
  it('a terminal sees a bar once the load has run past the delay; it is cleared at the end', async () => {
    const stream = terminal(true)
    const progress = new LoadProgress(stream, { delayMs: 1000, now: clock(400) })
    progress.phase('Reading people.jsonl', 2_000_000, 'bytes')
    progress.tick(500_000) // 800 ms after the start: too soon
    expect(stream.text()).toBe('')
    progress.tick(1_000_000) // 1,200 ms
    progress.finish()
    await new Promise((resolve) => setImmediate(resolve))
    const shown = visible(stream.text())
    expect(shown).toContain('Reading people.jsonl [')
    expect(shown).toContain('1.0 MB/1.9 MB')
    expect(shown).toMatch(/50%/)
    expect(stream.text().endsWith(`${ESC}[2K`)).toBe(true) // the line is cleared: nothing is left behind
  })

  it('a load that ends within the delay shows nothing', async () => {
    const stream = terminal(true)
    const progress = new LoadProgress(stream, { delayMs: 1000, now: clock(10) })
    progress.phase('Sample world: members', 400)
    for (let i = 1; i <= 50; i++) progress.tick(i * 8)
    progress.finish()
    await new Promise((resolve) => setImmediate(resolve))
    expect(stream.text()).toBe('')
  })

  it('a stream that is not a terminal gets nothing, however long the load', async () => {
    const stream = terminal(false)
    const progress = new LoadProgress(stream, { delayMs: 0, now: clock(5000) })
    progress.phase('Reading x', 10)
    progress.tick(5)
    progress.watch()
    progress.finish()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stream.text()).toBe('')
  })

  it('a load that only awaits (a snapshot) is shown by elapsed time once the delay has passed', async () => {
    const stream = terminal(true)
    const progress = new LoadProgress(stream, { delayMs: 5 })
    progress.phase('Loading snapshot s.jsonl', undefined)
    progress.watch()
    await new Promise((resolve) => setTimeout(resolve, 60))
    progress.finish()
    await new Promise((resolve) => setImmediate(resolve))
    expect(visible(stream.text())).toMatch(/Loading snapshot s\.jsonl … \d+s/)
  })

  it('the command shows the sample world being built on a terminal, and the answer is unchanged', async () => {
    const stream = terminal(true)
    const out = await run(['--viewers', '--size', '400'], {
      progress: stream,
      progressOptions: { delayMs: 0 },
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(out.exitCode).toBe(0)
    expect(out.stderr).toBe('')
    expect(visible(stream.text())).toContain('Sample world: members [')
    const quiet = await run(['--viewers', '--size', '400'], { progress: terminal(false) })
    expect(quiet.stdout).toBe(out.stdout)
  })

  it('the command shows a data file being read on a terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-progress-'))
    const lines = []
    for (let i = 0; i < 3000; i++) lines.push(JSON.stringify({ id: `m${i}`, firstName: 'M', lastName: 'N' }))
    await writeFile(join(dir, 'people.jsonl'), `${lines.join('\n')}\n`)
    const stream = terminal(true)
    const out = await run(['viewers', '--data', 'people.jsonl'], {
      cwd: dir,
      env: {},
      progress: stream,
      progressOptions: { delayMs: 0 },
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(out.exitCode).toBe(0)
    expect(visible(stream.text())).toContain('Reading people.jsonl [')
  })
})
