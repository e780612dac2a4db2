import { fold } from './fold.js'

// Judged on the folded text before anything is deleted, so `a''b` keeps both apostrophes.
const APOSTROPHE_BETWEEN_LETTERS = /(?<=\p{L})['\u2019\u02BC](?=\p{L})/gu
// A run of letters/numbers without ideographs, or one ideograph alone (CJK per ideograph).
const TOKEN = /\p{Ideographic}|(?:(?!\p{Ideographic})[\p{L}\p{N}])+/gu

/** SPEC §2 tokens: fold, drop apostrophes inside words, split on everything else. */
export function tokens(text: string): string[] {
  const folded = fold(text).replace(APOSTROPHE_BETWEEN_LETTERS, '')
  return folded.match(TOKEN) ?? []
}
