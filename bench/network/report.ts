/**
 * The "Network rule (issue 15)" section of `RESULTS.md`: each `pnpm bench:network` run of the
 * figures, latency per class for hub and typical viewers, the limit loops beside them,
 * FlexSearch on the same corpus, and issue 15 item 5's targets with a verdict each. Reads the
 * figures and nothing else.
 */
import type { NetworkClass, NetworkFigures, RunFigures, Spread, ViewerKind } from '../figures.js'
import { ms, peerTitles, seconds, sizeLabel, speedup } from '../format.js'

/** Issue 15, item 5: the targets at 1M. */
const TARGET_SIZE = 1_000_000
const P50_MS: Record<ViewerKind, number> = { typical: 5, hub: 15 }
const LOOP_FACTOR = 3
const TAIL_FACTOR = 3
const FLEXSEARCH_ALL_FACTOR = 5
/** The classes where ours must beat FlexSearch's page-only answer (the suite's ids). */
const PAGE_CLASSES = ['q2', 'q4', 'q5', 'q6']
const KINDS: readonly ViewerKind[] = ['hub', 'typical']
const KIND_TITLE: Record<ViewerKind, string> = { hub: 'hub viewers', typical: 'typical viewers' }

/** `source` is the figures file's name beside RESULTS.md, for the captions. */
export function networkMarkdown(run: RunFigures, source: string): string[] {
  const runs = run.network ?? []
  const lines: string[] = [
    '## Network rule (issue 15)',
    '',
    'Measured by `pnpm bench:network --size <members>`, apart from the suite: a hub-heavy corpus (the sample ' +
      'world with a connection limit of 30,000 and a few dozen members near it), loaded as the scale row loads ' +
      'it; every class asked by the 16 best connected members (hub viewers) and by 16 members of median degree ' +
      '(typical viewers), round-robin over each kind after 16 untimed searches; the index keeps every one of ' +
      "these viewers' network views (its cache is 256 MiB by size), so the figures are a returning viewer's, " +
      "and a viewer's first search pays for its view once more (docs/architecture.md); `all` is the whole " +
      'network with no criteria. Beside ours, in the same process: bare typed-array loops that count the ' +
      "candidates of the query's words in the viewer's network, by a full view (F and S marked by walking the " +
      "viewer's connections and theirs) and per candidate (F marked, each candidate's own list walked with an " +
      'early exit), on adjacency and postings the bench builds itself. FlexSearch searches every member of ' +
      'the same corpus in its own process: a page of 25, and every match. See [README.md](README.md#network-rule).',
    '',
  ]
  if (runs.length === 0) {
    lines.push('Not measured yet: `pnpm bench:network` measures the 1M run.', '')
    return lines
  }
  for (const r of runs) lines.push(...runMarkdown(r, source))
  return lines
}

function runMarkdown(r: NetworkFigures, source: string): string[] {
  const lines: string[] = [`### ${sizeLabel(r.size)} members, hub-heavy`, '']
  const ours = r.ours
  const flex = r.flexsearch
  const m = r.machine
  lines.push(
    `- Command: \`${r.command}\` (${r.date.slice(0, 10)}, ${seconds(r.wallMs)} in all); core ${r.core.commit}` +
      `${r.core.dirty.length > 0 ? ` with uncommitted changes in ${r.core.dirty.length} file(s)` : ''}` +
      `${r.core.changedDuringRun ? ', **rebuilt during the run**' : ''}.`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(0)} GiB, Node ${m.node}, ${m.platform}; ` +
      `load average ${r.load.start} at the start, ${r.load.end} at the end; heap limit ${r.heapLimitMb} MiB.`,
    `- Corpus: seed ${r.seed}, mean degree ${r.meanDegree}, hubs \`${JSON.stringify(r.hubs)}\`` +
      (ours
        ? `; ${ours.edges.toLocaleString('en-US')} edges; built in ${seconds(ours.build.addMs + ours.build.connectMs + ours.build.groupsMs)}.`
        : '.'),
  )
  for (const [kind, why] of Object.entries(r.notMeasured)) lines.push(`- ${kind}: ${why}.`)
  lines.push('')
  if (ours === undefined) return lines
  for (const kind of KINDS) {
    const v = ours.viewers[kind]
    lines.push(
      `- ${KIND_TITLE[kind]}: degrees ${range(v.degrees)}, F ∪ S of ${range(v.networkSizes)} members.`,
    )
  }
  lines.push(
    `- Ours: ${ours.searches} timed searches per class and kind (after ${16} untimed); the loops ${ours.loopSearches} ` +
      'calls each; both loops counted the same members on every call.',
    '',
    '| class | viewers | ours p50 / p90 / p99 | matches | full view p50 | per candidate p50 | in network / candidates | ours ÷ better loop |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const c of ours.classes) {
    for (const kind of KINDS) {
      const o = c.ours[kind]
      const l = c.loops?.[kind]
      lines.push(
        `| ${c.id.toUpperCase()} ${c.title} | ${kind} | ${triple(o.latency)} | ${o.matches.toLocaleString('en-US')} | ` +
          `${l ? ms(l.fullView.p50) : '—'} | ${l ? ms(l.perCandidate.p50) : '—'} | ` +
          `${l ? `${l.matches.toLocaleString('en-US')} / ${l.candidates.toLocaleString('en-US')}` : '—'} | ` +
          `${l ? ratio(o.latency.p50, better(c, kind)) : '—'} |`,
      )
    }
  }
  lines.push('')
  if (flex !== undefined) {
    const title = peerTitles(r.libraries).flexsearch
    lines.push(
      `${title} over every member of the same corpus (built in ${seconds(flex.buildMs)}), the classes it can express: ` +
        'how many times faster ours is than its every-match answer (and than its page of 25, in brackets); below 1× ours is slower.',
      '',
      `| class | ${title} page p50 | every match p50 / p99 | its matches | ours faster, hub viewers | ours faster, typical viewers | how it was asked |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    )
    for (const c of ours.classes) {
      const f = flex.classes[c.id]
      if (f === undefined) continue
      lines.push(
        `| ${c.id.toUpperCase()} | ${ms(f.page.p50)} | ${ms(f.all.p50)} / ${ms(f.all.p99)} | ` +
          `${f.matches.toLocaleString('en-US')} | ${speedup(c.ours.hub.latency.p50, f.all.p50)} (page ${speedup(c.ours.hub.latency.p50, f.page.p50)}) | ` +
          `${speedup(c.ours.typical.latency.p50, f.all.p50)} (page ${speedup(c.ours.typical.latency.p50, f.page.p50)}) | ${f.note} |`,
      )
    }
    lines.push('')
  }
  lines.push(
    ...targets(r, ours.classes),
    '',
    `_Raw figures in [${source}](${source}); rendered by \`pnpm bench:render\`._`,
    '',
  )
  return lines
}

/** Issue 15 item 5, class by class; verdicts only at 1M, where the targets are set. */
function targets(r: NetworkFigures, classes: readonly NetworkClass[]): string[] {
  const judged = r.size === TARGET_SIZE
  const verdict = (ok: boolean | undefined) => (!judged || ok === undefined ? '' : ok ? ' ✅' : ' ❌')
  const lines = [
    `Targets (issue 15, item 5, at 1M${judged ? '' : `; shown without verdicts at ${sizeLabel(r.size)}`}): p50 ≤ ` +
      `${P50_MS.typical} ms for typical viewers and ≤ ${P50_MS.hub} ms for hub viewers; within ${LOOP_FACTOR}× of ` +
      `the better limit loop; p99 ≤ ${TAIL_FACTOR}× p50; ≥ ${FLEXSEARCH_ALL_FACTOR}× faster than FlexSearch asked ` +
      `for every match; faster than its page-only answer on ${PAGE_CLASSES.map((c) => c.toUpperCase()).join(', ')}.`,
    '',
    '| class | viewers | p50 | ÷ better loop | p99 ÷ p50 | FlexSearch every match ÷ ours | FlexSearch page ÷ ours |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const c of classes) {
    for (const kind of KINDS) {
      const o = c.ours[kind].latency
      const loop = better(c, kind)
      const f = r.flexsearch?.classes[c.id]
      const page = PAGE_CLASSES.includes(c.id) ? f?.page.p50 : undefined
      lines.push(
        `| ${c.id.toUpperCase()} | ${kind} | ${ms(o.p50)}${verdict(o.p50 <= P50_MS[kind])} | ` +
          `${loop === undefined ? '—' : `${ratio(o.p50, loop)}${verdict(o.p50 <= LOOP_FACTOR * loop)}`} | ` +
          `${(o.p99 / o.p50).toFixed(1)}×${verdict(o.p99 <= TAIL_FACTOR * o.p50)} | ` +
          `${f === undefined ? '—' : `${speedup(o.p50, f.all.p50)}${verdict(f.all.p50 >= FLEXSEARCH_ALL_FACTOR * o.p50)}`} | ` +
          `${page === undefined ? '—' : `${speedup(o.p50, page)}${verdict(page > o.p50)}`} |`,
      )
    }
  }
  return lines
}

/** The p50 of the faster loop for a class and kind, if the loops express it. */
function better(c: NetworkClass, kind: ViewerKind): number | undefined {
  const l = c.loops?.[kind]
  return l === undefined ? undefined : Math.min(l.fullView.p50, l.perCandidate.p50)
}

function triple(s: Spread): string {
  return `${ms(s.p50)} / ${ms(s.p90)} / ${ms(s.p99)}`
}

function ratio(ours: number, loop: number | undefined): string {
  if (loop === undefined || !(loop > 0)) return '—'
  const r = ours / loop
  return `${r >= 0.1 ? r.toFixed(1) : r.toPrecision(1)}×`
}

function range(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const f = (v: number) => v.toLocaleString('en-US')
  return sorted.length === 0
    ? '—'
    : `${f(sorted[0])}–${f(sorted[sorted.length - 1])} (median ${f(sorted[(sorted.length - 1) >> 1])})`
}
