/**
 * The scale row (issue 14): `pnpm bench:scale [--size <members>]`, 1M members by default, 10M with
 * `--size 10000000`. Never part of `pnpm bench` or `pnpm bench:quick`, which it leaves as they are.
 *
 * Three processes, one after the other, each with the same heap limit (`scale/guard.ts`) and
 * the same streamed corpus (`scale/stream.ts`, seed 1): ours (build, memory, the seven query
 * classes, save), a fresh one that loads that snapshot, and FlexSearch indexing the text alone.
 * The row goes into `bench/results.json` beside the suite's figures (replacing any row of that
 * size), and RESULTS.md and latency.svg are rendered again.
 *
 * Options: `--no-flexsearch` leaves FlexSearch out; `--snapshot-dir <dir>` (default
 * `bench/dist/scale/`) is where the snapshot is written, and deleted once loaded; `--previous
 * <file>` names the figures the queries are judged against (default: bench/baseline.json, else
 * bench/results.json itself); `--figures <file>` writes the row into another figures file and
 * renders nothing.
 *
 * Exit code 3 when the machine has too little memory or disk for the size (nothing is measured),
 * 1 when some process gave no figures, 2 on a usage error, 0 otherwise.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beginApartRun } from './apart-run.js'
import {
  BASELINE_FILE,
  BENCH_DIR,
  type FlexSearchAtScale,
  figuresIfAny,
  figuresJson,
  type LoadAtScale,
  RESULTS_FILE,
  readFigures,
  type ScaleFigures,
  type ScaleProcessName,
} from './figures.js'
import { sizeLabel } from './format.js'
import { log } from './measure.js'
import { render } from './render.js'
import { flexsearchWontFit, gib, heapLimitMb, refusal, requiredBytes, runGuarded } from './scale/guard.js'
import type { OursOutput } from './scale/ours.js'
import { type FiguresSource, previousFigures } from './scale/previous.js'
import { BATCH } from './scale/stream.js'
import { readSizeArgs } from './size-args.js'
import { SCRATCH_DIR, typedCommand } from './suite.js'

const USAGE =
  'usage: scale.js [--size <members>] [--no-flexsearch] [--snapshot-dir <dir>] [--previous <file>] [--figures <file>]'

function main(args: string[]): Promise<number> | number {
  const read = readSizeArgs(args, {
    valued: ['--snapshot-dir', '--previous', '--figures'],
    flags: ['--no-flexsearch'],
    minSize: 1,
    usage: USAGE,
  })
  if (read === 2) return 2
  const { size, value } = read
  const snapshotDir = resolve(value('--snapshot-dir') ?? `${BENCH_DIR}dist/scale/`)
  const refused = refusal(size, snapshotDir)
  if (refused !== undefined) {
    log(`bench:scale will not run: ${refused}.`)
    return 3
  }
  const figuresFile = resolve(value('--figures') ?? RESULTS_FILE)
  return measureRow({
    size,
    flexsearch: !args.includes('--no-flexsearch'),
    snapshotDir,
    figuresFile,
    previousFile: value('--previous'),
    command: typedCommand('scale.js', args),
  })
}

interface RowOptions {
  size: number
  flexsearch: boolean
  snapshotDir: string
  figuresFile: string
  previousFile: string | undefined
  command: string
}

async function measureRow(o: RowOptions): Promise<number> {
  const { size } = o
  // The row is added to figures that exist; read them first, so a bad file fails before the hours.
  const into = readFigures(o.figuresFile, 'figures')
  const sources: FiguresSource[] =
    o.previousFile === undefined
      ? [
          { name: 'bench/baseline.json', run: figuresIfAny(BASELINE_FILE) },
          {
            name: 'bench/results.json',
            run: o.figuresFile === RESULTS_FILE ? into : figuresIfAny(RESULTS_FILE),
          },
        ]
      : [{ name: o.previousFile, run: readFigures(o.previousFile, 'figures') }]
  const heap = heapLimitMb()
  const flags = ['--expose-gc', `--max-old-space-size=${heap}`]
  const script = fileURLToPath(new URL('./scale/child.js', import.meta.url))
  const scratch = (name: string) => `${SCRATCH_DIR}scale-${size}-${name}.json`
  const snapshot = `${o.snapshotDir}/scale-${size}.snapshot`
  mkdirSync(SCRATCH_DIR, { recursive: true })
  log(
    `bench:scale at ${sizeLabel(size)}: ${gib(requiredBytes(size))} expected, heap limit ${heap} MiB; ` +
      `ours, then a load of its snapshot${o.flexsearch ? ', then FlexSearch' : ''}`,
  )

  const finish = beginApartRun(size, o.command, heap)
  const notMeasured: Partial<Record<ScaleProcessName, string>> = {}
  const run = async (name: ScaleProcessName, ...args: string[]) => {
    rmSync(scratch(name), { force: true })
    const outcome = await runGuarded([...flags, script, name, String(size), ...args, scratch(name)])
    if (!outcome.ok) {
      notMeasured[name] = outcome.why ?? 'its process failed'
      log(`${name} at ${sizeLabel(size)}: ${notMeasured[name]}`)
    }
    return outcome.ok ? (JSON.parse(readFileSync(scratch(name), 'utf8')) as unknown) : undefined
  }

  const ours = (await run('ours', snapshot)) as OursOutput | undefined
  let loaded: LoadAtScale | undefined
  if (ours === undefined) notMeasured.load = 'not run: ours gave no snapshot'
  else loaded = (await run('load', snapshot, scratch('ours'))) as LoadAtScale | undefined
  rmSync(snapshot, { force: true })
  let flexsearch: FlexSearchAtScale | undefined
  const wontFit = flexsearchWontFit(size, into.scale ?? [])
  if (!o.flexsearch) notMeasured.flexsearch = 'not run: `--no-flexsearch`'
  else if (wontFit !== undefined) {
    notMeasured.flexsearch = wontFit
    log(`flexsearch at ${sizeLabel(size)}: ${wontFit}`)
  } else flexsearch = (await run('flexsearch')) as FlexSearchAtScale | undefined

  const header = finish()
  if (header.core.changedDuringRun) log('warning: packages/core/dist changed while the row measured')
  const row: ScaleFigures = {
    ...header,
    batch: BATCH,
    ours: ours?.figures,
    loaded,
    flexsearch,
    notMeasured,
    previous: previousFigures(size, sources),
  }
  into.scale = [...(into.scale ?? []).filter((r) => r.size !== size), row].sort((a, b) => a.size - b.size)
  writeFileSync(o.figuresFile, figuresJson(into))
  if (o.figuresFile === RESULTS_FILE) {
    await render(into, RESULTS_FILE)
    log(
      `wrote the ${sizeLabel(size)} row into bench/results.json, and rendered bench/RESULTS.md and bench/latency.svg`,
    )
  } else log(`wrote the ${sizeLabel(size)} row into ${o.figuresFile} (nothing rendered)`)
  return Object.keys(notMeasured).some((k) => !notMeasured[k as ScaleProcessName]?.startsWith('not run:'))
    ? 1
    : 0
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 2
}
