import { type DocSet, TERMINATED } from './doc-set.js'

/**
 * A doc set over a sorted uint32 list (a posting list, a name's slots, the viewer's network,
 * an item posting). `pos` is public because postings keep term frequencies in arrays parallel
 * to their slots: once the cursor stands on a slot, `pos` is where that slot's frequencies are.
 */
export class Cursor implements DocSet {
  pos = 0
  private current: number

  constructor(
    readonly data: Uint32Array,
    readonly length: number,
  ) {
    this.current = length > 0 ? data[0] : TERMINATED
  }

  doc(): number {
    return this.current
  }

  advance(): number {
    if (this.pos < this.length) this.pos++
    this.current = this.pos < this.length ? this.data[this.pos] : TERMINATED
    return this.current
  }

  // Gallops from the current position, then bisects: O(log gap) rather than O(log n), which is
  // what makes testing a short list's slots against a long list cheap.
  seek(target: number): number {
    if (target <= this.current) return this.current
    const { data, length } = this
    let pos = this.pos
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
    this.current = low < length ? data[low] : TERMINATED
    return this.current
  }
}
