/**
 * Our figures against a committed baseline.
 *
 * `pnpm bench:snap` copies the figures of the last run (`bench/results.json`) to
 * `bench/baseline.json`. Commit it together with the results it was taken from.
 *
 * `pnpm bench:compare [--quick | --full]` measures ours only (no peers), at the sizes and with
 * the timing budgets of a quick run (10k, 100k) or a full one (10k, 100k, 1M), by default those
 * of the baseline, and prints the new p50 ÷ baseline p50 for every query class and size, with a
 * verdict. `--figures <file>` compares a figures file that exists
 * instead of measuring (`pnpm bench:compare --figures bench/results.json`).
 *
 * Noise: a class is **slower** when its p50 rose by more than 15% (new ÷ baseline > 1.15) *and*
 * every round p50 of the new run lies above every round p50 of the baseline (each class is
 * timed in several rounds over the same cases, `measure.ts`): the change is bigger than the
 * threshold and bigger than the p50's own spread. **Faster** is the mirror image (< 1 / 1.15).
 * Anything else is within noise. Build time and heap are printed for information; they decide
 * nothing.
 *
 * Exit code: 0 when no class got slower, 1 when one did, 2 when the comparison could not be
 * made (no baseline, no size in common, or other cases asked: re-snap after changing the
 * workload).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import {
  BASELINE_FILE,
  engineAt,
  figuresJson,
  type Mode,
  RESULTS_FILE,
  type RunFigures,
  readFigures,
  wasBusy,
} from './figures.js'
import { bytes, ms, seconds, sizeLabel, spreadLabel } from './format.js'
import { judge, THRESHOLD } from './judge.js'
import { log } from './measure.js'
import { QUERY_SCENARIOS } from './scenarios.js'
import { measure, SCRATCH_DIR, typedCommand } from './suite.js'

/** Prints the comparison; returns the exit code. */
export function report(base: RunFigures, now: RunFigures, baseName: string): number {
  const out: string[] = []
  const line = (text = '') => out.push(text)
  const describe = (run: RunFigures) =>
    `${run.mode} run of ${run.date}, core ${run.core.commit}` +
    `${run.core.dirty.length > 0 ? ` with ${run.core.dirty.length} uncommitted file(s) in packages/core/src` : ''}, ` +
    `\`${run.command}\` on ${run.machine.cpu} (${run.machine.cores} cores)`
  line(`# bench:compare`)
  line()
  line(`- baseline: ${baseName}, ${describe(base)}`)
  line(`- new: ${describe(now)}`)
  line(
    `- noise: a class is slower only when new ÷ baseline p50 > ${(1 + THRESHOLD).toFixed(2)}× and every round ` +
      `p50 of the new run lies above every round p50 of the baseline (faster: < ${(1 / (1 + THRESHOLD)).toFixed(2)}× ` +
      'and every round below); anything else is within noise',
  )
  const warnings: string[] = []
  if (base.mode !== now.mode)
    warnings.push(
      `the baseline is a ${base.mode} run and the new one a ${now.mode} run: their timing budgets differ`,
    )
  if (base.machine.cpu !== now.machine.cpu || base.machine.cores !== now.machine.cores)
    warnings.push('the two were measured on different machines: ratios say little')
  if (now.core.changedDuringRun) warnings.push('packages/core/dist changed during the new run')
  for (const [name, run] of [
    ['baseline', base],
    ['new run', now],
  ] as const) {
    if (wasBusy(run))
      warnings.push(
        `other work competed with the ${name} (1-minute load ${run.load.start.toFixed(1)} at the start, ` +
          `${run.load.end.toFixed(1)} at the end, on ${run.machine.cores} cores): a verdict may be the load's, not the code's`,
      )
  }
  for (const w of warnings) line(`- **warning:** ${w}`)
  line()

  const sizes = now.sizes.map((s) => s.size).filter((size) => engineAt(base, size, 'ours') !== undefined)
  const shared = sizes.filter((size) => engineAt(now, size, 'ours') !== undefined)
  if (shared.length === 0) {
    line('No size where both the baseline and the new run measured ours: nothing to compare.')
    process.stdout.write(`${out.join('\n')}\n`)
    return 2
  }
  line('| class | size | baseline p50 | spread | new p50 | spread | new ÷ baseline | verdict | why |')
  line('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |')
  const slower: string[] = []
  const incomparable: string[] = []
  const faster: string[] = []
  for (const s of QUERY_SCENARIOS) {
    for (const size of shared) {
      const b = engineAt(base, size, 'ours')?.queries[s.id]
      const n = engineAt(now, size, 'ours')?.queries[s.id]
      const name = `${s.id.toUpperCase()} ${sizeLabel(size)}`
      if (b === undefined || n === undefined) {
        line(
          `| ${s.id.toUpperCase()} | ${sizeLabel(size)} | ${b ? ms(b.latency.p50) : '—'} | | ${n ? ms(n.latency.p50) : '—'} | | | not comparable | not measured in both |`,
        )
        incomparable.push(name)
        continue
      }
      const j = judge(b, n)
      if (j.verdict === 'slower') slower.push(name)
      if (j.verdict === 'faster') faster.push(name)
      if (j.verdict === 'not comparable') incomparable.push(name)
      const mark = j.verdict === 'slower' ? '**slower**' : j.verdict
      line(
        `| ${s.id.toUpperCase()} | ${sizeLabel(size)} | ${ms(b.latency.p50)} | ${spreadLabel(b.latency)} | ` +
          `${ms(n.latency.p50)} | ${spreadLabel(n.latency)} | ${j.ratio.toFixed(2)}× | ${mark} | ${j.why} |`,
      )
    }
  }
  line()
  line('Build and heap, for information only (one measurement each, no verdict):')
  line()
  for (const size of shared) {
    const b = engineAt(base, size, 'ours')?.build
    const n = engineAt(now, size, 'ours')?.build
    if (b === undefined || n === undefined) continue
    line(
      `- ${sizeLabel(size)}: build ${seconds(b.totalMs)} → ${seconds(n.totalMs)} (${(n.totalMs / b.totalMs).toFixed(2)}×), ` +
        `heap ${bytes(b.bytesPerProfile)} → ${bytes(n.bytesPerProfile)} per profile`,
    )
  }
  line()
  let code = 0
  if (slower.length > 0) {
    line(`**Slower beyond noise:** ${slower.join(', ')}.`)
    code = 1
  } else if (incomparable.length > 0) {
    line(`**Could not compare:** ${incomparable.join(', ')}.`)
    code = 2
  } else line('No class got slower beyond noise.')
  if (faster.length > 0) line(`Faster beyond noise: ${faster.join(', ')}.`)
  process.stdout.write(`${out.join('\n')}\n`)
  return code
}

function snap(): void {
  const run = readFigures(RESULTS_FILE, 'figures')
  writeFileSync(BASELINE_FILE, figuresJson(run))
  log(
    `saved bench/baseline.json from bench/results.json: ${run.mode} run of ${run.date}, core ${run.core.commit}, ` +
      `sizes ${run.sizes.map((s) => sizeLabel(s.size)).join(', ')}`,
  )
  if (run.core.dirty.length > 0 || run.core.changedDuringRun)
    log('warning: that run measured uncommitted or changing core code; a baseline is best taken at a commit')
}

function main(args: string[]): number {
  const usage =
    'usage: compare.js --snap | compare.js [--quick | --full] [--figures <file>] [--baseline <file>]'
  const value = (flag: string) => {
    const at = args.indexOf(flag)
    return at < 0 ? undefined : args[at + 1]
  }
  const known = new Set(['--snap', '--quick', '--full', '--figures', '--baseline'])
  const unknown = args.filter((a, i) => !known.has(a) && !['--figures', '--baseline'].includes(args[i - 1]))
  if (unknown.length > 0 || (args.includes('--quick') && args.includes('--full'))) {
    log(usage)
    return 2
  }
  if (args.includes('--snap')) {
    snap()
    return 0
  }
  const baselinePath = value('--baseline') ?? BASELINE_FILE
  let base: RunFigures
  try {
    base = readFigures(baselinePath, 'baseline')
  } catch (error) {
    log((error as Error).message)
    return 2
  }
  const figuresPath = value('--figures')
  let now: RunFigures
  if (figuresPath !== undefined) now = readFigures(figuresPath, 'figures')
  else {
    // The baseline's mode unless told otherwise: the same sizes and timing budgets on both sides.
    const mode: Mode = args.includes('--full') ? 'full' : args.includes('--quick') ? 'quick' : base.mode
    log(`bench:compare: a ${mode} run of ours against bench/baseline.json (a ${base.mode} run)`)
    now = measure({ mode, command: typedCommand('compare.js', args), only: ['ours'], tag: `compare-${mode}` })
    mkdirSync(SCRATCH_DIR, { recursive: true })
    const saved = `${SCRATCH_DIR}compare-${mode}.json`
    writeFileSync(saved, figuresJson(now))
    log(`the new figures are in ${saved} (not committed)`)
  }
  return report(base, now, baselinePath === BASELINE_FILE ? 'bench/baseline.json' : baselinePath)
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  log(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
