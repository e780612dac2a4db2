import { materialize, requestPlanArb, worldArb } from '@people-search/conformance'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildBoth, describeRequest, indexAnswer, oracleAnswer, RUNS } from './helpers.js'

const TEXT_PARAMETERS = ['keywords', 'first-name', 'last-name', 'company-name', 'title', 'school-name']

describe('text parameters are case- and accent-insensitive (docs/spec.md §2)', () => {
  it('re-cased, accented, ß and ı spellings never change the answer', () => {
    const withText = requestPlanArb({ invalidRate: 0.05 }).filter(
      (p) => !!(p.keywords || p.names || p.companyName || p.title || p.schoolName),
    )
    fc.assert(
      fc.property(
        worldArb(),
        fc.array(fc.tuple(withText, fc.integer({ min: 1 }), fc.integer({ min: 1 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (world, cases) => {
          const { index, oracle } = buildBoth(world)
          for (const [plan, seedA, seedB] of cases) {
            const canonical = materialize(plan, world, 0)
            const expectedIndex = indexAnswer(index, canonical)
            const expectedOracle = oracleAnswer(oracle, canonical)
            for (const seed of [seedA, seedB]) {
              const variant = materialize(plan, world, seed)
              const texts = variant.params.filter(([k]) => TEXT_PARAMETERS.includes(k))
              const why = `${describeRequest(variant)} vs canonical ${describeRequest(canonical)} (${texts.length} texts)`
              expect(indexAnswer(index, variant), `index: ${why}`).toEqual(expectedIndex)
              expect(oracleAnswer(oracle, variant), `oracle: ${why}`).toEqual(expectedOracle)
            }
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
