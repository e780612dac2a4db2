import { isDisplayName } from '../domain/facets.js'

/**
 * How often each display name is used for one id (a location code, an industry, a company),
 * so a facet bucket can be named by its most frequent name (docs/spec.md §4.2). Most ids only ever
 * see one name, so the first name of each id is counted in plain arrays and only the others
 * go to a map: indexing a million members then hashes almost no names.
 */
export class NameCounts {
  private readonly firstName: (string | undefined)[] = []
  private readonly firstCount: number[] = []
  private readonly others = new Map<number, Map<string, number>>()

  /** Counts `name` for `id` once more (1) or once less (−1); a blank name is no name and is not counted. */
  add(id: number, name: string, delta: 1 | -1): void {
    if (!isDisplayName(name)) return
    const first = this.firstName[id]
    if (first === name || (first === undefined && !this.others.get(id)?.has(name))) {
      const count = (this.firstCount[id] ?? 0) + delta
      if (count < 0) return
      this.firstName[id] = count > 0 ? name : undefined
      this.firstCount[id] = count
      return
    }
    let names = this.others.get(id)
    if (names === undefined) {
      if (delta < 0) return
      names = new Map()
      this.others.set(id, names)
    }
    const count = (names.get(name) ?? 0) + delta
    if (count > 0) names.set(name, count)
    else names.delete(name)
    if (names.size === 0) this.others.delete(id)
  }

  /** Every name used for `id` with its count. */
  *get(id: number): Generator<[string, number]> {
    const first = this.firstName[id]
    if (first !== undefined) yield [first, this.firstCount[id]]
    const others = this.others.get(id)
    if (others !== undefined) yield* others
  }
}

/** The most frequent name, ties to the smallest in code-unit order; undefined when none. */
export function mostFrequentName(counts: Iterable<[string, number]>): string | undefined {
  let best: string | undefined
  let bestCount = 0
  for (const [name, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && name < best)) {
      best = name
      bestCount = count
    }
  }
  return best
}
