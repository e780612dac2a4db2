/**
 * A map from non-negative integer keys (exact in a double, below 2^53) to non-zero uint32
 * values, in typed arrays: open addressing with linear probing, never shrinking. It replaces a
 * `Map<number, number>` whose entries, one per member, the garbage collector would trace at
 * every major collection (issue 14); here a million entries cost 24 MB of untraced memory.
 *
 * Contract: `get` gives 0 for a key never set; `set` stores a non-zero value (0 would read as
 * absent). There is no delete: the store's uses only ever add or overwrite.
 */
export class KeyTable {
  private keys = new Float64Array(1024)
  private values = new Uint32Array(1024)
  private mask = 1023
  private count = 0

  get size(): number {
    return this.count
  }

  get(key: number): number {
    const { keys, values, mask } = this
    for (let at = spread(key) & mask; ; at = (at + 1) & mask) {
      const value = values[at]
      if (value === 0 || keys[at] === key) return value
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.values.length) this.grow()
    const { keys, values, mask } = this
    for (let at = spread(key) & mask; ; at = (at + 1) & mask) {
      if (values[at] === 0) {
        keys[at] = key
        values[at] = value
        this.count++
        return
      }
      if (keys[at] === key) {
        values[at] = value
        return
      }
    }
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    const size = oldValues.length * 2
    this.keys = new Float64Array(size)
    this.values = new Uint32Array(size)
    this.mask = size - 1
    for (let i = 0; i < oldValues.length; i++) {
      if (oldValues[i] === 0) continue
      let at = spread(oldKeys[i]) & this.mask
      while (this.values[at] !== 0) at = (at + 1) & this.mask
      this.keys[at] = oldKeys[i]
      this.values[at] = oldValues[i]
    }
  }

  /** The table as it is, copied (a snapshot's image): where each key lies is kept, not rebuilt. */
  exportImage(): KeyTableImage {
    return { keys: this.keys.slice(), values: this.values.slice() }
  }

  /**
   * Makes this table hold `image` as it is. The caller has checked it: both arrays of one length,
   * a power of two, at most half of the values non-zero (so every probe meets an empty entry).
   */
  importImage(image: KeyTableImage): void {
    this.keys = image.keys
    this.values = image.values
    this.mask = image.values.length - 1
    let count = 0
    for (let at = 0; at < image.values.length; at++) if (image.values[at] !== 0) count++
    this.count = count
  }
}

/** What `KeyTable.exportImage` gives: entry `at` holds `values[at]` (0: empty) for `keys[at]`. */
export interface KeyTableImage {
  readonly keys: Float64Array<ArrayBuffer>
  readonly values: Uint32Array<ArrayBuffer>
}

/** Mixes both halves of the key into the low bits that pick a position. */
function spread(key: number): number {
  const low = key | 0
  const high = (key / 0x100000000) | 0
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16)
}
