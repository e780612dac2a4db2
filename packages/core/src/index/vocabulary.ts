import { tokens } from '../text/tokens.js'

const MAX_CACHED_LENGTH = 80
const MAX_CACHE_ENTRIES = 200_000
const NO_TOKENS: readonly number[] = []

/**
 * Token strings as dense ids (from 1). Short field values — names, titles, companies, places,
 * skills — repeat across members with Zipf-like frequency, so their token-id lists are kept:
 * most of a profile is then indexed without tokenising or hashing a single word.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>()
  private readonly cache = new Map<string, readonly number[]>()
  private count = 1

  /** Ids of the tokens of `text` (SPEC §2), assigning new ids; do not modify the result. */
  tokenIds(text: string): readonly number[] {
    if (text.length > MAX_CACHED_LENGTH) return this.internAll(tokens(text))
    let list = this.cache.get(text)
    if (list === undefined) {
      if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.clear()
      list = this.internAll(tokens(text))
      this.cache.set(text, list)
    }
    return list
  }

  /** The id of a query token; 0 when no indexed text ever held it. */
  find(token: string): number {
    return this.ids.get(token) ?? 0
  }

  /** Ids run from 1 to size − 1. */
  get size(): number {
    return this.count
  }

  private internAll(list: string[]): readonly number[] {
    if (list.length === 0) return NO_TOKENS
    const out = new Array<number>(list.length)
    for (let i = 0; i < list.length; i++) {
      let id = this.ids.get(list[i])
      if (id === undefined) {
        id = this.count++
        this.ids.set(list[i], id)
      }
      out[i] = id
    }
    return out
  }
}
