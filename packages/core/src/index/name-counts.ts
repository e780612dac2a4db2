/**
 * How often each display name is used for one id (a location code, an industry, a company),
 * so a facet bucket can be named by its most frequent name (SPEC §4.2).
 */
export class NameCounts {
  private readonly byId = new Map<number, Map<string, number>>()

  add(id: number, name: string, delta: 1 | -1): void {
    let names = this.byId.get(id)
    if (names === undefined) {
      if (delta < 0) return
      names = new Map()
      this.byId.set(id, names)
    }
    const count = (names.get(name) ?? 0) + delta
    if (count > 0) names.set(name, count)
    else names.delete(name)
    if (names.size === 0) this.byId.delete(id)
  }

  /** The counts for `id` (do not modify), if any. */
  get(id: number): ReadonlyMap<string, number> | undefined {
    return this.byId.get(id)
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
