import type { Geocoder } from '../geo/geocoder.js'
import { ensureCapacity } from './growable.js'
import { IndexStore } from './store.js'

/** How much one step of a compaction may do. */
export interface StepBudget {
  /** The most live members one step copies. */
  readonly members: number
  /** The `performance.now()` after which a step stops (checked every few members). */
  readonly until: number
}

/**
 * A compaction in steps (issue 14 item 4): a new store is filled from the live slots of the old
 * one, a few hundred members per step, while the old store goes on answering every call; when
 * the copy has caught up with the old store's last slot, the new store takes its place. No step
 * costs more than its budget, so no add or remove waits for a whole rebuild.
 *
 * Why the copy stays exact while the old store changes between steps:
 * - Slots are only ever added at the end, and the cursor walks to the end, so every version
 *   added, replaced or re-judged during the compaction is copied in its turn.
 * - A version copied earlier whose member has since got a new slot (a replace, or the clock's
 *   re-judging) is retired in the copy when that newer slot is copied.
 * - A member removed after its copy is retired in the copy at once (`removed`): it gets no newer slot.
 * - The graph is kept in nodes, not slots (graph.ts): the new store shares the old one's graph,
 *   untouched by the copy, and only the slot of each node is renumbered at the end.
 * The copy is judged by the clock of each step; the first search after the swap brings every
 * member to its own clock (store.ts `rejudge`), as it would after any add.
 */
export class Compaction {
  private readonly fresh: IndexStore
  /** The next slot of the old store to copy. */
  private cursor = 0
  /** Each copied slot's slot in the new store (−1: dead when the cursor passed it). */
  private moved = new Int32Array(0)

  constructor(
    private readonly old: IndexStore,
    geocoder: Geocoder,
  ) {
    this.fresh = new IndexStore(geocoder, old.graph)
    // The copy's columns at their final size at once (with room for an eighth more members),
    // so that no step pays for doubling them: at 1M members a doubling copies some 200 MB.
    const members = old.liveCount + (old.liveCount >>> 3)
    this.fresh.columns.ensure(members)
    this.fresh.items.ensure(Math.ceil((old.items.length * members) / Math.max(1, old.slotCount)))
  }

  /** Whether every slot of the old store has been copied: `finish` may be called. */
  get done(): boolean {
    return this.cursor >= this.old.slotCount
  }

  /** Copies the next live slots within `budget`, judged against the clock `now`. */
  step(now: number, budget: StepBudget): void {
    const { old, fresh } = this
    this.moved = ensureCapacity(this.moved, old.slotCount)
    let copied = 0
    while (this.cursor < old.slotCount && copied < budget.members) {
      const slot = this.cursor++
      this.moved[slot] = -1
      const profile = old.profiles.get(slot)
      if (profile === undefined) continue
      const stale = fresh.slotOf(profile.id)
      if (stale !== undefined) fresh.retire(stale, now)
      this.moved[slot] = fresh.insert(profile, now, old.columns.version[slot])
      copied++
      if ((copied & 15) === 0 && performance.now() > budget.until) break
    }
  }

  /** Member `id` left the old store: it leaves the copy too. */
  removed(id: string, now: number): void {
    const slot = this.fresh.slotOf(id)
    if (slot !== undefined) this.fresh.retire(slot, now)
  }

  /**
   * The compacted store, once `done`: the shared graph's nodes are given their new slots. The
   * old store must not be used afterwards (its graph is now the new store's).
   */
  finish(): IndexStore {
    const { old, fresh } = this
    fresh.versionCount = old.versionCount
    fresh.graph.renumber(this.moved.subarray(0, old.slotCount), fresh.slotCount)
    return fresh
  }
}
