import { describe, expect, it } from 'vitest'
import { oauthEncode } from '../../src/auth/percent-encoding.js'

describe('oauthEncode (RFC 5849 §3.6)', () => {
  it('leaves the unreserved characters as they are', () => {
    const unreserved = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'
    expect(oauthEncode(unreserved)).toBe(unreserved)
  })

  it("encodes every other ASCII character, with upper-case hex, including the !*'() encodeURIComponent keeps", () => {
    expect(oauthEncode(' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}')).toBe(
      '%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D',
    )
    expect(oauthEncode('\n\u007f')).toBe('%0A%7F')
  })

  it('encodes the UTF-8 octets of other characters', () => {
    expect(oauthEncode('é')).toBe('%C3%A9')
    expect(oauthEncode('Zoë Åström')).toBe('Zo%C3%AB%20%C3%85str%C3%B6m')
    expect(oauthEncode('😀')).toBe('%F0%9F%98%80')
  })

  it('never throws, where encodeURIComponent does: a lone surrogate is U+FFFD', () => {
    expect(() => encodeURIComponent('\ud800')).toThrow(URIError)
    expect(oauthEncode('a\ud800b')).toBe('a%EF%BF%BDb')
  })

  it('is what the RFC 5849 §3.4.1.3.2 example table gives', () => {
    expect(oauthEncode('=%3D')).toBe('%3D%253D')
    expect(oauthEncode('c@')).toBe('c%40')
    expect(oauthEncode('r b')).toBe('r%20b')
  })
})
