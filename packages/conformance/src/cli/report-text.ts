import type { Counterexample, Report } from '../check/report.js'

/**
 * A conformance report as a person reads it: the verdict, one line per section of docs/spec.md
 * checked, and for a failure the first counterexample: how to replay it, the options, the
 * request and viewer, both values at the first differing path, the world (JSON lines) and both
 * answers in full.
 */
export function reportText(report: Report, url: string): string {
  const verdict = report.ok
    ? `PASSED: ${url} answers as docs/spec.md says`
    : `FAILED: ${url} differs from docs/spec.md`
  const lines = [
    `people-search-conformance: ${verdict}`,
    `seed ${report.seed}, ${report.numRuns} runs per section`,
    '',
    ...report.sections.map(
      (s) =>
        `  ${s.section.padEnd(8)} ${(s.ok ? 'ok' : 'FAILED').padEnd(7)} ${String(s.runs).padStart(5)} runs ${String(s.searches).padStart(7)} searches`,
    ),
  ]
  if (report.failure !== undefined) lines.push('', ...counterexampleLines(report.failure))
  return `${lines.join('\n')}\n`
}

function counterexampleLines(c: Counterexample): string[] {
  const path = c.path.replace(/ \(key order\)$/, '')
  return [
    `First counterexample (section ${c.section}):`,
    // The fast-check path (Report.failure.replayPath) is for code: it can run hundreds of steps long.
    `  replay:   --seed ${c.seed} --sections ${c.section}`,
    `  options:  ${c.options}`,
    `  request:  ${c.request}`,
    `  viewer:   ${c.viewer === undefined ? '(none)' : JSON.stringify(c.viewer)}`,
    `  differs at ${c.path}:`,
    `    expected: ${shown(valueAt(c.expected, path))}`,
    `    actual:   ${shown(valueAt(c.actual, path))}`,
    ...block(`world (${lineCount(c.world)} JSON lines)`, c.world),
    ...(c.original === undefined
      ? []
      : block('the same world before its hidden text was rewritten (docs/spec.md §3.6)', c.original)),
    ...block('expected answer (the oracle)', JSON.stringify(c.expected, null, 2)),
    ...block('actual answer (the service)', JSON.stringify(c.actual, null, 2)),
  ]
}

function block(title: string, text: string | undefined): string[] {
  return [
    `  ${title}:`,
    ...(text === undefined || text === '' ? ['(empty)'] : text.split('\n')).map((l) => `    ${l}`),
  ]
}

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length
}

const ABSENT = Symbol('absent')

/** The value at a path of `firstDifference` (`people.values[2].id`, `(root)`), or ABSENT. */
export function valueAt(document: unknown, path: string): unknown {
  if (path === '(root)' || path === '') return document
  let here: unknown = document
  for (const [, key, index] of path.matchAll(/\.?([^.[\]]+)|\[(\d+)\]/g)) {
    if (typeof here !== 'object' || here === null) return ABSENT
    const step = index === undefined ? key : Number(index)
    if (!Object.hasOwn(here, step)) return ABSENT
    here = (here as Record<string | number, unknown>)[step]
  }
  return here
}

function shown(value: unknown): string {
  if (value === ABSENT) return '(absent)'
  const text = JSON.stringify(value)
  if (text === undefined) return String(value)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
