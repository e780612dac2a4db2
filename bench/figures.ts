/**
 * The measured figures: what each child process hands back, and the whole run as it is kept in
 * `bench/results.json` (written by every `pnpm bench` / `pnpm bench:quick`, committed, and the
 * only input of `RESULTS.md` and `latency.svg`) and in `bench/baseline.json` (`pnpm bench:snap`).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Machine } from './machine.js'
import type { Budget, Latency } from './measure.js'
import type { PeerName } from './scenario.js'

/** Names the layout of a figures file; change it whenever a field changes meaning or goes away. */
export const FIGURES_FORMAT = 'people-search-bench/1'

/** `bench/` of the source tree (this module runs from `bench/dist/bench/`). */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url))
/** The figures of the last run, committed. */
export const RESULTS_FILE = `${BENCH_DIR}results.json`
/** The figures `bench:compare` measures against, committed (`bench:snap` writes it). */
export const BASELINE_FILE = `${BENCH_DIR}baseline.json`

/** Matches are reported as the median over the first cases of each class. */
export const MATCH_CASES = 5

export type EngineName = 'ours' | PeerName
export type Mode = 'quick' | 'full'

export interface BuildSummary {
  totalMs: number
  /** Ours only: `add` of the profiles, and the graph (connectMany, joinGroup). */
  addMs?: number
  graphMs?: number
  /** Heap the engine holds beyond the corpus it was built from, bytes. */
  heapBytes: number
  bytesPerProfile: number
}

export interface QueryFigures {
  latency: Latency
  /** Median over the cases of the matches the engine reported. */
  matches: number
  /** False when the engine cannot count beyond the page it returns. */
  exactCount: boolean
  /** A fingerprint of the cases asked (viewers, requests, peer queries): equal means the same questions. */
  cases: string
}

export interface EngineFigures {
  engine: EngineName
  size: number
  /** The child process that measured these figures. */
  command: string
  /** How each query class was timed. */
  budget: Budget
  build: BuildSummary
  queries: Record<string, QueryFigures>
}

export interface SizeFigures {
  size: number
  /** Generating the world, ms. */
  generateMs: number
  engines: EngineFigures[]
}

/** Which core was measured. */
export interface CoreVersion {
  /** `git rev-parse --short HEAD` of the work tree. */
  commit: string
  /** Files under packages/core/src with uncommitted changes at the start. */
  dirty: string[]
  /** Whether packages/core/dist changed while the run measured (another build replaced it). */
  changedDuringRun: boolean
}

export interface RunFigures {
  format: typeof FIGURES_FORMAT
  /** The command that measured these figures, as typed (`pnpm bench`). */
  command: string
  mode: Mode
  /** When the run started, ISO 8601. */
  date: string
  wallMs: number
  /** The machine the figures were measured on (not the one that renders them). */
  machine: Machine
  /**
   * The machine's 1-minute load average when the run started and when it ended. The suite
   * itself adds about 1 (one process measures at a time); much more means other work competed.
   */
  load: { start: number; end: number }
  /** Versions of tinybench and the peer libraries, as installed when measured. */
  libraries: Record<string, string>
  core: CoreVersion
  sizes: SizeFigures[]
  /** Why some engine did not run at some size. */
  skipped: string[]
}

/** Whether other work competed with the run: a load average above the number of cores. */
export function wasBusy(run: RunFigures): boolean {
  return Math.max(run.load.start, run.load.end) > run.machine.cores
}

/** Reads a figures file, with an error that says what to do when it is missing or stale. */
export function readFigures(path: string, what: string): RunFigures {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new Error(
      `${path}: no ${what} yet. ${what === 'baseline' ? 'Run `pnpm bench:snap`' : 'Run `pnpm bench`'} first.`,
    )
  }
  const run = JSON.parse(text) as Partial<RunFigures>
  if (run.format !== FIGURES_FORMAT) {
    throw new Error(
      `${path}: format ${JSON.stringify(run.format)}, but this suite reads ${FIGURES_FORMAT}; measure it again.`,
    )
  }
  return run as RunFigures
}

/** Serialises figures the way they are committed: two-space JSON, one trailing newline. */
export function figuresJson(run: RunFigures): string {
  return `${JSON.stringify(run, null, 2)}\n`
}

/** One engine at one size, if it ran. */
export function engineAt(run: RunFigures, size: number, engine: EngineName): EngineFigures | undefined {
  return run.sizes.find((s) => s.size === size)?.engines.find((e) => e.engine === engine)
}
