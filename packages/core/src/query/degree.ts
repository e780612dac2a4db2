import { type NetworkView, NONE } from '../index/network.js'

/** A slot's degree for the view's viewer; slots added after the view was computed are NONE. */
export function degreeOf(view: NetworkView, slot: number): number {
  return slot < view.degree.length ? view.degree[slot] : NONE
}
