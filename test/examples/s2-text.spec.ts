/** docs/spec.md §2 Text: fold and tokens, seen through searches. */
import { describe, expect, test } from 'vitest'
import { ids, person, world } from './world.js'

describe('§2 fold: marks removed, then upper- and lower-cased', () => {
  const index = world([
    person('jose', 'José', 'Álvarez', { headline: 'Café owner' }),
    person('plain', 'Jose', 'Alvarez', { headline: 'Cafe owner' }),
    person('strasse', 'Greta', 'Weiß', { headline: 'Lives on Hauptstraße' }),
    person('caps', 'Hans', 'WEISS', { headline: 'HAUPTSTRASSE resident' }),
    person('turkish', 'Işıl', 'Kırmızı', { headline: 'İstanbul' }),
    person('wide', 'Wide', 'Letters', { skills: ['ＪＡＶＡ'] }),
  ])

  test('José ≡ JOSE ≡ jose', () => {
    expect(ids(index, { 'first-name': 'jose' })).toEqual(['jose', 'plain'])
    expect(ids(index, { 'first-name': 'JOSÉ' })).toEqual(['jose', 'plain'])
    expect(ids(index, { keywords: 'cafe' })).toEqual(['jose', 'plain'])
    expect(ids(index, { keywords: 'CAFÉ ÁLVAREZ' })).toEqual(['jose', 'plain'])
  })

  test('Straße ≡ STRASSE: keywords=STRASSE finds a member whose headline has Straße', () => {
    expect(ids(index, { keywords: 'HAUPTSTRASSE' })).toEqual(['caps', 'strasse'])
    expect(ids(index, { keywords: 'hauptstraße' })).toEqual(['caps', 'strasse'])
    expect(ids(index, { 'last-name': 'weiss' })).toEqual(['caps', 'strasse'])
  })

  test('ı ≡ I ≡ i, and İ folds to i', () => {
    expect(ids(index, { 'last-name': 'KIRMIZI' })).toEqual(['turkish'])
    expect(ids(index, { 'last-name': 'kirmizi' })).toEqual(['turkish'])
    expect(ids(index, { 'first-name': 'isil' })).toEqual(['turkish'])
    expect(ids(index, { keywords: 'istanbul' })).toEqual(['turkish'])
  })

  test('compatibility forms fold too: ＪＡＶＡ is java', () => {
    expect(ids(index, { keywords: 'java' })).toEqual(['wide'])
  })
})

describe('§2 tokens', () => {
  const index = world([
    person('tim', 'Tim', "O'Reilly", { headline: 'Publisher' }),
    person('curly', 'Tom', 'O’Reilly'),
    person('modifier', 'Tad', 'Oʼreilly'),
    person('spaced', 'Ted', 'O Reilly'),
    person('jean', 'Jean-Luc', 'Picard', { headline: 'Captain, U.S.S. Enterprise (NCC-1701-D)' }),
    person('pku', '小明', '王', { headline: '北京大学' }),
    person('both', 'Ada', 'Lang', { headline: 'Java and Python' }),
    person('comma', 'Bea', 'Lang', { headline: 'Java, Python' }),
    person('star', 'Cy', 'Lang', { headline: 'Java*Python star' }),
  ])

  test("O'Reilly ≡ oreilly: an apostrophe between letters is deleted", () => {
    expect(ids(index, { 'last-name': 'oreilly' })).toEqual(['curly', 'modifier', 'tim'])
    expect(ids(index, { 'last-name': "O'REILLY" })).toEqual(['curly', 'modifier', 'tim'])
    expect(ids(index, { keywords: 'o’reilly publisher' })).toEqual(['tim'])
  })

  test("O Reilly is two tokens and does not match O'Reilly", () => {
    expect(ids(index, { 'last-name': 'O Reilly' })).toEqual(['spaced'])
    expect(ids(index, { 'last-name': 'reilly' })).toEqual([])
  })

  test('text splits on every run of code points that are not letters or numbers', () => {
    expect(ids(index, { 'first-name': 'luc jean' })).toEqual(['jean'])
    expect(ids(index, { keywords: 'ncc 1701 d' })).toEqual(['jean'])
    expect(ids(index, { keywords: 'u s s' })).toEqual(['jean'])
    expect(ids(index, { keywords: 'uss' })).toEqual([])
  })

  test('each CJK ideograph is a token of its own', () => {
    expect(ids(index, { keywords: '京' })).toEqual(['pku'])
    expect(ids(index, { keywords: '大学北京' })).toEqual(['pku'])
    expect(ids(index, { keywords: '東京' })).toEqual([])
    expect(ids(index, { 'first-name': '明 小' })).toEqual(['pku'])
    expect(ids(index, { 'first-name': '明小' })).toEqual(['pku'])
    expect(ids(index, { 'first-name': '小' })).toEqual([])
  })

  test('`*` yields no token: keywords=* is as if absent', () => {
    const everyone = ids(index, {})
    expect(everyone).toHaveLength(9)
    expect(ids(index, { keywords: '*' })).toEqual(everyone)
    expect(ids(index, { keywords: '? *' })).toEqual(everyone)
  })

  test('`*` is not a wildcard: java* is the word java', () => {
    expect(ids(index, { keywords: 'jav*' })).toEqual([])
    expect(ids(index, { keywords: 'python*' })).toEqual(['both', 'comma', 'star'])
  })

  test('`AND` is the word "and", and `OR` the word "or"', () => {
    expect(ids(index, { keywords: 'java AND python' })).toEqual(['both'])
    expect(ids(index, { keywords: 'java OR python' })).toEqual([])
  })
})
