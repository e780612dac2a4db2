/**
 * Keeps the best `k` (slot, score) pairs under an order, in a binary heap whose root is the
 * worst kept entry: O(n log k) for n matches instead of sorting them all.
 */
export class TopK {
  private readonly slots: Uint32Array
  private readonly scores: Float64Array
  private size = 0

  /** `before(a, scoreA, b, scoreB)`: whether a ranks strictly ahead of b. */
  constructor(
    private readonly k: number,
    private readonly before: (a: number, scoreA: number, b: number, scoreB: number) => boolean,
  ) {
    this.slots = new Uint32Array(k)
    this.scores = new Float64Array(k)
  }

  offer(slot: number, score: number): void {
    if (this.k === 0) return
    if (this.size < this.k) {
      let at = this.size++
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!this.before(this.slots[parent], this.scores[parent], slot, score)) break
        this.slots[at] = this.slots[parent]
        this.scores[at] = this.scores[parent]
        at = parent
      }
      this.slots[at] = slot
      this.scores[at] = score
      return
    }
    if (!this.before(slot, score, this.slots[0], this.scores[0])) return
    this.siftDown(slot, score)
  }

  /** The kept slots, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i)
    order.sort((i, j) => (this.before(this.slots[i], this.scores[i], this.slots[j], this.scores[j]) ? -1 : 1))
    return order.map((i) => this.slots[i])
  }

  // Replaces the root (the worst kept) and restores the heap: the worse of two children rises.
  private siftDown(slot: number, score: number): void {
    const { slots, scores, size } = this
    let at = 0
    for (;;) {
      const left = 2 * at + 1
      if (left >= size) break
      const right = left + 1
      let worse = left
      if (right < size && this.before(slots[left], scores[left], slots[right], scores[right])) worse = right
      if (!this.before(slot, score, slots[worse], scores[worse])) break
      slots[at] = slots[worse]
      scores[at] = scores[worse]
      at = worse
    }
    slots[at] = slot
    scores[at] = score
  }
}
