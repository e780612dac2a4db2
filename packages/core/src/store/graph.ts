import { Adjacency } from './adjacency.js'
import { Dictionary } from './dictionary.js'

/**
 * First-degree connections and group memberships between member slots (docs/spec.md §1.2). Edges
 * are undirected and stored on both ends; `version` changes whenever any degree could.
 */
export class Graph {
  private readonly adjacency = new Adjacency()
  /**
   * Each slot's groups as ascending group ids, in an arena like the neighbour lists: a
   * membership costs 4 bytes and nothing for the garbage collector, where a Set entry per member
   * of a group and an array per member cost a traced object each (issue 14). Whether two members
   * share a group is a merge of two short sorted lists; nothing needs a group's member list.
   */
  private readonly groupsOf = new Adjacency()
  private readonly groupIds = new Dictionary()
  /** Slots whose neighbour lists may hold a repeat since the last flush. */
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
    this.adjacency.append(a, b)
    this.adjacency.append(b, a)
    this.dirty.add(a)
    this.dirty.add(b)
    this.version++
  }

  /**
   * Connects `count` pairs of slots at once (`pairs[2k]` with `pairs[2k + 1]`; `slots` bounds
   * every slot): the lists are laid out in one pass (adjacency.ts `appendPairs`) and every
   * repeat, old or new, is dropped in one more, so a bulk load never goes through the dirty set.
   */
  connectMany(pairs: Uint32Array, count: number, slots: number): void {
    if (count === 0) return
    this.flush()
    this.adjacency.appendPairs(pairs, count, slots)
    this.dedupe(undefined)
    this.version++
  }

  disconnect(a: number, b: number): void {
    this.flush()
    if (!this.adjacency.remove(a, b)) return
    this.adjacency.remove(b, a)
    this.version++
  }

  join(slot: number, group: string): void {
    const id = this.groupIds.intern(group)
    const list = this.groupsOf.list(slot)
    let at = 0
    while (at < list.length && list[at] < id) at++
    if (at < list.length && list[at] === id) return
    this.groupsOf.append(slot, id)
    // Into its place: the lists stay sorted for `sharesGroup`.
    const grown = this.groupsOf.list(slot)
    grown.copyWithin(at + 1, at, grown.length - 1)
    grown[at] = id
    this.version++
  }

  leave(slot: number, group: string): void {
    const id = this.groupIds.find(group)
    const list = this.groupsOf.list(slot)
    const at = id === 0 ? -1 : list.indexOf(id)
    if (at < 0) return
    list.copyWithin(at, at + 1)
    this.groupsOf.truncate(slot, list.length - 1)
    this.version++
  }

  /** Whether two members share a group (docs/spec.md §3.2 A). */
  sharesGroup(a: number, b: number): boolean {
    const x = this.groupsOf.list(a)
    const y = this.groupsOf.list(b)
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
    return this.groupsOf.list(slot).length > 0
  }

  /** Moves every edge and membership of `from` to `to`: a replaced profile keeps its links. */
  move(from: number, to: number): void {
    this.flush()
    for (const other of this.adjacency.list(from)) this.adjacency.replace(other, from, to)
    this.adjacency.transfer(from, to)
    this.groupsOf.transfer(from, to)
    this.version++
  }

  /** Drops every edge and membership of a removed member. */
  isolate(slot: number): void {
    for (const other of this.neighboursOf(slot)) this.adjacency.remove(other, slot)
    this.adjacency.clear(slot)
    this.groupsOf.clear(slot)
    this.version++
  }

  /** The neighbours of `slot`, as a view to read before the graph next changes. */
  neighboursOf(slot: number): Uint32Array {
    if (this.dirty.size > 0) this.flush()
    return this.adjacency.list(slot)
  }

  // Drops repeated neighbours of every dirty slot in one pass, marking seen slots with a stamp.
  // The stamp array is kept between flushes, so a connect between two searches costs no
  // allocation proportional to the corpus.
  private flush(): void {
    if (this.dirty.size === 0) return
    this.dedupe(this.dirty)
    // After a bulk load the lists carry doubling slack; pack them once they have settled.
    if (this.dirty.size > 1024 && this.adjacency.slack > 0.25) this.adjacency.compact(true)
    this.dirty.clear()
  }

  /** Drops repeated neighbours from the lists of `slots` (every slot when undefined). */
  private dedupe(slots: Iterable<number> | undefined): void {
    const size = this.adjacency.size
    const rounds = slots === undefined ? size : this.dirty.size
    if (this.seen.length < size || this.stamp > 0x7ffffff0 - rounds) {
      this.seen = new Int32Array(Math.max(size, this.seen.length))
      this.stamp = 0
    }
    if (slots !== undefined) for (const slot of slots) this.dedupeList(slot)
    else for (let slot = 0; slot < size; slot++) this.dedupeList(slot)
  }

  private dedupeList(slot: number): void {
    const seen = this.seen
    const list = this.adjacency.list(slot)
    const stamp = ++this.stamp
    let kept = 0
    for (let i = 0; i < list.length; i++) {
      const other = list[i]
      if (seen[other] === stamp) continue
      seen[other] = stamp
      list[kept++] = other
    }
    this.adjacency.truncate(slot, kept)
  }

  /** The names of the member's groups (for snapshots and compaction; searches use `sharesGroup`). */
  groupsOfMember(slot: number): string[] {
    return Array.from(this.groupsOf.list(slot), (id) => this.groupIds.value(id))
  }
}
