import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MinHeap } from '../../src/auth/min-heap.js'
import { NonceStore } from '../../src/auth/nonce-store.js'

const SCOPE = ['consumer', 'token'] as const
const WINDOW = 300

describe('NonceStore', () => {
  it('refuses a nonce seen before with the same consumer key and token, and only then', () => {
    const store = new NonceStore(WINDOW)
    const now = 1_000_000_000_000
    expect(store.remember(SCOPE, 'n1', now / 1000, now)).toBe(true)
    expect(store.remember(SCOPE, 'n1', now / 1000, now)).toBe(false)
    expect(store.remember(SCOPE, 'n1', now / 1000 + 1, now)).toBe(false)
    expect(store.remember(SCOPE, 'n2', now / 1000, now)).toBe(true)
    expect(store.remember(['consumer', 'other'], 'n1', now / 1000, now)).toBe(true)
    expect(store.remember(['other', 'token'], 'n1', now / 1000, now)).toBe(true)
  })

  it('does not confuse scopes whose texts run together', () => {
    const store = new NonceStore(WINDOW)
    expect(store.remember(['ab', 'c'], 'n', 1000, 1_000_000)).toBe(true)
    expect(store.remember(['a', 'bc'], 'n', 1000, 1_000_000)).toBe(true)
    expect(store.remember(['a', 'b'], 'cn', 1000, 1_000_000)).toBe(true)
  })

  it('keeps a nonce until the window has passed its timestamp, not its arrival', () => {
    const store = new NonceStore(WINDOW)
    const arrival = 2_000_000_000_000
    const timestamp = arrival / 1000 + WINDOW // a client clock a full window ahead
    expect(store.remember(SCOPE, 'ahead', timestamp, arrival)).toBe(true)
    // One window after arrival the timestamp is still acceptable: the replay must still be refused.
    expect(store.remember(SCOPE, 'ahead', timestamp, arrival + (WINDOW + 1) * 1000)).toBe(false)
    expect(store.size).toBe(1)
    // Two windows after, the window check refuses it by itself, and the store lets go of it.
    expect(store.remember(SCOPE, 'other', timestamp + 2 * WINDOW, arrival + 2 * WINDOW * 1000 + 1)).toBe(true)
    expect(store.size).toBe(1)
  })

  it('holds no more than its capacity, and never accepts the replay of a nonce it dropped', () => {
    const store = new NonceStore(WINDOW, 3)
    const now = 3_000_000_000_000
    const second = now / 1000
    expect(store.remember(SCOPE, 'a', second - 2, now)).toBe(true)
    expect(store.remember(SCOPE, 'b', second - 1, now)).toBe(true)
    expect(store.remember(SCOPE, 'c', second, now)).toBe(true)
    expect(store.remember(SCOPE, 'd', second, now)).toBe(true) // drops 'a', the oldest second
    expect(store.size).toBe(3)
    expect(store.remember(SCOPE, 'a', second - 2, now)).toBe(false) // 'a' is forgotten, its second refused
    expect(store.remember(SCOPE, 'fresh-but-late', second - 2, now)).toBe(false)
    expect(store.remember(SCOPE, 'e', second + 1, now)).toBe(true) // drops 'b'
    expect(store.remember(SCOPE, 'b', second - 1, now)).toBe(false)
    for (const nonce of ['c', 'd', 'e']) expect(store.remember(SCOPE, nonce, second + 1, now)).toBe(false)
    expect(store.size).toBe(3)
  })

  it('refuses the request whose own second it had to drop to make room', () => {
    const store = new NonceStore(WINDOW, 2)
    expect(store.remember(SCOPE, 'a', 1000, 1_000_000)).toBe(true)
    expect(store.remember(SCOPE, 'b', 1000, 1_000_000)).toBe(true)
    expect(store.remember(SCOPE, 'c', 1000, 1_000_000)).toBe(false)
    expect(store.remember(SCOPE, 'c', 1001, 1_000_000)).toBe(true)
  })

  it('stays within its capacity under a flood, answering exactly for what it still accepts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -5, max: 5 }), fc.nat(3)), {
          maxLength: 300,
        }),
        (events) => {
          const store = new NonceStore(5, 10)
          const accepted = new Map<string, number>()
          let now = 10_000_000
          for (const [nonce, skew, advance] of events) {
            now += advance * 1000
            const timestamp = Math.floor(now / 1000) + skew
            const first = store.remember(SCOPE, String(nonce), timestamp, now)
            const last = accepted.get(String(nonce))
            // Never a replay of a nonce accepted with a timestamp still in the window.
            if (last !== undefined && Math.abs(last * 1000 - now) <= 5000) expect(first).toBe(false)
            if (first) accepted.set(String(nonce), timestamp)
            expect(store.size).toBeLessThanOrEqual(10)
          }
        },
      ),
    )
  })

  it('refuses a capacity that could hold nothing', () => {
    expect(() => new NonceStore(WINDOW, 0)).toThrow(RangeError)
    expect(() => new NonceStore(WINDOW, 1.5)).toThrow(RangeError)
  })
})

describe('MinHeap', () => {
  it('gives its numbers back smallest first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (numbers) => {
        const heap = new MinHeap()
        for (const number of numbers) heap.push(number)
        expect(heap.size).toBe(numbers.length)
        const out: number[] = []
        for (let top = heap.pop(); top !== undefined; top = heap.pop()) out.push(top)
        expect(out).toEqual([...numbers].sort((a, b) => a - b))
        expect(heap.peek()).toBeUndefined()
      }),
    )
  })
})
