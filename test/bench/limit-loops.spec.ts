import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adjacencyOf, LimitLoops, type Reach } from '../../bench/network/limit-loops.js'
import { everyMember, intersect } from '../../bench/network/postings.js'

const RUNS = Number(process.env.FC_RUNS ?? 100)

/** A small world: undirected pairs without self-loops or duplicates, some members with many. */
const world = fc.integer({ min: 2, max: 40 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    pairs: fc.uniqueArray(
      fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).filter(([a, b]) => a !== b),
      { maxLength: 4 * size, selector: ([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}` },
    ),
    // Several queries on one LimitLoops, so a stamp left by an earlier call would show.
    queries: fc.array(
      fc.record({
        viewer: fc.nat(size - 1),
        candidates: fc.uniqueArray(fc.nat(size - 1)).map((c) => Uint32Array.from(c.sort((x, y) => x - y))),
        reach: fc.constantFrom<Reach>('F', 'FS'),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  }),
)

/** The network by its definition: distance 1 (F) or 2 (S) from the viewer, the viewer itself excluded. */
function naive(
  size: number,
  pairs: [number, number][],
  viewer: number,
  candidates: Uint32Array,
  reach: Reach,
) {
  const near = Array.from({ length: size }, () => new Set<number>())
  for (const [a, b] of pairs) {
    near[a].add(b)
    near[b].add(a)
  }
  const first = near[viewer]
  const inNetwork = (m: number) =>
    m !== viewer && (first.has(m) || (reach === 'FS' && [...near[m]].some((c) => first.has(c))))
  return [...candidates].filter(inNetwork).length
}

describe('limit loops', () => {
  it('full view and per candidate count the same members as the definition, call after call', () => {
    fc.assert(
      fc.property(world, ({ size, pairs, queries }) => {
        const flat = Uint32Array.from(pairs.flat())
        const loops = new LimitLoops(adjacencyOf(size, flat))
        for (const { viewer, candidates, reach } of queries) {
          const expected = naive(size, pairs, viewer, candidates, reach)
          expect(loops.fullView(viewer, candidates, reach)).toBe(expected)
          expect(loops.perCandidate(viewer, candidates, reach)).toBe(expected)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('count a hub viewer whose network is everyone, and a viewer with no connections', () => {
    const size = 50
    const pairs: [number, number][] = []
    for (let m = 1; m < 25; m++) pairs.push([0, m])
    for (let m = 25; m < size; m++) pairs.push([1, m])
    const loops = new LimitLoops(adjacencyOf(size + 1, Uint32Array.from(pairs.flat())))
    const all = everyMember(size + 1)
    expect(loops.fullView(0, all, 'FS')).toBe(size - 1)
    expect(loops.perCandidate(0, all, 'FS')).toBe(size - 1)
    expect(loops.fullView(0, all, 'F')).toBe(24)
    expect(loops.perCandidate(size, all, 'FS')).toBe(0)
  })
})

describe('candidate postings', () => {
  it('intersect sorted member lists as sets do', () => {
    const sorted = fc.uniqueArray(fc.nat(200)).map((a) => Uint32Array.from(a.sort((x, y) => x - y)))
    fc.assert(
      fc.property(sorted, sorted, (a, b) => {
        const inB = new Set(b)
        expect([...intersect(a, b)]).toEqual([...a].filter((m) => inB.has(m)))
      }),
      { numRuns: RUNS },
    )
  })
})
