import { fail } from '../errors.js'

const MARKS = /\p{M}/gu

/**
 * docs/spec.md §2 fold: compatibility decomposition, marks removed, then upper- and lower-cased so
 * that `Straße` becomes `strasse` and dotless `ı` becomes `i`.
 */
export function fold(text: string): string {
  if (typeof text !== 'string') notText(text)
  return text.normalize('NFKD').replace(MARKS, '').toUpperCase().toLowerCase()
}

/** The 400 for a value of the public text functions that is not a string. */
export function notText(value: unknown): never {
  return fail('invalid-argument', { argument: 'text', value, expected: 'a string' })
}
