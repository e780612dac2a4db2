/**
 * The query classes of the network bench: the suite's seven (their requests, drawn from the same
 * vocabulary by `planClasses`) asked by hub and by typical viewers in turn, and one more that
 * issue 15's table names, the whole network with no criteria. For each, what the limit loops
 * scan: the members holding every keyword (F ∪ S, or F alone under `facet=network,F`), or
 * every member; absent where a loop cannot express the class (names, company and facets).
 */
import type { SearchRequestObject } from '@people-search/core'
import { spread } from '../measure.js'
import type { ClassPlan } from '../query-classes.js'
import { QUERY_SCENARIOS } from '../scenarios.js'
import type { Reach } from './limit-loops.js'

export interface NetworkPlan {
  id: string
  title: string
  requests: SearchRequestObject[]
  /** Per request: the keywords whose members the loops scan (empty: every member); undefined: no loop. */
  loopWords: (readonly string[] | undefined)[]
  reach: Reach
}

export const WHOLE_NETWORK = { id: 'all', title: 'whole network, no criteria' }

export function networkPlans(plans: readonly ClassPlan[]): NetworkPlan[] {
  const out: NetworkPlan[] = plans.map(({ id, cases }) => ({
    id,
    title: QUERY_SCENARIOS.find((s) => s.id === id)?.title ?? id,
    requests: cases.map((c) => c.request),
    loopWords: cases.map(({ peer }) =>
      peer.firstName !== undefined || peer.currentCompany !== undefined ? undefined : (peer.keywords ?? []),
    ),
    reach: cases[0].peer.connectedTo !== undefined ? 'F' : 'FS',
  }))
  out.push({ ...WHOLE_NETWORK, requests: [{}], loopWords: [[]], reach: 'FS' })
  return out
}

/** Times `calls` calls of `run(k)` (k = 0, 1, …) after `warmup` untimed ones; ms per call, sorted. */
export function timeCalls(calls: number, warmup: number, run: (k: number) => unknown): Float64Array {
  for (let k = 0; k < warmup; k++) run(k)
  const samples = new Float64Array(calls)
  for (let k = 0; k < calls; k++) {
    const start = performance.now()
    run(k)
    samples[k] = performance.now() - start
  }
  return samples.sort()
}

export function spreadOf(sorted: Float64Array) {
  return spread(Array.from(sorted))
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? 0 : sorted[(sorted.length - 1) >> 1]
}
