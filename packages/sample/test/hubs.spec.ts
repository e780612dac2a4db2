import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sampleEdges, sampleGroups, sampleIds, sampleProfiles } from '../src/index.js'

const RUNS = Number(process.env.FC_RUNS ?? 6)

function degrees(edges: Uint32Array, size: number): Uint32Array {
  const degree = new Uint32Array(size)
  for (const v of edges) degree[v]++
  return degree
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32)

describe('sample worlds without a hub profile', () => {
  it('are byte for byte what they were before hub profiles existed (hashes taken before the change)', () => {
    const edges = sampleEdges({ size: 3000, seed: 5 })
    expect(sha(new Uint8Array(edges.buffer, edges.byteOffset, edges.byteLength))).toBe(
      'f4d623324622f352211e8e1e3ce3ff44',
    )
    const profiles = createHash('sha256')
    for (const p of sampleProfiles({ size: 300, seed: 5 })) profiles.update(JSON.stringify(p))
    expect(profiles.digest('hex').slice(0, 32)).toBe('6cf4100e2ed8e6d8d09bab2e2a6cc242')
  })
})

describe('sample worlds with a hub profile', () => {
  const size = 20_000
  const hubs = { maxDegree: 600, count: 12 }
  const options = { size, seed: 2, meanDegree: 30, hubs }
  const edges = sampleEdges(options)
  const degree = degrees(edges, size)
  const sorted = [...degree].sort((a, b) => b - a)

  it('never give anyone more than maxDegree connections, and give most hubs nearly that many', () => {
    expect(sorted[0]).toBeLessThanOrEqual(hubs.maxDegree)
    // Most of the `count` hubs end within 15% of the cap; the power law below them stays far lower.
    expect(
      sorted.slice(0, hubs.count).filter((d) => d >= 0.85 * hubs.maxDegree).length,
    ).toBeGreaterThanOrEqual(hubs.count / 2)
    expect(sorted[3 * hubs.count]).toBeLessThan(0.7 * hubs.maxDegree)
    // The default world of the same size has no member near this cap: the hubs are the profile's doing.
    const plain = degrees(sampleEdges({ size, seed: 2, meanDegree: 30 }), size)
    expect(plain.filter((d) => d >= 0.85 * hubs.maxDegree).length).toBeLessThan(hubs.count / 2)
  })

  it('keep the mean degree and a heavy tail, with sorted, unique pairs', () => {
    expect(Math.abs(edges.length / size - 30) / 30).toBeLessThan(0.15)
    expect(sorted[size >> 1]).toBeLessThan(edges.length / size)
    let bad = 0
    for (let k = 0; k < edges.length; k += 2) {
      if (!(edges[k] < edges[k + 1] && edges[k + 1] < size)) bad++
      if (k > 0 && edges[k] * size + edges[k + 1] <= edges[k - 2] * size + edges[k - 1]) bad++
    }
    expect(bad).toBe(0)
  })

  it('change only the graph and numConnections: same ids, groups and profile text', () => {
    const plain = { size: 2000, seed: 4 }
    const hubby = { ...plain, hubs: { maxDegree: 300, count: 5 } }
    expect(sampleIds(hubby)).toEqual(sampleIds(plain))
    expect(sampleGroups(hubby)).toEqual(sampleGroups(plain))
    const a = [...sampleProfiles(plain)].map((p) => ({ ...p, numConnections: 0 }))
    const b = [...sampleProfiles(hubby)].map((p) => ({ ...p, numConnections: 0 }))
    expect(b).toEqual(a)
  })

  it('hold the cap in any small world (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 3000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, maxDegree, count, seed) => {
          const world = sampleEdges({ size: n, seed, meanDegree: 20, hubs: { maxDegree, count } })
          const most = Math.max(0, ...degrees(world, n))
          expect(most).toBeLessThanOrEqual(maxDegree)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('refuse a hub profile that is not whole numbers ≥ 1', () => {
    expect(() => sampleEdges({ size: 100, hubs: { maxDegree: 0, count: 3 } })).toThrow(RangeError)
    expect(() => sampleEdges({ size: 100, hubs: { maxDegree: 50, count: 1.5 } })).toThrow(RangeError)
  })
})
