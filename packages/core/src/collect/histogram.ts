import type { FacetDomain } from '../query/facet-domains.js'
import type { BucketAnswer } from '../query/search-answer.js'

/**
 * Counts one facet's buckets over the members handed to it (docs/spec.md §4.3): each member once per
 * distinct bucket. Counter arrays are sized to the facet's vocabulary, not the corpus, and are
 * reset through the list of touched buckets, so a query costs time in its matches only.
 */
export class Histogram {
  private counts: Uint32Array
  private readonly touched: number[] = []
  private readonly buffer: Uint32Array

  constructor(
    readonly domain: FacetDomain,
    counts: Uint32Array,
    buffer: Uint32Array,
  ) {
    this.counts = counts.length >= domain.size() ? counts : new Uint32Array(domain.size() * 2)
    this.buffer = buffer
  }

  /** The counter array, to be reused by the next query once `buckets` has reset it. */
  get storage(): Uint32Array {
    return this.counts
  }

  add(slot: number): void {
    const n = this.domain.values(slot, this.buffer)
    for (let i = 0; i < n; i++) {
      const id = this.buffer[i]
      if (this.counts[id]++ === 0) this.touched.push(id)
    }
  }

  /**
   * The `limit` highest buckets (count desc, code asc), then every selected bucket not among
   * them in request order (count 0 allowed); leaves the counters zeroed.
   */
  buckets(limit: number, selectedCodes: readonly string[]): BucketAnswer[] {
    const { domain, counts } = this
    const codes = this.touched.map((id) => domain.codeOf(id))
    const order = this.touched.map((_, i) => i)
    order.sort((i, j) => {
      const ci = counts[this.touched[i]]
      const cj = counts[this.touched[j]]
      return ci !== cj ? cj - ci : codes[i] < codes[j] ? -1 : codes[i] > codes[j] ? 1 : 0
    })
    const picked: { code: string; id: number; count: number }[] = []
    for (const i of order.slice(0, limit)) {
      picked.push({ code: codes[i], id: this.touched[i], count: counts[this.touched[i]] })
    }
    const selected = new Set(selectedCodes)
    const shown = new Set(picked.map((b) => b.code))
    for (const code of selectedCodes) {
      if (shown.has(code)) continue
      shown.add(code)
      const id = domain.idOf(code)
      picked.push({ code, id, count: id === 0 ? 0 : counts[id] })
    }
    const names = this.nameAll(picked)
    for (const id of this.touched) counts[id] = 0
    this.touched.length = 0
    return picked.map((b, i) => ({
      code: b.code,
      name: names[i],
      count: b.count,
      selected: selected.has(b.code),
    }))
  }

  // Unknown selected codes have no id; they are named by the domain's rule for their code.
  private nameAll(picked: { code: string; id: number }[]): string[] {
    const known = picked.filter((b) => b.id !== 0)
    const names = this.domain.names(known.map((b) => b.id))
    const byCode = new Map(known.map((b, i) => [b.code, names[i]]))
    return picked.map((b) => byCode.get(b.code) ?? this.domain.unknownName(b.code))
  }
}
