import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { idOrderKey } from '../../src/store/id-order-key.js'

const RUNS = Number(process.env.FC_RUNS ?? 500)
const ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'.split('')
// Short ids over a few characters, so that shared prefixes, prefixes of each other and ids that
// differ only past the eighth character are all common.
const id = fc.oneof(
  fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 64 }).map((cs) => cs.join('')),
  fc
    .array(fc.constantFrom('-', '0', 'Z', '_', 'a', 'z'), { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join('')),
)

describe('idOrderKey (docs/spec.md §3.4: ties broken by id in code-unit order)', () => {
  it('orders ids as code units do, wherever the keys differ; equal keys leave it to the strings', () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        const [ka, kb] = [idOrderKey(a), idOrderKey(b)]
        expect(Number.isSafeInteger(ka)).toBe(true)
        if (ka !== kb) expect(ka < kb).toBe(a < b)
        else expect(a.slice(0, 8)).toBe(b.slice(0, 8))
      }),
      { numRuns: RUNS },
    )
  })

  it('puts a prefix before the ids it begins, and the alphabet in code-unit order', () => {
    expect(idOrderKey('ab')).toBeLessThan(idOrderKey('ab-'))
    const sorted = [...ALPHABET].sort()
    expect(sorted.map(idOrderKey)).toEqual([...sorted.map(idOrderKey)].sort((x, y) => x - y))
  })
})
