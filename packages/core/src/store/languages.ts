/** Language facet buckets (docs/spec.md §4.2) in a fixed order; a member's bucket is an index here. */
export const LANGUAGE_CODES = ['en', 'es', 'fr', 'de', 'it', 'pt', '_o'] as const
export const LANGUAGE_NAMES = ['English', 'Spanish', 'French', 'German', 'Italian', 'Portuguese', 'Others']
export const OTHER_LANGUAGE = 6

/** `en_US` → en, `pt-BR` → pt; anything else, or no locale, is `_o` (docs/spec.md §8). */
export function languageBucket(locale: string | undefined): number {
  if (locale === undefined) return OTHER_LANGUAGE
  const code = locale.toLowerCase().split(/[-_]/, 1)[0]
  const at = (LANGUAGE_CODES as readonly string[]).indexOf(code)
  return at >= 0 && at < OTHER_LANGUAGE ? at : OTHER_LANGUAGE
}
