import { fold, notText } from './fold.js'

// Judged on the folded text before anything is deleted, so `a''b` keeps both apostrophes.
const APOSTROPHE_BETWEEN_LETTERS = /(?<=\p{L})['\u2019\u02BC](?=\p{L})/gu
// A run of letters/numbers without ideographs, or one ideograph alone (CJK per ideograph).
const TOKEN = /\p{Ideographic}|(?:(?!\p{Ideographic})[\p{L}\p{N}])+/gu

// For ASCII text, fold is toLowerCase and letters are [a-z]: the same rules, far cheaper,
// which matters when a million profiles are indexed.
const NON_ASCII = /\P{ASCII}/u
const ASCII_APOSTROPHE_BETWEEN_LETTERS = /(?<=[a-z])'(?=[a-z])/g
const ASCII_TOKEN = /[a-z0-9]+/g

/** docs/spec.md §2 tokens: fold, drop apostrophes inside words, split on everything else. */
export function tokens(text: string): string[] {
  if (typeof text !== 'string') notText(text)
  if (!NON_ASCII.test(text)) {
    let lower = text.toLowerCase()
    if (lower.includes("'")) lower = lower.replace(ASCII_APOSTROPHE_BETWEEN_LETTERS, '')
    return lower.match(ASCII_TOKEN) ?? []
  }
  const folded = fold(text).replace(APOSTROPHE_BETWEEN_LETTERS, '')
  return folded.match(TOKEN) ?? []
}
