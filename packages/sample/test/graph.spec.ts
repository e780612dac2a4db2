import { describe, expect, it } from 'vitest'
import { sampleEdges, sampleGroups, sampleIds, sampleProfiles, sampleWorld } from '../src/index.js'

function degrees(edges: Uint32Array, size: number): Uint32Array {
  const degree = new Uint32Array(size)
  for (const v of edges) degree[v]++
  return degree
}

describe('sampleEdges', () => {
  const size = 5_000
  const edges = sampleEdges({ size, seed: 3 })

  it('has sorted pairs a < b: no self-loops, no duplicates', () => {
    expect(edges.length % 2).toBe(0)
    let bad = 0
    for (let k = 0; k < edges.length; k += 2) {
      if (!(edges[k] < edges[k + 1] && edges[k + 1] < size)) bad++
      if (k > 0 && edges[k] * size + edges[k + 1] <= edges[k - 2] * size + edges[k - 1]) bad++
    }
    expect(bad).toBe(0)
  })

  it('has a mean degree within 10% of meanDegree and a heavy tail', () => {
    const degree = degrees(edges, size)
    const mean = edges.length / size
    expect(Math.abs(mean - 50) / 50).toBeLessThan(0.1)
    const sorted = [...degree].sort((a, b) => a - b)
    expect(sorted[size - 1]).toBeGreaterThan(5 * mean)
    expect(sorted[size >> 1]).toBeLessThan(mean) // the median sits below the mean
    const other = sampleEdges({ size, seed: 3, meanDegree: 12 })
    expect(Math.abs(other.length / size - 12) / 12).toBeLessThan(0.1)
  })

  it('is deterministic', () => {
    expect(Buffer.from(sampleEdges({ size, seed: 3 }).buffer).equals(Buffer.from(edges.buffer))).toBe(true)
    expect(Buffer.from(sampleEdges({ size, seed: 4 }).buffer).equals(Buffer.from(edges.buffer))).toBe(false)
  })

  it('connects well-connected profiles more: numConnections follows the degree', () => {
    const degree = degrees(edges, size)
    const profiles = [...sampleProfiles({ size, seed: 3 })]
    const byClaim = profiles.map((p, i) => [p.numConnections ?? 0, degree[i]]).sort((a, b) => a[0] - b[0])
    const low = byClaim.slice(0, size / 10).reduce((s, [, d]) => s + d, 0)
    const high = byClaim.slice(-size / 10).reduce((s, [, d]) => s + d, 0)
    expect(high).toBeGreaterThan(3 * low)
  })

  it('keeps connections local: far more pairs share a region than chance', () => {
    const profiles = [...sampleProfiles({ size, seed: 3 })]
    let same = 0
    for (let k = 0; k < edges.length; k += 2) {
      if (profiles[edges[k]].location?.code === profiles[edges[k + 1]].location?.code) same++
    }
    expect(same / (edges.length / 2)).toBeGreaterThan(0.4)
  })

  it('handles tiny worlds', () => {
    expect(sampleEdges({ size: 0 }).length).toBe(0)
    expect(sampleEdges({ size: 1 }).length).toBe(0)
    const three = sampleEdges({ size: 3 })
    for (let k = 0; k < three.length; k += 2) expect(three[k]).toBeLessThan(three[k + 1])
  })
})

describe('sampleGroups', () => {
  const size = 20_000
  const groups = sampleGroups({ size, seed: 5 })

  it('makes about size / 200 groups with Zipf sizes', () => {
    expect(groups.length).toBeGreaterThan(80)
    expect(groups.length).toBeLessThanOrEqual(100)
    const sizes = groups.map((g) => g.members.length).sort((a, b) => b - a)
    expect(sizes[0]).toBeGreaterThan(10 * sizes[sizes.length >> 1])
    expect(new Set(groups.map((g) => g.group)).size).toBe(groups.length)
  })

  it('puts each member in 0–3 groups, members ascending', () => {
    const count = new Uint8Array(size)
    for (const g of groups) {
      for (let k = 0; k < g.members.length; k++) {
        if (k > 0) expect(g.members[k]).toBeGreaterThan(g.members[k - 1])
        count[g.members[k]]++
      }
    }
    expect(Math.max(...count)).toBeLessThanOrEqual(3)
    const none = count.filter((c) => c === 0).length
    expect(none / size).toBeGreaterThan(0.3)
    expect(none / size).toBeLessThan(0.5)
  })

  it('is deterministic', () => {
    expect(sampleGroups({ size, seed: 5 })).toEqual(groups)
  })
})

describe('sampleIds', () => {
  it('gives unique ids of 10 characters of [A-Za-z0-9_-], starting with a letter or digit', () => {
    const ids = sampleIds({ size: 200_000, seed: 9 })
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 5000)) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{9}$/)
    expect(sampleIds({ size: 3, seed: 9 })).toEqual(ids.slice(0, 3))
    expect(sampleIds({ size: 3, seed: 10 })).not.toEqual(ids.slice(0, 3))
  })
})

describe('sampleWorld', () => {
  it('bundles the parts of one world', () => {
    const world = sampleWorld({ size: 300, seed: 2 })
    expect(world.profiles).toHaveLength(300)
    expect(world.ids).toEqual(world.profiles.map((p) => p.id))
    expect(world.edges.length).toBeGreaterThan(0)
    expect(world.groups.length).toBeGreaterThan(0)
  })

  it('rejects a bad size', () => {
    expect(() => sampleWorld({ size: -1 })).toThrow(RangeError)
    expect(() => sampleWorld({ size: 1.5 })).toThrow(RangeError)
  })
})
