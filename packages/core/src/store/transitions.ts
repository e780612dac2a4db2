import { ensureCapacity } from './growable.js'

/**
 * A min-heap of (instant, slot) in two typed arrays: when each slot's stored current-ness of a
 * position or education next changes (docs/spec.md §1.1). A search pops the entries its clock has
 * reached, so finding the members to judge again costs nothing while no date passes. Entries of
 * slots that died since are left in place and skipped by the caller when popped.
 */
export class TransitionQueue {
  private instants = new Float64Array(0)
  private slots = new Uint32Array(0)
  size = 0

  push(instant: number, slot: number): void {
    const at = this.size++
    this.instants = ensureCapacity(this.instants, this.size)
    this.slots = ensureCapacity(this.slots, this.size)
    const { instants, slots } = this
    let child = at
    while (child > 0) {
      const parent = (child - 1) >> 1
      if (instants[parent] <= instant) break
      instants[child] = instants[parent]
      slots[child] = slots[parent]
      child = parent
    }
    instants[child] = instant
    slots[child] = slot
  }

  /** The earliest instant queued; `Infinity` when none is. */
  peek(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.instants[0]
  }

  /** Removes the earliest entry and returns its slot. */
  pop(): number {
    const { instants, slots } = this
    const top = slots[0]
    const last = --this.size
    const instant = instants[last]
    const slot = slots[last]
    let parent = 0
    for (;;) {
      let child = 2 * parent + 1
      if (child >= last) break
      if (child + 1 < last && instants[child + 1] < instants[child]) child++
      if (instants[child] >= instant) break
      instants[parent] = instants[child]
      slots[parent] = slots[child]
      parent = child
    }
    instants[parent] = instant
    slots[parent] = slot
    return top
  }

  /** The heap as it is, copied (a snapshot's image). */
  exportImage(): TransitionsImage {
    return { instants: this.instants.slice(0, this.size), slots: this.slots.slice(0, this.size) }
  }

  /** Makes this queue, which must be empty, hold `image` (both arrays of one length: checked by the caller). */
  importImage(image: TransitionsImage): void {
    this.instants = image.instants
    this.slots = image.slots
    this.size = image.slots.length
  }
}

/** What `TransitionQueue.exportImage` gives: a heap of `(instants[i], slots[i])`, earliest first. */
export interface TransitionsImage {
  readonly instants: Float64Array<ArrayBuffer>
  readonly slots: Uint32Array<ArrayBuffer>
}
