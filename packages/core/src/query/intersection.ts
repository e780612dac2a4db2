import { type DocSet, TERMINATED } from './doc-set.js'

/**
 * The slots every one of its doc sets holds (AND). The first doc set drives and the others
 * are sought to each of its slots, so the caller puts the shortest first: the work then
 * follows the smallest list, with a galloping seek into each longer one. When another doc set
 * overshoots, the driver leaps to where it landed (leapfrogging), skipping slots no list
 * shares. Takes ownership of its doc sets: nobody else may move them.
 */
export class Intersection implements DocSet {
  private readonly driver: DocSet
  private readonly others: readonly DocSet[]
  private current: number

  /** `docSets` must not be empty: the intersection of nothing would be every slot. */
  constructor(docSets: readonly DocSet[]) {
    this.driver = docSets[0]
    this.others = docSets.slice(1)
    this.current = this.align(this.driver.doc())
  }

  doc(): number {
    return this.current
  }

  advance(): number {
    this.current = this.align(this.driver.advance())
    return this.current
  }

  seek(target: number): number {
    if (target <= this.current) return this.current
    this.current = this.align(this.driver.seek(target))
    return this.current
  }

  // The first slot ≥ candidate that all doc sets hold; candidate is where the driver stands.
  private align(candidate: number): number {
    const { driver, others } = this
    outer: while (candidate !== TERMINATED) {
      for (let i = 0; i < others.length; i++) {
        const doc = others[i].seek(candidate)
        if (doc !== candidate) {
          candidate = driver.seek(doc)
          continue outer
        }
      }
      return candidate
    }
    return TERMINATED
  }
}
