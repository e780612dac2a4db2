/**
 * The ours process of the network bench: the hub-heavy corpus loaded as the scale row loads it
 * (profiles streamed into `add`, one `connectMany`, every `joinGroup`), then every class asked by
 * the hub viewers and by the typical ones through `index.searchAnswer`, round-robin over each
 * kind's viewers; then, in the same process, the limit loops over the same viewers and cases.
 */
import { PeopleIndex } from '@people-search/core'
import { NOW } from '../common.js'
import type { NetworkClass, OursNetwork, PerKind, ViewerKind } from '../figures.js'
import { seconds, sizeLabel } from '../format.js'
import { log } from '../measure.js'
import { planClasses } from '../query-classes.js'
import { KeptCases } from '../scale/kept-cases.js'
import { connectWorld } from '../scale/stream.js'
import { vocabulary } from '../workload.js'
import { median, type NetworkPlan, networkPlans, spreadOf, timeCalls } from './classes.js'
import { adjacencyOf, LimitLoops } from './limit-loops.js'
import { everyMember, WordPostings } from './postings.js'
import { hubBatches, hubGraph, pickViewers, VIEWERS } from './world.js'

/** Timed searches per class and kind of viewer: enough for a p99 (13 passes over the 16 viewers). */
export const SEARCHES = 13 * VIEWERS
/** Timed calls of each limit loop per class and kind (their p99 is no target). */
export const LOOP_SEARCHES = 4 * VIEWERS
const WARMUP = VIEWERS

export function oursNetwork(size: number, seed: number, command: string): OursNetwork {
  const label = `[${sizeLabel(size)}] network ours`
  const { ids, edges, groups, degree } = hubGraph(size, seed)
  const kept = new KeptCases(size, seed, ids, degree)
  const index = new PeopleIndex({ now: () => NOW })
  let postings: WordPostings | undefined
  let addMs = 0
  let added = 0
  for (const batch of hubBatches(size, seed)) {
    kept.observe(batch)
    // The vocabulary is counted over the leading profiles, which the first batch holds.
    postings ??= new WordPostings(vocabulary(kept).keywords)
    postings.observe(added, batch)
    const start = performance.now()
    index.add(batch)
    addMs += performance.now() - start
    added += batch.length
  }
  if (postings === undefined || !kept.complete) throw new Error(`${label}: the stream ended early`)
  const { connectMs, groupsMs } = connectWorld(index, { ids, edges, groups })
  log(
    `${label}: built (add ${seconds(addMs)}, connectMany ${seconds(connectMs)}, joinGroup ${seconds(groupsMs)})`,
  )

  const graph = adjacencyOf(size, edges)
  const loops = new LimitLoops(graph)
  const viewers = pickViewers(degree)
  const plans = networkPlans(planClasses(kept))
  const all = everyMember(size)
  const candidateCache = new Map<string, Uint32Array>()
  const candidatesOf = (words: readonly string[]) => {
    if (words.length === 0) return all
    const key = words.join(' ')
    const cached = candidateCache.get(key)
    if (cached !== undefined) return cached
    const found = (postings as WordPostings).candidates(words)
    candidateCache.set(key, found)
    return found
  }
  const networkSizes = (list: number[]) => list.map((v) => loops.fullView(v, all, 'FS'))
  const classes: NetworkClass[] = []
  for (const plan of plans) {
    const ours = {} as NetworkClass['ours']
    for (const kind of ['hub', 'typical'] as const) {
      const list = viewers[kind]
      const answers: number[] = []
      const samples = timeCalls(SEARCHES, WARMUP, (k) => {
        const n = index.searchAnswer(plan.requests[k % plan.requests.length], {
          viewer: ids[list[k % VIEWERS]],
        }).numResults
        if (answers.length < VIEWERS) answers.push(n)
      })
      ours[kind] = { latency: spreadOf(samples), matches: median(answers) }
      log(
        `${label} ${plan.id} ${kind}: p50 ${ours[kind].latency.p50.toFixed(3)} ms, p99 ${ours[kind].latency.p99.toFixed(3)} ms`,
      )
    }
    classes.push({
      id: plan.id,
      title: plan.title,
      ours,
      loops: timeLoops(plan, viewers, loops, candidatesOf, label),
    })
  }
  return {
    command,
    build: { addMs, connectMs, groupsMs },
    edges: edges.length / 2,
    viewers: {
      hub: { degrees: viewers.hub.map((v) => degree[v]), networkSizes: networkSizes(viewers.hub) },
      typical: {
        degrees: viewers.typical.map((v) => degree[v]),
        networkSizes: networkSizes(viewers.typical),
      },
    },
    searches: SEARCHES,
    loopSearches: LOOP_SEARCHES,
    classes,
  }
}

/** Both loops over the cases a plan's loops can express; they must agree on every count. */
function timeLoops(
  plan: NetworkPlan,
  viewers: PerKind<number[]>,
  loops: LimitLoops,
  candidatesOf: (words: readonly string[]) => Uint32Array,
  label: string,
): NetworkClass['loops'] {
  const words = plan.loopWords.filter((w) => w !== undefined)
  if (words.length !== plan.loopWords.length) return undefined
  const lists = words.map(candidatesOf)
  const out = {} as NonNullable<NetworkClass['loops']>
  for (const kind of ['hub', 'typical'] as ViewerKind[]) {
    const list = viewers[kind]
    const at = (k: number) => ({ viewer: list[k % VIEWERS], candidates: lists[k % lists.length] })
    // Every call is checked; the first VIEWERS give the median, as ours' answers do.
    const counts: number[] = []
    for (let k = 0; k < LOOP_SEARCHES; k++) {
      const { viewer, candidates } = at(k)
      const full = loops.fullView(viewer, candidates, plan.reach)
      const each = loops.perCandidate(viewer, candidates, plan.reach)
      if (full !== each)
        throw new Error(`${label} ${plan.id}: full view counts ${full}, per candidate ${each}`)
      if (k < VIEWERS) counts.push(full)
    }
    let sink = 0
    const fullView = timeCalls(LOOP_SEARCHES, WARMUP, (k) => {
      const { viewer, candidates } = at(k)
      sink += loops.fullView(viewer, candidates, plan.reach)
    })
    const perCandidate = timeCalls(LOOP_SEARCHES, WARMUP, (k) => {
      const { viewer, candidates } = at(k)
      sink += loops.perCandidate(viewer, candidates, plan.reach)
    })
    if (sink < 0) throw new Error('unreachable')
    out[kind] = {
      fullView: spreadOf(fullView),
      perCandidate: spreadOf(perCandidate),
      candidates: median(Array.from({ length: VIEWERS }, (_, k) => at(k).candidates.length)),
      matches: median(counts),
    }
    log(
      `${label} ${plan.id} ${kind} loops: full view p50 ${out[kind].fullView.p50.toFixed(3)} ms, ` +
        `per candidate p50 ${out[kind].perCandidate.p50.toFixed(3)} ms (${out[kind].matches} in the network)`,
    )
  }
  return out
}
