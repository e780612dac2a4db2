import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Histogram } from '../../src/collect/histogram.js'
import { domainDouble, facetWorld, naiveBuckets } from './facet-domain-double.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

describe('Histogram (docs/spec.md §4.3)', () => {
  it('gives the buckets of a counting map, and zeroed counters for the next search', () => {
    fc.assert(
      fc.property(
        facetWorld.chain((world) =>
          fc.record({
            world: fc.constant(world),
            rounds: fc.array(
              fc.record({
                added: fc.array(fc.nat(world.members.length - 1), { maxLength: 20 }),
                limit: fc.nat(world.codes.length),
                // Known codes, and codes no member has (which have no id).
                selected: fc.uniqueArray(fc.constantFrom(...world.codes.slice(1), 'zz', 'b-'), {
                  maxLength: 3,
                }),
              }),
              { minLength: 1, maxLength: 3 },
            ),
            storage: fc.nat(world.codes.length + 2),
          }),
        ),
        ({ world, rounds, storage }) => {
          const domain = domainDouble(world)
          let counts: Uint32Array = new Uint32Array(storage)
          for (const { added, limit, selected } of rounds) {
            const histogram = new Histogram(domain, counts, new Uint32Array(world.codes.length))
            for (const slot of added) histogram.add(slot)
            expect(histogram.buckets(limit, selected)).toEqual(naiveBuckets(world, added, limit, selected))
            counts = histogram.storage
            expect(counts.length).toBeGreaterThanOrEqual(world.codes.length)
            expect(counts.every((count) => count === 0)).toBe(true)
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
