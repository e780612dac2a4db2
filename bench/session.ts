/**
 * What one child process does: generate the world, plan every query class's cases, build one
 * engine (ours or a peer) and time every class on it.
 */
import { writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { makeCorpus } from './corpus.js'
import type { EngineFigures, SizeFigures } from './figures.js'
import { type Budget, log, settledHeap } from './measure.js'
import { peerDocuments } from './peers/documents.js'
import { flexsearch } from './peers/flexsearch.js'
import { minisearch } from './peers/minisearch.js'
import { oracle } from './peers/oracle.js'
import { orama } from './peers/orama.js'
import type { Peer } from './peers/peer.js'
import { BUDGETS, planClasses, type Runner, timeClasses } from './query-classes.js'
import type { PeerName } from './scenario.js'
import { buildOurs } from './scenarios/build.js'

const PEER_ADAPTERS: Record<PeerName, Peer> = { flexsearch, orama, minisearch, oracle }

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
  const plans = planClasses(corpus)
  const command = [
    'node',
    ...process.execArgv,
    relative(process.cwd(), process.argv[1] ?? 'child.js') || 'child.js',
    ...args.slice(0, 3),
    '<out.json>',
  ].join(' ')

  const label = `[${size}] ${engine}`
  const timeAll = (run: Runner, budget: Budget, exactCount: boolean) =>
    timeClasses(label, plans, run, budget, exactCount)

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
