import { createHash } from 'node:crypto'
import { type Profile, validateProfile } from '@people-search/core'
import { describe, expect, it, vi } from 'vitest'
import zipcodes from 'zipcodes'
import * as sample from '../src/index.js'
import { SAMPLE_EPOCH, sampleIds, sampleProfiles } from '../src/index.js'

const SIZE = 2_000
const profiles = [...sampleProfiles({ size: SIZE, seed: 7 })]

function digest(items: unknown[]): string {
  const hash = createHash('sha256')
  for (const item of items) hash.update(JSON.stringify(item))
  return hash.digest('hex')
}

describe('sampleProfiles', () => {
  it('is deterministic: the same seed gives the same JSON, even from a fresh module instance', async () => {
    vi.resetModules()
    const fresh = await import('../src/index.js')
    expect(fresh).not.toBe(sample) // its pools and caches are built anew
    const again = [...fresh.sampleProfiles({ size: SIZE, seed: 7 })]
    expect(digest(again)).toBe(digest(profiles))
    expect(JSON.stringify(again[1234])).toBe(JSON.stringify(profiles[1234]))
  })

  it('gives another world for another seed', () => {
    const other = [...sampleProfiles({ size: 50, seed: 8 })]
    expect(digest(other)).not.toBe(digest(profiles.slice(0, 50)))
  })

  it('makes member i the same whatever the world size (each member has its own stream)', () => {
    const small = [...sampleProfiles({ size: 10, seed: 7 })]
    for (let i = 0; i < 10; i++) {
      const { numConnections: _a, ...left } = small[i]
      const { numConnections: _b, ...right } = profiles[i]
      expect(left).toEqual(right)
    }
  })

  it('makes profiles that all pass the validator', () => {
    profiles.forEach((profile, i) => {
      validateProfile(profile, `record ${i}`)
    })
  })

  it('gives member i the id sampleIds gives it', () => {
    const ids = sampleIds({ size: SIZE, seed: 7 })
    expect(profiles.map((p) => p.id)).toEqual(ids)
  })

  it('fills the sections at realistic rates', () => {
    const share = (test: (p: Profile) => boolean) => profiles.filter(test).length / SIZE
    expect(share((p) => p.headline !== undefined)).toBeGreaterThan(0.85)
    expect(share((p) => p.summary !== undefined)).toBeGreaterThan(0.6)
    expect(share((p) => (p.educations?.length ?? 0) > 0)).toBeGreaterThan(0.8)
    expect(share((p) => p.email !== undefined)).toBeGreaterThan(0.25)
    expect(share((p) => p.certifications !== undefined)).toBeGreaterThan(0.05)
    expect(share((p) => p.publications !== undefined)).toBeGreaterThan(0.01)
    for (const p of profiles) {
      expect(p.positions?.length).toBeGreaterThanOrEqual(1)
      expect(p.positions?.length).toBeLessThanOrEqual(5)
      expect(p.skills?.length).toBeGreaterThanOrEqual(3)
      expect(p.skills?.length).toBeLessThanOrEqual(15)
      expect(p.educations?.length ?? 0).toBeLessThanOrEqual(3)
      expect(p.publicProfileUrl ?? 'https://www.linkedin.com/in/x').toMatch(
        /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+$/,
      )
    }
  })

  it('has one or two current positions, newest first, with past ones ended', () => {
    for (const p of profiles) {
      const positions = p.positions ?? []
      const current = positions.filter((q) => q.endDate === undefined)
      expect(current.length).toBeGreaterThanOrEqual(1)
      expect(current.length).toBeLessThanOrEqual(2)
      expect(positions[0].endDate).toBeUndefined()
      for (const q of positions) {
        if (q.isCurrent === true) expect(q.endDate).toBeUndefined()
        if (q.endDate !== undefined && q.startDate !== undefined) {
          expect(q.endDate.year).toBeGreaterThanOrEqual(q.startDate.year)
        }
        if (q.startDate !== undefined)
          expect(q.startDate.year * 12 + (q.startDate.month ?? 1)).toBeLessThanOrEqual(2025 * 12 + 6)
      }
    }
  })

  it('restricts about 5% of sections to connections and about 1% to private', () => {
    let sections = 0
    let connections = 0
    let restricted = 0
    for (const p of profiles) {
      for (const key of ['headline', 'summary', 'positions', 'educations', 'skills', 'pictureUrl'] as const) {
        if (p[key] === undefined) continue
        sections++
        const v = p.visibility?.[key]
        if (v === 'connections') connections++
        if (v !== undefined) restricted++
      }
    }
    expect(connections / sections).toBeGreaterThan(0.03)
    expect(connections / sections).toBeLessThan(0.07)
    expect(restricted - connections).toBeGreaterThan(0)
    expect((restricted - connections) / sections).toBeLessThan(0.02)
    expect(profiles.some((p) => p.positions?.some((q) => q.visibility === 'private'))).toBe(true)
  })

  it('puts about 90% in the US with real ZIP codes, and the rest in gb, ca, de, in, fr', () => {
    const us = profiles.filter((p) => p.location?.code.startsWith('us:'))
    expect(us.length / SIZE).toBeGreaterThan(0.85)
    expect(us.length / SIZE).toBeLessThan(0.95)
    for (const p of us) {
      const place = zipcodes.lookup(p.location?.postalCode ?? '')
      expect(place?.country).toBe('US')
    }
    const withPoint = us.filter((p) => p.location?.lat !== undefined)
    expect(withPoint.length / us.length).toBeGreaterThan(0.1)
    expect(withPoint.length / us.length).toBeLessThan(0.3)
    for (const p of profiles) {
      if (p.location?.code.startsWith('us:')) continue
      expect(p.location?.code).toMatch(/^(gb|ca|de|in|fr):\d+$/)
      expect(p.location?.postalCode).toBeUndefined()
    }
    const bay = profiles.filter((p) => p.location?.code === 'us:84')
    expect(bay.length).toBeGreaterThan(50)
    expect(new Set(bay.map((p) => p.location?.name))).toEqual(new Set(['San Francisco Bay Area']))
  })

  it('speaks mostly en_US, with some es_ES, fr_FR, de_DE and others', () => {
    const count = new Map<string, number>()
    for (const p of profiles) count.set(p.language ?? '', (count.get(p.language ?? '') ?? 0) + 1)
    expect((count.get('en_US') ?? 0) / SIZE).toBeGreaterThan(0.8)
    for (const locale of ['es_ES', 'fr_FR', 'de_DE']) expect(count.get(locale) ?? 0).toBeGreaterThan(0)
  })

  it('draws companies, titles and names with Zipf-like frequencies: the top ≫ the median', () => {
    const head = (values: (string | number | undefined)[]) => {
      const count = new Map<string | number, number>()
      for (const v of values) if (v !== undefined) count.set(v, (count.get(v) ?? 0) + 1)
      const sorted = [...count.values()].sort((a, b) => b - a)
      return { top: sorted[0], median: sorted[Math.floor(sorted.length / 2)], distinct: sorted.length }
    }
    const companies = head(profiles.flatMap((p) => (p.positions ?? []).map((q) => q.company.id)))
    expect(companies.top).toBeGreaterThan(20 * companies.median)
    expect(companies.distinct).toBeGreaterThan(1000)
    const titles = head(profiles.flatMap((p) => (p.positions ?? []).map((q) => q.title)))
    expect(titles.top).toBeGreaterThan(10 * titles.median)
    const lastNames = head(profiles.map((p) => p.lastName))
    expect(lastNames.top).toBeGreaterThan(5 * lastNames.median)
    const industries = head(profiles.map((p) => p.industry?.code))
    expect(industries.top).toBeGreaterThan(5 * industries.median)
  })

  it('has heavy-tailed connection counts: many under 100, some 500+', () => {
    const counts = profiles.map((p) => p.numConnections ?? 0)
    expect(counts.filter((c) => c < 100).length / SIZE).toBeGreaterThan(0.5)
    expect(counts.filter((c) => c >= 500).length).toBeGreaterThan(0)
    expect(Math.max(...counts)).toBeGreaterThan(10 * counts.sort((a, b) => a - b)[SIZE / 2])
  })

  it('dates updates within the two years before the epoch', () => {
    const epoch = Date.parse(SAMPLE_EPOCH)
    for (const p of profiles) {
      const t = Date.parse(p.updatedAt ?? '')
      expect(t).toBeLessThanOrEqual(epoch)
      expect(t).toBeGreaterThan(epoch - 2 * 366 * 24 * 3600 * 1000)
    }
  })
})
