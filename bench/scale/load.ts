/**
 * The snapshot ours saved, loaded by `PeopleIndex.load` in a fresh process, as a restarted
 * service loads it: how long that takes, what the loaded index holds in memory, and whether it
 * answers as the built one did.
 */
import { PeopleIndex } from '@people-search/core'
import { NOW } from '../common.js'
import type { LoadAtScale } from '../figures.js'
import { seconds, sizeLabel } from '../format.js'
import { log } from '../measure.js'
import { settledMemory } from './memory.js'
import type { Check } from './ours.js'

export async function loadAtScale(
  size: number,
  snapshot: string,
  checks: readonly Check[],
  command: string,
): Promise<LoadAtScale> {
  const label = `[${sizeLabel(size)}] load`
  const empty = settledMemory()
  const start = performance.now()
  const index = await PeopleIndex.load(snapshot, { now: () => NOW })
  const ms = performance.now() - start
  const memory = settledMemory()
  log(`${label}: loaded in ${seconds(ms)}, ${(memory.rss / size).toFixed(0)} B RSS per member`)
  const disagreements: string[] = []
  if (index.size !== size) disagreements.push(`it holds ${index.size} members, not ${size}`)
  for (const c of checks) {
    const n = index.searchAnswer(c.request, { viewer: c.viewer }).numResults
    if (n !== c.numResults)
      disagreements.push(`${c.id}: numResults ${n}, where the built index said ${c.numResults}`)
  }
  for (const d of disagreements) log(`${label}: disagrees: ${d}`)
  return { command, empty, memory, generateMs: 0, ms, disagreements }
}
