/**
 * The seven query classes as every measuring process runs them: each class's cases drawn from a
 * corpus (fingerprinted, so figures of different questions are never compared), and the timing
 * of all of them on one engine, round by round. Shared by the suite's children (`session.ts`) and
 * the scale row (`scale/`).
 */
import { createHash } from 'node:crypto'
import type { CaseSource } from './corpus.js'
import { MATCH_CASES, type Mode, type QueryFigures } from './figures.js'
import { type Budget, latencyOf, log, timeRound } from './measure.js'
import { QUERY_SCENARIOS } from './scenarios.js'
import { CASES, type QueryCase, vocabulary, worldFor } from './workload.js'

/**
 * Ours is timed in five rounds (in each, every class once, for at least one pass over its 64
 * cases), so that `bench:compare` can tell noise from a change; the peers and the oracle, which
 * nobody compares against a baseline, in one.
 */
export const BUDGETS: Record<Mode, Record<'ours' | 'peer' | 'oracle', Budget>> = {
  quick: {
    ours: { rounds: 5, timeMs: 60, iterations: CASES, warmupIterations: 8 },
    peer: { rounds: 1, timeMs: 150, iterations: 5, warmupIterations: 1 },
    oracle: { rounds: 1, timeMs: 0, iterations: 4, warmupIterations: 0 },
  },
  full: {
    ours: { rounds: 5, timeMs: 400, iterations: CASES, warmupIterations: 20 },
    peer: { rounds: 1, timeMs: 1500, iterations: 20, warmupIterations: 3 },
    oracle: { rounds: 1, timeMs: 0, iterations: 4, warmupIterations: 0 },
  },
}

/** One class's cases, in the order the timing loop cycles through them. */
export interface ClassPlan {
  /** `q1` … `q7`. */
  id: string
  cases: QueryCase[]
  fingerprint: string
}

/** Answers one case; returns how many matches the engine reports (or a promise of it). */
export type Runner = (query: QueryCase) => number | Promise<number>

/** Every class's cases for this corpus, in report order. */
export function planClasses(corpus: CaseSource): ClassPlan[] {
  const words = vocabulary(corpus)
  return QUERY_SCENARIOS.map((s) => {
    const cases = s.cases(worldFor(corpus, words, s.id))
    return { id: s.id, cases, fingerprint: fingerprint(cases) }
  })
}

/**
 * Times every class on one engine: one untimed probe per class, then `budget.rounds` rounds, each
 * timing every class once (so a class's rounds lie seconds apart). `exactCount`: whether the
 * engine's numbers count every match (false: capped by its page). `label` prefixes the log lines.
 */
export async function timeClasses(
  label: string,
  plans: readonly ClassPlan[],
  run: Runner,
  budget: Budget,
  exactCount: boolean,
): Promise<Record<string, QueryFigures>> {
  const classes = []
  for (const { id, cases, fingerprint } of plans) {
    // What the first MATCH_CASES cases report; every engine runs at least those.
    const seen: number[] = []
    const call = (k: number) => {
      const answer = run(cases[k % cases.length])
      if (typeof answer === 'number') {
        if (k < MATCH_CASES) seen[k] = answer
        return undefined
      }
      return answer.then((n) => {
        if (k < MATCH_CASES) seen[k] = n
      })
    }
    // One untimed probe, which also tells whether the engine answers with promises.
    const probe = call(0)
    if (probe !== undefined) await probe
    classes.push({ id, fingerprint, seen, call, async: probe !== undefined, rounds: [] as number[][] })
  }
  // Round by round over all the classes, so that a class's rounds lie seconds apart.
  for (let round = 0; round < budget.rounds; round++) {
    for (const c of classes) c.rounds.push(await timeRound(`${label} ${c.id}`, c.call, c.async, budget))
  }
  const queries: Record<string, QueryFigures> = {}
  for (const c of classes) {
    const latency = latencyOf(c.rounds)
    const matches = median(c.seen.filter((n) => n !== undefined))
    queries[c.id] = { latency, matches, exactCount, cases: c.fingerprint }
    const rounds =
      latency.rounds.length > 1 ? `, round p50s ${latency.rounds.map((r) => r.toFixed(3)).join(' / ')}` : ''
    log(
      `${label} ${c.id}: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms ` +
        `(${latency.samples} samples${rounds}, median ${matches} matches)`,
    )
  }
  return queries
}

/** A short hash of the cases a class asks, so figures of different questions are never compared. */
function fingerprint(cases: readonly QueryCase[]): string {
  return createHash('sha256').update(JSON.stringify(cases)).digest('hex').slice(0, 16)
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
