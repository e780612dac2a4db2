import { type DocSet, TERMINATED } from '../../src/query/doc-set.js'

/** The naive model of a doc set: a sorted array and an index, every move a linear scan. */
export class ArrayDocSet implements DocSet {
  private at = 0

  constructor(private readonly slots: readonly number[]) {}

  doc(): number {
    return this.at < this.slots.length ? this.slots[this.at] : TERMINATED
  }

  advance(): number {
    if (this.at < this.slots.length) this.at++
    return this.doc()
  }

  seek(target: number): number {
    while (this.doc() < target) this.at++
    return this.doc()
  }
}

/** One move of a doc set: `advance`, or `seek` to a target relative to where it stands. */
export type Move = { kind: 'advance' } | { kind: 'seek'; offset: number }

/** Applies a move and returns what the doc set answered. */
export function apply(docSet: DocSet, move: Move): number {
  if (move.kind === 'advance') return docSet.advance()
  const here = docSet.doc()
  return docSet.seek(here === TERMINATED ? TERMINATED : Math.max(0, here + move.offset))
}
