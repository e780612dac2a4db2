import fc from 'fast-check'
import type { FacetDomain } from '../../src/query/facet-domains.js'
import type { FacetCode } from '../../src/query/search-query.js'

/** A facet with `codes.length − 1` buckets (id 0 is "unknown") and each member's bucket ids. */
export interface FacetWorld {
  codes: string[]
  members: number[][]
}

/**
 * Bucket codes in an order unrelated to their ids, so that sorting by code is seen to be
 * sorting by code; members hold distinct bucket ids, as a domain writes them.
 */
export const facetWorld: fc.Arbitrary<FacetWorld> = fc
  .uniqueArray(fc.stringMatching(/^[a-c]{1,3}$/), { minLength: 1, maxLength: 7 })
  .chain((codes) =>
    fc.record({
      codes: fc.constant(['', ...codes]),
      members: fc.array(
        fc.uniqueArray(fc.integer({ min: 1, max: codes.length }), { maxLength: codes.length }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  )

/** A FacetDomain over a FacetWorld: names are `name <id>`, unknown codes `unknown <code>`. */
export function domainDouble(world: FacetWorld, code: FacetCode = 'industry'): FacetDomain {
  return {
    code,
    size: () => world.codes.length,
    idOf: (bucket) => Math.max(0, world.codes.indexOf(bucket)),
    codeOf: (id) => world.codes[id],
    values: (slot, out) => {
      const values = world.members[slot]
      for (let i = 0; i < values.length; i++) out[i] = values[i]
      return values.length
    },
    names: (ids) => ids.map((id) => `name ${id}`),
    unknownName: (bucket) => `unknown ${bucket}`,
  }
}

/**
 * docs/spec.md §4.3 over a counting map: the `limit` highest buckets (count desc, code asc),
 * then every selected code not among them, in request order.
 */
export function naiveBuckets(world: FacetWorld, added: number[], limit: number, selected: string[]) {
  const counts = new Map<number, number>()
  for (const slot of added) for (const id of world.members[slot]) counts.set(id, (counts.get(id) ?? 0) + 1)
  const top = [...counts]
    .sort(([a, ca], [b, cb]) => cb - ca || (world.codes[a] < world.codes[b] ? -1 : 1))
    .slice(0, limit)
    .map(([id, count]) => ({ code: world.codes[id], id, count }))
  for (const code of selected) {
    if (top.some((bucket) => bucket.code === code)) continue
    const id = Math.max(0, world.codes.indexOf(code))
    top.push({ code, id, count: id === 0 ? 0 : (counts.get(id) ?? 0) })
  }
  return top.map(({ code, id, count }) => ({
    code,
    name: id === 0 ? `unknown ${code}` : `name ${id}`,
    count,
    selected: selected.includes(code),
  }))
}
