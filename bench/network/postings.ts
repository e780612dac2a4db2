/**
 * The postings the limit loops scan, built by the bench itself from the corpus text (each
 * member's public searchable text folded into our tokens, as the peers get it), for a chosen set
 * of words only, in growable typed arrays; and the sorted candidate list of a query (the members
 * holding every one of its words), computed once per query, outside any timing.
 */
import type { Profile } from '@people-search/core'
import { publicWords } from '../public-text.js'

export class WordPostings {
  private readonly lists = new Map<string, { ids: Uint32Array; length: number }>()

  /** `words`: the only tokens whose postings are kept. */
  constructor(words: Iterable<string>) {
    for (const w of words) this.lists.set(w, { ids: new Uint32Array(1024), length: 0 })
  }

  /** Notes the words of member `first + i` for each profile i of `batch` (members in ascending order). */
  observe(first: number, batch: readonly Profile[]): void {
    for (let i = 0; i < batch.length; i++) {
      for (const word of new Set(publicWords(batch[i]))) {
        const list = this.lists.get(word)
        if (list === undefined) continue
        if (list.length === list.ids.length) {
          const grown = new Uint32Array(list.ids.length * 2)
          grown.set(list.ids)
          list.ids = grown
        }
        list.ids[list.length++] = first + i
      }
    }
  }

  /** The members whose public text holds every word, ascending; every word must have been kept. */
  candidates(words: readonly string[]): Uint32Array {
    const lists = words.map((w) => {
      const list = this.lists.get(w)
      if (list === undefined) throw new Error(`no postings kept for ${JSON.stringify(w)}`)
      return list.ids.subarray(0, list.length)
    })
    lists.sort((a, b) => a.length - b.length)
    let result: Uint32Array = lists[0].slice()
    for (const other of lists.slice(1)) result = intersect(result, other)
    return result
  }
}

/** Members 0 … size − 1: the candidates of a search with no criteria. */
export function everyMember(size: number): Uint32Array {
  const all = new Uint32Array(size)
  for (let m = 0; m < size; m++) all[m] = m
  return all
}

/** The members in both ascending lists, ascending. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let n = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++
    else if (a[i] > b[j]) j++
    else {
      out[n++] = a[i]
      i++
      j++
    }
  }
  return out.slice(0, n)
}
