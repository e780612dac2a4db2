/**
 * What one child process does: generate the world, plan every query class's cases, build one
 * engine (ours or a peer) and time every class on it.
 */
import { writeFileSync } from 'node:fs'
import { makeCorpus } from './corpus.js'
import { type EngineFigures, MATCH_CASES, type QueryFigures, type SizeFigures } from './figures.js'
import { type Budget, log, settledHeap, timeCases } from './measure.js'
import { peerDocuments } from './peers/documents.js'
import { flexsearch } from './peers/flexsearch.js'
import { minisearch } from './peers/minisearch.js'
import { oracle } from './peers/oracle.js'
import { orama } from './peers/orama.js'
import type { Peer } from './peers/peer.js'
import type { PeerName } from './scenario.js'
import { buildOurs } from './scenarios/build.js'
import { QUERY_SCENARIOS } from './scenarios.js'
import { type QueryCase, vocabulary, worldFor } from './workload.js'

const PEER_ADAPTERS: Record<PeerName, Peer> = { flexsearch, orama, minisearch, oracle }

const BUDGETS: Record<'quick' | 'full', Record<'ours' | 'peer' | 'oracle', Budget>> = {
  quick: {
    ours: { timeMs: 250, iterations: 40, warmupIterations: 8 },
    peer: { timeMs: 150, iterations: 5, warmupIterations: 1 },
    oracle: { timeMs: 0, iterations: 4, warmupIterations: 0 },
  },
  full: {
    ours: { timeMs: 2000, iterations: 200, warmupIterations: 20 },
    peer: { timeMs: 1500, iterations: 20, warmupIterations: 3 },
    oracle: { timeMs: 0, iterations: 4, warmupIterations: 0 },
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
  const plans = QUERY_SCENARIOS.map((s) => ({ id: s.id, cases: s.cases(worldFor(corpus, words, s.id)) }))

  const timeAll = async (run: Runner, budget: Budget, exactCount: boolean) => {
    const queries: Record<string, QueryFigures> = {}
    for (const { id, cases } of plans) {
      // What the first MATCH_CASES cases report; every engine runs at least those.
      const seen: number[] = []
      const latency = await timeCases(
        `${engine} ${id}`,
        (k) => {
          const answer = run(cases[k % cases.length])
          if (typeof answer === 'number') {
            if (k < MATCH_CASES) seen[k] = answer
          } else {
            return answer.then((n) => {
              if (k < MATCH_CASES) seen[k] = n
            })
          }
        },
        budget,
      )
      const matches = median(seen.filter((n) => n !== undefined))
      queries[id] = { latency, matches, exactCount }
      log(
        `[${size}] ${engine} ${id}: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms ` +
          `(${latency.samples} samples, median ${matches} matches)`,
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
    figures = { engine, size, build, queries: await timeAll(run, budgets.ours, true) }
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
      build: { totalMs, heapBytes, bytesPerProfile: heapBytes / size },
      queries: await timeAll((c) => built.run(c), budget, peer.counts),
    }
  }
  const result: SizeFigures = { size, generateMs: corpus.generateMs, engines: [figures] }
  writeFileSync(out, `${JSON.stringify(result)}\n`)
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
