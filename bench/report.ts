/** `RESULTS.md`, written from the figures of one run (`bench/results.json`) and nothing else. */
import {
  type EngineFigures,
  type EngineName,
  engineAt,
  MATCH_CASES,
  type RunFigures,
  wasBusy,
} from './figures.js'
import { bytes, ms, peerTitles, seconds, sizeLabel, speedup, spreadLabel } from './format.js'
import type { Budget } from './measure.js'
import { scaleMarkdown } from './scale/report.js'
import { PEERS, type PeerName } from './scenario.js'
import { QUERY_SCENARIOS } from './scenarios.js'

const TARGET_SIZE = 1_000_000

/** `source` is the figures file's name beside RESULTS.md (`results.json`). */
export function resultsMarkdown(run: RunFigures, source: string): string {
  const lines: string[] = []
  const push = (...more: string[]) => lines.push(...more)
  const engine = (size: number, name: EngineName) => engineAt(run, size, name)
  const sizes = run.sizes.map((s) => s.size)
  const host = run.machine
  const PEER_TITLES = peerTitles(run.libraries)
  const measuredBy = `\`${run.command}\` (${run.mode} run of ${run.date.slice(0, 10)}, core ${run.core.commit})`
  /** The line under every table: which command measured it, and where its raw figures are. */
  const from = (what = 'Measured') =>
    push(
      `_${what} by ${measuredBy}; raw figures in [${source}](${source}); rendered by \`pnpm bench:render\`._`,
      '',
    )
  const ours = sizes.map((size) => engine(size, 'ours')).find((e) => e !== undefined)
  const peer = PEERS.map((p) => sizes.map((size) => engine(size, p)).find((e) => e !== undefined)).filter(
    (e) => e !== undefined,
  )

  push(
    '# Benchmark results',
    '',
    `Rendered from [${source}](${source}), the figures that \`${run.command}\` measured, by \`pnpm bench:render\`; ` +
      `do not edit by hand. ${howToRun()}`,
    '',
    `- **Command:** \`${run.command}\` — every engine at every size runs in its own process, ` +
      '`node --expose-gc --max-old-space-size=16000 bench/dist/bench/child.js <engine> <size> ' +
      `${run.mode} <out.json>\` (each one is listed under [processes](#processes)).`,
    `- **Date:** ${run.date}; the whole run took ${seconds(run.wallMs)}.`,
    `- **Machine (where it was measured):** ${host.cpu}, ${host.cores} cores, ${host.memoryGiB.toFixed(1)} GiB memory, Node ${host.node}, ${host.platform}; ` +
      `1-minute load average ${run.load.start.toFixed(2)} at the start, ${run.load.end.toFixed(2)} at the end` +
      (wasBusy(run)
        ? ' — **other work competed with this run (load above the number of cores), so its figures are noisier and slower than a quiet machine gives.**'
        : ' (the suite itself adds about 1).'),
    `- **Core measured:** ${coreLine(run)}`,
    `- **Libraries:** ${Object.entries(run.libraries)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    `- **Corpus:** \`@people-search/sample\`, seed 1, mean degree 50, at ${sizes.map(sizeLabel).join(', ')} members ` +
      `(generated in ${run.sizes.map((s) => seconds(s.generateMs)).join(' / ')}, not counted in any build).`,
    `- **Timing:** ${[
      ours === undefined ? undefined : `ours ${budgetLine(ours.budget)}`,
      ...dedupe(
        peer.map((e) => `${e.engine === 'oracle' ? 'the oracle' : 'each library'} ${budgetLine(e.budget)}`),
      ),
    ]
      .filter((t) => t !== undefined)
      .join('; ')}. Latency is the p50 / p99 over the samples of all rounds.`,
    '',
    '![p50 latency against corpus size: one panel per query class, one line per engine](latency.svg)',
    '',
  )
  from('[latency.svg](latency.svg): the p50 column of the latency table below, measured')

  // Targets.
  push('## Targets (issue 6)', '')
  push('| target | measured | |', '| --- | --- | --- |')
  const at1m = engine(TARGET_SIZE, 'ours')
  const notMeasured = `not measured: this ${run.mode} run stops at ${sizeLabel(Math.max(...sizes))}`
  const target = (name: string, measured: string | undefined, met: boolean | undefined) =>
    push(`| ${name} | ${measured ?? notMeasured} | ${met === undefined ? '—' : met ? 'met' : '**missed**'} |`)
  if (at1m !== undefined) {
    const b = at1m.build
    target(
      'build of 1M profiles ≤ 10 s',
      `${seconds(b.totalMs)} (add ${seconds(b.addMs ?? 0)}, graph ${seconds(b.graphMs ?? 0)})`,
      b.totalMs <= 10_000,
    )
    target(
      'heap beyond the profile objects ≤ 1 KB per profile at 1M',
      bytes(b.bytesPerProfile),
      b.bytesPerProfile <= 1024,
    )
    const q4 = at1m.queries.q4?.latency.p50
    const q3 = at1m.queries.q3?.latency.p50
    target(
      'Q4 p50 ≤ 5 ms at 1M',
      q4 === undefined ? undefined : ms(q4),
      q4 === undefined ? undefined : q4 <= 5,
    )
    target(
      'Q3 p50 ≤ 0.2 ms at 1M',
      q3 === undefined ? undefined : ms(q3),
      q3 === undefined ? undefined : q3 <= 0.2,
    )
  } else {
    target('build of 1M profiles ≤ 10 s', undefined, undefined)
    target('heap beyond the profile objects ≤ 1 KB per profile at 1M', undefined, undefined)
    target('Q4 p50 ≤ 5 ms at 1M', undefined, undefined)
    target('Q3 p50 ≤ 0.2 ms at 1M', undefined, undefined)
  }
  for (const [peer, factor] of [
    ['orama', 20],
    ['flexsearch', 5],
  ] as const) {
    const size = Math.max(
      ...sizes.filter((s) => engine(s, peer) !== undefined && engine(s, 'ours') !== undefined),
    )
    const name = `every class ≥ ${factor}× faster than ${PEER_TITLES[peer]}`
    if (!Number.isFinite(size)) {
      target(name, `not measured: ${PEER_TITLES[peer]} did not run`, undefined)
      continue
    }
    const ours = engine(size, 'ours') as EngineFigures
    const theirs = engine(size, peer) as EngineFigures
    const below: string[] = []
    let worst = Number.POSITIVE_INFINITY
    for (const s of QUERY_SCENARIOS) {
      const r = theirs.queries[s.id].latency.p50 / ours.queries[s.id].latency.p50
      worst = Math.min(worst, r)
      if (!(r >= factor))
        below.push(
          `${s.id.toUpperCase()} ${speedup(ours.queries[s.id].latency.p50, theirs.queries[s.id].latency.p50)}`,
        )
    }
    const where =
      size === TARGET_SIZE ? 'at 1M' : `at ${sizeLabel(size)}, the largest size ${PEER_TITLES[peer]} ran at`
    target(
      name,
      below.length === 0
        ? `${where}: slowest ratio ${worst.toFixed(1)}×`
        : `${where}: below in ${below.join(', ')}`,
      below.length === 0 && size === TARGET_SIZE ? true : below.length > 0 ? false : undefined,
    )
  }
  push('')
  from()
  push(
    'What dominates the missed targets, from CPU profiles of the build and of the searches: ' +
      '[README.md, where the time goes](README.md#where-the-time-goes). To profile again: ' +
      '`node --expose-gc --max-old-space-size=16000 bench/dist/bench/profile.js 1000000 q3,q4`.',
    '',
  )

  // The scale rows (`pnpm bench:scale`), measured apart.
  push(...scaleMarkdown(run, source))

  // Latency.
  const peersRun = PEERS.filter((p) => run.sizes.some((s) => s.engines.some((e) => e.engine === p)))
  push(
    '## Query latency',
    '',
    'p50 and p99 of single searches (tinybench), in milliseconds. _Spread_ is half the range of the p50s ' +
      'of our timing rounds, relative to our p50: the noise of the p50 itself, which `pnpm bench:compare` ' +
      'allows for. Each peer column is its p50 and how many ' +
      'times faster our p50 is (peer p50 ÷ our p50; above 1× we are faster). Peers answer the closest query ' +
      'they can express, which is often less work than ours: see [what was compared](#what-was-compared).',
    '',
  )
  const header = [
    'class',
    'size',
    'ours p50',
    'ours p99',
    'spread',
    ...peersRun.flatMap((p) => [`${PEER_TITLES[p]} p50`, '×']),
  ]
  push(`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`)
  for (const s of QUERY_SCENARIOS) {
    for (const size of sizes) {
      const ours = engine(size, 'ours')?.queries[s.id]
      const cells = [`${s.id.toUpperCase()} ${s.title}`, sizeLabel(size)]
      cells.push(
        ours ? ms(ours.latency.p50) : '—',
        ours ? ms(ours.latency.p99) : '—',
        ours ? spreadLabel(ours.latency) : '—',
      )
      for (const p of peersRun) {
        const theirs = engine(size, p)?.queries[s.id]
        cells.push(
          theirs ? ms(theirs.latency.p50) : '—',
          theirs && ours ? speedup(ours.latency.p50, theirs.latency.p50) : '—',
        )
      }
      push(`| ${cells.join(' | ')} |`)
    }
  }
  push('')
  from()

  // Matches.
  push(
    '### Matches per search',
    '',
    `Median over the first ${MATCH_CASES} cases of each class of the matches each engine reported: our ` +
      '`numResults` (the viewer network only, unless both names are given), the peers’ exact counts over all ' +
      'members, and for FlexSearch just what it returned (it cannot count past the page, marked ≤).',
    '',
  )
  const mHeader = ['class', 'size', 'ours', ...peersRun.map((p) => PEER_TITLES[p])]
  push(`| ${mHeader.join(' | ')} |`, `| ${mHeader.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`)
  for (const s of QUERY_SCENARIOS) {
    for (const size of sizes) {
      const cells = [s.id.toUpperCase(), sizeLabel(size)]
      for (const name of ['ours', ...peersRun] as EngineName[]) {
        const q = engine(size, name)?.queries[s.id]
        cells.push(q === undefined ? '—' : `${q.exactCount ? '' : '≤ '}${q.matches.toLocaleString('en-US')}`)
      }
      push(`| ${cells.join(' | ')} |`)
    }
  }
  push('')
  from()

  // Build.
  push(
    '## Build',
    '',
    'Wall time to index every profile of the world (ours: `add` in batches of 10,000 with validation, then ' +
      'one `connectMany` (ids resolved once) and `joinGroup` for the graph; peers: inserting their prepared documents, whose preparation ' +
      'is not counted), and the heap each engine holds beyond the corpus objects: V8 heap plus array buffers ' +
      'after forced GCs, after minus before, per profile. Peers also copy or tokenise their own documents, so ' +
      'their figure includes what they keep of the text.',
    '',
  )
  const bHeader = [
    'engine',
    ...sizes.flatMap((size) => [`${sizeLabel(size)} build`, `${sizeLabel(size)} heap/profile`]),
  ]
  push(`| ${bHeader.join(' | ')} |`, `| ${bHeader.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`)
  for (const name of ['ours', ...peersRun] as EngineName[]) {
    const cells = [name === 'ours' ? 'ours' : PEER_TITLES[name as PeerName]]
    for (const size of sizes) {
      const b = engine(size, name)?.build
      if (b === undefined) cells.push('—', '—')
      else {
        const split =
          b.addMs === undefined ? '' : ` (add ${seconds(b.addMs)} + graph ${seconds(b.graphMs ?? 0)})`
        cells.push(`${seconds(b.totalMs)}${split}`, bytes(b.bytesPerProfile))
      }
    }
    push(`| ${cells.join(' | ')} |`)
  }
  push('')
  from()

  // What was compared.
  push(
    '## What was compared',
    '',
    'Every engine is asked the same cases (64 per class, cycled; seeded draws of viewers and words from ' +
      'the corpus’s own frequent vocabulary). We and the oracle answer the legacy request through ' +
      '`searchAnswer` / `answer` (page of ids, `numResults`, `total`, histograms). The libraries index one ' +
      'document per member built from its **public** searchable text (docs/spec.md §3.1, folded into our tokens), so ' +
      'none of them applies these rules:',
    '',
    '- **network degree and its visibility rule** (docs/spec.md §3.2): they search all members, not the viewer’s ' +
      'F ∪ S; Q6’s first-degree filter is given to them as a per-document list of connections;',
    '- **privacy** (docs/spec.md §3.6): they see public sections only, whoever the viewer; we also match the ' +
      'connections-only sections of the viewer’s first-degree connections;',
    '- **BM25 on visible text with field weights** (docs/spec.md §3.4): Orama and MiniSearch rank by their own BM25 ' +
      'variants without our field weights, FlexSearch by term position;',
    '- **disjunctive facet counts** (docs/spec.md §4.3) and the network histogram: only our engine and the oracle;',
    '- **exact totals and the result cap**: FlexSearch cannot count, so it is timed with `limit` = page ' +
      'size (a handicap in its favour); none has the account-level cap;',
    '- **multiset name match** (docs/spec.md §3.1): exact equality of the folded names stands in for it.',
    '',
  )
  for (const s of QUERY_SCENARIOS) {
    push(`**${s.id.toUpperCase()} — ${s.title}.** Ours and the oracle: \`${s.pattern}\`.`, '')
    for (const p of PEERS) push(`- ${PEER_TITLES[p]}: ${s.peers[p]}`)
    push('')
  }

  const largest = Math.max(...sizes)
  const absent = peersRun.filter((p) => engine(largest, p) === undefined)
  const notRun = [...run.skipped]
  if (absent.length > 0) {
    const ranAt = Math.max(...sizes.filter((size) => absent.some((p) => engine(size, p) !== undefined)))
    const slowest = (p: PeerName) =>
      Math.max(...Object.values(engine(ranAt, p)?.queries ?? {}).map((q) => q.latency.p50))
    notRun.push(
      `${absent.map((p) => PEER_TITLES[p]).join(', ')} at ${sizeLabel(largest)}: left out so that the run takes ` +
        `minutes, not hours. At ${sizeLabel(ranAt)} their builds took ` +
        absent
          .filter((p) => engine(ranAt, p) !== undefined)
          .map(
            (p) =>
              `${PEER_TITLES[p]} ${seconds(engine(ranAt, p)?.build.totalMs ?? 0)} (slowest class ${ms(slowest(p))} a search)`,
          )
          .join(', ') +
        `; builds and scans grow at least linearly with the corpus.`,
    )
  }
  if (notRun.length > 0) {
    push('## Not run', '')
    for (const line of notRun) push(`- ${line}`)
    push('')
  }

  // Processes.
  push(
    '## Processes',
    '',
    `The processes \`${run.command}\` started, one per engine and size, and what each timed. ` +
      'Every figure above comes from the row of its engine and size.',
    '',
    '| size | engine | command | build | samples per class |',
    '| --- | --- | --- | ---: | ---: |',
  )
  for (const s of run.sizes) {
    for (const e of s.engines) {
      const counts = Object.values(e.queries).map((q) => q.latency.samples)
      push(
        `| ${sizeLabel(s.size)} | ${e.engine === 'ours' ? 'ours' : PEER_TITLES[e.engine]} | \`${e.command}\` | ` +
          `${seconds(e.build.totalMs)} | ${Math.min(...counts).toLocaleString('en-US')}–${Math.max(...counts).toLocaleString('en-US')} |`,
      )
    }
  }
  push('')
  from()
  return `${lines.join('\n').trimEnd()}`
}

function coreLine(run: RunFigures): string {
  const core = run.core
  if (core === undefined) return 'not recorded.'
  const dirty =
    core.dirty.length === 0 ? 'no uncommitted changes' : `uncommitted changes in ${core.dirty.length} file(s)`
  const stable = core.changedDuringRun
    ? ' **Warning: `packages/core/dist` was rebuilt during the run, so sizes may have measured different code.**'
    : ' `packages/core/dist` was the same from the first process to the last.'
  return `commit ${core.commit} of the work tree, ${dirty} in \`packages/core/src\` at the start.${stable}`
}

function howToRun(): string {
  return (
    'To measure again: `pnpm bench` (10k, 100k, 1M; about 15 minutes) or `pnpm bench:quick` (10k, 100k); ' +
    'either rewrites results.json and this file, keeping its scale rows. `pnpm bench:scale --size <members>` ' +
    'measures one [scale row](#scale-build-memory-snapshots-issue-14) (1M by default) and adds it. ' +
    'To render this file and latency.svg again from ' +
    'results.json without measuring: `pnpm bench:render`. See [README.md](README.md). The HTTP service ' +
    'under load (`pnpm bench:server`: autocannon on 127.0.0.1, the same query classes at 100k members) has ' +
    'its own figures and file: [SERVER-RESULTS.md](SERVER-RESULTS.md).'
  )
}

function budgetLine(b: Budget): string {
  const each = [
    b.timeMs > 0 ? `≥ ${b.timeMs.toLocaleString('en-US')} ms` : undefined,
    `≥ ${b.iterations} searches`,
  ]
    .filter((t) => t !== undefined)
    .join(' and ')
  const warm =
    b.warmupIterations > 0
      ? ` after ${b.warmupIterations} untimed ${b.warmupIterations === 1 ? 'one' : 'ones'}`
      : ''
  return b.rounds > 1
    ? `in ${b.rounds} rounds, each timing every class once for ${each}${warm}`
    : `in one round, timing each class for ${each}${warm}`
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)]
}
