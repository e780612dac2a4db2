/**
 * The slot every exhausted doc set stands on: above any slot a heap can hold, and a small
 * integer, so comparisons with it stay on V8's fast integers.
 */
export const TERMINATED = 0x7fffffff

/**
 * Slots in ascending order, read forward only (tantivy's `DocSet`). Every criterion that is a
 * sorted list becomes one, and combinators such as the intersection are doc sets too, so a
 * search is evaluated by moving cursors forward and never by building sets.
 */
export interface DocSet {
  /**
   * The slot it stands on: the first one as soon as the doc set is made, TERMINATED once it is
   * exhausted. Reading it moves nothing.
   */
  doc(): number
  /**
   * Moves to the next slot and returns it, or TERMINATED past the last one. An exhausted doc
   * set stays exhausted: advancing it again returns TERMINATED.
   */
  advance(): number
  /**
   * Moves to the first slot ≥ `target` and returns it, or TERMINATED when there is none;
   * `seek(TERMINATED)` exhausts it. Targets are meant to be non-decreasing: one at or below
   * `doc()` returns `doc()` without moving, because a doc set never goes back.
   */
  seek(target: number): number
}
