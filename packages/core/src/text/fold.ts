const MARKS = /\p{M}/gu

/**
 * docs/spec.md §2 fold: compatibility decomposition, marks removed, then upper- and lower-cased so
 * that `Straße` becomes `strasse` and dotless `ı` becomes `i`.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toUpperCase().toLowerCase()
}
