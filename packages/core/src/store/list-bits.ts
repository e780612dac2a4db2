import type { U32List } from './growable.js'

/**
 * An ascending list of values (an item posting, store.ts `itemPostings`) as a bitset (bit
 * `value & 31` of word `value >>> 5`), built the first time a search asks and extended by the
 * values appended since: item postings only grow at their end, and compaction makes new ones.
 * A criterion of two words, one rare and one common ("Gutmann Group": every "group" of a
 * million members' companies), then tests a bit per item of the rare list instead of seeking
 * each in the common one.
 */
export class ListBits {
  bits: Uint32Array = new Uint32Array(0)
  /** How many values of the list the bits hold. */
  covered = 0

  /** The bits of every value of `list`, brought up to date. */
  update(list: U32List): Uint32Array {
    const { length, data } = list
    if (this.covered === length) return this.bits
    const words = (data[length - 1] >>> 5) + 1
    if (words > this.bits.length) {
      const bigger = new Uint32Array(Math.max(words, this.bits.length * 2))
      bigger.set(this.bits)
      this.bits = bigger
    }
    const bits = this.bits
    for (let at = this.covered; at < length; at++) bits[data[at] >>> 5] |= 1 << (data[at] & 31)
    this.covered = length
    return bits
  }
}

/** Whether `value` is in `bits`. */
export function hasBit(bits: Uint32Array, value: number): boolean {
  const word = value >>> 5
  return word < bits.length && (bits[word] & (1 << (value & 31))) !== 0
}
