/**
 * What a measurement run apart from the suite (`bench:scale`, `bench:network`) records of itself:
 * taken at its start and completed at its end, so both scripts tell the same things the same way.
 */
import { loadavg } from 'node:os'
import { SEED } from './corpus.js'
import type { ApartRun } from './figures.js'
import { machine } from './machine.js'
import { coreFingerprint, gitState, round2, versions } from './suite.js'

/** Notes the start (core fingerprint, load, date, clock); the function returned gives the header at the end. */
export function beginApartRun(size: number, command: string, heapLimitMb: number): () => ApartRun {
  const coreAtStart = coreFingerprint()
  const loadAtStart = loadavg()[0]
  const date = new Date().toISOString()
  const start = performance.now()
  return () => ({
    size,
    command,
    date,
    wallMs: performance.now() - start,
    machine: machine(),
    load: { start: round2(loadAtStart), end: round2(loadavg()[0]) },
    core: { ...gitState(), changedDuringRun: coreFingerprint() !== coreAtStart },
    libraries: versions(),
    heapLimitMb,
    seed: SEED,
  })
}
