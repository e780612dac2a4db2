/**
 * The measured figures: what each child process hands back, and the whole run as it is kept in
 * `bench/results.json` (written by every `pnpm bench` / `pnpm bench:quick`, committed, and the
 * only input of `RESULTS.md` and `latency.svg`) and in `bench/baseline.json` (`pnpm bench:snap`).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { HubProfile } from '@people-search/sample'
import type { Machine } from './machine.js'
import type { Budget, Latency } from './measure.js'
import type { PeerName } from './scenario.js'

/**
 * Names the layout of a figures file; change it whenever a field changes meaning, goes away or is
 * added. Format 2 added the scale rows (`scale`) and latency p90s.
 */
export const FIGURES_FORMAT = 'people-search-bench/2'
/**
 * The layouts this suite reads. A format 1 file is a format 2 file without scale rows and
 * without p90s, so it is read as it is (and written back as format 2).
 */
const READABLE_FORMATS: readonly string[] = ['people-search-bench/1', FIGURES_FORMAT]

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
  /**
   * The rows of `pnpm bench:scale`, one per size, smallest first. Each row carries its own command,
   * date, machine and core: a suite run (`pnpm bench`, `pnpm bench:quick`) keeps the rows of the
   * file it replaces, so they may have measured another commit than `core`.
   */
  scale?: ScaleFigures[]
  /**
   * The runs of `pnpm bench:network`, one per size, smallest first (issue 15: the network rule on
   * a hub-heavy corpus); each carries its own command, date, machine and core.
   */
  network?: NetworkFigures[]
}

/** `process.memoryUsage()` after forced full collections, in bytes. */
export interface MemoryFigures {
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  /** The most the process had been resident until then (`process.resourceUsage().maxRSS`). */
  peakRss: number
}

/** What every process of a scale row reports besides its own figures. */
export interface ScaleProcess {
  /** Its command line: `node --expose-gc --max-old-space-size=… bench/dist/bench/scale/child.js …`. */
  command: string
  /** Memory at its start, before anything was generated: Node and the suite's modules. */
  empty: MemoryFigures
  /** Memory once built (or loaded), with everything of the corpus dropped. */
  memory: MemoryFigures
  /** Generating the corpus in that process, ms; never counted in a build. */
  generateMs: number
}

/** Ours at scale: profiles streamed into `add`, the graph given whole, then queries and a save. */
export interface OursAtScale extends ScaleProcess {
  build: {
    /** The `add` calls alone (generating each batch is not counted). */
    addMs: number
    /** One `connectMany({ members, pairs })`. */
    connectMs: number
    /** `joinGroup` of every membership. */
    groupsMs: number
    /** The three together. */
    totalMs: number
  }
  graph: { edges: number; groups: number; memberships: number }
  /** Memory once the query classes were timed: the viewers' network views (a bounded cache) on top. */
  afterQueries: MemoryFigures
  /** `index.save(path)`, and the size of the file it wrote. */
  save: { ms: number; bytes: number }
  budget: Budget
  queries: Record<string, QueryFigures>
}

/** `PeopleIndex.load` of the snapshot ours saved, in a fresh process. */
export interface LoadAtScale extends ScaleProcess {
  ms: number
  /**
   * What the loaded index did not agree with the built one on: its size, and `numResults` of the
   * first case of every class. Empty when it agreed throughout.
   */
  disagreements: string[]
}

/** FlexSearch indexing the text of the same streamed corpus (no graph, no tags). */
export interface FlexSearchAtScale extends ScaleProcess {
  /** What it indexed, and how, in words. */
  indexed: string
  /** Its `add` calls alone (generating and folding the text is not counted). */
  build: { totalMs: number }
}

export type ScaleProcessName = 'ours' | 'load' | 'flexsearch'

/** The figures a scale row's queries are judged against: ours at the same size in an earlier run. */
export interface PreviousFigures {
  /** Where they come from, in words: `bench/baseline.json (quick run of 2026-12-01, core 413623a)`. */
  source: string
  budget: Budget
  queries: Record<string, QueryFigures>
}

/** What every measurement run apart from the suite records of itself (`bench:scale`, `bench:network`). */
export interface ApartRun {
  size: number
  /** The command as typed: `pnpm bench:scale --size 1000000`. */
  command: string
  /** When it started, ISO 8601. */
  date: string
  wallMs: number
  machine: Machine
  /** 1-minute load average at the start and at the end. */
  load: { start: number; end: number }
  core: CoreVersion
  libraries: Record<string, string>
  /** `--max-old-space-size` of every process of the run, MiB. */
  heapLimitMb: number
  seed: number
}

/** One row of `pnpm bench:scale --size <n>` (docs: bench/README.md, "Scale"). */
export interface ScaleFigures extends ApartRun {
  /** Profiles per `add` call (and per generated batch). */
  batch: number
  ours?: OursAtScale
  loaded?: LoadAtScale
  flexsearch?: FlexSearchAtScale
  /** Why a process gave no figures (not run, failed, stopped by the memory guard). */
  notMeasured: Partial<Record<ScaleProcessName, string>>
  /** Absent when no earlier run measured ours at this size. */
  previous?: PreviousFigures
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
  if (!READABLE_FORMATS.includes(run.format as string)) {
    throw new Error(
      `${path}: format ${JSON.stringify(run.format)}, but this suite reads ${READABLE_FORMATS.join(' and ')}; measure it again.`,
    )
  }
  run.format = FIGURES_FORMAT
  return run as RunFigures
}

/** The figures file at `path`, or undefined when there is none or it cannot be read. */
export function figuresIfAny(path: string): RunFigures | undefined {
  try {
    return readFigures(path, 'figures')
  } catch {
    return undefined
  }
}

/** Serialises figures the way they are committed: two-space JSON, one trailing newline. */
export function figuresJson(run: RunFigures): string {
  return `${JSON.stringify(run, null, 2)}\n`
}

/** One engine at one size, if it ran. */
export function engineAt(run: RunFigures, size: number, engine: EngineName): EngineFigures | undefined {
  return run.sizes.find((s) => s.size === size)?.engines.find((e) => e.engine === engine)
}

// The network bench (`pnpm bench:network`, issue 15 item 4): ours on a hub-heavy corpus for hub and
// typical viewers apart, the bare limit loops of the same run, and FlexSearch on the same corpus.

/** Quantiles of single calls, ms. */
export interface Spread {
  p50: number
  p90: number
  p99: number
  mean: number
  samples: number
}

export type ViewerKind = 'hub' | 'typical'

/** One engine or loop, for each kind of viewer. */
export type PerKind<T> = Record<ViewerKind, T>

export interface NetworkClass {
  /** `q1` … `q7` as the suite names them, `all` for the whole network with no criteria. */
  id: string
  title: string
  /** Ours through `index.searchAnswer`: latency, and the median `numResults`. */
  ours: PerKind<{ latency: Spread; matches: number }>
  /** Absent for the classes the loops cannot express (names, company and facets). */
  loops?: PerKind<{ fullView: Spread; perCandidate: Spread; candidates: number; matches: number }>
  /** FlexSearch over every member (no network): a page of 25, and every match. */
  flexsearch?: { page: Spread; all: Spread; matches: number; note: string }
}

/** What the ours process of the row hands back. */
export interface OursNetwork {
  command: string
  build: { addMs: number; connectMs: number; groupsMs: number }
  edges: number
  viewers: PerKind<{ degrees: number[]; networkSizes: number[] }>
  searches: number
  loopSearches: number
  classes: NetworkClass[]
}

/** What the FlexSearch process hands back, per class id. */
export interface FlexSearchNetwork {
  command: string
  buildMs: number
  classes: Record<string, NonNullable<NetworkClass['flexsearch']>>
}

/** One run of `pnpm bench:network --size <n>`. */
export interface NetworkFigures extends ApartRun {
  meanDegree: number
  hubs: HubProfile
  ours?: OursNetwork
  flexsearch?: FlexSearchNetwork
  notMeasured: Partial<Record<'ours' | 'flexsearch', string>>
}
