import { fail } from '../errors.js'
import { tokens } from '../text/tokens.js'
import type { PositionCriterion } from './search-query.js'

/** docs/spec.md §3.7: the longest value of a text parameter, in UTF-16 code units of the decoded value. */
export const MAX_TEXT_LENGTH = 1000
/** docs/spec.md §3.7: the most tokens a text parameter may hold. */
export const MAX_TEXT_TOKENS = 32
const FLAG = /^(?:true|false)$/i

/**
 * The tokens of a text parameter (`keywords`, `first-name`, `last-name`, `company-name`, `title`,
 * `school-name`) within the limits of docs/spec.md §3.7; the length is judged before the value is
 * tokenised, so a long value costs nothing.
 */
export function parseText(parameter: string, value: string | undefined): string[] {
  if (value === undefined) return []
  if (value.length > MAX_TEXT_LENGTH) fail('text-too-long', { parameter, value, max: MAX_TEXT_LENGTH })
  const words = tokens(value)
  if (words.length > MAX_TEXT_TOKENS) fail('too-many-words', { parameter, value, max: MAX_TEXT_TOKENS })
  return words
}

export function parseKeywords(value: string | undefined): string[] {
  return parseText('keywords', value)
}

/** docs/spec.md §8: a name with no tokens is as if absent, so it does not count towards "both names". */
export function parseName(parameter: string, value: string | undefined): string[] | undefined {
  const words = parseText(parameter, value)
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
  const words = parseName(textName, text)
  if (flag === undefined) return words && { tokens: words }
  if (!FLAG.test(flag)) fail('invalid-flag', { parameter: flagName, value: flag })
  if (words === undefined)
    fail('missing-companion', { parameter: flagName, value: flag, companion: textName })
  return { tokens: words, current: flag.toLowerCase() === 'true' }
}
