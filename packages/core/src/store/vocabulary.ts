import { tokens } from '../text/tokens.js'

const NO_TOKENS: readonly number[] = []
const NON_ASCII = /\P{ASCII}/u
const FNV_OFFSET = 0x811c9dc5 | 0

/**
 * Token strings as dense ids (from 1), with a tokenizer that interns as it scans. For ASCII
 * text (nearly all of a corpus) it folds, splits and hashes in one pass over char codes and
 * finds known tokens without creating a string, so indexing a million profiles allocates
 * almost nothing per word. Other text goes through `tokens` (docs/spec.md §2) and is interned after.
 */
export class Vocabulary {
  private keys: string[] = ['']
  private table = new Int32Array(1 << 16) // open addressing: token id, 0 = empty
  private hashes = new Int32Array(1 << 16) // hash of the token in the same slot
  private mask = (1 << 16) - 1
  private readonly scratch = new Uint16Array(4096)
  private readonly out: number[] = []

  /** Ids of the tokens of `text` (docs/spec.md §2), assigning new ids; valid until the next call. */
  tokenIds(text: string): readonly number[] {
    if (text.length === 0) return NO_TOKENS
    const out = this.out
    out.length = 0
    if (NON_ASCII.test(text) || text.length > this.scratch.length) {
      for (const token of tokens(text)) out.push(this.intern(token))
      return out
    }
    const buffer = this.scratch
    let length = 0
    let hash = FNV_OFFSET
    const end = text.length
    for (let i = 0; i <= end; i++) {
      let code = i < end ? text.charCodeAt(i) : 32
      if (code >= 65 && code <= 90) code += 32
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        buffer[length++] = code
        hash = Math.imul(hash ^ code, 0x01000193)
        continue
      }
      // An apostrophe between two letters is deleted: the word goes on (docs/spec.md §2).
      if (
        code === 39 &&
        length > 0 &&
        isLetter(text.charCodeAt(i - 1)) &&
        i + 1 < end &&
        isLetter(text.charCodeAt(i + 1))
      ) {
        continue
      }
      if (length > 0) {
        out.push(this.internBuffer(buffer, length, hash))
        length = 0
        hash = FNV_OFFSET
      }
    }
    return out
  }

  /** The id of a query token; 0 when no indexed text ever held it. */
  find(token: string): number {
    const hash = hashString(token)
    let at = hash & this.mask
    for (;;) {
      const id = this.table[at]
      if (id === 0) return 0
      if (this.hashes[at] === hash && this.keys[id] === token) return id
      at = (at + 1) & this.mask
    }
  }

  /** Ids run from 1 to size − 1. */
  get size(): number {
    return this.keys.length
  }

  private intern(token: string): number {
    const found = this.find(token)
    return found !== 0 ? found : this.insert(token, hashString(token))
  }

  private internBuffer(buffer: Uint16Array, length: number, hash: number): number {
    let at = hash & this.mask
    for (;;) {
      const id = this.table[at]
      if (id === 0) break
      if (this.hashes[at] === hash && sameChars(this.keys[id], buffer, length)) return id
      at = (at + 1) & this.mask
    }
    return this.insert(String.fromCharCode(...buffer.subarray(0, length)), hash)
  }

  private insert(token: string, hash: number): number {
    const id = this.keys.length
    this.keys.push(token)
    if (id * 2 > this.mask) this.grow()
    let at = hash & this.mask
    while (this.table[at] !== 0) at = (at + 1) & this.mask
    this.table[at] = id
    this.hashes[at] = hash
    return id
  }

  private grow(): void {
    const oldTable = this.table
    const oldHashes = this.hashes
    this.table = new Int32Array(oldTable.length * 2)
    this.hashes = new Int32Array(oldTable.length * 2)
    this.mask = this.table.length - 1
    for (let i = 0; i < oldTable.length; i++) {
      const id = oldTable[i]
      if (id === 0) continue
      let at = oldHashes[i] & this.mask
      while (this.table[at] !== 0) at = (at + 1) & this.mask
      this.table[at] = id
      this.hashes[at] = oldHashes[i]
    }
  }

  /** Every token by id, 0 (the empty string) included: a copy (a snapshot's image). */
  exportImage(): string[] {
    return this.keys.slice()
  }

  /**
   * Makes this vocabulary, which must be new, hold `keys` by id as `exportImage` gave them
   * (`keys[0]` is the empty string: checked by the caller). The hash table is built again.
   */
  importImage(keys: readonly string[]): void {
    for (let id = 1; id < keys.length; id++) this.insert(keys[id], hashString(keys[id]))
  }
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** FNV-1a over UTF-16 code units, the same hash the scanner computes. */
function hashString(token: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193)
  return hash
}

function sameChars(key: string, buffer: Uint16Array, length: number): boolean {
  if (key.length !== length) return false
  for (let i = 0; i < length; i++) if (key.charCodeAt(i) !== buffer[i]) return false
  return true
}
