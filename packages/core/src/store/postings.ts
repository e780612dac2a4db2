import { ensureCapacity } from './growable.js'
import { PostingBits } from './posting-bits.js'

/**
 * The members whose searchable text holds one token, in ascending slot order, with the
 * weighted term frequency split by who may see it: `tfPublic` counts for every viewer,
 * `tfConnections` only for first-degree connections. Private text is never indexed, so no
 * viewer can match, count or rank by it.
 */
export class Posting {
  slots = new Uint32Array(2)
  tfPublic = new Uint16Array(2)
  tfConnections = new Uint16Array(2)
  length = 0
  /** Live members whose public text holds the token: BM25's n(t). */
  publicDocs = 0
  /** Its bitsets, once a search over long lists has asked for them (`bits`). */
  private bitsets: PostingBits | undefined

  /** The posting as bitsets, up to date (store/posting-bits.ts). */
  bits(): PostingBits {
    this.bitsets ??= new PostingBits()
    return this.bitsets.update(this)
  }

  push(slot: number, tfPublic: number, tfConnections: number): void {
    if (this.length === this.slots.length) {
      const capacity = this.length + 1
      this.slots = ensureCapacity(this.slots, capacity)
      this.tfPublic = ensureCapacity(this.tfPublic, capacity)
      this.tfConnections = ensureCapacity(this.tfConnections, capacity)
    }
    // Weighted frequencies above 65,535 (a word repeated >21k times in one field) saturate.
    this.slots[this.length] = slot
    this.tfPublic[this.length] = Math.min(tfPublic, 0xffff)
    this.tfConnections[this.length] = Math.min(tfConnections, 0xffff)
    this.length++
    if (tfPublic > 0) this.publicDocs++
  }
}
