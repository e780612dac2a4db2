import { PeopleSearchError } from '@people-search/core'
import { describe, expect, it } from 'vitest'
import { SearchQuota } from '../../src/throttle/search-quota.js'

const MIDNIGHT = Date.UTC(2024, 5, 1) // a UTC midnight

function refusal(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof PeopleSearchError) return `${error.code} ${error.status}`
    throw error
  }
  return undefined
}

function takeMany(quota: SearchQuota, member: string, count: number): void {
  for (let at = 0; at < count; at++) quota.take(member, 'basic')
}

describe('SearchQuota (docs/spec.md §9.4)', () => {
  it('allows 100 searches per member per day, and refuses the 101st with 403 throttle-limit', () => {
    const quota = new SearchQuota({ perDay: 100 }, () => MIDNIGHT + 1000)
    takeMany(quota, 'ada', 100)
    expect(refusal(() => quota.take('ada', 'basic'))).toBe('throttle-limit 403')
    expect(refusal(() => quota.take('grace', 'basic'))).toBeUndefined()
  })

  it('does not count a refused search', () => {
    let now = MIDNIGHT
    const quota = new SearchQuota({ perDay: 2 }, () => now)
    takeMany(quota, 'ada', 2)
    for (let at = 0; at < 5; at++)
      expect(refusal(() => quota.take('ada', 'basic'))).toBe('throttle-limit 403')
    now += 86_400_000
    takeMany(quota, 'ada', 2)
    expect(refusal(() => quota.take('ada', 'basic'))).toBe('throttle-limit 403')
  })

  it('starts afresh at UTC midnight, not 24 hours after the first search', () => {
    let now = MIDNIGHT + 86_400_000 - 1 // 23:59:59.999
    const quota = new SearchQuota({ perDay: 1 }, () => now)
    quota.take('ada', 'basic')
    expect(refusal(() => quota.take('ada', 'basic'))).toBe('throttle-limit 403')
    now += 1 // 00:00:00.000 UTC
    expect(refusal(() => quota.take('ada', 'basic'))).toBeUndefined()
    expect(refusal(() => quota.take('ada', 'basic'))).toBe('throttle-limit 403')
  })

  it('applies the limit of the member’s account level, and perDay to the others', () => {
    const quota = new SearchQuota({ perDay: 1, perLevel: { business: 3, executive: 0 } }, () => MIDNIGHT)
    for (let at = 0; at < 3; at++) quota.take('biz', 'business')
    expect(refusal(() => quota.take('biz', 'business'))).toBe('throttle-limit 403')
    expect(refusal(() => quota.take('exec', 'executive'))).toBe('throttle-limit 403')
    quota.take('plus', 'business-plus')
    expect(refusal(() => quota.take('plus', 'business-plus'))).toBe('throttle-limit 403')
  })

  it('reads the level as data: no inherited property is a limit', () => {
    const quota = new SearchQuota({ perDay: 1 }, () => MIDNIGHT)
    const level = 'constructor' as 'basic'
    quota.take('ada', level)
    expect(refusal(() => quota.take('ada', level))).toBe('throttle-limit 403')
  })

  it('keeps only the current day’s counters', () => {
    let now = MIDNIGHT
    const quota = new SearchQuota({ perDay: 5 }, () => now)
    for (let member = 0; member < 1000; member++) quota.take(`m${member}`, 'basic')
    now += 86_400_000
    quota.take('next-day', 'basic')
    expect((quota as unknown as { used: Map<string, number> }).used.size).toBe(1)
  })

  it('keeps counting on the later day when the clock steps back over midnight', () => {
    let now = MIDNIGHT + 5_000
    const quota = new SearchQuota({ perDay: 1 }, () => now)
    quota.take('ada', 'basic')
    now = MIDNIGHT - 5_000
    expect(refusal(() => quota.take('ada', 'basic'))).toBe('throttle-limit 403')
  })

  it('refuses limits that are not counts', () => {
    for (const perDay of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(
        refusal(() => new SearchQuota({ perDay }, Date.now)),
        String(perDay),
      ).toBe('invalid-argument 400')
    }
    expect(refusal(() => new SearchQuota({ perDay: 1, perLevel: { basic: -2 } }, Date.now))).toBe(
      'invalid-argument 400',
    )
  })
})
