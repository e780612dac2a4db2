import { afterEach, describe, expect, it, vi } from 'vitest'
import { EarlierVersions } from '../../src/lookup/earlier-versions.js'
import { backfillHorizon, MAX_VERSIONS } from '../../src/lookup/versions.js'
import { ownValidProfile } from '../../src/model/validate-profile.js'
import { ProfileArena } from '../../src/store/profile-arena.js'

const T0 = Date.UTC(2024, 0, 1)
const version = (id: string, k: number) =>
  ownValidProfile({ id, firstName: 'Ann', lastName: 'Lee', headline: `headline of version ${k}` })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('EarlierVersions prunes as the old history did', () => {
  it('keeps a version exactly at the horizon and drops one a millisecond older; past the cap, the oldest go first', () => {
    const versions = new EarlierVersions()
    const horizon = backfillHorizon(T0)
    versions.push('m', version('m', 0), horizon - 1)
    versions.push('m', version('m', 1), horizon)
    versions.prune('m', T0)
    expect(versions.of('m').map((v) => v.profile.headline)).toEqual(['headline of version 1'])
    for (let k = 2; k <= MAX_VERSIONS + 2; k++) {
      versions.push('m', version('m', k), T0)
      versions.prune('m', T0)
    }
    expect(versions.size).toBe(MAX_VERSIONS)
    expect(versions.of('m').map((v) => v.profile.headline)).toEqual(
      Array.from({ length: MAX_VERSIONS }, (_, i) => `headline of version ${i + 3}`),
    )
  })
})

describe('EarlierVersions reclaims dead records', () => {
  it('keeps the bytes it holds within a few times the live ones under endless replaces', () => {
    const versions = new EarlierVersions({ slackBytes: 0, stepRecords: 1, chunkBytes: 4096 })
    let most = 0
    for (let k = 0; k < 3000; k++) {
      versions.push('m', version('m', k), T0 + k)
      versions.prune('m', T0 + k)
      most = Math.max(most, versions.recordBytes / versions.liveBytes)
    }
    expect(versions.size).toBe(MAX_VERSIONS)
    // Without reclaiming, 3000 records would be held for 16 live ones.
    expect(most).toBeLessThan(4)
    expect(versions.of('m').map((v) => v.profile.headline)).toEqual(
      Array.from({ length: MAX_VERSIONS }, (_, i) => `headline of version ${3000 - MAX_VERSIONS + i}`),
    )
  })

  it('moves at most `stepRecords` records per write, and does move them', () => {
    const step = 3
    const versions = new EarlierVersions({ slackBytes: 0, stepRecords: step })
    const ids = Array.from({ length: 200 }, (_, i) => `member${i}`)
    for (const id of ids) versions.push(id, version(id, 0), T0)
    const copies = vi.spyOn(ProfileArena.prototype, 'copySlot')
    let total = 0
    // Forgetting three members in four makes the dead bytes outweigh the live ones: a reclaim starts.
    for (const [i, id] of ids.entries()) {
      const before = copies.mock.calls.length
      if (i % 4 !== 0) versions.forget(id)
      else versions.push(id, version(id, 1), T0 + 1)
      const moved = copies.mock.calls.length - before
      expect(moved).toBeLessThanOrEqual(step)
      total += moved
    }
    expect(total).toBeGreaterThan(0)
    for (const [i, id] of ids.entries())
      expect(versions.of(id).map((v) => v.profile.headline)).toEqual(
        i % 4 !== 0 ? [] : ['headline of version 0', 'headline of version 1'],
      )
  })
})
