/**
 * The figures of one `pnpm bench:server` run, as kept in `bench/results-server.json`
 * (committed, and the only input of `bench/SERVER-RESULTS.md`). A run of its own, apart from
 * `results.json`: another command, another date, and the HTTP service besides the core.
 */
import { readFileSync } from 'node:fs'
import { BENCH_DIR } from '../figures.js'
import type { Machine } from '../machine.js'
import type { Format } from './formats.js'

/** Names the layout of the file; change it whenever a field changes meaning or goes away. */
export const SERVER_FIGURES_FORMAT = 'people-search-bench-server/1'
export const SERVER_RESULTS_FILE = `${BENCH_DIR}results-server.json`
export const SERVER_RESULTS_MD = `${BENCH_DIR}SERVER-RESULTS.md`

/** The target for the mix on one core (issue 12, item 5). */
export const TARGET = { searchesPerSecond: 1500, p99Ms: 25 } as const

/** Latency of single searches, milliseconds. */
export interface LatencySummary {
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
  samples: number
}

/** What an in-process figure times, each stage including the ones before it. */
export type Stage = 'answer' | 'document' | 'json' | 'xml'

/** The same searches without HTTP: a loop over the index on the server's core, before it listens. */
export interface InProcessFigures {
  /** `mix` or `q1` … `q7`. */
  run: string
  stage: Stage
  /** One core, one search at a time: 1000 ÷ mean latency. */
  searchesPerSecond: number
  latency: LatencySummary
}

/** One autocannon run against the service. */
export interface HttpRunFigures {
  /** `mix` or `q1` … `q7`. */
  run: string
  format: Format
  /** How many distinct searches the connections cycle through. */
  cases: number
  connections: number
  warmupS: number
  /** The measured part, seconds, as autocannon timed it. */
  durationS: number
  /** Answers of the measured part per second (any status). */
  searchesPerSecond: number
  /** Of every answer of the measured part, from the client's send to the last byte. */
  latency: LatencySummary
  responses: number
  /** Answers by HTTP status. */
  statuses: Record<string, number>
  non2xx: number
  /** Connection errors and timeouts (autocannon's `errors` counts timeouts too). */
  errors: number
  timeouts: number
  /** Mean size of an answer, bytes (headers included). */
  meanAnswerBytes: number
  /** CPU time ÷ wall time over the measured part: the service process, and the load generator. */
  cpu: { server: number; loadGenerator: number }
}

/** Where the service's CPU time went during a profiled run, shares of the samples. */
export interface ProfileFigures {
  run: string
  format: Format
  /** The `.cpuprofile`, relative to `bench/` (not committed). */
  file: string
  searchesPerSecond: number
  /** Self time by part of the stack (framework, search, rendering, Node's HTTP, GC, idle …). */
  parts: { part: string; share: number }[]
  /** The functions with the most self time. */
  top: { name: string; share: number }[]
}

export interface ServerRunFigures {
  format: typeof SERVER_FIGURES_FORMAT
  /** As typed (`pnpm bench:server`). */
  command: string
  /** When the run started, ISO 8601. */
  date: string
  wallMs: number
  machine: Machine
  /** 1-minute load average at the start and at the end: other work on the machine competes. */
  load: { start: number; end: number }
  /** How the two processes were kept apart. */
  pinning: { server: string; loadGenerator: string }
  commit: string
  /** Uncommitted files under packages/core/src and packages/server/src at the start. */
  dirty: string[]
  libraries: Record<string, string>
  size: number
  buildMs: number
  /** Every case was asked once over HTTP in both formats, and answered the same bytes as in process. */
  verifiedCases: number
  inProcess: InProcessFigures[]
  http: HttpRunFigures[]
  profile?: ProfileFigures
}

export function readServerFigures(path = SERVER_RESULTS_FILE): ServerRunFigures {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new Error(`${path}: no server figures yet. Run \`pnpm bench:server\` first.`)
  }
  const run = JSON.parse(text) as Partial<ServerRunFigures>
  if (run.format !== SERVER_FIGURES_FORMAT) {
    throw new Error(
      `${path}: format ${JSON.stringify(run.format)}, but this suite reads ${SERVER_FIGURES_FORMAT}; measure it again.`,
    )
  }
  return run as ServerRunFigures
}

/** Whether the mix in JSON met the target. */
export function targetMet(run: ServerRunFigures): boolean | undefined {
  const mix = run.http.find((h) => h.run === 'mix' && h.format === 'json')
  if (mix === undefined) return undefined
  return (
    mix.searchesPerSecond >= TARGET.searchesPerSecond &&
    mix.latency.p99 <= TARGET.p99Ms &&
    mix.non2xx === 0 &&
    mix.errors === 0
  )
}
