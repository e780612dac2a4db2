/** Writes `bench/RESULTS.md` and `bench/latency.svg` from one figures file, and nothing else. */
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { latencyChart } from './chart.js'
import { BENCH_DIR, type RunFigures } from './figures.js'
import { networkMarkdown } from './network/report.js'
import { resultsMarkdown } from './report.js'

/** `from` is the figures file the run was read from or written to, for the captions. */
export async function render(run: RunFigures, from: string): Promise<void> {
  const source = basename(from)
  const network = networkMarkdown(run, source).join('\n')
  writeFileSync(`${BENCH_DIR}RESULTS.md`, `${resultsMarkdown(run, source)}\n\n${network}`)
  writeFileSync(`${BENCH_DIR}latency.svg`, await latencyChart(run, source))
}
