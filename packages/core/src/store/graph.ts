import { Adjacency } from './adjacency.js'

/**
 * First-degree connections and group memberships between member slots (docs/spec.md §1.2). Edges
 * are undirected and stored on both ends; `version` changes whenever any degree could.
 */
export class Graph {
  private readonly adjacency = new Adjacency()
  private readonly groupsOf: (string[] | undefined)[] = []
  private readonly members = new Map<string, Set<number>>()
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
    let set = this.members.get(group)
    if (set === undefined) {
      set = new Set()
      this.members.set(group, set)
    }
    if (set.has(slot)) return
    set.add(slot)
    const groups = this.groupsOf[slot] ?? []
    this.groupsOf[slot] = groups
    groups.push(group)
    this.version++
  }

  leave(slot: number, group: string): void {
    const set = this.members.get(group)
    if (set === undefined || !set.delete(slot)) return
    if (set.size === 0) this.members.delete(group)
    remove(this.groupsOf[slot] ?? [], group)
    this.version++
  }

  /** Moves every edge and membership of `from` to `to`: a replaced profile keeps its links. */
  move(from: number, to: number): void {
    this.flush()
    for (const other of this.adjacency.list(from)) this.adjacency.replace(other, from, to)
    this.adjacency.transfer(from, to)
    const groups = this.groupsOf[from]
    if (groups !== undefined) {
      for (const group of groups) {
        const set = this.members.get(group) as Set<number>
        set.delete(from)
        set.add(to)
      }
      this.groupsOf[to] = groups
      this.groupsOf[from] = undefined
    }
    this.version++
  }

  /** Drops every edge and membership of a removed member. */
  isolate(slot: number): void {
    for (const other of this.neighboursOf(slot)) this.adjacency.remove(other, slot)
    this.adjacency.clear(slot)
    for (const group of [...(this.groupsOf[slot] ?? [])]) this.leave(slot, group)
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

  groupsOfMember(slot: number): readonly string[] {
    return this.groupsOf[slot] ?? EMPTY_GROUPS
  }

  membersOf(group: string): ReadonlySet<number> {
    return this.members.get(group) ?? EMPTY_SET
  }
}

const EMPTY_GROUPS: readonly string[] = []
const EMPTY_SET: ReadonlySet<number> = new Set()

function remove<T>(list: T[], value: T): boolean {
  const at = list.indexOf(value)
  if (at < 0) return false
  list[at] = list[list.length - 1]
  list.pop()
  return true
}
