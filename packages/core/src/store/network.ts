import { FIRST, GROUP, NONE, SECOND, SELF } from '../domain/degree.js'
import type { Graph } from './graph.js'

/** How one viewer's search sees every member. */
export interface NetworkView {
  readonly viewer: number
  /** The degree code (domain/degree.ts) of a slot relative to the viewer. */
  degreeOf(slot: number): number
  /**
   * The degree byte of every slot that has one other than A (FIRST, SECOND, SELF; NONE for A and
   * O), when the view holds them all: a hot loop reads it instead of calling `degreeOf`.
   * `undefined` for views that judge members one by one.
   */
  readonly degrees: Uint8Array | undefined
  /** F and S members in ascending slot order: what a search without both names can find. */
  readonly network: Uint32Array
  /** F members, ascending: the only ones whose connections-only sections this viewer may see. */
  readonly first: Uint32Array
  /**
   * The network and its F members as bitsets (bit `slot & 31` of word `slot >>> 5`), when the
   * view holds them: a search over long lists combines them with the lists' own bitsets a word
   * at a time (query/dense-keywords.ts). `undefined` for views that judge members one by one.
   */
  readonly networkBits: Uint32Array | undefined
  readonly firstBits: Uint32Array | undefined
}

/**
 * What the views of one index may hold at most, by default: 256 MiB, a few hundred views of a
 * 100k-member index (a byte per member and 4 per member of the network), a hundred or so at 1M.
 */
export const NETWORK_CACHE_BYTES = 256 * 1024 * 1024
/** Cleared byte arrays kept for the next views, so a cache that turns over does not reallocate. */
const SPARE_BUFFERS = 8

/**
 * Computes a viewer's degrees once and keeps the views of the viewers that searched last, up to
 * a budget in bytes (not a count: a view costs a byte per member plus its network, so a count
 * that fits a small index would hold gigabytes of a large one, and one that fits a large index
 * would thrash on a service where many viewers search). Views are dropped when the graph
 * changes; the byte arrays of dropped views are cleared and reused rather than reallocated.
 */
export class NetworkCache {
  /** Views by viewer, least recently used first (a Map keeps insertion order). */
  private views = new Map<number, FullView>()
  private bytes = 0
  private version = -1
  private spare: Uint8Array[] = []
  private bits = new Uint32Array(0)

  constructor(private readonly budget = NETWORK_CACHE_BYTES) {}

  /** Every member's degree, and the network as a list: for searches bounded by the network. */
  view(viewer: number, graph: Graph, slots: number): NetworkView {
    if (graph.version !== this.version) this.dropAll(graph.version)
    const cached = this.views.get(viewer)
    if (cached !== undefined) {
      this.views.delete(viewer)
      this.views.set(viewer, cached)
      return cached
    }
    const buffer = this.takeSpare(slots)
    if (this.bits.length * 32 < slots) this.bits = new Uint32Array(Math.ceil(slots / 32) * 2)
    const view = new FullView(viewer, graph, buffer ?? new Uint8Array(slots), this.bits)
    // The new view always stays, even alone over the budget: it is the one being searched.
    while (this.views.size > 0 && this.bytes + view.bytes > this.budget) {
      const [oldest, evicted] = this.views.entries().next().value as [number, FullView]
      this.views.delete(oldest)
      this.release(evicted)
    }
    this.views.set(viewer, view)
    this.bytes += view.bytes
    return view
  }

  /**
   * Degrees computed member by member, for searches that give both names: they reach every
   * member but match only a few, so the viewer's whole network is never walked.
   */
  pointView(viewer: number, graph: Graph): NetworkView {
    const cached = graph.version === this.version ? this.views.get(viewer) : undefined
    return cached ?? new PointView(viewer, graph)
  }

  clear(): void {
    this.views = new Map()
    this.bytes = 0
    this.spare = []
  }

  private dropAll(version: number): void {
    for (const view of this.views.values()) this.release(view)
    this.views.clear()
    this.bytes = 0
    this.version = version
  }

  private takeSpare(slots: number): Uint8Array | undefined {
    const at = this.spare.findIndex((b) => b.length >= slots)
    return at === -1 ? undefined : this.spare.splice(at, 1)[0]
  }

  private release(view: FullView): void {
    this.bytes -= view.bytes
    // The slots given a degree are the viewer and its network: clearing them cleans the buffer.
    view.degrees[view.viewer] = NONE
    for (const slot of view.network) view.degrees[slot] = NONE
    if (this.spare.length < SPARE_BUFFERS) this.spare.push(view.degrees)
  }
}

class FullView implements NetworkView {
  readonly network: Uint32Array
  readonly first: Uint32Array
  readonly networkBits: Uint32Array
  readonly firstBits: Uint32Array
  /** What the view holds, for the cache's budget. */
  readonly bytes: number
  private readonly graph: Graph

  constructor(
    readonly viewer: number,
    graph: Graph,
    readonly degrees: Uint8Array,
    bits: Uint32Array,
  ) {
    degrees[viewer] = SELF
    // The lists hold nodes (store/graph.ts); each is marked at its member's current slot.
    const firsts = graph.linksOfNode(graph.nodeOf(viewer))
    const slotOf = graph.slotOfNode
    const words = (degrees.length + 31) >>> 5
    const firstBits = new Uint32Array(words)
    const first = new Uint32Array(firsts.length)
    let size = 0
    for (let i = 0; i < firsts.length; i++) {
      const f = slotOf[firsts[i]]
      first[i] = f
      degrees[f] = FIRST
      size++
      bits[f >>> 5] |= 1 << (f & 31)
      firstBits[f >>> 5] |= 1 << (f & 31)
    }
    for (const node of firsts) {
      for (const other of graph.linksOfNode(node)) {
        const s = slotOf[other]
        if (degrees[s] !== NONE) continue
        degrees[s] = SECOND
        size++
        bits[s >>> 5] |= 1 << (s & 31)
      }
    }
    // Typed arrays only: a cache of hundreds of views must not be hundreds of arrays for the
    // garbage collector to mark.
    this.networkBits = bits.slice(0, words)
    this.firstBits = firstBits
    this.network = drainBits(bits, size)
    this.first = first.sort()
    this.graph = graph
    this.bytes = degrees.length + 8 * words + 4 * (this.network.length + this.first.length)
  }

  // Group members (A) are judged when asked: a search bounded by the network never asks, and
  // the viewer's groups can be far larger than its network.
  degreeOf(slot: number): number {
    const degree = slot < this.degrees.length ? this.degrees[slot] : NONE
    if (degree !== NONE) return degree
    return this.graph.sharesGroup(this.viewer, slot) ? GROUP : NONE
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
  readonly degrees = undefined
  readonly networkBits = undefined
  readonly firstBits = undefined
  readonly network = new Uint32Array(0)
  readonly first: Uint32Array
  /** The viewer's connections, as nodes (store/graph.ts). */
  private readonly firstNodes: Set<number>
  private readonly grouped: boolean
  private readonly memo = new Map<number, number>()

  constructor(
    readonly viewer: number,
    private readonly graph: Graph,
  ) {
    const firsts = graph.linksOfNode(graph.nodeOf(viewer))
    const slotOf = graph.slotOfNode
    const first = new Uint32Array(firsts.length)
    for (let i = 0; i < firsts.length; i++) first[i] = slotOf[firsts[i]]
    this.first = first.sort()
    this.firstNodes = new Set(firsts)
    this.grouped = graph.inAnyGroup(viewer)
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
    const node = this.graph.nodeOf(slot)
    if (this.firstNodes.has(node)) return FIRST
    for (const other of this.graph.linksOfNode(node)) if (this.firstNodes.has(other)) return SECOND
    return this.grouped && this.graph.sharesGroup(this.viewer, slot) ? GROUP : NONE
  }
}
