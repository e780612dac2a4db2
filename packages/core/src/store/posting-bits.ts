/** What the bits are built from: a posting's entries (store/postings.ts). */
export interface PostingEntries {
  readonly slots: Uint32Array
  readonly tfPublic: Uint16Array
  readonly tfConnections: Uint16Array
  readonly length: number
}

/**
 * A posting's members as two bitsets (bit `slot & 31` of word `slot >>> 5`): `seen` where the
 * token is in text every viewer may see, `any` where it is in text an F viewer may see (public
 * or connections-only). Built the first time a search asks and extended by the entries added
 * since: postings only grow at their end, and compaction makes new ones.
 */
export class PostingBits {
  seen: Uint32Array = new Uint32Array(0)
  any: Uint32Array = new Uint32Array(0)
  /** How many entries of the posting the bits hold. */
  covered = 0

  /** The bits of every entry of `posting`, brought up to date. */
  update(posting: PostingEntries): this {
    const { length, slots, tfPublic, tfConnections } = posting
    if (this.covered === length) return this
    const words = length === 0 ? 0 : (slots[length - 1] >>> 5) + 1
    if (words > this.seen.length) {
      const room = Math.max(words, this.seen.length * 2)
      this.seen = grown(this.seen, room)
      this.any = grown(this.any, room)
    }
    const { seen, any } = this
    for (let at = this.covered; at < length; at++) {
      const slot = slots[at]
      const bit = 1 << (slot & 31)
      if (tfPublic[at] > 0) seen[slot >>> 5] |= bit
      if (tfPublic[at] > 0 || tfConnections[at] > 0) any[slot >>> 5] |= bit
    }
    this.covered = length
    return this
  }
}

function grown(bits: Uint32Array, room: number): Uint32Array {
  const bigger = new Uint32Array(room)
  bigger.set(bits)
  return bigger
}
