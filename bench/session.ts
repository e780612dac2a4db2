/**
 * What one child process does: generate the world, plan every query class's cases, build one
 * engine (ours or a peer) and time every class on it.
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { makeCorpus } from './corpus.js'
import { type EngineFigures, MATCH_CASES, type Mode, type QueryFigures, type SizeFigures } from './figures.js'
import { type Budget, latencyOf, log, settledHeap, timeRound } from './measure.js'
import { peerDocuments } from './peers/documents.js'
import { flexsearch } from './peers/flexsearch.js'
import { minisearch } from './peers/minisearch.js'
import { oracle } from './peers/oracle.js'
import { orama } from './peers/orama.js'
import type { Peer } from './peers/peer.js'
import type { PeerName } from './scenario.js'
import { buildOurs } from './scenarios/build.js'
import { QUERY_SCENARIOS } from './scenarios.js'
import { CASES, type QueryCase, vocabulary, worldFor } from './workload.js'

const PEER_ADAPTERS: Record<PeerName, Peer> = { flexsearch, orama, minisearch, oracle }

/**
 * Ours is timed in five rounds (in each, every class once, for at least one pass over its 64
 * cases), so that `bench:compare` can tell noise from a change; the peers and the oracle, which
 * nobody compares against a baseline, in one.
 */
const BUDGETS: Record<Mode, Record<'ours' | 'peer' | 'oracle', Budget>> = {
  quick: {
    ours: { rounds: 5, timeMs: 60, iterations: CASES, warmupIterations: 8 },
    peer: { rounds: 1, timeMs: 150, iterations: 5, warmupIterations: 1 },
    oracle: { rounds: 1, timeMs: 0, iterations: 4, warmupIterations: 0 },
  },
  full: {
    ours: { rounds: 5, timeMs: 400, iterations: CASES, warmupIterations: 20 },
    peer: { rounds: 1, timeMs: 1500, iterations: 20, warmupIterations: 3 },
    oracle: { rounds: 1, timeMs: 0, iterations: 4, warmupIterations: 0 },
  },
}

type Runner = (query: QueryCase) => number | Promise<number>

export async function session(args: string[]): Promise<void> {
  const [engine, sizeText, mode, out] = args
  if (
    (mode !== 'quick' && mode !== 'full') ||
    !(engine === 'ours' || engine in PEER_ADAPTERS) ||
    out === undefined
  ) {
    throw new Error(
      `usage: child.js <ours|${Object.keys(PEER_ADAPTERS).join('|')}> <size> <quick|full> <out.json>`,
    )
  }
  const size = Number(sizeText)
  const budgets = BUDGETS[mode]
  log(`[${size}] ${engine}: generating the world`)
  const corpus = makeCorpus(size)
  log(`[${size}] generated in ${(corpus.generateMs / 1000).toFixed(1)} s`)
  const words = vocabulary(corpus)
  const plans = QUERY_SCENARIOS.map((s) => {
    const cases = s.cases(worldFor(corpus, words, s.id))
    return { id: s.id, cases, fingerprint: fingerprint(cases) }
  })
  const command = [
    'node',
    ...process.execArgv,
    relative(process.cwd(), process.argv[1] ?? 'child.js') || 'child.js',
    ...args.slice(0, 3),
    '<out.json>',
  ].join(' ')

  const timeAll = async (run: Runner, budget: Budget, exactCount: boolean) => {
    const classes = []
    for (const { id, cases, fingerprint } of plans) {
      // What the first MATCH_CASES cases report; every engine runs at least those.
      const seen: number[] = []
      const call = (k: number) => {
        const answer = run(cases[k % cases.length])
        if (typeof answer === 'number') {
          if (k < MATCH_CASES) seen[k] = answer
          return undefined
        }
        return answer.then((n) => {
          if (k < MATCH_CASES) seen[k] = n
        })
      }
      // One untimed probe, which also tells whether the engine answers with promises.
      const probe = call(0)
      if (probe !== undefined) await probe
      classes.push({ id, fingerprint, seen, call, async: probe !== undefined, rounds: [] as number[][] })
    }
    // Round by round over all the classes, so that a class's rounds lie seconds apart.
    for (let round = 0; round < budget.rounds; round++) {
      for (const c of classes) c.rounds.push(await timeRound(`${engine} ${c.id}`, c.call, c.async, budget))
    }
    const queries: Record<string, QueryFigures> = {}
    for (const c of classes) {
      const latency = latencyOf(c.rounds)
      const matches = median(c.seen.filter((n) => n !== undefined))
      queries[c.id] = { latency, matches, exactCount, cases: c.fingerprint }
      const rounds =
        latency.rounds.length > 1 ? `, round p50s ${latency.rounds.map((r) => r.toFixed(3)).join(' / ')}` : ''
      log(
        `[${size}] ${engine} ${c.id}: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms ` +
          `(${latency.samples} samples${rounds}, median ${matches} matches)`,
      )
    }
    return queries
  }

  let figures: EngineFigures
  if (engine === 'ours') {
    const { index, figures: build } = buildOurs(corpus)
    log(
      `[${size}] ours built in ${(build.totalMs / 1000).toFixed(2)} s (add ${(build.addMs / 1000).toFixed(2)} s, ` +
        `graph ${(build.graphMs / 1000).toFixed(2)} s), ${build.bytesPerProfile.toFixed(0)} B/profile`,
    )
    const run: Runner = (c) => index.searchAnswer(c.request, { viewer: c.viewer }).numResults
    figures = {
      engine,
      size,
      command,
      budget: budgets.ours,
      build,
      queries: await timeAll(run, budgets.ours, true),
    }
  } else {
    const peer = PEER_ADAPTERS[engine as PeerName]
    const documents = peer.name === 'oracle' ? [] : peerDocuments(corpus)
    const before = settledHeap()
    const start = performance.now()
    const built = await peer.build(corpus, documents)
    const totalMs = performance.now() - start
    const heapBytes = settledHeap() - before
    log(
      `[${size}] ${engine} built in ${(totalMs / 1000).toFixed(2)} s, ${(heapBytes / size).toFixed(0)} B/document`,
    )
    const budget = peer.name === 'oracle' ? budgets.oracle : budgets.peer
    figures = {
      engine: peer.name,
      size,
      command,
      budget,
      build: { totalMs, heapBytes, bytesPerProfile: heapBytes / size },
      queries: await timeAll((c) => built.run(c), budget, peer.counts),
    }
  }
  const result: SizeFigures = { size, generateMs: corpus.generateMs, engines: [figures] }
  writeFileSync(out, `${JSON.stringify(result)}\n`)
}

/** A short hash of the cases a class asks, so figures of different questions are never compared. */
function fingerprint(cases: readonly QueryCase[]): string {
  return createHash('sha256').update(JSON.stringify(cases)).digest('hex').slice(0, 16)
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
