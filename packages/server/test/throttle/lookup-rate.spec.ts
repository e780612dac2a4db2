import { PeopleSearchError } from '@people-search/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LookupRate } from '../../src/throttle/lookup-rate.js'

const T0 = 1_700_000_000_000

function refused(run: () => unknown): boolean {
  try {
    run()
    return false
  } catch (error) {
    if (error instanceof PeopleSearchError && error.code === 'throttle-limit' && error.status === 403)
      return true
    throw error
  }
}

describe('LookupRate (docs/spec.md §9.4)', () => {
  it('allows 300 lookups per token in a minute, and refuses the 301st', () => {
    const rate = new LookupRate(300, () => T0)
    for (let at = 0; at < 300; at++) rate.take('token')
    expect(refused(() => rate.take('token'))).toBe(true)
    expect(refused(() => rate.take('other-token'))).toBe(false)
  })

  it('slides: a lookup stops counting exactly 60 s after it was made', () => {
    let now = T0
    const rate = new LookupRate(2, () => now)
    rate.take('t') // at T0
    now = T0 + 30_000
    rate.take('t') // at T0 + 30 s
    now = T0 + 59_999
    expect(refused(() => rate.take('t'))).toBe(true)
    now = T0 + 60_000 // the first is out of the window (now − 60 s, now]
    expect(refused(() => rate.take('t'))).toBe(false)
    now = T0 + 89_999
    expect(refused(() => rate.take('t'))).toBe(true)
    now = T0 + 90_000
    expect(refused(() => rate.take('t'))).toBe(false)
  })

  it('does not count a refused lookup', () => {
    let now = T0
    const rate = new LookupRate(1, () => now)
    rate.take('t')
    for (let at = 1; at < 60; at++) {
      now = T0 + at * 1000
      expect(refused(() => rate.take('t'))).toBe(true)
    }
    now = T0 + 60_000
    expect(refused(() => rate.take('t'))).toBe(false)
  })

  it('is exactly a sliding window of 60 s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom('a', 'b')), { maxLength: 60 }),
        (limit, steps) => {
          let now = T0
          const rate = new LookupRate(limit, () => now)
          const accepted: Record<string, number[]> = { a: [], b: [] }
          for (const [advance, token] of steps) {
            now += advance
            const inWindow = accepted[token].filter((time) => now - time < 60_000).length
            expect(refused(() => rate.take(token))).toBe(inWindow >= limit)
            if (inWindow < limit) accepted[token].push(now)
          }
        },
      ),
    )
  })

  it('keeps no more than perMinute times per token, and drops idle tokens', () => {
    let now = T0
    const rate = new LookupRate(3, () => now)
    const rings = (rate as unknown as { rings: Map<string, { times: Float64Array }> }).rings
    for (let at = 0; at < 10; at++) {
      now += 30_000
      rate.take('t')
    }
    expect(rings.get('t')?.times.length).toBe(3)
    for (let token = 0; token < 5000; token++) {
      now += 100
      rate.take(`token-${token}`)
    }
    // 5000 tokens, but only those of about the last minute (600, at one per 100 ms) and up to as many more.
    expect(rings.size).toBeLessThanOrEqual(1200)
  })

  it('recovers within a minute when the clock steps back', () => {
    let now = T0
    const rate = new LookupRate(2, () => now)
    rate.take('t')
    rate.take('t')
    now = T0 - 3_600_000 // an hour back
    expect(refused(() => rate.take('t'))).toBe(true)
    now += 60_000
    expect(refused(() => rate.take('t'))).toBe(false)
  })

  it('refuses every lookup with a limit of 0, and refuses limits that are not counts', () => {
    const rate = new LookupRate(0, () => T0)
    expect(refused(() => rate.take('t'))).toBe(true)
    for (const perMinute of [-1, 2.5, Number.NaN]) {
      expect(() => new LookupRate(perMinute, Date.now), String(perMinute)).toThrow(PeopleSearchError)
    }
  })
})
