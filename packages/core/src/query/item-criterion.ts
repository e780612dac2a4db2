import { CONNECTIONS, PUBLIC } from '../model/visibility.js'
import type { U32List } from '../store/growable.js'
import { hasBit } from '../store/list-bits.js'
import type { NetworkView } from '../store/network.js'
import type { IndexStore, ItemField } from '../store/store.js'
import { Cursor } from './cursor.js'
import { TERMINATED } from './doc-set.js'
import { Intersection } from './intersection.js'
import type { PositionCriterion } from './search-query.js'

/**
 * The members (ascending slots) with SOME item — one position or one education — whose
 * `field` tokens include every criterion token, that the viewer may see, and whose current
 * flag agrees when the criterion has one (docs/spec.md §3.1). The shortest item posting drives
 * the intersection, so the cost follows the rarest token.
 */
export function itemCriterionSlots(
  store: IndexStore,
  field: ItemField,
  criterion: PositionCriterion,
  view: NetworkView,
): Uint32Array {
  const lists = []
  for (const token of new Set(criterion.tokens)) {
    const list = store.itemPostings[field][store.vocabulary.find(token)]
    if (list === undefined) return EMPTY
    lists.push(list)
  }
  lists.sort((a, b) => a.length - b.length)
  // The shortest list drives; a list that holds one item in 32 or more is tested a bit at a time
  // (store/list-bits.ts: no more memory than the list) instead of sought in.
  const sought = [lists[0]]
  const probed: Uint32Array[] = []
  for (let i = 1; i < lists.length; i++) {
    if (lists[i].length * DENSE_SHARE >= store.items.length) probed.push(store.itemBitsOf(lists[i]))
    else sought.push(lists[i])
  }
  const { columns } = store
  const itemColumns = store.items
  const wanted = criterion.current === undefined ? -1 : criterion.current ? 1 : 0
  const items = sought.length === 1 ? sought[0].data.subarray(0, sought[0].length) : intersect(sought)
  // At most one slot per item, so their number bounds the answer.
  const slots = new Uint32Array(items.length)
  let count = 0
  let last = -1
  // The item's own columns before the slot's (read anywhere in memory).
  outer: for (let at = 0; at < items.length; at++) {
    const item = items[at]
    for (let p = 0; p < probed.length; p++) if (!hasBit(probed[p], item)) continue outer
    if (wanted !== -1 && itemColumns.current[item] !== wanted) continue
    const slot = itemColumns.slot[item]
    if (slot === last || columns.alive[slot] === 0) continue
    const visibility = itemColumns.visibility[item]
    if (visibility !== PUBLIC && !(visibility === CONNECTIONS && view.isFirst(slot))) continue
    slots[count++] = slot
    last = slot
  }
  return slots.slice(0, count)
}

/** The items in every list, ascending (the shortest drives). */
function intersect(lists: readonly U32List[]): Uint32Array {
  const out = new Uint32Array(lists[0].length)
  let count = 0
  const items = new Intersection(lists.map((list) => new Cursor(list.data, list.length)))
  for (let item = items.doc(); item !== TERMINATED; item = items.advance()) out[count++] = item
  return out.subarray(0, count)
}

const EMPTY = new Uint32Array(0)
/** A list gets bits when it holds at least one item in 32: then they take no more memory than it. */
const DENSE_SHARE = 32
