import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StringTable } from '../../src/store/string-table.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)

describe('StringTable', () => {
  it('gives dense ids from 0 in first-seen order, one per distinct string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 40 }), (texts) => {
        const table = new StringTable()
        const ids = texts.map((text) => table.intern(text))
        const distinct = [...new Set(texts)]
        expect(table.size).toBe(distinct.length)
        expect(table.all()).toEqual(distinct)
        texts.forEach((text, i) => {
          expect(ids[i]).toBe(distinct.indexOf(text))
          expect(table.get(ids[i])).toBe(text)
        })
        // Rebuilt from its list (a snapshot), every id reads the same and interns the same.
        const rebuilt = StringTable.from([...table.all()])
        texts.forEach((text, i) => {
          expect(rebuilt.get(ids[i])).toBe(text)
          expect(rebuilt.intern(text)).toBe(ids[i])
        })
        expect(rebuilt.size).toBe(table.size)
      }),
      { numRuns: RUNS },
    )
  })

  it('keeps a list given twice a string whole: both ids read it, interning gives the first', () => {
    const table = StringTable.from(['a', 'b', 'a'])
    expect([table.get(0), table.get(2)]).toEqual(['a', 'a'])
    expect(table.intern('a')).toBe(0)
    expect(table.intern('c')).toBe(3)
  })

  it('keeps every code unit through the copy it makes of a string cut from a larger one', () => {
    const table = new StringTable()
    for (const tail of ['Acme Corporation', 'Straße GmbH', '東京大学', 'a\uD800\uDFFF\uDFFF', '😀\uD83D']) {
      const big = `${'x'.repeat(1000)}${tail}`
      expect(table.get(table.intern(big.slice(1000)))).toBe(tail)
    }
  })
})
