import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdTable } from '../../src/store/id-table.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
// Few ids, so that binds replace and unbinds hit; some long and some sharing long prefixes.
const idArb = fc.oneof(
  fc.constantFrom('a', 'A', 'b', '0', '-', '_', 'a-b', 'member-000000001', 'member-000000002'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
)
const opArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ bind: idArb }) },
  { weight: 2, arbitrary: fc.record({ unbind: fc.nat() }) },
)

describe('IdTable', () => {
  it('answers like a Map of live ids and an array of every id bound, under any binds and unbinds', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 3000 }), fc.array(idArb, { maxLength: 20 }), (ops, probes) => {
        const table = new IdTable()
        const live = new Map<string, number>()
        const ids: string[] = []
        for (const op of ops) {
          if ('bind' in op) {
            const slot = ids.length
            ids.push(op.bind)
            table.bind(op.bind, slot)
            live.set(op.bind, slot)
          } else if (ids.length > 0) {
            const slot = op.unbind % ids.length
            const id = ids[slot]
            table.unbind(id, slot)
            if (live.get(id) === slot) live.delete(id)
          }
        }
        expect(table.size).toBe(live.size)
        for (const id of [...probes, ...ids]) expect(table.get(id), id).toBe(live.get(id) ?? -1)
        ids.forEach((id, slot) => {
          expect(table.idOf(slot)).toBe(id)
        })
        for (let k = 0; k + 1 < ids.length && k < 200; k++) {
          const expected = ids[k] < ids[k + 1] ? -1 : ids[k] > ids[k + 1] ? 1 : 0
          expect(Math.sign(table.compare(k, k + 1)), `${ids[k]} vs ${ids[k + 1]}`).toBe(expected)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('keeps every id findable across table growth and after removing most of them', () => {
    const table = new IdTable()
    const n = 50_000
    for (let i = 0; i < n; i++) table.bind(`m${i}`, i)
    for (let i = 0; i < n; i += 3) table.unbind(`m${i}`, i)
    for (let i = 0; i < n; i++) expect(table.get(`m${i}`)).toBe(i % 3 === 0 ? -1 : i)
    expect(table.size).toBe(n - Math.ceil(n / 3))
    // An unbind of a slot that is no longer the live one changes nothing.
    table.bind('m1', n)
    table.unbind('m1', 1)
    expect(table.get('m1')).toBe(n)
    expect(table.idOf(1)).toBe('m1')
  })
})
