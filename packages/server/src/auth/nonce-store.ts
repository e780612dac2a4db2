import { createHash } from 'node:crypto'
import { MinHeap } from './min-heap.js'

/** How many nonces the store holds at most, unless told otherwise: about 10 MB of keys. */
export const DEFAULT_NONCE_CAPACITY = 100_000

/**
 * The nonces of accepted OAuth 1.0a requests, so that a replay is refused (RFC 5849 §3.3,
 * docs/spec.md §9.2), in bounded memory.
 *
 * A nonce is kept for as long as its timestamp could still pass the window check, that is until
 * the clock is more than the window past the timestamp (not past the time it arrived: a
 * timestamp up to a window ahead stays acceptable that much longer). After that the window check
 * refuses a replay by itself, so the nonce is dropped.
 *
 * When the store is full it does not forget a nonce and then accept its replay. It drops the
 * nonces of the oldest timestamp second and refuses from then on every timestamp up to that
 * second, as possibly seen: the store then answers exactly for every timestamp it still accepts.
 * A client with a fresh timestamp is unaffected; only one whose clock lags by more than the
 * remaining span is refused, and only while more than `capacity` signed requests arrive within
 * a window — which takes valid credentials, since only verified requests are remembered.
 */
export class NonceStore {
  private readonly seen = new Set<string>()
  private readonly bySecond = new Map<number, string[]>()
  private readonly seconds = new MinHeap()
  /** Timestamps below this second are refused: their nonces may have been dropped while live. */
  private floor = Number.NEGATIVE_INFINITY

  constructor(
    private readonly windowSeconds: number,
    private readonly capacity: number = DEFAULT_NONCE_CAPACITY,
  ) {
    if (!(Number.isSafeInteger(capacity) && capacity > 0)) throw new RangeError(`Nonce capacity ${capacity}`)
  }

  /** How many nonces are held. */
  get size(): number {
    return this.seen.size
  }

  /**
   * Records the nonce of `scope` (a consumer key and token) sent with `timestamp` (seconds) and
   * answers true, or answers false for one already seen — or possibly seen — in the window.
   */
  remember(
    scope: readonly [consumerKey: string, token: string],
    nonce: string,
    timestamp: number,
    nowMs: number,
  ): boolean {
    this.expire(nowMs)
    const key = keyOf(scope, nonce)
    if (timestamp < this.floor || this.seen.has(key)) return false
    while (this.seen.size >= this.capacity) this.dropOldestSecond()
    if (timestamp < this.floor) return false
    this.seen.add(key)
    const keys = this.bySecond.get(timestamp)
    if (keys === undefined) {
      this.bySecond.set(timestamp, [key])
      this.seconds.push(timestamp)
    } else {
      keys.push(key)
    }
    return true
  }

  private expire(nowMs: number): void {
    for (let oldest = this.seconds.peek(); oldest !== undefined; oldest = this.seconds.peek()) {
      if ((oldest + this.windowSeconds) * 1000 >= nowMs) break
      this.dropSecond()
    }
  }

  private dropOldestSecond(): void {
    const second = this.dropSecond()
    if (second !== undefined) this.floor = Math.max(this.floor, second + 1)
  }

  private dropSecond(): number | undefined {
    const second = this.seconds.pop()
    if (second === undefined) return undefined
    for (const key of this.bySecond.get(second) ?? []) this.seen.delete(key)
    this.bySecond.delete(second)
    return second
  }
}

/**
 * One short key per consumer key, token and nonce: a digest of the three, length-prefixed so
 * that no two triples run together. A collision could only refuse a request, never accept one.
 */
function keyOf(scope: readonly [string, string], nonce: string): string {
  return createHash('sha256')
    .update(`${scope[0].length}:${scope[0]}${scope[1].length}:${scope[1]}${nonce}`)
    .digest('base64')
}
