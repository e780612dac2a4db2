/** The measured figures, as the child processes hand them to the report. */
import type { Latency } from './measure.js'
import type { PeerName } from './scenario.js'

/** Matches are reported as the median over the first cases of each class. */
export const MATCH_CASES = 5

export type EngineName = 'ours' | PeerName

export interface BuildSummary {
  totalMs: number
  /** Ours only: `add` of the profiles, and the graph (connect, joinGroup). */
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
}

export interface EngineFigures {
  engine: EngineName
  size: number
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
  /** Files under packages/core with uncommitted changes at the start. */
  dirty: string[]
  /** Whether packages/core/dist changed while the run measured (another build replaced it). */
  changedDuringRun: boolean
}

export interface RunFigures {
  command: string
  core?: CoreVersion
  mode: 'quick' | 'full'
  date: string
  sizes: SizeFigures[]
  /** Why some engine did not run at some size. */
  skipped: string[]
  wallMs: number
}
