import { describe, expect, it } from 'vitest'
import { redactLinks, TOKEN_PLACEHOLDER } from '../../src/check/redact-links.js'

/** A person as docs/spec.md §6.2 renders its links, with `token` in them. */
const person = (token: string, type = 'name') => ({
  id: 'b',
  headline: 'authToken=keep me',
  siteStandardProfileRequest: { url: `/profile/view?id=b&authToken=${token}&authType=${type}` },
  apiStandardProfileRequest: {
    url: '/v1/people/b:full',
    headers: { _total: 1, values: [{ name: 'x-li-auth-token', value: `${type}:${token}` }] },
  },
})

describe('redactLinks (docs/spec.md §6.2 tokens are secrets of each implementation)', () => {
  it('masks the token of both links and keeps everything else', () => {
    expect(redactLinks({ people: { values: [person('abc.DEF-1')] } })).toEqual({
      people: { values: [person(TOKEN_PLACEHOLDER)] },
    })
  })

  it('makes documents with different tokens equal, and keeps a different link type different', () => {
    const one = redactLinks([person('t1')])
    expect(redactLinks([person('t2')])).toEqual(one)
    expect(redactLinks([person('t2', 'OUT_OF_NETWORK')])).not.toEqual(one)
  })

  it('leaves other values alone', () => {
    const doc = { numResults: 1, note: { name: 'other', value: 'name:x' }, list: [null, 1, 'authToken=x'] }
    expect(redactLinks(doc)).toEqual(doc)
  })
})
