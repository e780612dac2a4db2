/**
 * The language facet's buckets (docs/spec.md §4.2) with their names, in bucket order: a member's
 * language column holds an index into this table. `_o` (any other locale) is last.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Spanish' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'it', name: 'Italian' },
  { code: 'pt', name: 'Portuguese' },
  { code: '_o', name: 'Others' },
] as const

export type LanguageCode = (typeof LANGUAGES)[number]['code']

export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((language) => language.code)

/** The index of `_o`, the bucket of every locale that is not one of the others. */
export const OTHER_LANGUAGE: number = LANGUAGE_CODES.indexOf('_o')

/** `en_US` → en, `pt-BR` → pt; anything else, or no locale, is `_o` (docs/spec.md §8). */
export function languageBucket(locale: string | undefined): number {
  if (locale === undefined) return OTHER_LANGUAGE
  // Cut at the first `-` or `_`, the code cannot be `_o` itself.
  const code = locale.toLowerCase().split(/[-_]/, 1)[0]
  const at = (LANGUAGE_CODES as readonly string[]).indexOf(code)
  return at >= 0 ? at : OTHER_LANGUAGE
}
