import type { Graph } from './graph.js'

/** Degrees relative to one viewer (SPEC §3.2); NONE is "everyone else" (O). */
export const NONE = 0
export const FIRST = 1
export const SECOND = 2
export const GROUP = 3
export const SELF = 4

/** One viewer's degrees: a byte per slot, plus its network (F ∪ S) as sorted slots. */
export interface NetworkView {
  readonly viewer: number
  readonly version: number
  /** Degree by slot; slots past its end are NONE. */
  readonly degree: Uint8Array
  /** F and S members in ascending slot order: what a search without both names can find. */
  readonly network: Uint32Array
  /** F members: the only ones whose connections-only sections this viewer may see. */
  readonly first: Uint32Array
  /** Every slot given a degree (to clear the byte array for reuse without a full fill). */
  readonly marked: number[]
}

const CACHE_SIZE = 8

/**
 * Computes a viewer's degrees once and keeps the last few viewers' views, so repeated
 * searches by the same viewer cost nothing here. Views are dropped when the graph changes.
 */
export class NetworkCache {
  private views: NetworkView[] = []

  view(viewer: number, graph: Graph, slots: number): NetworkView {
    const at = this.views.findIndex((v) => v.viewer === viewer && v.version === graph.version)
    if (at >= 0) {
      const view = this.views[at]
      if (at > 0) {
        this.views.splice(at, 1)
        this.views.unshift(view)
      }
      return view
    }
    this.views = this.views.filter((v) => v.version === graph.version)
    let buffer: Uint8Array | undefined
    if (this.views.length >= CACHE_SIZE) {
      const evicted = this.views.pop() as NetworkView
      for (const slot of evicted.marked) evicted.degree[slot] = NONE
      if (evicted.degree.length >= slots) buffer = evicted.degree
    }
    const view = computeView(viewer, graph, buffer ?? new Uint8Array(slots))
    this.views.unshift(view)
    return view
  }

  clear(): void {
    this.views = []
  }
}

function computeView(viewer: number, graph: Graph, degree: Uint8Array): NetworkView {
  const marked: number[] = [viewer]
  degree[viewer] = SELF
  const firsts = graph.neighboursOf(viewer)
  for (const f of firsts) {
    degree[f] = FIRST
    marked.push(f)
  }
  const firstCount = marked.length - 1
  for (const f of firsts) {
    for (const s of graph.neighboursOf(f)) {
      if (degree[s] === NONE) {
        degree[s] = SECOND
        marked.push(s)
      }
    }
  }
  const networkCount = marked.length - 1
  for (const group of graph.groupsOfMember(viewer)) {
    for (const member of graph.membersOf(group)) {
      if (degree[member] === NONE) {
        degree[member] = GROUP
        marked.push(member)
      }
    }
  }
  const network = Uint32Array.from(marked.slice(1, 1 + networkCount)).sort()
  const first = Uint32Array.from(marked.slice(1, 1 + firstCount)).sort()
  return { viewer, version: graph.version, degree, network, first, marked }
}
