/**
 * The benchmark suite: `pnpm bench` (10k, 100k and 1M members) or `pnpm bench:quick` (10k and
 * 100k, under two minutes). Each engine at each size runs in its own process (`child.ts`), so
 * heap figures and timings do not leak between engines; the figures are gathered into
 * `bench/dist/results/<mode>.json`, then `bench/RESULTS.md` and `bench/latency.svg` are written
 * from them. `--render` rewrites the two files from the last saved figures without measuring.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { latencyChart } from './chart.js'
import type { CoreVersion, EngineName, RunFigures, SizeFigures } from './figures.js'
import { sizeLabel } from './format.js'
import { machine } from './machine.js'
import { log } from './measure.js'
import { resultsMarkdown } from './report.js'

interface Plan {
  sizes: number[]
  engines(size: number): EngineName[]
  /** Engines left out at a size, and why (for the report). */
  skipped(size: number): string[]
}

const LIBRARIES: EngineName[] = ['flexsearch', 'orama', 'minisearch']

const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    sizes: [10_000, 100_000],
    engines: (size) => (size <= 10_000 ? ['ours', ...LIBRARIES] : ['ours', 'flexsearch', 'minisearch']),
    skipped: (size) =>
      size <= 10_000
        ? [
            'oracle at 10k: the quick run leaves it out (its relevance search rescans the corpus; ~3 s a search)',
          ]
        : [
            'Orama at 100k: the quick run leaves it out (building 100k documents alone takes ~30 s); `pnpm bench` runs it',
            'oracle at 100k: only in `pnpm bench`',
          ],
  },
  full: {
    sizes: [10_000, 100_000, 1_000_000],
    engines: (size) => (size <= 100_000 ? ['ours', ...LIBRARIES, 'oracle'] : ['ours']),
    // The report says why the peers are left out at 1M, from their measured 100k figures.
    skipped: () => [],
  },
}

const here = fileURLToPath(new URL('.', import.meta.url))
const benchDir = fileURLToPath(new URL('../../', import.meta.url))
const rootDir = fileURLToPath(new URL('../../../', import.meta.url))
const resultsDir = `${benchDir}dist/results/`

function main(): void {
  const args = process.argv.slice(2)
  const mode = args.includes('--quick') ? 'quick' : 'full'
  const savedPath = `${resultsDir}${mode}.json`
  let run: RunFigures
  if (args.includes('--render')) {
    run = JSON.parse(readFileSync(savedPath, 'utf8')) as RunFigures
  } else {
    run = measure(mode, commandLine(mode, args))
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(savedPath, `${JSON.stringify(run, null, 2)}\n`)
  }
  writeFileSync(`${benchDir}RESULTS.md`, `${resultsMarkdown(run, machine(), versions())}\n`)
  writeFileSync(`${benchDir}latency.svg`, latencyChart(run))
  log(`wrote bench/RESULTS.md and bench/latency.svg (${mode} run of ${run.date})`)
}

function measure(mode: 'quick' | 'full', command: string): RunFigures {
  const plan = PLANS[mode]
  const coreAtStart = coreFingerprint()
  const start = performance.now()
  const sizes: SizeFigures[] = []
  const skipped: string[] = []
  mkdirSync(resultsDir, { recursive: true })
  for (const size of plan.sizes) {
    const figures: SizeFigures = { size, generateMs: 0, engines: [] }
    for (const engine of plan.engines(size)) {
      const out = `${resultsDir}${mode}-${size}-${engine}.json`
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--max-old-space-size=16000', `${here}child.js`, engine, String(size), mode, out],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      )
      if (child.status !== 0) {
        skipped.push(
          `${engine} at ${sizeLabel(size)}: its process failed (${child.signal ?? `exit ${child.status}`})`,
        )
        continue
      }
      const part = JSON.parse(readFileSync(out, 'utf8')) as SizeFigures
      figures.generateMs = part.generateMs
      figures.engines.push(...part.engines)
    }
    skipped.push(...plan.skipped(size))
    sizes.push(figures)
  }
  const wallMs = performance.now() - start
  const core: CoreVersion = { ...gitState(), changedDuringRun: coreFingerprint() !== coreAtStart }
  if (core.changedDuringRun) log('warning: packages/core/dist changed while the run measured')
  return { command, core, mode, date: new Date().toISOString(), sizes, skipped, wallMs }
}

/** A hash of the compiled core every child loads, to notice a rebuild in the middle of a run. */
function coreFingerprint(): string {
  const hash = createHash('sha256')
  const dist = `${rootDir}packages/core/dist`
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .sort()
  for (const file of files) hash.update(file).update(readFileSync(`${dist}/${file}`))
  return hash.digest('hex')
}

function gitState(): { commit: string; dirty: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: rootDir, encoding: 'utf8' }).trim()
  try {
    const dirty = git('status', '--porcelain', '--', 'packages/core/src')
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: dirty === '' ? [] : dirty.split('\n') }
  } catch {
    return { commit: 'unknown', dirty: [] }
  }
}

function commandLine(mode: 'quick' | 'full', args: string[]): string {
  const script = process.env.npm_lifecycle_event
  if (script === 'bench' || script === 'bench:quick') return `pnpm ${script}`
  return (
    ['node bench/dist/bench/run.js', ...args].join(' ') || `pnpm bench${mode === 'quick' ? ':quick' : ''}`
  )
}

function versions(): Record<string, string> {
  const version = (name: string) => {
    try {
      const manifest = readFileSync(`${benchDir}node_modules/${name}/package.json`, 'utf8')
      return (JSON.parse(manifest) as { version: string }).version
    } catch {
      return '?'
    }
  }
  return Object.fromEntries(
    ['tinybench', 'flexsearch', '@orama/orama', 'minisearch'].map((name) => [name, version(name)]),
  )
}

main()
