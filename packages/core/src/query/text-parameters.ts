import { fail } from '../errors.js'
import { tokens } from '../text/tokens.js'
import type { PositionCriterion } from './search-query.js'

const MAX_KEYWORDS_LENGTH = 1000
const MAX_KEYWORDS_TOKENS = 32
const FLAG = /^(?:true|false)$/i

/** docs/spec.md §3.7 limits; the length is in UTF-16 code units of the decoded value. */
export function parseKeywords(value: string | undefined): string[] {
  if (value === undefined) return []
  if (value.length > MAX_KEYWORDS_LENGTH) {
    fail('text-too-long', { parameter: 'keywords', value, max: MAX_KEYWORDS_LENGTH })
  }
  const words = tokens(value)
  if (words.length > MAX_KEYWORDS_TOKENS) {
    fail('too-many-words', { parameter: 'keywords', value, max: MAX_KEYWORDS_TOKENS })
  }
  return words
}

/** docs/spec.md §8: a name with no tokens is as if absent, so it does not count towards "both names". */
export function parseName(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const words = tokens(value)
  return words.length === 0 ? undefined : words
}

/**
 * `company-name` + `current-company` and its two siblings. The flag is judged before its
 * companion so that `current-company=maybe` reports the bad flag, not the missing name.
 */
export function parseCriterion(
  textName: string,
  text: string | undefined,
  flagName: string,
  flag: string | undefined,
): PositionCriterion | undefined {
  const words = parseName(text)
  if (flag === undefined) return words && { tokens: words }
  if (!FLAG.test(flag)) fail('invalid-flag', { parameter: flagName, value: flag })
  if (words === undefined)
    fail('missing-companion', { parameter: flagName, value: flag, companion: textName })
  return { tokens: words, current: flag.toLowerCase() === 'true' }
}
