import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Vocabulary } from '../../src/store/vocabulary.js'
import { tokens } from '../../src/text/tokens.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
// ASCII-heavy text with the characters the scanner treats specially, plus some non-ASCII.
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      'o',
      "'",
      "''",
      ' ',
      '-',
      '9',
      'Reilly',
      'O',
      '\u2019',
      'é',
      'ß',
      '東',
      '\t',
      '*',
    ),
    {
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(''))

describe('Vocabulary (the interning tokenizer)', () => {
  it('gives the ids of exactly the tokens of docs/spec.md §2, in order', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        const vocabulary = new Vocabulary()
        const seen = new Map<string, number>()
        for (const t of texts) {
          const ids = [...vocabulary.tokenIds(t)]
          const expected = tokens(t)
          expect(ids.length).toBe(expected.length)
          expected.forEach((token, i) => {
            const known = seen.get(token)
            if (known === undefined) seen.set(token, ids[i])
            else expect(ids[i]).toBe(known)
            expect(vocabulary.find(token)).toBe(ids[i])
          })
        }
        expect(new Set(seen.values()).size).toBe(seen.size)
      }),
      { numRuns: RUNS },
    )
  })

  it('keeps every id when its table grows', () => {
    const vocabulary = new Vocabulary()
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i.toString(36)}`)
    const ids = words.map((w) => vocabulary.tokenIds(w)[0])
    expect(words.every((w, i) => vocabulary.find(w) === ids[i])).toBe(true)
    expect(vocabulary.find('never-seen')).toBe(0)
  })
})
