/** `before(a, scoreA, b, scoreB)`: whether a ranks strictly ahead of b. */
export type RankedBefore = (a: number, scoreA: number, b: number, scoreB: number) => boolean
/**
 * The first criterion of an order as a number, larger ranking ahead: whenever two keys differ
 * they must decide as `before` would; equal keys leave it to `before`.
 */
export type RankKey = (slot: number, score: number) => number

/**
 * Keeps the best `k` (slot, score) pairs under an order, in a binary heap whose root is the
 * worst kept entry: O(n log k) for n matches instead of sorting them all. Each entry keeps its
 * rank key, so most comparisons are one of doubles and only ties call `before` (deep pages keep
 * hundreds of entries, and a full comparison on each step of the heap would dominate).
 */
export class TopK {
  private readonly slots: Uint32Array
  private readonly scores: Float64Array
  private readonly keys: Float64Array
  private size = 0

  constructor(
    private readonly k: number,
    private readonly before: RankedBefore,
    private readonly key: RankKey = () => 0,
  ) {
    this.slots = new Uint32Array(k)
    this.scores = new Float64Array(k)
    this.keys = new Float64Array(k)
  }

  offer(slot: number, score: number): void {
    if (this.k === 0) return
    const key = this.key(slot, score)
    if (this.size < this.k) {
      let at = this.size++
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!this.entryAhead(parent, slot, score, key)) break
        this.put(at, this.slots[parent], this.scores[parent], this.keys[parent])
        at = parent
      }
      this.put(at, slot, score, key)
      return
    }
    if (!this.ranksAhead(0, slot, score, key)) return
    this.siftDown(slot, score, key)
  }

  /** The kept slots, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i)
    order.sort((i, j) => (this.entryAhead(i, this.slots[j], this.scores[j], this.keys[j]) ? -1 : 1))
    return order.map((i) => this.slots[i])
  }

  /**
   * The kept slots from rank `from` on, best first: what a page deep in the order shows. They
   * are the worst kept entries, so they are popped from a copy of the heap (whose root is the
   * worst), O(n log k) for n of them, instead of sorting all k.
   */
  sortedFrom(from: number): number[] {
    if (from <= 0) return this.sorted()
    const n = this.size - from
    if (n <= 0) return []
    const copy = new TopK(this.k, this.before, this.key)
    copy.slots.set(this.slots.subarray(0, this.size))
    copy.scores.set(this.scores.subarray(0, this.size))
    copy.keys.set(this.keys.subarray(0, this.size))
    copy.size = this.size
    const out = new Array<number>(n)
    for (let i = n - 1; i >= 0; i--) out[i] = copy.popWorst()
    return out
  }

  /** Removes the root, the worst kept entry, and returns its slot. */
  private popWorst(): number {
    const worst = this.slots[0]
    const last = --this.size
    if (last > 0) this.siftDown(this.slots[last], this.scores[last], this.keys[last])
    return worst
  }

  /** Whether the entry at `at` ranks strictly ahead of (slot, score, key). */
  private entryAhead(at: number, slot: number, score: number, key: number): boolean {
    const own = this.keys[at]
    return own !== key ? own > key : this.before(this.slots[at], this.scores[at], slot, score)
  }

  /** Whether (slot, score, key) ranks strictly ahead of the entry at `at`. */
  private ranksAhead(at: number, slot: number, score: number, key: number): boolean {
    const own = this.keys[at]
    return own !== key ? key > own : this.before(slot, score, this.slots[at], this.scores[at])
  }

  private put(at: number, slot: number, score: number, key: number): void {
    this.slots[at] = slot
    this.scores[at] = score
    this.keys[at] = key
  }

  // Replaces the root (the worst kept) and restores the heap: the worse of two children rises.
  private siftDown(slot: number, score: number, key: number): void {
    const { slots, scores, keys, size } = this
    let at = 0
    for (;;) {
      const left = 2 * at + 1
      if (left >= size) break
      const right = left + 1
      let worse = left
      if (right < size && this.entryAhead(left, slots[right], scores[right], keys[right])) worse = right
      if (!this.ranksAhead(worse, slot, score, key)) break
      this.put(at, slots[worse], scores[worse], keys[worse])
      at = worse
    }
    this.put(at, slot, score, key)
  }
}
