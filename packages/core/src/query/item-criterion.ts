import { FIRST } from '../domain/degree.js'
import { CONNECTIONS, PUBLIC } from '../model/visibility.js'
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
  const items = new Intersection(lists.map((list) => new Cursor(list.data, list.length)))
  const { columns } = store
  const itemColumns = store.items
  const slots: number[] = []
  let last = -1
  for (let item = items.doc(); item !== TERMINATED; item = items.advance()) {
    const slot = itemColumns.slot[item]
    if (slot === last || columns.alive[slot] === 0) continue
    if (criterion.current !== undefined && (itemColumns.current[item] === 1) !== criterion.current) continue
    const visibility = itemColumns.visibility[item]
    if (visibility !== PUBLIC && !(visibility === CONNECTIONS && view.degreeOf(slot) === FIRST)) continue
    slots.push(slot)
    last = slot
  }
  return Uint32Array.from(slots)
}

const EMPTY = new Uint32Array(0)
