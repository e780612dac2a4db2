/**
 * `pnpm bench:server`: the HTTP service under load. A service process (`service-process.ts`)
 * builds the bench's 100k-member index, times the searches of every query class in process and
 * serves them; this process checks every answer once, then drives the service with autocannon:
 * the mix of all classes in JSON and in XML, then each class alone in JSON. The figures go to
 * `bench/results-server.json` (committed), and `bench/SERVER-RESULTS.md` is rendered from them.
 *
 * Options: `--size N` (100000), `--connections N` (10), `--duration S` (20, each mix),
 * `--class-duration S` (10, each class alone), `--warmup S` (5 before each mix, 3 before each
 * class), `--profile` (one more mix run under the CPU profiler, summarised in the report),
 * `--quick` (short runs, to try the script), `--render` (render the markdown from the JSON only).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { machine } from '../machine.js'
import { log } from '../measure.js'
import { gitState, typedCommand } from '../suite.js'
import { cannon } from './cannon.js'
import {
  type HttpRunFigures,
  type ProfileFigures,
  readServerFigures,
  SERVER_FIGURES_FORMAT,
  SERVER_RESULTS_FILE,
  SERVER_RESULTS_MD,
  type ServerRunFigures,
  targetMet,
} from './figures.js'
import { type Format, formatHeaders } from './formats.js'
import { type LoadRun, loadRuns } from './mix.js'
import { serverMarkdown } from './report.js'
import { pinCores, ServiceChild } from './service-child.js'
import { authorizedTarget, type HttpCase } from './targets.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

interface Options {
  size: number
  connections: number
  durationS: number
  classDurationS: number
  warmupS: number
  classWarmupS: number
  figureMs: number
  profile: boolean
}

function options(args: readonly string[]): Options | 'render' {
  const quick = args.includes('--quick')
  const given = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--quick' || arg === '--profile' || arg === '--render') continue
    const value = args[i + 1]
    if (
      !['--size', '--connections', '--duration', '--class-duration', '--warmup'].includes(arg) ||
      value === undefined
    ) {
      throw new Error(
        `unknown argument ${arg}; usage: load.js [--size N] [--connections N] [--duration S] [--class-duration S] ` +
          '[--warmup S] [--profile] [--quick] | load.js --render',
      )
    }
    given.set(arg, value)
    i++
  }
  if (args.includes('--render')) return 'render'
  const number = (name: string, fallback: number) => {
    const value = Number(given.get(name) ?? fallback)
    if (!(value > 0)) throw new Error(`${name} must be a positive number`)
    return value
  }
  const warmupS = number('--warmup', quick ? 2 : 5)
  return {
    size: number('--size', 100_000),
    connections: number('--connections', 10),
    durationS: number('--duration', quick ? 5 : 20),
    classDurationS: number('--class-duration', quick ? 3 : 10),
    warmupS,
    classWarmupS: Math.min(warmupS, quick ? 1 : 3),
    figureMs: quick ? 300 : 1000,
    profile: args.includes('--profile'),
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const chosen = options(args)
  if (chosen === 'render') {
    render(readServerFigures())
    log(`rendered bench/SERVER-RESULTS.md from bench/results-server.json`)
    return
  }
  const date = new Date().toISOString()
  const loadAtStart = loadavg()[0]
  const started = performance.now()
  const pinning = pinCores()
  const service = new ServiceChild(pinning, chosen.size, chosen.figureMs)
  try {
    const ready = await service.next('ready')
    log(`[load] the service listens at ${ready.url}; checking every answer`)
    const verifiedCases = await verify(ready.url, ready.cases, ready.expected)
    const http: HttpRunFigures[] = []
    const runs = loadRuns(ready.cases)
    const plan: [LoadRun, Format][] = [
      [runs[0], 'json'],
      [runs[0], 'xml'],
      ...runs.slice(1).map((run): [LoadRun, Format] => [run, 'json']),
    ]
    for (const [run, format] of plan) http.push(await measureRun(service, ready.url, run, format, chosen))
    let profile: ProfileFigures | undefined
    if (chosen.profile) profile = await profileRun(service, ready.url, runs[0], chosen)
    const figures: ServerRunFigures = {
      format: SERVER_FIGURES_FORMAT,
      command: typedCommand('server/load.js', args),
      date,
      wallMs: performance.now() - started,
      machine: machine(),
      load: { start: round2(loadAtStart), end: round2(loadavg()[0]) },
      pinning: { server: pinning.server, loadGenerator: pinning.loadGenerator },
      ...gitState(['packages/core/src', 'packages/server/src']),
      libraries: libraries(),
      size: chosen.size,
      buildMs: ready.buildMs,
      verifiedCases,
      inProcess: ready.inProcess,
      http,
      ...(profile === undefined ? {} : { profile }),
    }
    await service.stop()
    writeFileSync(SERVER_RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`)
    render(figures)
    log(
      `wrote bench/results-server.json and bench/SERVER-RESULTS.md; target ${targetMet(figures) ? 'met' : 'MISSED'}`,
    )
  } finally {
    service.kill()
  }
}

/** Asks every case once in each format and compares the bytes with what the index answers in process. */
async function verify(
  url: string,
  cases: readonly HttpCase[],
  expected: readonly { json: string; xml: string }[],
) {
  for (const [k, c] of cases.entries()) {
    for (const format of ['json', 'xml'] as const) {
      const response = await fetch(`${url}${authorizedTarget(c)}`, { headers: formatHeaders(format) })
      const body = await response.text()
      if (response.status !== 200 || sha256(body) !== expected[k][format]) {
        throw new Error(
          `${c.query} ${c.target} (${format}): HTTP ${response.status}, a body other than the in-process one:\n${body.slice(0, 400)}`,
        )
      }
    }
  }
  return cases.length
}

async function measureRun(
  service: ServiceChild,
  url: string,
  run: LoadRun,
  format: Format,
  chosen: Options,
): Promise<HttpRunFigures> {
  const mix = run.name === 'mix'
  const warmupS = mix ? chosen.warmupS : chosen.classWarmupS
  const durationS = mix ? chosen.durationS : chosen.classDurationS
  const plan = {
    url,
    targets: run.cases.map(authorizedTarget),
    headers: formatHeaders(format),
    connections: chosen.connections,
  }
  await cannon({ ...plan, durationS: warmupS })
  const serverBefore = await service.cpuMicros()
  const selfBefore = process.cpuUsage()
  const outcome = await cannon({ ...plan, durationS })
  const self = process.cpuUsage(selfBefore)
  const server = (await service.cpuMicros()) - serverBefore
  const wallMicros = outcome.durationS * 1e6
  const figures: HttpRunFigures = {
    run: run.name,
    format,
    cases: run.cases.length,
    connections: chosen.connections,
    warmupS,
    durationS: outcome.durationS,
    searchesPerSecond: outcome.responses / outcome.durationS,
    latency: outcome.latency,
    responses: outcome.responses,
    statuses: outcome.statuses,
    non2xx: outcome.non2xx,
    errors: outcome.errors,
    timeouts: outcome.timeouts,
    meanAnswerBytes: outcome.meanAnswerBytes,
    cpu: {
      server: round2(server / wallMicros),
      loadGenerator: round2((self.user + self.system) / wallMicros),
    },
  }
  log(
    `[load] ${run.name} ${format}: ${Math.round(figures.searchesPerSecond)} searches/s, p50 ` +
      `${figures.latency.p50.toFixed(2)} ms, p99 ${figures.latency.p99.toFixed(2)} ms, max ` +
      `${figures.latency.max.toFixed(1)} ms, ${figures.non2xx} non-2xx, ${figures.errors} errors ` +
      `(CPU: service ${figures.cpu.server}, autocannon ${figures.cpu.loadGenerator})`,
  )
  return figures
}

/** One more mix run in JSON under the CPU profiler (its figures are the profiler's, not the run's). */
async function profileRun(
  service: ServiceChild,
  url: string,
  run: LoadRun,
  chosen: Options,
): Promise<ProfileFigures> {
  const plan = {
    url,
    targets: run.cases.map(authorizedTarget),
    headers: formatHeaders('json'),
    connections: chosen.connections,
  }
  await service.ask({ type: 'profile-start' }, 'profiling')
  const outcome = await cannon({ ...plan, durationS: chosen.durationS })
  const summary = await service.ask({ type: 'profile-stop', name: 'server-mix-json' }, 'profile')
  log(
    `[load] profiled mix json: ${Math.round(outcome.responses / outcome.durationS)} searches/s under the profiler`,
  )
  for (const { part, share } of summary.parts) log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${part}`)
  return {
    run: run.name,
    format: 'json',
    file: summary.file,
    searchesPerSecond: outcome.responses / outcome.durationS,
    parts: summary.parts,
    top: summary.top,
  }
}

function render(figures: ServerRunFigures): void {
  writeFileSync(SERVER_RESULTS_MD, `${serverMarkdown(figures)}\n`)
}

function libraries(): Record<string, string> {
  const version = (dir: string) => {
    try {
      return (JSON.parse(readFileSync(`${ROOT}${dir}/package.json`, 'utf8')) as { version: string }).version
    } catch {
      return '?'
    }
  }
  return {
    node: process.version,
    autocannon: version('bench/node_modules/autocannon'),
    fastify: version('packages/server/node_modules/fastify'),
    '@people-search/server': version('packages/server'),
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
