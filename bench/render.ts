/** Writes `bench/RESULTS.md` and `bench/latency.svg` from one figures file, and nothing else. */
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { latencyChart } from './chart.js'
import { BENCH_DIR, type RunFigures } from './figures.js'
import { resultsMarkdown } from './report.js'

/** `from` is the figures file the run was read from or written to, for the captions. */
export async function render(run: RunFigures, from: string): Promise<void> {
  const source = basename(from)
  writeFileSync(`${BENCH_DIR}RESULTS.md`, `${resultsMarkdown(run, source)}\n`)
  writeFileSync(`${BENCH_DIR}latency.svg`, await latencyChart(run, source))
}
