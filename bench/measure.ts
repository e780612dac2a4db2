/** Timing and heap helpers: tinybench for latency, forced GCs for heap. */
import { Bench } from 'tinybench'

/** Latency of one query class on one engine, in milliseconds. */
export interface Latency {
  /** Over the samples of every round together. */
  p50: number
  /** Absent from figures of format 1, which did not record it. */
  p90?: number
  p99: number
  mean: number
  samples: number
  /**
   * The p50 of each round alone. The rounds of a class lie seconds apart (each round times every
   * class once), and each is a fresh tinybench run over the same sequence of cases, so how far
   * these lie apart is the noise of the p50 itself (`bench:compare`).
   */
  rounds: number[]
}

/** How long and how often a task is timed. */
export interface Budget {
  /** Passes over all the query classes; each class is timed once in each. */
  rounds: number
  /** Per class and round (tinybench: `time` and `iterations` are both minimums). */
  timeMs: number
  iterations: number
  /** Untimed calls before each class's round. */
  warmupIterations: number
}

/**
 * Times `run(k)` for k = 1, 2, … (the caller cycles its cases by k) with one tinybench run
 * within `budget`, and returns the latency of each call, sorted. Every round starts again at
 * k = 1, so every round asks the same cases. `async`: whether `run` returns promises.
 */
export async function timeRound(
  name: string,
  run: (k: number) => unknown,
  async: boolean,
  budget: Budget,
): Promise<number[]> {
  let k = 1
  const bench = new Bench({
    time: budget.timeMs,
    iterations: budget.iterations,
    warmup: budget.warmupIterations > 0,
    warmupIterations: budget.warmupIterations,
    warmupTime: 0,
    throws: true,
    retainSamples: true,
  })
  if (async) {
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
  const samples = result.latency.samples
  if (samples === undefined || samples.length === 0) throw new Error(`${name}: tinybench kept no samples`)
  return sorted(samples)
}

/** The latency figures of a class from the samples of each of its rounds. */
export function latencyOf(rounds: readonly (readonly number[])[]): Latency {
  const pooled: number[] = []
  for (const samples of rounds) for (const sample of samples) pooled.push(sample)
  return { ...spread(sorted(pooled)), rounds: rounds.map((samples) => quantile(samples, 0.5)) }
}

/** p50, p90, p99, mean and count of samples sorted ascending. */
export function spread(all: readonly number[]): {
  p50: number
  p90: number
  p99: number
  mean: number
  samples: number
} {
  return {
    p50: quantile(all, 0.5),
    p90: quantile(all, 0.9),
    p99: quantile(all, 0.99),
    mean: all.reduce((sum, v) => sum + v, 0) / all.length,
    samples: all.length,
  }
}

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}

/** The q-quantile of sorted values, interpolated linearly between order statistics (as tinybench does). */
export function quantile(sortedValues: readonly number[], q: number): number {
  const at = (sortedValues.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sortedValues[lo] + (sortedValues[hi] - sortedValues[lo]) * (at - lo)
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
