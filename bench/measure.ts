/** Timing and heap helpers: tinybench for latency, forced GCs for heap. */
import { Bench } from 'tinybench'

/** Latency of one query class on one engine, in milliseconds. */
export interface Latency {
  p50: number
  p99: number
  mean: number
  samples: number
}

/** How long and how often a task is timed (tinybench: both are minimums). */
export interface Budget {
  timeMs: number
  iterations: number
  warmupIterations: number
}

/**
 * Times `run(k)` for k = 1, 2, … (the caller cycles its cases by k) with tinybench, after one
 * untimed probe `run(0)`, and returns the latency percentiles of the individual calls.
 */
export async function timeCases(name: string, run: (k: number) => unknown, budget: Budget): Promise<Latency> {
  let k = 1
  const bench = new Bench({
    time: budget.timeMs,
    iterations: budget.iterations,
    warmup: budget.warmupIterations > 0,
    warmupIterations: budget.warmupIterations,
    warmupTime: 0,
    throws: true,
  })
  const probe = run(0)
  if (probe instanceof Promise) {
    await probe
    bench.add(name, async () => {
      await run(k++)
    })
    await bench.run()
  } else {
    bench.add(name, () => {
      run(k++)
    })
    bench.runSync()
  }
  const result = bench.tasks[0].result
  if (result.state !== 'completed') throw new Error(`${name}: tinybench ended in state ${result.state}`)
  const { p50, p99, mean, samplesCount } = result.latency
  return { p50, p99, mean, samples: samplesCount }
}

/** V8 heap in use plus array buffers, after full garbage collections (needs `--expose-gc`). */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run node with --expose-gc to measure heap')
  gc()
  gc()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`)
}
