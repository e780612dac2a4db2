/** `SERVER-RESULTS.md`, written from the figures of one `pnpm bench:server` run and nothing else. */
import { ms, seconds, sizeLabel } from '../format.js'
import { QUERY_SCENARIOS } from '../scenarios.js'
import {
  type InProcessFigures,
  type LatencySummary,
  type ServerRunFigures,
  type Stage,
  TARGET,
  targetMet,
} from './figures.js'

const SOURCE = 'results-server.json'

export function serverMarkdown(run: ServerRunFigures): string {
  const lines: string[] = []
  const push = (...more: string[]) => lines.push(...more)
  const host = run.machine
  const from = `_Measured by \`${run.command}\` on ${run.date.slice(0, 10)} at commit ${run.commit}; raw figures in [${SOURCE}](${SOURCE}); rendered by \`pnpm bench:server --render\`._`
  const mix = run.http.find((h) => h.run === 'mix' && h.format === 'json')
  const met = targetMet(run)

  push(
    '# The HTTP service under load',
    '',
    `Rendered from [${SOURCE}](${SOURCE}), the figures that \`${run.command}\` measured; do not edit by hand. ` +
      'To measure again: `pnpm bench:server` (about 4 minutes; `--profile` adds a profiled run and its breakdown, ' +
      '`--quick` tries the script in under a minute). To render this file again from the JSON: `pnpm bench:server --render`. ' +
      'The core alone, without HTTP, is in [RESULTS.md](RESULTS.md).',
    '',
    `- **Command:** \`${run.command}\`; the service runs in its own process, ` +
      '`node --expose-gc --max-old-space-size=8000 bench/dist/bench/server/service-process.js <size> <ms>`, ' +
      'and autocannon in the process of the command.',
    `- **Date:** ${run.date}; the whole run took ${seconds(run.wallMs)}.`,
    `- **Machine (where it was measured):** ${host.cpu}, ${host.cores} cores, ${host.memoryGiB.toFixed(1)} GiB memory, ` +
      `Node ${host.node}, ${host.platform}; 1-minute load average ${run.load.start.toFixed(2)} at the start, ` +
      `${run.load.end.toFixed(2)} at the end${busy(run) ? ' — **other work competed with this run**' : ''}.`,
    `- **Cores:** the service on ${run.pinning.server}; autocannon on ${run.pinning.loadGenerator}.`,
    `- **Code measured:** commit ${run.commit}; ${
      run.dirty.length === 0
        ? 'no uncommitted changes in `packages/core/src` or `packages/server/src` at the start'
        : `uncommitted changes at the start in ${run.dirty.map((d) => `\`${d.slice(3)}\``).join(', ')}`
    }.`,
    `- **Libraries:** ${Object.entries(run.libraries)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    `- **Corpus and index:** the bench's world (\`@people-search/sample\`, seed 1) at ${sizeLabel(run.size)} members, ` +
      `built as \`pnpm bench\` builds it (${seconds(run.buildMs)}), served with \`startServer({ index })\`, ` +
      'a token per viewer and a daily quota of 10⁹ searches.',
    `- **Checked first:** each of the ${run.verifiedCases} searches was asked once over HTTP in JSON and in XML, ` +
      'and answered 200 with the very bytes the index renders in process.',
    '',
  )

  push(
    `## Target (issue 12): ≥ ${TARGET.searchesPerSecond.toLocaleString('en-US')} searches/s on one core, p99 ≤ ${TARGET.p99Ms} ms, for the mix`,
    '',
  )
  if (mix === undefined) push('The mix was not measured in JSON.', '')
  else
    push(
      `The mix in JSON: **${rate(mix.searchesPerSecond)} searches/s**, p99 **${ms(mix.latency.p99)}**, ` +
        `${mix.non2xx} answers other than 2xx, ${mix.errors} connection errors: **${met ? 'met' : 'missed'}**.`,
      '',
    )

  push('## Over HTTP', '')
  push(
    `Each run: ${run.http[0]?.connections ?? '?'} keep-alive connections, one request in flight on each (pipelining 1), ` +
      "cycling through the run's searches (each connection from its own place in the list), for a fixed time after an " +
      'unmeasured warm-up. `GET /v1/people-search?…&oauth2_access_token=…`, with `x-li-format: json` for JSON and no ' +
      "format header for XML. Latency is from sending a request to its last byte, per answer, in autocannon's process.",
    '',
    '| run | format | searches/s | p50 | p90 | p99 | max | non-2xx | errors | answer | CPU: service | CPU: autocannon | measured |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const h of run.http) {
    push(
      `| ${runTitle(h.run)} | ${h.format.toUpperCase()} | ${rate(h.searchesPerSecond)} | ${latencyCells(h.latency)} | ` +
        `${h.non2xx} | ${h.errors} | ${Math.round(h.meanAnswerBytes).toLocaleString('en-US')} B | ${share(h.cpu.server)} | ` +
        `${share(h.cpu.loadGenerator)} | ${h.durationS.toFixed(0)} s after ${h.warmupS} s |`,
    )
  }
  push(
    '',
    'CPU is CPU time ÷ wall time over the measured part: 100% for the service means its core was busy throughout, so ' +
      "the figure is the service's; a load generator near 100% would mean autocannon was the limit instead.",
    '',
    from,
    '',
  )

  push('## Without HTTP: the same searches in process', '')
  push(
    'Before it listens, the service process times the same searches on the same core and heap, one at a time ' +
      '(tinybench, each figure for at least a second): `answer` is what `pnpm bench` reports (`searchAnswer`: the page ' +
      'of ids, the counts, the histograms); `document` is what the search route asks of the index (`search` of the ' +
      'legacy URL with its token, giving the result document); `+ JSON` and `+ XML` add the text the service sends. ' +
      "Rate is 1000 ÷ the mean latency. The last columns set the HTTP run against it: the service's CPU time per " +
      'search under load, and what of it is neither the search nor its text (HTTP, the framework, credentials, ' +
      'throttle, and the rest).',
    '',
    '| run | answer | document | + JSON | + XML | HTTP (JSON) | service CPU per search | beyond search + JSON |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  const runs = [...new Set(run.inProcess.map((f) => f.run))]
  for (const name of runs) {
    const stage = (s: Stage) => run.inProcess.find((f) => f.run === name && f.stage === s)
    const http = run.http.find((h) => h.run === name && h.format === 'json')
    const json = stage('json')
    const cpuPerSearch = http === undefined ? undefined : (http.cpu.server * 1000) / http.searchesPerSecond
    push(
      `| ${runTitle(name)} | ${(['answer', 'document', 'json', 'xml'] as const).map((s) => stageCell(stage(s))).join(' | ')} | ` +
        `${http === undefined ? '—' : `${rate(http.searchesPerSecond)}/s`} | ${cpuPerSearch === undefined ? '—' : ms(cpuPerSearch)} | ` +
        `${cpuPerSearch === undefined || json === undefined ? '—' : ms(Math.max(0, cpuPerSearch - json.latency.mean))} |`,
    )
  }
  push('', 'Each in-process cell: searches per second on one core, and the p50 latency.', '')
  const shares = classShares(run.inProcess)
  if (shares.length > 0) {
    push(
      `Of the time the mix's searches take in process (with their JSON), ${shares
        .map(({ run: name, share: s }) => `${runTitle(name)} ${share(s, s < 0.1 ? 1 : 0)}`)
        .join(', ')}: the classes are asked equally often, but do not cost the same.`,
      '',
    )
  }
  push(from, '')

  if (run.profile !== undefined) {
    const p = run.profile
    push("## Where the service's time goes", '')
    push(
      `A CPU profile of the service process (V8's sampling profiler every 0.5 ms, started over the inspector for one ` +
        `more run of the ${runTitle(p.run)} in ${p.format.toUpperCase()}, ${rate(p.searchesPerSecond)} searches/s ` +
        `under the profiler; \`bench/${p.file}\`, not committed). A sample counts for the innermost frame that names ` +
        'a part; built-ins count for their caller.',
      '',
      '| part | share of the samples |',
      '| --- | ---: |',
      ...p.parts.map((x) => `| ${x.part} | ${share(x.share, 1)} |`),
      '',
      '| function (self time) | share |',
      '| --- | ---: |',
      ...p.top.map((x) => `| \`${x.name.replaceAll('|', '\\|')}\` | ${share(x.share, 1)} |`),
      '',
      from,
      '',
    )
  }

  push('## The searches', '')
  push(
    'The mix interleaves the seven classes of `pnpm bench` (q1, q2, …, q7, q1, …), 64 searches each, drawn exactly as ' +
      '[README.md](README.md#scenarios) says (the same viewers, the same words); each class alone is also run by itself.',
    '',
    '| class | what | request |',
    '| --- | --- | --- |',
    ...QUERY_SCENARIOS.map((s) => `| ${s.id.toUpperCase()} | ${s.title} | \`${s.pattern}\` |`),
  )
  return lines.join('\n')
}

/** Each class's share of the time of one pass over all classes, by the mean of its JSON stage. */
function classShares(figures: readonly InProcessFigures[]): { run: string; share: number }[] {
  const json = figures.filter((f) => f.stage === 'json' && f.run !== 'mix')
  const total = json.reduce((sum, f) => sum + f.latency.mean, 0)
  return total === 0
    ? []
    : json.map((f) => ({ run: f.run, share: f.latency.mean / total })).sort((a, b) => b.share - a.share)
}

function busy(run: ServerRunFigures): boolean {
  return Math.max(run.load.start, run.load.end) > run.machine.cores
}

function runTitle(name: string): string {
  return name === 'mix' ? 'mix of Q1–Q7' : name.toUpperCase()
}

function latencyCells(l: LatencySummary): string {
  return [l.p50, l.p90, l.p99, l.max].map(ms).join(' | ')
}

function stageCell(f: InProcessFigures | undefined): string {
  return f === undefined ? '—' : `${rate(f.searchesPerSecond)}/s, ${ms(f.latency.p50)}`
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

function share(value: number, digits = 0): string {
  return `${(value * 100).toFixed(digits)}%`
}
