/**
 * A case source (`corpus.ts`) filled while the profiles stream by: the leading profiles whole,
 * and of every member just what the query classes read (its names, its account level), in typed
 * arrays, so that the cases drawn from it are the very cases the held corpus gives, without
 * holding a million profile objects or putting millions of strings on the heap the build runs in.
 */
import type { AccountLevel, Profile } from '@people-search/core'
import { type CaseSource, LEADING_PROFILES } from '../corpus.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export class KeptCases implements CaseSource {
  readonly leading: Profile[] = []
  /** How many members have been observed, in order. */
  private observed = 0
  /** UTF-8 of every first name then last name, back to back. */
  private text: Uint8Array
  private used = 0
  /** Member i's first name is text[ends[2i − 1] … ends[2i]), its last name up to ends[2i + 1]. */
  private readonly ends: Uint32Array
  /** Account level of each member, as an index into `levels`. */
  private readonly level: Uint8Array
  private readonly levels: (AccountLevel | undefined)[] = [undefined]

  constructor(
    readonly size: number,
    readonly seed: number,
    readonly ids: readonly string[],
    readonly degree: Uint32Array,
  ) {
    this.text = new Uint8Array(Math.max(1024, size * 16))
    this.ends = new Uint32Array(2 * size)
    this.level = new Uint8Array(size)
  }

  /** Takes note of the next batch of members (members `observed` … onwards, in order). */
  observe(batch: readonly Profile[]): void {
    if (this.observed + batch.length > this.size)
      throw new Error(`observed ${this.observed + batch.length} members of a corpus of ${this.size}`)
    for (const profile of batch) {
      const member = this.observed++
      if (member < LEADING_PROFILES) this.leading.push(profile)
      this.ends[2 * member] = this.append(profile.firstName)
      this.ends[2 * member + 1] = this.append(profile.lastName)
      let at = this.levels.indexOf(profile.accountLevel)
      if (at < 0) at = this.levels.push(profile.accountLevel) - 1
      if (at > 255) throw new Error('more than 255 account levels')
      this.level[member] = at
    }
  }

  /** Whether every member has been observed: only then may cases be drawn. */
  get complete(): boolean {
    return this.observed === this.size
  }

  nameOf(member: number): { firstName: string; lastName: string } {
    this.check(member)
    const start = member === 0 ? 0 : this.ends[2 * member - 1]
    return {
      firstName: decoder.decode(this.text.subarray(start, this.ends[2 * member])),
      lastName: decoder.decode(this.text.subarray(this.ends[2 * member], this.ends[2 * member + 1])),
    }
  }

  accountLevelOf(member: number): AccountLevel | undefined {
    this.check(member)
    return this.levels[this.level[member]]
  }

  private check(member: number): void {
    if (!(member >= 0 && member < this.observed))
      throw new Error(`member ${member} was not observed (${this.observed} of ${this.size} so far)`)
  }

  /** Appends a string's UTF-8, growing the text as needed; returns where it ends. */
  private append(value: string): number {
    for (;;) {
      const { read, written } = encoder.encodeInto(value, this.text.subarray(this.used))
      if (read === value.length) {
        this.used += written
        return this.used
      }
      const grown = new Uint8Array(this.text.length * 2)
      grown.set(this.text.subarray(0, this.used))
      this.text = grown
    }
  }
}
