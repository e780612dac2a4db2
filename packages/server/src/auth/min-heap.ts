/** A binary min-heap of numbers: the smallest is read and removed in O(log n). */
export class MinHeap {
  private readonly items: number[] = []

  get size(): number {
    return this.items.length
  }

  /** The smallest number, or `undefined` when empty. */
  peek(): number | undefined {
    return this.items[0]
  }

  push(value: number): void {
    const items = this.items
    let at = items.push(value) - 1
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (items[parent] <= value) break
      items[at] = items[parent]
      at = parent
    }
    items[at] = value
  }

  /** Removes and returns the smallest number, or `undefined` when empty. */
  pop(): number | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length === 0 || last === undefined) return top
    let at = 0
    for (;;) {
      const left = 2 * at + 1
      if (left >= items.length) break
      const right = left + 1
      const child = right < items.length && items[right] < items[left] ? right : left
      if (items[child] >= last) break
      items[at] = items[child]
      at = child
    }
    items[at] = last
    return top
  }
}
