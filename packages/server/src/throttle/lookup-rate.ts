import { fail } from '@people-search/core'

const WINDOW_MS = 60_000

/** The times of a token's latest lookups, oldest first from `next` once `size` reaches the limit. */
interface Ring {
  readonly times: Float64Array
  next: number
  size: number
}

/**
 * Person Profile lookups per access token (docs/spec.md §9.4): at most `perMinute` in any 60
 * seconds, over a sliding window kept exactly. A lookup at time t counts until t + 60 s (the
 * window is (now − 60 s, now]). Each token keeps the times of only its last `perMinute` lookups,
 * in a ring: a new lookup is allowed iff the oldest of them is out of the window. Rings of tokens
 * idle for a full window hold nothing that counts and are dropped, a sweep at a time, so memory
 * follows the tokens active in the last minute.
 */
export class LookupRate {
  private readonly rings = new Map<string, Ring>()
  private sweepAt = 1024

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {
    if (!Number.isSafeInteger(perMinute) || perMinute < 0) {
      fail('invalid-argument', {
        argument: 'lookup rate perMinute',
        value: perMinute,
        expected: 'an integer ≥ 0',
      })
    }
  }

  /** One profile lookup with `token`; throws 'throttle-limit' once `perMinute` lookups fall in the last 60 s (sliding window, exact). */
  take(token: string): void {
    if (this.perMinute === 0) fail('throttle-limit')
    const now = this.now()
    let ring = this.rings.get(token)
    if (ring === undefined) {
      if (this.rings.size >= this.sweepAt) this.sweep(now)
      ring = { times: new Float64Array(this.perMinute), next: 0, size: 0 }
      this.rings.set(token, ring)
    }
    if (ring.size > 0 && now < this.newest(ring)) stepBack(ring, now)
    if (ring.size === this.perMinute && now - ring.times[ring.next] < WINDOW_MS) fail('throttle-limit')
    ring.times[ring.next] = now
    ring.next = (ring.next + 1) % this.perMinute
    ring.size = Math.min(ring.size + 1, this.perMinute)
  }

  private newest(ring: Ring): number {
    return ring.times[(ring.next + this.perMinute - 1) % this.perMinute]
  }

  private sweep(now: number): void {
    for (const [token, ring] of this.rings) if (now - this.newest(ring) >= WINDOW_MS) this.rings.delete(token)
    this.sweepAt = Math.max(1024, 2 * this.rings.size)
  }
}

/**
 * After the clock stepped back, lookups stamped in its future count as made now: they still
 * count for a full window, but the token is not held up for as long as the clock jumped.
 */
function stepBack(ring: Ring, now: number): void {
  for (let at = 0; at < ring.times.length; at++) if (ring.times[at] > now) ring.times[at] = now
}
