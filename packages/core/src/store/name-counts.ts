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

  /**
   * The counts as plain arrays (a snapshot's image), copied: per id its first name ('' for none:
   * a blank name is never counted) and that name's count, then every other name of every id as
   * triples, in the maps' order.
   */
  exportImage(): NameCountsImage {
    const ids = this.firstName.length
    const firstNames: string[] = new Array(ids)
    const firstCounts = new Float64Array(ids)
    for (let id = 0; id < ids; id++) {
      firstNames[id] = this.firstName[id] ?? ''
      firstCounts[id] = this.firstCount[id] ?? 0
    }
    const otherIds: number[] = []
    const otherNames: string[] = []
    const otherCounts: number[] = []
    for (const [id, names] of this.others) {
      for (const [name, count] of names) {
        otherIds.push(id)
        otherNames.push(name)
        otherCounts.push(count)
      }
    }
    return {
      firstNames,
      firstCounts,
      otherIds: Float64Array.from(otherIds),
      otherNames,
      otherCounts: Float64Array.from(otherCounts),
    }
  }

  /** Makes these counts, which must be new, hold `image` (arrays of matching lengths: checked by the caller). */
  importImage(image: NameCountsImage): void {
    const { firstNames, firstCounts, otherIds, otherNames, otherCounts } = image
    for (let id = 0; id < firstNames.length; id++) {
      this.firstName.push(firstNames[id] === '' ? undefined : firstNames[id])
      this.firstCount.push(firstCounts[id])
    }
    for (let i = 0; i < otherIds.length; i++) {
      let names = this.others.get(otherIds[i])
      if (names === undefined) {
        names = new Map()
        this.others.set(otherIds[i], names)
      }
      names.set(otherNames[i], otherCounts[i])
    }
  }
}

/** What `NameCounts.exportImage` gives. */
export interface NameCountsImage {
  readonly firstNames: readonly string[]
  readonly firstCounts: Float64Array<ArrayBuffer>
  readonly otherIds: Float64Array<ArrayBuffer>
  readonly otherNames: readonly string[]
  readonly otherCounts: Float64Array<ArrayBuffer>
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
