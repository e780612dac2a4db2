import { Buffer } from 'node:buffer'
import { utf8Length } from './byte-arena.js'

/**
 * Interned strings with dense ids from 0, in the order they were first interned: the strings that
 * repeat across members (names of people, companies, schools, places, titles, …) are held once and
 * stored records refer to them by id. Ids never change and nothing is ever removed, so an id
 * written into a record reads back the same string for the table's life, and a table rebuilt with
 * `from(all())` gives every id the same string.
 */
export class StringTable {
  private readonly ids = new Map<string, number>()
  private readonly strings: string[] = []

  /**
   * A table whose id i is `strings[i]` (a snapshot's list, say). A string listed twice keeps both
   * ids for `get`, and `intern` gives the first.
   */
  static from(strings: readonly string[]): StringTable {
    const table = new StringTable()
    table.importImage(strings)
    return table
  }

  /** The id of `text`, the next free one when it is new. */
  intern(text: string): number {
    let id = this.ids.get(text)
    if (id === undefined) {
      id = this.strings.length
      const copy = ownCopy(text)
      this.strings.push(copy)
      this.ids.set(copy, id)
    }
    return id
  }

  /** The string of `id`, which must be below `size`. */
  get(id: number): string {
    return this.strings[id]
  }

  get size(): number {
    return this.strings.length
  }

  /** Every string by id: the table's own list, which only ever grows at its end. */
  all(): readonly string[] {
    return this.strings
  }

  /**
   * Makes this table, which must be empty, hold `strings` as `from` would (a snapshot's list;
   * the table's owner may not be replaced, as `ProfileArena.strings` is not).
   */
  importImage(strings: readonly string[]): void {
    for (const text of strings) {
      if (!this.ids.has(text)) this.ids.set(text, this.strings.length)
      this.strings.push(text)
    }
  }
}

/**
 * A fresh flat copy of `text`. The caller's string may be a slice or a concatenation of a much
 * larger one (a whole input file), which the table would otherwise keep alive for as long as it
 * lives. The round trip through bytes keeps every code unit, lone surrogates included.
 */
function ownCopy(text: string): string {
  const length = utf8Length(text)
  const encoding = length < 0 ? 'utf16le' : length === text.length ? 'latin1' : 'utf8'
  return Buffer.from(text, encoding).toString(encoding)
}
