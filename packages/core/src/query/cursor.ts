/**
 * A forward-only reader of a sorted uint32 list (a posting list or a sorted slot set). The
 * executor visits candidates in ascending slot order, so membership tests never look back:
 * each `seek` gallops from the last position, costing O(log gap) instead of O(log n).
 */
export class Cursor {
  pos = 0

  constructor(
    readonly data: Uint32Array,
    readonly length: number,
  ) {}

  /** Moves to the first entry ≥ target and says whether it equals target. Targets must not decrease. */
  seek(target: number): boolean {
    const { data, length } = this
    let pos = this.pos
    if (pos >= length) return false
    if (data[pos] >= target) return data[pos] === target
    let step = 1
    let high = pos + 1
    while (high < length && data[high] < target) {
      pos = high
      step *= 2
      high = pos + step
    }
    if (high > length) high = length
    let low = pos + 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if (data[mid] < target) low = mid + 1
      else high = mid
    }
    this.pos = low
    return low < length && data[low] === target
  }
}
