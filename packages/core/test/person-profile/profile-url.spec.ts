import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import { normalizeProfileUrl, profileSlug } from '../../src/person-profile/profile-url.js'
import { memberIdOfSlug } from '../../src/person-profile/slug.js'

const JOHN = 'https://www.linkedin.com/in/johnrmarty'
const JORG = 'https://www.linkedin.com/in/j%C3%B6rg'

/** Real-world spellings of one profile URL, and the one form each normalises to (docs/spec.md §6.1). */
const SAME: readonly [string, string][] = [
  ['https://www.linkedin.com/in/johnrmarty', JOHN],
  ['https://www.linkedin.com/in/johnrmarty/', JOHN],
  ['http://www.linkedin.com/in/johnrmarty', JOHN],
  ['https://linkedin.com/in/johnrmarty', JOHN],
  ['http://linkedin.com/in/johnrmarty/', JOHN],
  ['www.linkedin.com/in/johnrmarty', JOHN],
  ['linkedin.com/in/johnrmarty', JOHN],
  ['//www.linkedin.com/in/johnrmarty', JOHN],
  ['https://uk.linkedin.com/in/johnrmarty', JOHN],
  ['https://de.linkedin.com/in/johnrmarty/', JOHN],
  ['http://fr.linkedin.com/in/johnrmarty', JOHN],
  ['https://m.linkedin.com/in/johnrmarty', JOHN],
  ['HTTPS://WWW.LINKEDIN.COM/in/johnrmarty', JOHN],
  ['https://www.linkedin.com:443/in/johnrmarty', JOHN],
  ['https://www.linkedin.com/IN/johnrmarty', JOHN],
  ['https://www.linkedin.com/in/JohnRMarty', JOHN],
  ['https://www.linkedin.com/in/JOHNRMARTY/', JOHN],
  ['https://www.linkedin.com/in/johnrmarty?originalSubdomain=uk', JOHN],
  ['https://www.linkedin.com/in/johnrmarty/?trk=public_profile_browsemap', JOHN],
  ['https://www.linkedin.com/in/johnrmarty#experience', JOHN],
  ['https://www.linkedin.com/in/johnrmarty/?locale=de_DE#about', JOHN],
  ['  https://www.linkedin.com/in/johnrmarty  ', JOHN],
  ['https://www.linkedin.com/in/johnrmarty/de', JOHN],
  ['https://www.linkedin.com/in/johnrmarty/pt-br/', JOHN],
  ['https://www.linkedin.com/in/johnrmarty/en_US', JOHN],
  ['https://www.linkedin.com/in/j%C3%B6rg', JORG],
  ['https://www.linkedin.com/in/j%c3%b6rg/', JORG],
  ['https://www.linkedin.com/in/jörg', JORG],
  ['https://de.linkedin.com/in/J%C3%96RG/', JORG],
  ['linkedin.com/in/JÖRG', JORG],
  // The same name with a combining diaeresis (NFD) is the same slug.
  ['https://www.linkedin.com/in/jo%CC%88rg', JORG],
  [
    'https://www.linkedin.com/in/John-Martinez-90384a229/',
    'https://www.linkedin.com/in/john-martinez-90384a229',
  ],
  ['https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F', 'https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F'],
]

/** Inputs that are not public profile URLs: each is a 400 that names it. */
const NOT_PROFILES: readonly string[] = [
  '',
  '   ',
  'johnrmarty',
  'not a url',
  'http://',
  'https://www.linkedin.com',
  'https://www.linkedin.com/',
  'https://www.linkedin.com/in',
  'https://www.linkedin.com/in/',
  'https://www.linkedin.com/in//',
  'https://www.linkedin.com/company/amazon',
  'https://www.linkedin.com/school/fort-lewis-college/',
  'https://www.linkedin.com/pub/john-doe/1a/2b/3c',
  'https://www.linkedin.com/in/johnrmarty/details/experience/',
  'https://www.linkedin.com/in/johnrmarty/recent-activity/',
  'https://www.example.com/in/johnrmarty',
  'https://notlinkedin.com/in/johnrmarty',
  'https://linkedin.com.example.com/in/johnrmarty',
  'https://example.com/linkedin.com/in/johnrmarty',
  'https://www.uk.linkedin.com/in/johnrmarty',
  'ftp://www.linkedin.com/in/johnrmarty',
  'mailto:john@linkedin.com',
  'javascript:alert(1)',
  'https://john@www.linkedin.com/in/johnrmarty',
  'https://www.linkedin.com:8080/in/johnrmarty',
  'https://www.linkedin.com/in/john%2Fdoe',
  'https://www.linkedin.com/in/%ZZ',
  'https://www.linkedin.com/in/john doe',
  'https://www.linkedin.com/in/john+doe',
  'https://www.linkedin.com/in/..',
  'https://www.linkedin.com/in/%2e%2e/x',
  `https://www.linkedin.com/in/${'a'.repeat(101)}`,
]

describe('normalizeProfileUrl (docs/spec.md §6.1)', () => {
  it.each(SAME)('%s → %s', (input, expected) => {
    expect(normalizeProfileUrl(input)).toBe(expected)
  })

  it.each(NOT_PROFILES.map((input) => [input]))('%j is a 400 naming it', (input) => {
    let error: unknown
    try {
      normalizeProfileUrl(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PeopleSearchError)
    // A bad profile_url is a bad parameter, like a missing one (packages/core/test/lookup).
    const shown = input.length > 100 ? `${input.slice(0, 100)}…` : input
    expect(error).toMatchObject({
      status: 400,
      kind: 'badParameter',
      code: 'invalid-profile-url',
      values: { url: shown },
    })
  })

  it('words the error as documented', () => {
    expect(() => normalizeProfileUrl('https://www.linkedin.com/company/amazon')).toThrow(
      'Invalid profile_url {https://www.linkedin.com/company/amazon}: not a public profile URL',
    )
  })

  it('accepts 100-character slugs', () => {
    const slug = 'a'.repeat(100)
    expect(normalizeProfileUrl(`linkedin.com/in/${slug}`)).toBe(`https://www.linkedin.com/in/${slug}`)
  })

  it('keeps the slug as written in profileSlug (decoded, NFC), lower-cases only the URL', () => {
    expect(profileSlug('https://de.linkedin.com/in/J%C3%B6rg/')).toBe('Jörg')
    expect(profileSlug('linkedin.com/in/JohnRMarty?x=1')).toBe('JohnRMarty')
  })
})

describe('memberIdOfSlug', () => {
  it('is the lower-cased slug when that is a member id', () => {
    expect(memberIdOfSlug('johnrmarty')).toBe('johnrmarty')
    expect(memberIdOfSlug('John-Martinez-90384a229')).toBe('john-martinez-90384a229')
  })

  it('is a hashed id starting with _ otherwise, the same for every spelling of the slug', () => {
    const id = memberIdOfSlug('jörg')
    expect(id).toMatch(/^_[A-Za-z0-9_-]{32}$/)
    expect(memberIdOfSlug('JÖRG')).toBe(id)
    expect(memberIdOfSlug('jo\u0308rg')).toBe(id)
    expect(memberIdOfSlug('john.doe')).toMatch(/^_/)
    expect(memberIdOfSlug('_x')).toMatch(/^_[A-Za-z0-9_-]{32}$/)
    expect(memberIdOfSlug('a'.repeat(65))).toMatch(/^_/)
  })
})
