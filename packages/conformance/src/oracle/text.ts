/**
 * docs/spec.md §2, written out step by step. Deliberately not imported from core's `text/`: the oracle
 * is an independent reading of the spec.
 */

/** docs/spec.md §2 fold: NFKD, drop every `\p{M}` code point, then upper-case and lower-case. */
export function fold(s: string): string {
  const decomposed = s.normalize('NFKD')
  let withoutMarks = ''
  for (const ch of decomposed) {
    if (!/\p{M}/u.test(ch)) withoutMarks += ch
  }
  return withoutMarks.toUpperCase().toLowerCase()
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch)
const isLetterOrNumber = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch)
/** "Each CJK ideograph is a token of its own" — read as the Unicode `Ideographic` property. */
const isIdeograph = (ch: string): boolean => /\p{Ideographic}/u.test(ch)
/** U+0027 APOSTROPHE, U+2019 RIGHT SINGLE QUOTATION MARK, U+02BC MODIFIER LETTER APOSTROPHE. */
const APOSTROPHES = new Set(["'", '\u2019', '\u02BC'])

/** docs/spec.md §2 tokens. */
export function tokens(s: string): string[] {
  // 1. fold, as a list of code points.
  const chars = Array.from(fold(s))

  // 2. delete apostrophes that sit between two letters (judged on the folded text, before
  //    anything is deleted, so `a''b` keeps both: neither has a letter on both sides).
  const kept: string[] = []
  for (let i = 0; i < chars.length; i++) {
    const between = isLetter(chars[i - 1]) && isLetter(chars[i + 1])
    if (APOSTROPHES.has(chars[i]) && between) continue
    kept.push(chars[i])
  }

  // 3. split on every run of code points that are not letters or numbers; an ideograph is a
  //    token on its own; empty pieces are dropped.
  const out: string[] = []
  let current = ''
  for (const ch of kept) {
    if (isLetterOrNumber(ch) && !isIdeograph(ch)) {
      current += ch
      continue
    }
    if (current !== '') out.push(current)
    current = ''
    if (isLetterOrNumber(ch) && isIdeograph(ch)) out.push(ch)
  }
  if (current !== '') out.push(current)
  return out
}
