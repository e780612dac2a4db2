/**
 * FlexSearch 0.8 on the network bench's corpus, in its own process: one text `Index` with the
 * suite's settings (exact encoder on pre-folded words, strict tokenizer, numeric ids, no store)
 * over each member's public searchable text. It has no network, so it searches every member; for
 * each keyword class it can express, a page of 25 (`limit`, and `offset` for deep paging) and
 * every match (`limit` = the corpus size). `facet=network,F` it expresses as the suite does:
 * every hit of the word, kept in the caller when a connection of the viewer (marked in a stamp
 * array), the page stopping at 25 found; the company class likewise, on a second `Index` over
 * the current companies' names, with the location filter in the caller (no histograms).
 */
import { Charset, Index } from 'flexsearch'
import { folded } from '../common.js'
import type { FlexSearchNetwork } from '../figures.js'
import { seconds, sizeLabel } from '../format.js'
import { log } from '../measure.js'
import { publicCurrentCompanies, publicWords } from '../public-text.js'
import { planClasses } from '../query-classes.js'
import { KeptCases } from '../scale/kept-cases.js'
import { spreadOf, timeCalls } from './classes.js'
import { adjacencyOf } from './limit-loops.js'
import { hubBatches, hubGraph, pickViewers, VIEWERS } from './world.js'

const PAGE = 25
const CALLS = 4 * VIEWERS

export function flexsearchNetwork(size: number, seed: number, command: string): FlexSearchNetwork {
  const label = `[${sizeLabel(size)}] network flexsearch`
  const { ids, edges, degree } = hubGraph(size, seed)
  const kept = new KeptCases(size, seed, ids, degree)
  const index = new Index({ encoder: Charset.Exact, tokenize: 'strict' })
  const companies = new Index({ encoder: Charset.Exact, tokenize: 'strict' })
  // Each member's location code, as an index into `codes` (0: none), for the caller's filter.
  const codes: string[] = ['']
  const codeAt = new Map<string, number>()
  const locationOf = new Uint16Array(size)
  let buildMs = 0
  let id = 0
  for (const batch of hubBatches(size, seed)) {
    kept.observe(batch)
    const texts = batch.map((profile) => publicWords(profile).join(' '))
    const employers = batch.map((profile) => folded(publicCurrentCompanies(profile).join(' ')).join(' '))
    for (let i = 0; i < batch.length; i++) {
      const code = batch[i].location?.code
      if (code === undefined) continue
      let at = codeAt.get(code)
      if (at === undefined) {
        at = codes.push(code) - 1
        codeAt.set(code, at)
      }
      locationOf[id + i] = at
    }
    const start = performance.now()
    for (let i = 0; i < batch.length; i++) {
      index.add(id + i, texts[i])
      if (employers[i] !== '') companies.add(id + i, employers[i])
    }
    id += batch.length
    buildMs += performance.now() - start
  }
  log(`${label}: built in ${seconds(buildMs)}`)
  const graph = adjacencyOf(size, edges)
  const viewers = pickViewers(degree).hub
  const friend = new Uint32Array(size)
  let epoch = 0
  const classes: FlexSearchNetwork['classes'] = {}
  for (const { id: cls, cases } of planClasses(kept)) {
    const first = cases[0].peer
    if (first.firstName !== undefined) continue
    const queries = cases.map((c) => (c.peer.currentCompany ?? c.peer.keywords ?? []).join(' '))
    const offset = first.offset
    let ask: (k: number, limit: number) => number
    let note: string
    if (first.currentCompany !== undefined) {
      note =
        'the company words on an `Index` of current companies, the 3 location buckets filtered in the caller; ' +
        'no histograms'
      ask = (k, limit) => {
        const buckets = new Set(cases[k % cases.length].peer.locationAny ?? [])
        let found = 0
        for (const hit of companies.search(queries[k % queries.length], { limit: size }) as number[]) {
          const code = codes[locationOf[hit]]
          const inBucket = buckets.has(code) || buckets.has(`${code.slice(0, code.indexOf(':'))}:0`)
          if (code !== '' && inBucket && ++found === limit) break
        }
        return found
      }
    } else if (first.connectedTo !== undefined) {
      note = `every hit of the word, kept when a connection of one of the ${VIEWERS} hub viewers`
      ask = (k, limit) => {
        const viewer = viewers[k % VIEWERS]
        epoch++
        for (let j = graph.start[viewer]; j < graph.start[viewer + 1]; j++)
          friend[graph.neighbours[j]] = epoch
        let found = 0
        for (const hit of index.search(queries[k % queries.length], { limit: size }) as number[]) {
          if (friend[hit] === epoch && ++found === limit) break
        }
        return found
      }
    } else {
      note = offset > 0 ? `\`offset: ${offset}\`, all members` : 'all members, its own order'
      ask = (k, limit) =>
        (
          index.search(
            queries[k % queries.length],
            limit === size ? { limit } : { limit, offset },
          ) as number[]
        ).length
    }
    const all: number[] = []
    const pageSamples = timeCalls(CALLS, VIEWERS, (k) => ask(k, PAGE))
    const allSamples = timeCalls(CALLS, VIEWERS, (k) => {
      const n = ask(k, size)
      if (all.length < VIEWERS) all.push(n)
    })
    all.sort((a, b) => a - b)
    classes[cls] = {
      page: spreadOf(pageSamples),
      all: spreadOf(allSamples),
      matches: all[(all.length - 1) >> 1],
      note,
    }
    log(
      `${label} ${cls}: page p50 ${classes[cls].page.p50.toFixed(3)} ms, every match p50 ${classes[cls].all.p50.toFixed(3)} ms`,
    )
  }
  return { command, buildMs, classes }
}
