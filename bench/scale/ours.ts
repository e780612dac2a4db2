/**
 * Ours at scale, loaded the way a user loads a large world: the profiles streamed into `add` a
 * batch at a time (generated just before, dropped just after), then the whole graph in one
 * `connectMany({ members, pairs })` over flat member indexes and `joinGroup` for every membership;
 * then the memory it holds with the corpus dropped, the seven query classes as the suite times
 * them, and a snapshot save.
 */
import { statSync } from 'node:fs'
import { PeopleIndex, type SearchRequestObject } from '@people-search/core'
import { NOW } from '../common.js'
import type { OursAtScale } from '../figures.js'
import { seconds, sizeLabel } from '../format.js'
import { log } from '../measure.js'
import { BUDGETS, type ClassPlan, planClasses, timeClasses } from '../query-classes.js'
import { KeptCases } from './kept-cases.js'
import { settledMemory } from './memory.js'
import { BATCH, connectWorld, corpusGraph, profileBatches } from './stream.js'

/** The first case of a class and what the built index answered: the load process asks it again. */
export interface Check {
  id: string
  viewer: string
  request: SearchRequestObject
  numResults: number
}

export interface OursOutput {
  figures: OursAtScale
  checks: Check[]
}

/** Members between two progress lines. */
const PROGRESS = 1_000_000

export async function oursAtScale(
  size: number,
  seed: number,
  snapshot: string,
  command: string,
): Promise<OursOutput> {
  const label = `[${sizeLabel(size)}] ours`
  const empty = settledMemory()
  const index = new PeopleIndex({ now: () => NOW })
  const built = build(index, size, seed, label)
  // Everything of the corpus is out of scope now. The generator keeps its model of the world
  // (degrees, regions: about 30 bytes per member), which the figure counts as the process's.
  const memory = settledMemory()
  log(
    `${label}: ${(memory.rss / size).toFixed(0)} B RSS per member ` +
      `(heap used ${(memory.heapUsed / size).toFixed(0)} B, array buffers ${(memory.arrayBuffers / size).toFixed(0)} B)`,
  )
  const budget = BUDGETS.full.ours
  const queries = await timeClasses(
    label,
    built.plans,
    (c) => index.searchAnswer(c.request, { viewer: c.viewer }).numResults,
    budget,
    true,
  )
  const afterQueries = settledMemory()
  const checks = built.plans.map(({ id, cases: [first] }) => ({
    id,
    viewer: first.viewer,
    request: first.request,
    numResults: index.searchAnswer(first.request, { viewer: first.viewer }).numResults,
  }))
  const start = performance.now()
  await index.save(snapshot)
  const saveMs = performance.now() - start
  const bytes = statSync(snapshot).size
  log(`${label}: saved in ${seconds(saveMs)}, ${(bytes / 2 ** 20).toFixed(0)} MiB`)
  return {
    figures: {
      command,
      empty,
      memory,
      afterQueries,
      generateMs: built.generateMs,
      build: built.build,
      graph: built.graph,
      save: { ms: saveMs, bytes },
      budget,
      queries,
    },
    checks,
  }
}

/**
 * Builds `index` from the streamed corpus and draws the cases. Whatever it allocated of the
 * corpus (ids, edges, groups, what the cases needed) is unreachable once it returns.
 */
function build(index: PeopleIndex, size: number, seed: number, label: string) {
  const loopStart = performance.now()
  const { ids, edges, groups, degree } = corpusGraph(size, seed)
  const kept = new KeptCases(size, seed, ids, degree)
  let addMs = 0
  let added = 0
  for (const batch of profileBatches(size, seed, BATCH)) {
    kept.observe(batch)
    const start = performance.now()
    index.add(batch)
    addMs += performance.now() - start
    added += batch.length
    if (added % PROGRESS < batch.length)
      log(`${label}: ${added.toLocaleString('en-US')} profiles added, add ${seconds(addMs)} so far`)
  }
  // Generating the world (the graph, then each batch) and noting what the cases need of it.
  const generateMs = performance.now() - loopStart - addMs
  let memberships = 0
  for (const g of groups) memberships += g.members.length
  const { connectMs, groupsMs } = connectWorld(index, { ids, edges, groups })
  const totalMs = addMs + connectMs + groupsMs
  log(
    `${label}: built in ${seconds(totalMs)} (add ${seconds(addMs)}, connectMany ${seconds(connectMs)} for ` +
      `${(edges.length / 2).toLocaleString('en-US')} edges, joinGroup ${seconds(groupsMs)}); generating took ${seconds(generateMs)}`,
  )
  if (!kept.complete) throw new Error(`${label}: the stream ended early`)
  const plans: ClassPlan[] = planClasses(kept)
  return {
    build: { addMs, connectMs, groupsMs, totalMs },
    graph: { edges: edges.length / 2, groups: groups.length, memberships },
    generateMs,
    plans,
  }
}
