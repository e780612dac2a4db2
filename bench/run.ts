/**
 * The benchmark suite: `pnpm bench` (10k, 100k and 1M members) or `pnpm bench:quick` (10k and
 * 100k, about two minutes). Each engine at each size runs in its own process (`child.ts`), so
 * heap figures and timings do not leak between engines. The figures of the run go to
 * `bench/results.json` (committed), then `bench/RESULTS.md` and `bench/latency.svg` are rendered
 * from that file alone.
 *
 * `--render` (`pnpm bench:render`) renders the two files again from `bench/results.json`
 * without measuring, on any machine: the figures carry the machine they were measured on.
 */
import { writeFileSync } from 'node:fs'
import { figuresIfAny, figuresJson, RESULTS_FILE, readFigures } from './figures.js'
import { log } from './measure.js'
import { render } from './render.js'
import { measure, typedCommand } from './suite.js'

const args = process.argv.slice(2)
const unknown = args.filter((a) => a !== '--quick' && a !== '--render')
if (unknown.length > 0) {
  log(`unknown argument ${unknown.join(' ')}; usage: run.js [--quick] | run.js --render`)
  process.exit(2)
}
if (args.includes('--render')) {
  if (args.includes('--quick'))
    log('--render renders bench/results.json whatever run it holds; --quick is ignored')
  const run = readFigures(RESULTS_FILE, 'figures')
  await render(run, RESULTS_FILE)
  log(
    `rendered bench/RESULTS.md and bench/latency.svg from bench/results.json (${run.mode} run of ${run.date})`,
  )
} else {
  const mode = args.includes('--quick') ? 'quick' : 'full'
  // The scale and network rows are measured apart (`pnpm bench:scale`, `pnpm bench:network`,
  // minutes to hours): a suite run keeps them.
  const previous = figuresIfAny(RESULTS_FILE)
  const run = measure({ mode, command: typedCommand('run.js', args) })
  if (previous?.scale !== undefined && previous.scale.length > 0) run.scale = previous.scale
  if (previous?.network !== undefined && previous.network.length > 0) run.network = previous.network
  writeFileSync(RESULTS_FILE, figuresJson(run))
  await render(run, RESULTS_FILE)
  log(`wrote bench/results.json, bench/RESULTS.md and bench/latency.svg (${mode} run of ${run.date})`)
}
