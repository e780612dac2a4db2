import { FIRST, GROUP, NONE, SECOND, SELF } from '../domain/degree.js'
import type { Graph } from './graph.js'

/** How one viewer's search sees every member. */
export interface NetworkView {
  readonly viewer: number
  /** The degree code (domain/degree.ts) of a slot relative to the viewer. */
  degreeOf(slot: number): number
  /** F and S members in ascending slot order: what a search without both names can find. */
  readonly network: Uint32Array
  /** F members, ascending: the only ones whose connections-only sections this viewer may see. */
  readonly first: Uint32Array
}

const CACHE_SIZE = 8

/**
 * Computes a viewer's degrees once and keeps the last few viewers' views, so repeated
 * searches by the same viewer cost nothing here. Views are dropped when the graph changes;
 * the byte arrays of dropped views are cleared and reused rather than reallocated.
 */
export class NetworkCache {
  private views: FullView[] = []
  private spare: Uint8Array[] = []
  private bits = new Uint32Array(0)

  /** Every member's degree, and the network as a list: for searches bounded by the network. */
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
    for (const stale of this.views.filter((v) => v.version !== graph.version)) this.release(stale)
    this.views = this.views.filter((v) => v.version === graph.version)
    if (this.views.length >= CACHE_SIZE) this.release(this.views.pop() as FullView)
    const buffer = this.spare.find((b) => b.length >= slots)
    if (buffer !== undefined) this.spare.splice(this.spare.indexOf(buffer), 1)
    if (this.bits.length * 32 < slots) this.bits = new Uint32Array(Math.ceil(slots / 32) * 2)
    const view = new FullView(viewer, graph, buffer ?? new Uint8Array(slots), this.bits)
    this.views.unshift(view)
    return view
  }

  /**
   * Degrees computed member by member, for searches that give both names: they reach every
   * member but match only a few, so the viewer's whole network is never walked.
   */
  pointView(viewer: number, graph: Graph): NetworkView {
    const cached = this.views.find((v) => v.viewer === viewer && v.version === graph.version)
    return cached ?? new PointView(viewer, graph)
  }

  clear(): void {
    this.views = []
    this.spare = []
  }

  private release(view: FullView): void {
    for (const slot of view.marked) view.degree[slot] = NONE
    if (this.spare.length < CACHE_SIZE) this.spare.push(view.degree)
  }
}

class FullView implements NetworkView {
  readonly version: number
  readonly network: Uint32Array
  readonly first: Uint32Array
  /** Every slot given a degree, to clear the byte array for reuse without a full fill. */
  readonly marked: number[]
  private readonly graph: Graph

  constructor(
    readonly viewer: number,
    graph: Graph,
    readonly degree: Uint8Array,
    bits: Uint32Array,
  ) {
    this.version = graph.version
    const marked: number[] = [viewer]
    degree[viewer] = SELF
    const firsts = graph.neighboursOf(viewer)
    for (const f of firsts) {
      degree[f] = FIRST
      marked.push(f)
      bits[f >>> 5] |= 1 << (f & 31)
    }
    for (const f of firsts) {
      for (const s of graph.neighboursOf(f)) {
        if (degree[s] !== NONE) continue
        degree[s] = SECOND
        marked.push(s)
        bits[s >>> 5] |= 1 << (s & 31)
      }
    }
    this.network = drainBits(bits, marked.length - 1)
    this.first = Uint32Array.from(firsts).sort()
    this.marked = marked
    this.graph = graph
  }

  // Group members (A) are judged when asked: a search bounded by the network never asks, and
  // the viewer's groups can be far larger than its network.
  degreeOf(slot: number): number {
    const degree = slot < this.degree.length ? this.degree[slot] : NONE
    if (degree !== NONE) return degree
    for (const group of this.graph.groupsOfMember(this.viewer))
      if (this.graph.membersOf(group).has(slot)) return GROUP
    return NONE
  }
}

/**
 * The set bits in ascending order, clearing them as it goes: sorting the network by scanning
 * a bitset costs O(slots / 32 + network) instead of a comparison sort of the network.
 */
function drainBits(bits: Uint32Array, count: number): Uint32Array {
  const out = new Uint32Array(count)
  let n = 0
  for (let word = 0; word < bits.length && n < count; word++) {
    let x = bits[word]
    if (x === 0) continue
    bits[word] = 0
    while (x !== 0) {
      const low = x & -x
      out[n++] = (word << 5) + 31 - Math.clz32(low)
      x ^= low
    }
  }
  return out
}

class PointView implements NetworkView {
  readonly network = new Uint32Array(0)
  readonly first: Uint32Array
  private readonly firstSet: Set<number>
  private readonly groups: readonly string[]
  private readonly memo = new Map<number, number>()

  constructor(
    readonly viewer: number,
    private readonly graph: Graph,
  ) {
    const firsts = graph.neighboursOf(viewer)
    this.first = Uint32Array.from(firsts).sort()
    this.firstSet = new Set(firsts)
    this.groups = graph.groupsOfMember(viewer)
  }

  degreeOf(slot: number): number {
    let degree = this.memo.get(slot)
    if (degree === undefined) {
      degree = this.compute(slot)
      this.memo.set(slot, degree)
    }
    return degree
  }

  private compute(slot: number): number {
    if (slot === this.viewer) return SELF
    if (this.firstSet.has(slot)) return FIRST
    for (const other of this.graph.neighboursOf(slot)) if (this.firstSet.has(other)) return SECOND
    for (const group of this.groups) if (this.graph.membersOf(group).has(slot)) return GROUP
    return NONE
  }
}
