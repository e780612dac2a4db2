import { describe, expect, it } from 'vitest'
import { firstDifference } from '../../src/check/first-difference.js'

describe('firstDifference', () => {
  it('is empty for equal values, however deep', () => {
    const doc = { numResults: 2, people: { _total: 2, values: [{ id: 'a' }, { id: 'b', x: [1, null] }] } }
    expect(firstDifference(doc, structuredClone(doc))).toBe('')
    expect(firstDifference(null, null)).toBe('')
  })

  it('names the first differing leaf, in document order', () => {
    const a = { people: { _total: 3, values: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }, numResults: 3 }
    const b = { people: { _total: 3, values: [{ id: 'a' }, { id: 'b' }, { id: 'x' }] }, numResults: 4 }
    expect(firstDifference(a, b)).toBe('people.values[2].id')
  })

  it('names the first index one list lacks, and a key only one side has', () => {
    expect(firstDifference({ v: [1, 2, 3] }, { v: [1, 2] })).toBe('v[2]')
    expect(firstDifference({ v: [1] }, { v: [1, 2] })).toBe('v[1]')
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('b')
    expect(firstDifference({ status: 400 }, { people: {} })).toBe('status')
  })

  it('tells a different type, at the root too', () => {
    expect(firstDifference({ a: [1] }, { a: { 0: 1 } })).toBe('a')
    expect(firstDifference({ a: 1 }, { a: '1' })).toBe('a')
    expect(firstDifference(1, 2)).toBe('(root)')
    expect(firstDifference([], {})).toBe('(root)')
  })

  it('tells the same fields in another order (docs/spec.md §5.1: output follows the selector)', () => {
    expect(firstDifference({ p: { id: 'a', x: 1 } }, { p: { x: 1, id: 'a' } })).toBe('p (key order)')
    expect(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe('(root) (key order)')
  })
})
