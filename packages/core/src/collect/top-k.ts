/** `before(a, scoreA, b, scoreB)`: whether a ranks strictly ahead of b. */
export type RankedBefore = (a: number, scoreA: number, b: number, scoreB: number) => boolean
/**
 * The first criterion of an order as a number, larger ranking ahead: whenever two keys differ
 * they must decide as `before` would; equal keys leave it to `before`. One class for every
 * order, so that reading a key is one inlined method and not a call through whichever closure
 * the last search made: a column read by slot, the score, or (for the degree) a function.
 */
export class RankKey {
  private constructor(
    private readonly column: Float64Array | undefined,
    private readonly byScore: boolean,
    private readonly computed: ((slot: number) => number) | undefined,
  ) {}

  /** Every key ties: `before` alone decides. */
  static readonly NONE = new RankKey(undefined, false, undefined)

  static column(values: Float64Array): RankKey {
    return new RankKey(values, false, undefined)
  }

  static score(): RankKey {
    return new RankKey(undefined, true, undefined)
  }

  static computed(of: (slot: number) => number): RankKey {
    return new RankKey(undefined, false, of)
  }

  of(slot: number, score: number): number {
    if (this.column !== undefined) return this.column[slot]
    if (this.byScore) return score
    return this.computed === undefined ? 0 : this.computed(slot)
  }
}

/** The smallest buffer, so that a page of 10 is not cut after every few offers. */
const MIN_ROOM = 64

/**
 * Keeps the best `k` (slot, score) pairs under an order (tantivy's `TopNComputer`): offers go
 * into a buffer of about 2k entries, and when it fills, a selection keeps the k best and their
 * worst rank key becomes the threshold. Below the threshold nothing can rank in the top k, so
 * nearly every offer of a long match list is one comparison of doubles; the work is O(n + k log k)
 * for n offers, where a heap pays O(log k) on every entry it takes, which for deep pages
 * (k = 700) costs more than finding the matches.
 */
export class TopK {
  private readonly slots: Uint32Array
  private readonly scores: Float64Array
  private readonly keys: Float64Array
  /** A copy of the keys for the selection of `cut`. */
  private readonly scratch: Float64Array
  private readonly room: number
  private size = 0
  /** The rank key of the k-th best after the last cut: an entry with a lower key is never kept. */
  private threshold = Number.NEGATIVE_INFINITY
  private seed = 1

  constructor(
    private readonly k: number,
    private readonly before: RankedBefore,
    private readonly key: RankKey = RankKey.NONE,
  ) {
    this.room = k === 0 ? 0 : Math.max(2 * k, MIN_ROOM)
    this.slots = new Uint32Array(this.room)
    this.scores = new Float64Array(this.room)
    this.keys = new Float64Array(this.room)
    this.scratch = new Float64Array(this.room)
  }

  offer(slot: number, score: number): void {
    if (this.k === 0) return
    const key = this.key.of(slot, score)
    // An equal key may still win on the tie-break: only a lower one is refused unseen.
    if (key < this.threshold) return
    if (this.size === this.room) this.cut()
    const at = this.size++
    this.slots[at] = slot
    this.scores[at] = score
    this.keys[at] = key
  }

  /** The kept slots, best first. */
  sorted(): number[] {
    return this.sortedFrom(0)
  }

  /**
   * The kept slots from rank `from` on, best first: what a page deep in the order shows. Only
   * those ranks are put in order; the ones before `from` are merely selected out.
   */
  sortedFrom(from: number): number[] {
    if (this.size > this.k) this.cut()
    const start = Math.max(0, from)
    if (start >= this.size) return []
    if (start > 0) this.select(start, 0, this.size - 1)
    const order: number[] = []
    for (let i = start; i < this.size; i++) order.push(i)
    order.sort((i, j) => (this.ahead(i, j) ? -1 : 1))
    return order.map((i) => this.slots[i])
  }

  /**
   * Keeps the k best entries of the buffer and raises the threshold to the worst of them. The
   * k-th largest key is found among plain doubles first; only the entries that tie on it are
   * ranked by the full order, and only when more of them tie than there is room for.
   */
  private cut(): void {
    const { k, keys, size } = this
    const scratch = this.scratch
    scratch.set(keys.subarray(0, size))
    const kth = selectKey(scratch, size, k)
    let kept = 0
    for (let i = 0; i < size; i++) if (keys[i] > kth) this.swap(i, kept++)
    let ties = kept
    for (let i = kept; i < size; i++) if (keys[i] === kth) this.swap(i, ties++)
    if (ties > k) this.select(k - kept, kept, ties - 1)
    this.size = k
    this.threshold = kth
  }

  /**
   * Reorders entries low…high so that the `n` best (counted from `low`) come first, in no
   * particular order (Hoare's selection): O(high − low) expected. The pivot is drawn from a
   * seeded generator, so no order of the members (which callers control) makes it quadratic.
   */
  private select(n: number, low: number, high: number): void {
    let lo = low
    let hi = high
    const target = low + n
    while (lo < hi) {
      this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0
      const pivot = lo + (this.seed % (hi - lo + 1))
      this.swap(pivot, hi)
      let store = lo
      for (let i = lo; i < hi; i++) {
        if (this.ahead(i, hi)) this.swap(i, store++)
      }
      this.swap(store, hi)
      // Entries lo…store−1 rank ahead of the pivot, now at `store`.
      if (store === target || store + 1 === target) return
      if (store > target) hi = store - 1
      else lo = store + 1
    }
  }

  /** Whether the entry at `i` ranks strictly ahead of the entry at `j`. */
  private ahead(i: number, j: number): boolean {
    const ki = this.keys[i]
    const kj = this.keys[j]
    return ki !== kj ? ki > kj : this.before(this.slots[i], this.scores[i], this.slots[j], this.scores[j])
  }

  private swap(i: number, j: number): void {
    if (i === j) return
    const { slots, scores, keys } = this
    const slot = slots[i]
    slots[i] = slots[j]
    slots[j] = slot
    const score = scores[i]
    scores[i] = scores[j]
    scores[j] = score
    const key = keys[i]
    keys[i] = keys[j]
    keys[j] = key
  }
}

/**
 * The n-th largest of the first `size` values (1 ≤ n ≤ size), reordering them: Hoare's
 * selection on doubles, pivot from a seeded generator.
 */
function selectKey(values: Float64Array, size: number, n: number): number {
  let lo = 0
  let hi = size - 1
  const target = n - 1
  let seed = 7
  while (lo < hi) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    const pivot = values[lo + (seed % (hi - lo + 1))]
    // Three-way partition: larger | equal | smaller, so runs of equal keys end the search.
    let lt = lo
    let i = lo
    let gt = hi
    while (i <= gt) {
      const v = values[i]
      if (v > pivot) {
        values[i++] = values[lt]
        values[lt++] = v
      } else if (v < pivot) {
        values[i] = values[gt]
        values[gt--] = v
      } else i++
    }
    if (target < lt) hi = lt - 1
    else if (target > gt) lo = gt + 1
    else return pivot
  }
  return values[lo]
}
