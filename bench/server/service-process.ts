/**
 * The service process of `pnpm bench:server`: builds the bench's index (the same world and the
 * same build as `pnpm bench`), times the searches of every class in process, then serves them
 * over HTTP with `@people-search/server` until told to stop. `load.ts` starts it, pinned to its
 * own core, as `node --expose-gc --max-old-space-size=8000 service-process.js <size> <ms per figure>`
 * with an IPC channel (`protocol.ts`).
 *
 * The in-process figures are taken in this process, on this core and heap, before the service
 * listens, so that they and the HTTP figures differ by HTTP and the service alone.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import type { PeopleIndex } from '@people-search/core'
import { startServer } from '@people-search/server'
import { makeCorpus } from '../corpus.js'
import { BENCH_DIR } from '../figures.js'
import { log, timeRound } from '../measure.js'
import { buildOurs } from '../scenarios/build.js'
import { summarise } from './cannon.js'
import type { InProcessFigures, Stage } from './figures.js'
import { renderBody } from './formats.js'
import { loadRuns } from './mix.js'
import { type CpuProfile, summariseProfile } from './profile-parts.js'
import type { FromService, ToService } from './protocol.js'
import { accessTokens, authorizedTarget, type HttpCase, httpCases } from './targets.js'

/** Where profiles are kept (not committed). */
const PROFILE_DIR = `${BENCH_DIR}dist/profiles/`

const send = (message: FromService) => process.send?.(message)

async function main(): Promise<void> {
  const size = Number(process.argv[2])
  const figureMs = Number(process.argv[3])
  if (!Number.isSafeInteger(size) || size <= 0 || !(figureMs > 0) || process.send === undefined) {
    throw new Error('usage (with an IPC channel): service-process.js <size> <ms per in-process figure>')
  }
  log(`[service] generating and building ${size} members`)
  const corpus = makeCorpus(size)
  const { index, figures } = buildOurs(corpus)
  log(`[service] built in ${(figures.totalMs / 1000).toFixed(1)} s`)
  const cases = httpCases(corpus)
  const expected = cases.map((c) => expectedBodies(index, c))
  const inProcess: InProcessFigures[] = []
  for (const run of loadRuns(cases)) {
    for (const stage of STAGES) {
      const latency = summarise(
        await timeRound(`${run.name} ${stage}`, stageOf(index, run.cases, stage), false, {
          rounds: 1,
          timeMs: figureMs,
          iterations: run.cases.length,
          warmupIterations: run.cases.length,
        }),
      )
      inProcess.push({ run: run.name, stage, searchesPerSecond: 1000 / latency.mean, latency })
    }
    log(`[service] in process, ${run.name}: ${inProcess.slice(-STAGES.length).map(brief).join(', ')}`)
  }

  const server = await startServer({
    config: { accessTokens: accessTokens(cases), throttles: { searchesPerDay: 1_000_000_000 } },
    index,
    port: 0,
    logger: false,
  })
  const session = new Session()
  session.connect()
  process.on('message', (message: ToService) => {
    handle(message, session, server.close).catch((error: unknown) => {
      send({ type: 'failed', message: String(error) })
    })
  })
  send({ type: 'ready', url: server.url, buildMs: figures.totalMs, cases, expected, inProcess })
}

const STAGES: readonly Stage[] = ['answer', 'document', 'json', 'xml']

/**
 * One search of a stage, each stage doing what the one before it does and more: `answer` is the
 * figure `pnpm bench` reports (the page of ids, counts, histograms); `document` is what the
 * search route asks the index for (the legacy URL with its token, read and answered as a
 * result document); `json` and `xml` add the text the service sends.
 */
function stageOf(index: PeopleIndex, cases: readonly HttpCase[], stage: Stage): (k: number) => unknown {
  const at = (k: number) => cases[k % cases.length]
  switch (stage) {
    case 'answer':
      return (k) => index.searchAnswer(at(k).request, { viewer: at(k).viewer })
    case 'document':
      return (k) => index.search(authorizedTarget(at(k)), { viewer: at(k).viewer })
    default:
      return (k) => renderBody(index.search(authorizedTarget(at(k)), { viewer: at(k).viewer }), stage)
  }
}

/** What the service must answer to a case, checked first against the bench's own request object. */
function expectedBodies(index: PeopleIndex, c: HttpCase): { json: string; xml: string } {
  const result = index.search(authorizedTarget(c), { viewer: c.viewer })
  const answer = index.searchAnswer(c.request, { viewer: c.viewer })
  if (result.numResults !== answer.numResults) {
    throw new Error(
      `${c.query} ${c.target}: the URL form finds ${result.numResults} members, the request object ${answer.numResults}`,
    )
  }
  return { json: sha256(renderBody(result, 'json')), xml: sha256(renderBody(result, 'xml')) }
}

async function handle(message: ToService, session: Session, close: () => Promise<void>): Promise<void> {
  switch (message.type) {
    case 'cpu': {
      const { user, system } = process.cpuUsage()
      send({ type: 'cpu', micros: user + system })
      return
    }
    case 'profile-start':
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 500 })
      await session.post('Profiler.start')
      send({ type: 'profiling' })
      return
    case 'profile-stop': {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }
      mkdirSync(PROFILE_DIR, { recursive: true })
      const file = `${PROFILE_DIR}${message.name}.cpuprofile`
      writeFileSync(file, JSON.stringify(profile))
      send({ type: 'profile', file: file.slice(BENCH_DIR.length), ...summariseProfile(profile) })
      return
    }
    case 'stop':
      session.disconnect()
      await close()
      process.exit(0)
  }
}

function brief(f: InProcessFigures): string {
  return `${f.stage} p50 ${f.latency.p50.toFixed(3)} ms (${Math.round(f.searchesPerSecond)}/s)`
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  log(`[service] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
