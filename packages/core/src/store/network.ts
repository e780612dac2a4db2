import { FIRST, GROUP, NONE, SECOND, SELF } from '../domain/degree.js'
import type { Graph } from './graph.js'

/** How one viewer's search sees every member. */
export interface NetworkView {
  readonly viewer: number
  /** The degree code (domain/degree.ts) of a slot relative to the viewer. */
  degreeOf(slot: number): number
  /**
   * Whether the slot is in F: what connections-only text asks (docs/spec.md §3.6), answered
   * without telling A from O (a group lookup, the dearest part of `degreeOf`).
   */
  isFirst(slot: number): boolean
  /**
   * F and S members (the viewer's network, what a search without both names can find) and its F
   * members as bitsets over slots (bit `slot & 31` of word `slot >>> 5`), when the view holds
   * the whole network: a hot loop tests a bit instead of calling `degreeOf`, and a search over
   * long lists combines them with the lists' own bitsets a word at a time (collect-dense.ts).
   * `undefined` for views that judge members one by one.
   */
  readonly networkBits: Uint32Array | undefined
  readonly firstBits: Uint32Array | undefined
  /** The network in ascending slot order when `networkBits` is there (drawn on first use); empty otherwise. */
  readonly network: Uint32Array
  /** How many members the network holds when `networkBits` is there (without drawing the list); 0 otherwise. */
  readonly networkSize: number
  /** F members, ascending: the only ones whose connections-only sections this viewer may see. */
  readonly first: Uint32Array
}

/**
 * What the views of one index may hold at most, by default: 256 MiB, a few hundred views of a
 * 100k-member index (two bits per member and 4 bytes per member of the network), dozens of a
 * hub's at 1M.
 */
export const NETWORK_CACHE_BYTES = 256 * 1024 * 1024
/** Cleared bitsets kept for the next views, so a cache that turns over does not reallocate. */
const SPARE_BITSETS = 8

/**
 * Computes a viewer's whole network once and keeps the views of the viewers that searched last,
 * up to a budget in bytes (not a count: a hub's view at 1M holds a million-entry list, a typical
 * member's a few thousand, so a count that fits one kind of index holds gigabytes of another or
 * thrashes on a service where many viewers search). Views are dropped when the graph changes.
 *
 * The walk is done in node space (store/graph.ts) with bitsets: a hub's 30k lists are read in
 * order and each neighbour sets one bit of a bitset of a few hundred KiB that stays in cache,
 * where marking a byte per slot through the node → slot map misses the cache at every step.
 * Only then are the marked nodes carried into slot space, in node order.
 */
export class NetworkCache {
  /** Views by viewer, least recently used first (a Map keeps insertion order). */
  private views = new Map<number, FullView>()
  /** The F sets of member views, by viewer, least recently used first. */
  private firstSets = new Map<number, FirstSet>()
  private bytes = 0
  private version = -1
  private spare: Bitsets[] = []
  /** The walk's bitsets over nodes, all zero between views. */
  private networkNodes = new Uint32Array(0)
  private firstNodes = new Uint32Array(0)

  constructor(private readonly budget = NETWORK_CACHE_BYTES) {}

  /** The viewer's whole network over `slots` slots: for searches bounded by it. */
  view(viewer: number, graph: Graph, slots: number): NetworkView {
    const cached = this.cachedView(viewer, graph)
    if (cached !== undefined) {
      this.views.delete(viewer)
      this.views.set(viewer, cached)
      return cached
    }
    const nodeWords = (graph.nodeSpan + 31) >>> 5
    if (this.networkNodes.length < nodeWords) {
      this.networkNodes = new Uint32Array(nodeWords * 2)
      this.firstNodes = new Uint32Array(nodeWords * 2)
    }
    const words = (slots + 31) >>> 5
    const bitsets = this.takeSpare(words) ?? {
      network: new Uint32Array(words),
      first: new Uint32Array(words),
    }
    const view = new FullView(viewer, graph, slots, bitsets, this.networkNodes, this.firstNodes)
    this.makeRoom(view.bytes)
    this.views.set(viewer, view)
    this.bytes += view.bytes
    return view
  }

  /**
   * Degrees judged member by member against a set of the viewer's F, never walking its whole
   * network (the viewer's whole view when it is cached): for searches that reach every member
   * but match a few (both names), and for those whose candidates cost less to check one by one
   * than the whole network does to mark (query/network-plan.ts).
   */
  memberView(viewer: number, graph: Graph): NetworkView {
    const whole = this.cachedView(viewer, graph)
    if (whole !== undefined) return whole
    let firsts = this.firstSets.get(viewer)
    if (firsts !== undefined) this.firstSets.delete(viewer)
    else {
      firsts = new FirstSet(viewer, graph)
      this.makeRoom(firsts.bytes)
      this.bytes += firsts.bytes
    }
    this.firstSets.set(viewer, firsts)
    return new MemberView(viewer, graph, firsts)
  }

  /** The viewer's whole view if it is cached and still true. */
  cached(viewer: number, graph: Graph): NetworkView | undefined {
    return this.cachedView(viewer, graph)
  }

  private cachedView(viewer: number, graph: Graph): FullView | undefined {
    if (graph.version !== this.version) this.dropAll(graph.version)
    return this.views.get(viewer)
  }

  clear(): void {
    this.views = new Map()
    this.firstSets = new Map()
    this.bytes = 0
    this.spare = []
  }

  /**
   * Evicts the least recently used F sets, then whole views, until `bytes` more fit the budget.
   * What comes in always stays, even alone over the budget: it is what is being searched.
   */
  private makeRoom(bytes: number): void {
    while (this.firstSets.size > 0 && this.bytes + bytes > this.budget) {
      const [oldest, evicted] = this.firstSets.entries().next().value as [number, FirstSet]
      this.firstSets.delete(oldest)
      this.bytes -= evicted.bytes
    }
    while (this.views.size > 0 && this.bytes + bytes > this.budget) {
      const [oldest, evicted] = this.views.entries().next().value as [number, FullView]
      this.views.delete(oldest)
      this.release(evicted)
    }
  }

  private dropAll(version: number): void {
    for (const view of this.views.values()) this.release(view)
    this.views.clear()
    this.firstSets.clear()
    this.bytes = 0
    this.version = version
  }

  private takeSpare(words: number): Bitsets | undefined {
    const at = this.spare.findIndex((b) => b.network.length === words)
    return at === -1 ? undefined : this.spare.splice(at, 1)[0]
  }

  private release(view: FullView): void {
    this.bytes -= view.bytes
    if (this.spare.length >= SPARE_BITSETS) return
    view.bits.network.fill(0)
    view.bits.first.fill(0)
    this.spare.push(view.bits)
  }
}

interface Bitsets {
  readonly network: Uint32Array
  readonly first: Uint32Array
}

/**
 * The number of a graph's neighbour steps that marking `viewer`'s whole network takes: Σ of the
 * degrees of its F, plus a step per node word and per F member. Read from the list lengths alone,
 * so a plan can weigh it before walking anything, and only until it passes `bound` (what the
 * other way costs): a hub's 30k lengths are 30k reads anywhere in memory, which a plan that
 * has already lost need not pay for. Beyond `bound` the sum may be partial.
 */
export function wholeNetworkCost(viewer: number, graph: Graph, bound = Number.POSITIVE_INFINITY): number {
  const node = graph.nodeOf(viewer)
  const { arena, start, length } = graph.links()
  let cost = (graph.nodeSpan + 31) >>> 5
  if (node < 0 || node >= length.length) return cost
  const end = start[node] + length[node]
  for (let i = start[node]; i < end && cost <= bound; i++) cost += 1 + length[arena[i]]
  return cost
}

class FullView implements NetworkView {
  readonly networkBits: Uint32Array
  readonly firstBits: Uint32Array
  readonly first: Uint32Array
  /** What the view holds (its network list counted before it is drawn up), for the cache's budget. */
  readonly bytes: number
  readonly networkSize: number
  private list: Uint32Array | undefined

  /** `networkNodes` and `firstNodes` are the cache's scratch bitsets over nodes, zero, and left zero. */
  constructor(
    readonly viewer: number,
    private readonly graph: Graph,
    slots: number,
    readonly bits: Bitsets,
    networkNodes: Uint32Array,
    firstNodes: Uint32Array,
  ) {
    const { arena, start, length } = graph.links()
    const slotOf = graph.slotOfNode
    const own = graph.nodeOf(viewer)
    const from = own >= 0 && own < length.length ? start[own] : 0
    const to = own >= 0 && own < length.length ? from + length[own] : 0
    markNeighbours(arena, start, length, from, to, networkNodes)
    const first = new Uint32Array(to - from)
    for (let i = from; i < to; i++) {
      const f = arena[i]
      firstNodes[f >>> 5] |= 1 << (f & 31)
      networkNodes[f >>> 5] |= 1 << (f & 31)
      first[i - from] = slotOf[f]
    }
    // Every F lists the viewer: the viewer is not in its own network.
    if (to > from) networkNodes[own >>> 5] &= ~(1 << (own & 31))

    // Into slot space, node by node in order: sequential reads of the node → slot map.
    const network = bits.network
    const firstBits = bits.first
    let size = 0
    const nodeWords = (graph.nodeSpan + 31) >>> 5
    for (let word = 0; word < nodeWords; word++) {
      let x = networkNodes[word]
      if (x === 0) continue
      const f = firstNodes[word]
      networkNodes[word] = 0
      firstNodes[word] = 0
      while (x !== 0) {
        const low = x & -x
        const slot = slotOf[(word << 5) + 31 - Math.clz32(low)]
        network[slot >>> 5] |= 1 << (slot & 31)
        if ((f & low) !== 0) firstBits[slot >>> 5] |= 1 << (slot & 31)
        size++
        x ^= low
      }
    }
    this.networkBits = network
    this.firstBits = firstBits
    this.first = first.sort()
    this.networkSize = size
    this.bytes = 8 * ((slots + 31) >>> 5) + 4 * (first.length + size)
  }

  get network(): Uint32Array {
    this.list ??= listOfBits(this.networkBits, this.networkSize)
    return this.list
  }

  isFirst(slot: number): boolean {
    const word = slot >>> 5
    return word < this.firstBits.length && (this.firstBits[word] & (1 << (slot & 31))) !== 0
  }

  // Group members (A) are judged when asked: a search bounded by the network never asks, and
  // the viewer's groups can be far larger than its network.
  degreeOf(slot: number): number {
    if (slot === this.viewer) return SELF
    const word = slot >>> 5
    if (word < this.networkBits.length) {
      const bit = 1 << (slot & 31)
      if ((this.firstBits[word] & bit) !== 0) return FIRST
      if ((this.networkBits[word] & bit) !== 0) return SECOND
    }
    return this.graph.sharesGroup(this.viewer, slot) ? GROUP : NONE
  }
}

/**
 * Sets the bit of every neighbour of the nodes `arena[from]` … `arena[to − 1]`. The lists lie
 * anywhere in the arena, so the walk waits on memory at the start of each: four lists are
 * walked side by side, so that four such waits overlap (a hub's view at 1M: 33–37 ms walking
 * one list at a time, 18–20 ms four at a time; scratch /tmp/walk.mjs).
 */
function markNeighbours(
  arena: Uint32Array,
  start: Uint32Array,
  length: Uint32Array,
  from: number,
  to: number,
  bits: Uint32Array,
): void {
  let i = from
  for (; i + 4 <= to; i += 4) {
    let a = start[arena[i]]
    let b = start[arena[i + 1]]
    let c = start[arena[i + 2]]
    let d = start[arena[i + 3]]
    const aEnd = a + length[arena[i]]
    const bEnd = b + length[arena[i + 1]]
    const cEnd = c + length[arena[i + 2]]
    const dEnd = d + length[arena[i + 3]]
    while (a < aEnd && b < bEnd && c < cEnd && d < dEnd) {
      const p = arena[a++]
      const q = arena[b++]
      const r = arena[c++]
      const t = arena[d++]
      bits[p >>> 5] |= 1 << (p & 31)
      bits[q >>> 5] |= 1 << (q & 31)
      bits[r >>> 5] |= 1 << (r & 31)
      bits[t >>> 5] |= 1 << (t & 31)
    }
    markRun(arena, a, aEnd, bits)
    markRun(arena, b, bEnd, bits)
    markRun(arena, c, cEnd, bits)
    markRun(arena, d, dEnd, bits)
  }
  for (; i < to; i++) markRun(arena, start[arena[i]], start[arena[i]] + length[arena[i]], bits)
}

function markRun(arena: Uint32Array, from: number, to: number, bits: Uint32Array): void {
  for (let j = from; j < to; j++) {
    const o = arena[j]
    bits[o >>> 5] |= 1 << (o & 31)
  }
}

/** The set bits in ascending order: O(slots / 32 + network), no comparison sort. */
function listOfBits(bits: Uint32Array, count: number): Uint32Array {
  const out = new Uint32Array(count)
  let n = 0
  for (let word = 0; word < bits.length && n < count; word++) {
    let x = bits[word]
    while (x !== 0) {
      const low = x & -x
      out[n++] = (word << 5) + 31 - Math.clz32(low)
      x ^= low
    }
  }
  return out
}

const NO_SLOTS = new Uint32Array(0)

/**
 * Degrees judged when asked, against a hash set of the viewer's F nodes: F is in it, S has a
 * neighbour in it (the walk stops at the first), A shares a group. Building it costs O(|F|),
 * never O(members): the view of one search (the answers that took a walk are remembered, so a
 * member's degree is walked for once however often the search asks).
 */
class MemberView implements NetworkView {
  readonly networkBits = undefined
  readonly firstBits = undefined
  readonly network = NO_SLOTS
  readonly networkSize = 0
  private readonly firstNodes: NodeSet
  private readonly grouped: boolean
  private readonly memo = new Map<number, number>()

  constructor(
    readonly viewer: number,
    private readonly graph: Graph,
    private readonly firsts: FirstSet,
  ) {
    this.firstNodes = firsts.nodes
    this.grouped = graph.inAnyGroup(viewer)
  }

  get first(): Uint32Array {
    return this.firsts.slots(this.graph)
  }

  isFirst(slot: number): boolean {
    const node = this.graph.nodeOf(slot)
    return slot !== this.viewer && node >= 0 && this.firstNodes.has(node)
  }

  // F costs one look in the set, asked again each time; only what took a walk is remembered.
  degreeOf(slot: number): number {
    if (slot === this.viewer) return SELF
    const node = this.graph.nodeOf(slot)
    if (node >= 0 && this.firstNodes.has(node)) return FIRST
    let degree = this.memo.get(slot)
    if (degree === undefined) {
      degree = this.beyondFirst(slot, node)
      this.memo.set(slot, degree)
    }
    return degree
  }

  // S, A or O of a slot that is neither the viewer nor in F.
  private beyondFirst(slot: number, node: number): number {
    if (node >= 0) {
      const set = this.firstNodes
      const { arena, start, length } = this.graph.links()
      if (node < length.length) {
        const end = start[node] + length[node]
        for (let i = start[node]; i < end; i++) if (set.has(arena[i])) return SECOND
      }
    }
    return this.grouped && this.graph.sharesGroup(this.viewer, slot) ? GROUP : NONE
  }
}

/**
 * A viewer's F as a set of nodes and, once asked, as a sorted list of slots: what member views
 * share, cached like whole views (O(|F|) bytes), so a hub's 30k are hashed and sorted once per
 * graph version rather than once per search.
 */
class FirstSet {
  readonly nodes: NodeSet
  /** What the set holds with its sorted list (counted before the list is drawn up), for the cache's budget. */
  readonly bytes: number
  private list: Uint32Array | undefined

  constructor(viewer: number, graph: Graph) {
    const { arena, start, length } = graph.links()
    const own = graph.nodeOf(viewer)
    const from = own >= 0 && own < length.length ? start[own] : 0
    const to = own >= 0 && own < length.length ? from + length[own] : 0
    this.nodes = new NodeSet(arena, from, to)
    this.bytes = this.nodes.bytes + 4 * (to - from)
  }

  /** F's slots, ascending. */
  slots(graph: Graph): Uint32Array {
    this.list ??= this.nodes.slots(graph.slotOfNode).sort()
    return this.list
  }
}

/** A set of node numbers in one open-addressing typed array, at most half full. */
class NodeSet {
  /** Node + 1 per cell; 0 is empty. */
  private readonly cells: Uint32Array
  private readonly shift: number

  /** The nodes `values[from]` … `values[to − 1]` (no repeats). */
  constructor(values: Uint32Array, from: number, to: number) {
    let bits = 4
    while (1 << bits < 2 * (to - from)) bits++
    this.cells = new Uint32Array(1 << bits)
    this.shift = 32 - bits
    const mask = this.cells.length - 1
    for (let i = from; i < to; i++) {
      const node = values[i]
      let at = Math.imul(node, 0x9e3779b1) >>> this.shift
      while (this.cells[at] !== 0) at = (at + 1) & mask
      this.cells[at] = node + 1
    }
  }

  get bytes(): number {
    return 4 * this.cells.length
  }

  has(node: number): boolean {
    const { cells } = this
    const mask = cells.length - 1
    const wanted = node + 1
    for (let at = Math.imul(node, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const cell = cells[at]
      if (cell === wanted) return true
      if (cell === 0) return false
    }
  }

  /** The slot of every node in the set, in no order. */
  slots(slotOf: Int32Array): Uint32Array {
    let count = 0
    for (const cell of this.cells) if (cell !== 0) count++
    const out = new Uint32Array(count)
    let n = 0
    for (const cell of this.cells) if (cell !== 0) out[n++] = slotOf[cell - 1]
    return out
  }
}
