import { Adjacency, type AdjacencyArrays, type AdjacencyImage } from './adjacency.js'
import { Dictionary } from './dictionary.js'
import { ensureCapacity, U32List } from './growable.js'

/**
 * First-degree connections and group memberships between members (docs/spec.md §1.2). Edges
 * are undirected and stored on both ends; `version` changes whenever any degree could.
 *
 * The lists hold *nodes*, not slots: a node is a member's number for as long as it is in the
 * index, whatever slot its current version has (issue 14). A replace then moves nothing but one
 * mapping (where moving a slot rewrote the member's entry in every neighbour's list, a search
 * through hub lists), and a compaction renumbers slots without touching a single edge
 * (`renumber`). Callers speak slots; a node is given on a slot's first link.
 */
export class Graph {
  private readonly adjacency = new Adjacency()
  /**
   * Each node's groups as ascending group ids, in an arena like the neighbour lists: a
   * membership costs 4 bytes and nothing for the garbage collector, where a Set entry per member
   * of a group and an array per member cost a traced object each (issue 14). Whether two members
   * share a group is a merge of two short sorted lists; nothing needs a group's member list.
   */
  private readonly groupsOf = new Adjacency()
  private readonly groupIds = new Dictionary()
  /** Each slot's node plus one (0: none yet). */
  private nodeOfSlot = new Uint32Array(0)
  /** Each node's slot (−1: a free node). */
  private slotOf = new Int32Array(0)
  private nodeCount = 0
  private readonly freeNodes = new U32List()
  /** Nodes whose neighbour lists may hold a repeat since the last flush. */
  private readonly dirty = new Set<number>()
  private seen = new Int32Array(0)
  private stamp = 0
  version = 0

  /**
   * Appends the edge without looking for it: a repeat is removed when the lists are next read
   * (`flush`), so loading a graph costs O(edges) instead of O(Σ degree²) for hubs.
   */
  connect(a: number, b: number): void {
    if (a === b) return
    const x = this.nodeFor(a)
    const y = this.nodeFor(b)
    this.adjacency.append(x, y)
    this.adjacency.append(y, x)
    this.dirty.add(x)
    this.dirty.add(y)
    this.version++
  }

  /**
   * Connects `count` pairs of slots at once (`pairs[2k]` with `pairs[2k + 1]`, turned into
   * nodes in place): the lists are laid out in one pass (adjacency.ts `appendPairs`) and every
   * repeat, old or new, is dropped in one more, so a bulk load never goes through the dirty set.
   */
  connectMany(pairs: Uint32Array, count: number): void {
    if (count === 0) return
    this.flush()
    for (let k = 0; k < 2 * count; k++) pairs[k] = this.nodeFor(pairs[k])
    this.adjacency.appendPairs(pairs, count, this.nodeCount)
    this.dedupe(undefined)
    this.version++
  }

  disconnect(a: number, b: number): void {
    const x = this.nodeOf(a)
    const y = this.nodeOf(b)
    if (x < 0 || y < 0) return
    this.flush()
    if (!this.adjacency.remove(x, y)) return
    this.adjacency.remove(y, x)
    this.version++
  }

  join(slot: number, group: string): void {
    const id = this.groupIds.intern(group)
    const node = this.nodeFor(slot)
    const list = this.groupsOf.list(node)
    let at = 0
    while (at < list.length && list[at] < id) at++
    if (at < list.length && list[at] === id) return
    this.groupsOf.append(node, id)
    // Into its place: the lists stay sorted for `sharesGroup`.
    const grown = this.groupsOf.list(node)
    grown.copyWithin(at + 1, at, grown.length - 1)
    grown[at] = id
    this.version++
  }

  leave(slot: number, group: string): void {
    const id = this.groupIds.find(group)
    const node = this.nodeOf(slot)
    if (node < 0) return
    const list = this.groupsOf.list(node)
    const at = id === 0 ? -1 : list.indexOf(id)
    if (at < 0) return
    list.copyWithin(at, at + 1)
    this.groupsOf.truncate(node, list.length - 1)
    this.version++
  }

  /** Whether two members share a group (docs/spec.md §3.2 A). */
  sharesGroup(a: number, b: number): boolean {
    const x = this.groupsOfNode(this.nodeOf(a))
    const y = this.groupsOfNode(this.nodeOf(b))
    let i = 0
    let j = 0
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) return true
      if (x[i] < y[j]) i++
      else j++
    }
    return false
  }

  /** Whether the member belongs to any group. */
  inAnyGroup(slot: number): boolean {
    return this.groupsOfNode(this.nodeOf(slot)).length > 0
  }

  /**
   * Gives the links of `from` to `to`, a slot with none yet: a replaced profile keeps its
   * connections and groups. One mapping changes; no list is touched.
   */
  move(from: number, to: number): void {
    const node = this.nodeOf(from)
    const stale = this.nodeOf(to)
    if (stale >= 0) this.release(to, stale)
    if (node < 0) return
    this.nodeOfSlot[from] = 0
    this.bind(to, node)
    this.version++
  }

  /** Drops every edge and membership of a removed member, and frees its node. */
  isolate(slot: number): void {
    const node = this.nodeOf(slot)
    if (node < 0) return
    this.flush()
    for (const other of this.adjacency.list(node)) this.adjacency.remove(other, node)
    this.release(slot, node)
    this.version++
  }

  /**
   * Renumbers slots after a compaction: `fresh[slot]` is the new slot of each old one (−1 for
   * a dead slot, which holds no node), `slots` the new slot count. O(slots), no list touched.
   */
  renumber(fresh: Int32Array, slots: number): void {
    const old = this.nodeOfSlot
    const nodeOfSlot = new Uint32Array(Math.max(8, slots))
    for (let slot = 0; slot < old.length; slot++) {
      const node = old[slot]
      const to = slot < fresh.length ? fresh[slot] : -1
      if (node === 0 || to < 0) continue
      nodeOfSlot[to] = node
      this.slotOf[node - 1] = to
    }
    this.nodeOfSlot = nodeOfSlot
    this.version++
  }

  /** The neighbours of `slot`, as slots, in a new array (for snapshots and tests; searches use nodes). */
  neighboursOf(slot: number): Uint32Array {
    const nodes = this.linksOfNode(this.nodeOf(slot))
    const slots = new Uint32Array(nodes.length)
    for (let i = 0; i < nodes.length; i++) slots[i] = this.slotOf[nodes[i]]
    return slots
  }

  /** The node of `slot`, or −1 when it has no links yet. */
  nodeOf(slot: number): number {
    return slot < this.nodeOfSlot.length ? this.nodeOfSlot[slot] - 1 : -1
  }

  /**
   * The neighbour nodes of `node` (none for −1), as a view to read before the graph next
   * changes: what a network view walks, mapping each through `slotOfNode`.
   */
  linksOfNode(node: number): Uint32Array {
    if (node < 0) return NO_LINKS
    if (this.dirty.size > 0) this.flush()
    return this.adjacency.list(node)
  }

  /**
   * Every node's neighbour list as raw arrays (adjacency.ts `raw`), repeats already dropped:
   * what a network view walks without a subarray per list. Valid until the graph next changes.
   */
  links(): AdjacencyArrays {
    if (this.dirty.size > 0) this.flush()
    return this.adjacency.raw()
  }

  /** Node numbers handed out so far: every node is below it. */
  get nodeSpan(): number {
    return this.nodeCount
  }

  /** The mean length of a neighbour list, roughly (an upper bound, in O(1)): for cost estimates. */
  get meanDegree(): number {
    return this.nodeCount === 0 ? 0 : this.adjacency.roughEnds / this.nodeCount
  }

  /** Each node's current slot (−1 for a free node); valid until the graph next changes. */
  get slotOfNode(): Int32Array {
    return this.slotOf
  }

  /** The names of the member's groups (for snapshots; searches use `sharesGroup`). */
  groupsOfMember(slot: number): string[] {
    return Array.from(this.groupsOfNode(this.nodeOf(slot)), (id) => this.groupIds.value(id))
  }

  private groupsOfNode(node: number): Uint32Array {
    return node < 0 ? NO_LINKS : this.groupsOf.list(node)
  }

  private nodeFor(slot: number): number {
    const node = this.nodeOf(slot)
    if (node >= 0) return node
    const fresh = this.freeNodes.length > 0 ? this.freeNodes.data[--this.freeNodes.length] : this.nodeCount++
    this.bind(slot, fresh)
    return fresh
  }

  private bind(slot: number, node: number): void {
    this.nodeOfSlot = ensureCapacity(this.nodeOfSlot, slot + 1)
    this.slotOf = ensureCapacity(this.slotOf, node + 1)
    this.nodeOfSlot[slot] = node + 1
    this.slotOf[node] = slot
  }

  private release(slot: number, node: number): void {
    this.adjacency.clear(node)
    this.groupsOf.clear(node)
    this.nodeOfSlot[slot] = 0
    this.slotOf[node] = -1
    this.dirty.delete(node)
    this.freeNodes.push(node)
  }

  // Drops repeated neighbours of every dirty node in one pass, marking seen nodes with a stamp.
  // The stamp array is kept between flushes, so a connect between two searches costs no
  // allocation proportional to the corpus.
  private flush(): void {
    if (this.dirty.size === 0) return
    this.dedupe(this.dirty)
    // After a bulk load the lists carry doubling slack; pack them once they have settled.
    if (this.dirty.size > 1024 && this.adjacency.slack > 0.25) this.adjacency.compact(true)
    this.dirty.clear()
  }

  /** Drops repeated neighbours from the lists of `nodes` (every node when undefined). */
  private dedupe(nodes: Iterable<number> | undefined): void {
    const size = this.adjacency.size
    const rounds = nodes === undefined ? size : this.dirty.size
    if (this.seen.length < size || this.stamp > 0x7ffffff0 - rounds) {
      this.seen = new Int32Array(Math.max(size, this.seen.length))
      this.stamp = 0
    }
    if (nodes !== undefined) for (const node of nodes) this.dedupeList(node)
    else for (let node = 0; node < size; node++) this.dedupeList(node)
  }

  private dedupeList(node: number): void {
    const seen = this.seen
    const list = this.adjacency.list(node)
    const stamp = ++this.stamp
    let kept = 0
    for (let i = 0; i < list.length; i++) {
      const other = list[i]
      if (seen[other] === stamp) continue
      seen[other] = stamp
      list[kept++] = other
    }
    this.adjacency.truncate(node, kept)
  }

  /**
   * The graph as it is, copied (a snapshot's image), after a flush: repeats are dropped first,
   * as the next read would, so the image has no dirty nodes. The stamp array is scratch, not kept.
   */
  exportImage(): GraphImage {
    this.flush()
    const free = this.freeNodes
    return {
      adjacency: this.adjacency.exportImage(),
      groups: this.groupsOf.exportImage(),
      groupIds: this.groupIds.exportImage(),
      nodeOfSlot: this.nodeOfSlot.slice(),
      slotOfNode: this.slotOf.slice(0, this.nodeCount),
      freeNodes: free.data.slice(0, free.length),
      version: this.version,
    }
  }

  /**
   * Makes this graph, which must be new, hold `image`; false when its group names are not a
   * dictionary's (the graph must then be dropped). The caller has checked the rest: nodes and
   * slots mapped both ways, every neighbour a node in use, every group id named.
   */
  importImage(image: GraphImage): boolean {
    if (!this.groupIds.importImage(image.groupIds)) return false
    this.adjacency.importImage(image.adjacency)
    this.groupsOf.importImage(image.groups)
    this.nodeOfSlot = image.nodeOfSlot
    this.slotOf = image.slotOfNode
    this.nodeCount = image.slotOfNode.length
    for (const node of image.freeNodes) this.freeNodes.push(node)
    this.version = image.version
    return true
  }
}

/** What `Graph.exportImage` gives: lists by node, each node's slot (−1: free) and each slot's node + 1. */
export interface GraphImage {
  readonly adjacency: AdjacencyImage
  readonly groups: AdjacencyImage
  readonly groupIds: readonly string[]
  readonly nodeOfSlot: Uint32Array<ArrayBuffer>
  readonly slotOfNode: Int32Array<ArrayBuffer>
  readonly freeNodes: Uint32Array<ArrayBuffer>
  readonly version: number
}

const NO_LINKS = new Uint32Array(0)
