/**
 * docs/spec.md §8 "Numbers and lengths": `country-code=` or `postal-code=` with an empty value is
 * as if absent — in the URL form and in the object form; a blank (not empty) country code is
 * still a malformed one.
 */
import { describe, expect, test } from 'vitest'
import { expectError, ids, person, world } from './world.js'

const index = world([
  person('ny', 'Ned', 'York', { location: { name: 'New York', code: 'us:70', postalCode: '10001' } }),
  person('paris', 'Pia', 'Ris', { location: { name: 'Paris', code: 'fr:0', postalCode: '75001' } }),
])

describe('§8 an empty country-code or postal-code is as if absent', () => {
  test('country-code= finds what no country-code finds', () => {
    expect(ids(index, '/v1/people-search?country-code=')).toEqual(ids(index, '/v1/people-search'))
    expect(ids(index, { 'country-code': '' })).toEqual(['ny', 'paris'])
  })

  test('postal-code= needs no country-code, and an empty pair is no place at all', () => {
    expect(ids(index, '/v1/people-search?postal-code=')).toEqual(['ny', 'paris'])
    expect(ids(index, '/v1/people-search?country-code=&postal-code=')).toEqual(['ny', 'paris'])
    expect(ids(index, { 'country-code': 'fr', 'postal-code': '' })).toEqual(['paris'])
  })

  test('a blank country code is not empty: a 400 naming country-code', () => {
    expectError(() => ids(index, { 'country-code': ' ' }), 400, 'invalid-country-code')
  })
})
