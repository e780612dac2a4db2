import { FIRST, type NetworkView } from '../index/network.js'
import type { IndexStore, ItemField } from '../index/store.js'
import { CONNECTIONS, PUBLIC } from '../model/visibility.js'
import { Cursor } from './cursor.js'
import type { PositionCriterion } from './search-query.js'

/**
 * The members (ascending slots) with SOME item — one position or one education — whose
 * `field` tokens include every criterion token, that the viewer may see, and whose current
 * flag agrees when the criterion has one (docs/spec.md §3.1). Cost follows the item postings.
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
  const [driver, ...others] = lists
  const cursors = others.map((list) => new Cursor(list.data, list.length))
  const { items, columns } = store
  const slots: number[] = []
  let last = -1
  outer: for (let i = 0; i < driver.length; i++) {
    const item = driver.data[i]
    for (const cursor of cursors) if (!cursor.seek(item)) continue outer
    const slot = items.slot[item]
    if (slot === last || columns.alive[slot] === 0) continue
    if (criterion.current !== undefined && (items.current[item] === 1) !== criterion.current) continue
    const visibility = items.visibility[item]
    if (visibility !== PUBLIC && !(visibility === CONNECTIONS && view.degreeOf(slot) === FIRST)) continue
    slots.push(slot)
    last = slot
  }
  return Uint32Array.from(slots)
}

const EMPTY = new Uint32Array(0)
