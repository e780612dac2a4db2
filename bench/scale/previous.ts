/**
 * What a scale row's query classes are judged against: ours at the same size in the previous
 * committed run. The first of the given figures files that measured ours at that size wins —
 * its suite figures, else its own scale row — and is copied into the row, so that RESULTS.md
 * renders the comparison from results.json alone.
 */
import { engineAt, type PreviousFigures, type RunFigures } from '../figures.js'

export interface FiguresSource {
  /** As the rendered text names it: `bench/baseline.json`. */
  name: string
  run: RunFigures | undefined
}

export function previousFigures(
  size: number,
  sources: readonly FiguresSource[],
): PreviousFigures | undefined {
  for (const { name, run } of sources) {
    if (run === undefined) continue
    const suite = engineAt(run, size, 'ours')
    if (suite !== undefined)
      return {
        source: `${name} (\`${run.command}\`, ${run.mode} run of ${run.date.slice(0, 10)}, core ${run.core.commit})`,
        budget: suite.budget,
        queries: suite.queries,
      }
    const row = run.scale?.find((r) => r.size === size)
    if (row?.ours !== undefined)
      return {
        source: `${name}, its scale row (\`${row.command}\` of ${row.date.slice(0, 10)}, core ${row.core.commit})`,
        budget: row.ours.budget,
        queries: row.ours.queries,
      }
  }
  return undefined
}
