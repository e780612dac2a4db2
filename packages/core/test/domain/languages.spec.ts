import { describe, expect, it } from 'vitest'
import { LANGUAGE_CODES, LANGUAGES, languageBucket, OTHER_LANGUAGE } from '../../src/domain/languages.js'

describe('the language table (docs/spec.md §4.2)', () => {
  it('has the six languages and `_o`, with the names of §4.2', () => {
    expect(LANGUAGES.map(({ code, name }) => [code, name])).toEqual([
      ['en', 'English'],
      ['es', 'Spanish'],
      ['fr', 'French'],
      ['de', 'German'],
      ['it', 'Italian'],
      ['pt', 'Portuguese'],
      ['_o', 'Others'],
    ])
    expect(LANGUAGE_CODES).toEqual(LANGUAGES.map((language) => language.code))
    expect(LANGUAGE_CODES[OTHER_LANGUAGE]).toBe('_o')
  })
})

describe('a member’s language bucket (docs/spec.md §8)', () => {
  it.each([
    ['en', 'en'],
    ['en_US', 'en'],
    ['pt-BR', 'pt'],
    ['EN', 'en'],
    ['De_at', 'de'],
    ['es-', 'es'],
    ['it', 'it'],
    ['fr_CA_x', 'fr'],
    ['zh', '_o'],
    ['eng', '_o'],
    ['-en', '_o'],
    ['_o', '_o'],
    ['', '_o'],
    [undefined, '_o'],
  ])('%s → %s', (locale, bucket) => {
    expect(LANGUAGE_CODES[languageBucket(locale)]).toBe(bucket)
  })
})
