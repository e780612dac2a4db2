/**
 * Measuring a run: which engines run at which sizes, one child process each (`child.ts`), and
 * the figures gathered into one `RunFigures` with the machine, the library versions and the
 * state of the core. Shared by `run.ts` (`pnpm bench`, `pnpm bench:quick`) and `compare.ts`
 * (`pnpm bench:compare`).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import {
  BENCH_DIR,
  type CoreVersion,
  type EngineName,
  FIGURES_FORMAT,
  type Mode,
  type RunFigures,
  type SizeFigures,
} from './figures.js'
import { sizeLabel } from './format.js'
import { machine } from './machine.js'
import { log } from './measure.js'

interface Plan {
  sizes: number[]
  engines(size: number): EngineName[]
  /** Engines left out at a size, and why (for the report). */
  skipped(size: number): string[]
}

const LIBRARIES: EngineName[] = ['flexsearch', 'orama', 'minisearch']

export const PLANS: Record<Mode, Plan> = {
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
const rootDir = fileURLToPath(new URL('../../../', import.meta.url))
/** Where the children leave their figures (not committed). */
export const SCRATCH_DIR = `${BENCH_DIR}dist/results/`

export interface MeasureOptions {
  mode: Mode
  /** The command as the user typed it, recorded with the figures. */
  command: string
  /** Only these engines (`bench:compare` measures ours alone). */
  only?: readonly EngineName[]
  /** Prefix of the children's scratch files. */
  tag?: string
}

export function measure({ mode, command, only, tag = mode }: MeasureOptions): RunFigures {
  const plan = PLANS[mode]
  const coreAtStart = coreFingerprint()
  const loadAtStart = loadavg()[0]
  const date = new Date().toISOString()
  const start = performance.now()
  const sizes: SizeFigures[] = []
  const skipped: string[] = []
  mkdirSync(SCRATCH_DIR, { recursive: true })
  for (const size of plan.sizes) {
    const figures: SizeFigures = { size, generateMs: 0, engines: [] }
    for (const engine of plan.engines(size).filter((e) => only === undefined || only.includes(e))) {
      const out = `${SCRATCH_DIR}${tag}-${size}-${engine}.json`
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
    if (only === undefined) skipped.push(...plan.skipped(size))
    sizes.push(figures)
  }
  const wallMs = performance.now() - start
  const core: CoreVersion = { ...gitState(), changedDuringRun: coreFingerprint() !== coreAtStart }
  if (core.changedDuringRun) log('warning: packages/core/dist changed while the run measured')
  return {
    format: FIGURES_FORMAT,
    command,
    mode,
    date,
    wallMs,
    machine: machine(),
    load: { start: round2(loadAtStart), end: round2(loadavg()[0]) },
    libraries: versions(),
    core,
    sizes,
    skipped,
  }
}

/** A load average as the figures keep it: two decimals. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100
}

/** A hash of the compiled core every child loads, to notice a rebuild in the middle of a run. */
export function coreFingerprint(): string {
  const hash = createHash('sha256')
  const dist = `${rootDir}packages/core/dist`
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .sort()
  for (const file of files) hash.update(file).update(readFileSync(`${dist}/${file}`))
  return hash.digest('hex')
}

/** The commit of the work tree, and which files under `paths` have uncommitted changes. */
export function gitState(paths: readonly string[] = ['packages/core/src']): {
  commit: string
  dirty: string[]
} {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: rootDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trimEnd()
  try {
    const dirty = git('status', '--porcelain', '--', ...paths)
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: dirty === '' ? [] : dirty.split('\n') }
  } catch {
    return { commit: 'unknown', dirty: [] }
  }
}

/** Versions of tinybench and the peer libraries, as installed. */
export function versions(): Record<string, string> {
  const version = (name: string) => {
    try {
      const manifest = readFileSync(`${BENCH_DIR}node_modules/${name}/package.json`, 'utf8')
      return (JSON.parse(manifest) as { version: string }).version
    } catch {
      return '?'
    }
  }
  return Object.fromEntries(
    ['tinybench', 'flexsearch', '@orama/orama', 'minisearch'].map((name) => [name, version(name)]),
  )
}

/** A root script's command line as package.json writes it (`''` when it cannot be read). */
function scriptOf(event: string): string {
  try {
    const manifest = JSON.parse(readFileSync(`${rootDir}package.json`, 'utf8')) as {
      scripts?: Record<string, string>
    }
    return manifest.scripts?.[event] ?? ''
  } catch {
    return ''
  }
}

/**
 * The command as typed: `pnpm <script> [extra args]` when run through a root `bench*` script
 * (the script's own arguments left out), else the `node` command line.
 */
export function typedCommand(script: string, args: readonly string[]): string {
  const event = process.env.npm_lifecycle_event
  if (event?.startsWith('bench')) {
    // The script's own words come from package.json: pnpm appends the arguments typed after the
    // script's name to npm_lifecycle_script, which cannot tell them from the script's own.
    const own = new Set(scriptOf(event).split(/\s+/))
    return ['pnpm', event, ...args.filter((a) => !own.has(a))].join(' ')
  }
  return ['node', `bench/dist/bench/${script}`, ...args].join(' ')
}
