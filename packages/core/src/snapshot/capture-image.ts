import type { ProfileHistory } from '../lookup/profile-history.js'
import type { IndexStore } from '../store/store.js'
import type { Capture } from './image-sections.js'

/**
 * What a version 3 snapshot of the index holds, taken synchronously at `save` (docs/spec.md §7:
 * one point in time): the store's image (store.ts `exportImage`: every typed-array prefix that
 * changes in place copied, the profile arena's append-only bytes and the strings shared), the
 * history's image (profile-history.ts `exportImage`: its records' positions, lengths and times
 * copied, its arena's append-only chunks shared) and the incarnations, copied. Nothing a later add, remove or connect does
 * reaches it; the bytes are laid out only when the write's turn comes (write-image.ts).
 */
export function captureImage(
  store: IndexStore,
  history: ProfileHistory,
  incarnations: ReadonlyMap<string, number>,
): Capture {
  return {
    store: store.exportImage(),
    history: history.exportImage(),
    incarnations: { ids: [...incarnations.keys()], counts: Float64Array.from(incarnations.values()) },
  }
}
