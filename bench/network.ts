/**
 * The network bench (issue 15, item 4): `pnpm bench:network [--size <members>]`, 1M by default.
 * Two processes, one after the other, with the same heap limit and the same hub-heavy corpus
 * (`network/world.ts`, seed 1): ours with the bare limit loops (`network/ours.ts`), then
 * FlexSearch (`network/flexsearch.ts`). The figures go under `network` in `bench/results.json`
 * (replacing any run of that size; the suite's rows and the scale rows are left as they are),
 * and RESULTS.md is rendered again. `--no-flexsearch` leaves FlexSearch out; `--figures <file>`
 * writes into another figures file and renders nothing.
 *
 * Exit code 1 when a process gave no figures, 2 on a usage error, 0 otherwise.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beginApartRun } from './apart-run.js'
import {
  type FlexSearchNetwork,
  figuresJson,
  type NetworkFigures,
  type OursNetwork,
  RESULTS_FILE,
  readFigures,
} from './figures.js'
import { sizeLabel } from './format.js'
import { log } from './measure.js'
import { HUBS, MEAN_DEGREE } from './network/world.js'
import { render } from './render.js'
import { heapLimitMb, runGuarded } from './scale/guard.js'
import { readSizeArgs } from './size-args.js'
import { SCRATCH_DIR, typedCommand } from './suite.js'

const USAGE = 'usage: network.js [--size <members>] [--no-flexsearch] [--figures <file>]'

async function main(args: string[]): Promise<number> {
  const read = readSizeArgs(args, {
    valued: ['--figures'],
    flags: ['--no-flexsearch'],
    minSize: 100,
    usage: USAGE,
  })
  if (read === 2) return 2
  const { size, value } = read
  const figuresFile = resolve(value('--figures') ?? RESULTS_FILE)
  const into = readFigures(figuresFile, 'figures')
  const heap = heapLimitMb()
  const script = fileURLToPath(new URL('./network/child.js', import.meta.url))
  const scratch = (name: string) => `${SCRATCH_DIR}network-${size}-${name}.json`
  mkdirSync(SCRATCH_DIR, { recursive: true })
  const finish = beginApartRun(size, typedCommand('network.js', args), heap)
  const notMeasured: NetworkFigures['notMeasured'] = {}
  const run = async (name: 'ours' | 'flexsearch') => {
    rmSync(scratch(name), { force: true })
    const outcome = await runGuarded([
      '--expose-gc',
      `--max-old-space-size=${heap}`,
      script,
      name,
      String(size),
      scratch(name),
    ])
    if (!outcome.ok) {
      notMeasured[name] = outcome.why ?? 'its process failed'
      log(`${name} at ${sizeLabel(size)}: ${notMeasured[name]}`)
      return undefined
    }
    return JSON.parse(readFileSync(scratch(name), 'utf8')) as unknown
  }
  log(
    `bench:network at ${sizeLabel(size)}: heap limit ${heap} MiB; ours and the limit loops, then FlexSearch`,
  )
  const ours = (await run('ours')) as OursNetwork | undefined
  let flexsearch: FlexSearchNetwork | undefined
  if (args.includes('--no-flexsearch')) notMeasured.flexsearch = 'not run: `--no-flexsearch`'
  else flexsearch = (await run('flexsearch')) as FlexSearchNetwork | undefined
  const figures: NetworkFigures = {
    ...finish(),
    meanDegree: MEAN_DEGREE,
    hubs: HUBS,
    ours,
    flexsearch,
    notMeasured,
  }
  into.network = [...(into.network ?? []).filter((r) => r.size !== size), figures].sort(
    (a, b) => a.size - b.size,
  )
  writeFileSync(figuresFile, figuresJson(into))
  if (figuresFile === RESULTS_FILE) {
    await render(into, RESULTS_FILE)
    log(`wrote the ${sizeLabel(size)} network run into bench/results.json, and rendered bench/RESULTS.md`)
  } else log(`wrote the ${sizeLabel(size)} network run into ${figuresFile} (nothing rendered)`)
  return Object.values(notMeasured).some((why) => !why?.startsWith('not run:')) ? 1 : 0
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 2
}
