/** The runs of the load test: the mix of every class, and each class alone. */
import type { HttpCase } from './targets.js'

export interface LoadRun {
  /** `mix` or `q1` … `q7`. */
  name: string
  cases: HttpCase[]
}

/**
 * The mix interleaves the classes (q1, q2, …, q7, q1, …), each in equal measure and in the
 * order of its own cases, so that consecutive searches are of different classes and viewers.
 */
export function loadRuns(cases: readonly HttpCase[]): LoadRun[] {
  const classes = [...new Set(cases.map((c) => c.query))]
  const byClass = classes.map((query) => cases.filter((c) => c.query === query))
  const longest = Math.max(...byClass.map((list) => list.length))
  const mix: HttpCase[] = []
  for (let k = 0; k < longest; k++) for (const list of byClass) if (k < list.length) mix.push(list[k])
  return [{ name: 'mix', cases: mix }, ...classes.map((name, i) => ({ name, cases: byClass[i] }))]
}
