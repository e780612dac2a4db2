import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortOrder } from '../../src/collect/sort-order.js'
import { FIRST, GROUP, NONE, SECOND } from '../../src/domain/degree.js'
import type { SortOrder } from '../../src/query/search-query.js'
import { MemberColumns } from '../../src/store/columns.js'
import { IdTable } from '../../src/store/id-table.js'

/** Each slot's id as the store keeps it (ids may repeat: only the order of slots is asked). */
function idsOf(ids: string[]): IdTable {
  const table = new IdTable()
  ids.forEach((id, slot) => {
    table.bind(id, slot)
  })
  return table
}

const RUNS = Number(process.env.FC_RUNS ?? 200)

interface Member {
  id: string
  connections: number
  recommenders: number
  degree: number
  score: number
}

// Few distinct values, so that every tie-break is reached; ids in mixed case, since code-unit
// order puts 'Z' before 'a'.
const member: fc.Arbitrary<Omit<Member, 'id'>> = fc.record({
  connections: fc.nat(3),
  recommenders: fc.nat(2),
  degree: fc.constantFrom(NONE, FIRST, SECOND, GROUP),
  score: fc.constantFrom(0, 1.5, 3),
})
const members = fc
  .uniqueArray(fc.stringMatching(/^[a-cA-C]{1,3}$/), { minLength: 1, maxLength: 30 })
  .chain((ids) => fc.tuple(...ids.map((id) => member.map((m) => ({ id, ...m })))))

// docs/spec.md §3.4 as sort keys, compared one after the other: first, the key that decides.
function keys(sort: SortOrder, m: Member): (number | string)[] {
  const byDegree = m.degree === FIRST ? 0 : m.degree === SECOND ? 1 : 2
  const order: Record<SortOrder, (number | string)[]> = {
    connections: [-m.connections],
    recommenders: [-m.recommenders, -m.connections],
    distance: [byDegree, -m.connections],
    relevance: [-m.score, -m.connections],
  }
  return [...order[sort], m.id]
}

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1
  return 0
}

describe('sortOrder (docs/spec.md §3.4)', () => {
  it('orders members as the table of the spec does, ties broken by id', () => {
    fc.assert(
      fc.property(
        members,
        fc.constantFrom<SortOrder>('connections', 'recommenders', 'distance', 'relevance'),
        (list, sort) => {
          const columns = new MemberColumns()
          columns.ensure(list.length)
          list.forEach((m, slot) => {
            columns.numConnections[slot] = m.connections
            columns.numRecommenders[slot] = m.recommenders
          })
          const before = sortOrder(sort, columns, idsOf(list.map((m) => m.id)), (slot) => list[slot].degree)
          const slots = list.map((_, slot) => slot)
          for (const a of slots) {
            for (const b of slots) {
              const expected = compareKeys(keys(sort, list[a]), keys(sort, list[b])) < 0
              expect(before(a, list[a].score, b, list[b].score)).toBe(expected)
            }
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})
