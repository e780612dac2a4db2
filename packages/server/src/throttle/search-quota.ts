import type { AccountLevel } from '@people-search/core'
import { fail } from '@people-search/core'

const DAY_MS = 86_400_000

/**
 * People searches per member per UTC day (docs/spec.md §9.4): 100 by default, configurable,
 * also per account level. Days are counted on the service clock: epoch milliseconds have no leap
 * seconds, so a UTC day is exactly 86,400,000 of them. Only the current day's counters are
 * kept: the first search of a new day drops the others. A clock that steps back over midnight
 * keeps counting on the later day rather than handing out a second allowance.
 */
export class SearchQuota {
  private readonly perDay: number
  private readonly perLevel: ReadonlyMap<string, number>
  private day = Number.NEGATIVE_INFINITY
  private readonly used = new Map<string, number>()

  constructor(
    limits: { perDay: number; perLevel?: Partial<Record<AccountLevel, number>> },
    private readonly now: () => number,
  ) {
    this.perDay = checkedLimit(limits.perDay, 'perDay')
    const perLevel = new Map<string, number>()
    for (const [level, limit] of Object.entries(limits.perLevel ?? {})) {
      if (limit !== undefined) perLevel.set(level, checkedLimit(limit, `perLevel.${level}`))
    }
    this.perLevel = perLevel
  }

  /** Counts one search of `member` in the current UTC day; throws 'throttle-limit' (403) beyond its level's limit (the 101st of 100). A refused call does not count. */
  take(member: string, level: AccountLevel): void {
    const day = Math.floor(this.now() / DAY_MS)
    if (day > this.day) {
      this.day = day
      this.used.clear()
    }
    const used = this.used.get(member) ?? 0
    if (used >= (this.perLevel.get(level) ?? this.perDay)) fail('throttle-limit')
    this.used.set(member, used + 1)
  }
}

function checkedLimit(limit: number, name: string): number {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    fail('invalid-argument', { argument: `search quota ${name}`, value: limit, expected: 'an integer ≥ 0' })
  }
  return limit
}
