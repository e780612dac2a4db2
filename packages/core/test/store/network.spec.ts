import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIRST, SECOND } from '../../src/domain/degree.js'
import { Graph } from '../../src/store/graph.js'
import { NetworkCache, wholeNetworkCost } from '../../src/store/network.js'

const RUNS = Number(process.env.FC_RUNS ?? 200)
const SLOTS = 40
const slot = fc.integer({ min: 0, max: SLOTS - 1 })

describe('network views', () => {
  it('the whole-network view and the member-by-member view give every slot the same degree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(slot, slot), { maxLength: 120 }),
        fc.array(fc.tuple(slot, fc.constantFrom('g1', 'g2')), { maxLength: 20 }),
        slot,
        (edges, memberships, viewer) => {
          const graph = new Graph()
          for (const [a, b] of edges) graph.connect(a, b)
          for (const [m, g] of memberships) graph.join(m, g)
          const cache = new NetworkCache()
          const full = cache.view(viewer, graph, SLOTS)
          const point = new NetworkCache().memberView(viewer, graph)
          for (let s = 0; s < SLOTS; s++) expect(point.degreeOf(s)).toBe(full.degreeOf(s))
          // The member view lists F too, though it never walks the network.
          expect([...point.first]).toEqual([...full.first])
          const network = [...Array(SLOTS).keys()].filter((s) => [FIRST, SECOND].includes(full.degreeOf(s)))
          expect([...full.network]).toEqual(network)
          expect([...full.first]).toEqual(network.filter((s) => full.degreeOf(s) === FIRST))
          // The same two sets as bitsets, bit s & 31 of word s >>> 5.
          const bit = (bits: Uint32Array | undefined, s: number) =>
            (((bits?.[s >>> 5] ?? 0) >>> (s & 31)) & 1) === 1
          for (let s = 0; s < SLOTS; s++) {
            expect(bit(full.networkBits, s)).toBe(network.includes(s))
            expect(bit(full.firstBits, s)).toBe(full.degreeOf(s) === FIRST)
          }
          expect(point.networkBits).toBeUndefined()
          expect(point.network.length).toBe(0)
          // The cost of the whole walk: a step per node word, and per F member one plus its degree.
          const firsts = network.filter((s) => full.degreeOf(s) === FIRST)
          const degree = (s: number) =>
            new Set(
              edges.filter(([a, b]) => a !== b && (a === s || b === s)).map(([a, b]) => (a === s ? b : a)),
            ).size
          const cost = ((graph.nodeSpan + 31) >>> 5) + firsts.reduce((sum, f) => sum + 1 + degree(f), 0)
          expect(wholeNetworkCost(viewer, graph)).toBe(cost)
          // Bounded: exact up to the bound, and past it whenever the whole cost is.
          for (const bound of [0, cost - 1, cost, cost + 1])
            if (cost <= bound) expect(wholeNetworkCost(viewer, graph, bound)).toBe(cost)
            else expect(wholeNetworkCost(viewer, graph, bound)).toBeGreaterThan(bound)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('marks every friend of every friend, whatever the lengths of their lists (a tree: no friend of a friend is reached twice)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { maxLength: 11 }), (fanouts) => {
        // Viewer 0, its friends 1 … k, and each friend's own leaves after them.
        const graph = new Graph()
        let next = fanouts.length + 1
        const leaves: number[] = []
        fanouts.forEach((fanout, i) => {
          graph.connect(0, i + 1)
          for (let j = 0; j < fanout; j++) {
            graph.connect(i + 1, next)
            leaves.push(next++)
          }
        })
        const view = new NetworkCache().view(0, graph, next)
        expect([...view.network]).toEqual([...Array(next - 1).keys()].map((s) => s + 1))
        for (const leaf of leaves) expect(view.degreeOf(leaf)).toBe(SECOND)
      }),
      { numRuns: RUNS },
    )
  })

  it('reused buffers start clean: a later viewer never inherits an earlier one’s degrees', () => {
    const graph = new Graph()
    for (let s = 1; s < SLOTS; s++) graph.connect(0, s)
    const cache = new NetworkCache()
    for (let viewer = 0; viewer < 20; viewer++) cache.view(viewer, graph, SLOTS)
    graph.disconnect(0, 5)
    const view = cache.view(5, graph, SLOTS)
    expect([...view.network]).toEqual([])
  })
})

describe('the cache of network views', () => {
  function star(n: number): Graph {
    const graph = new Graph()
    for (let s = 1; s < n; s++) graph.connect(0, s)
    return graph
  }

  it('keeps every viewer’s view while they fit its budget in bytes, and evicts the least recently used past it', () => {
    const graph = star(SLOTS)
    const roomy = new NetworkCache(1 << 20)
    const first = roomy.view(3, graph, SLOTS)
    for (let viewer = 4; viewer < 30; viewer++) roomy.view(viewer, graph, SLOTS)
    expect(roomy.view(3, graph, SLOTS)).toBe(first)

    // A leaf's view of the star: two bitsets of the slots, and its network (every other slot) and
    // first (the hub) as 4-byte lists; room for two such views, not three.
    const tight = new NetworkCache(2.25 * (8 * Math.ceil(SLOTS / 32) + 4 * SLOTS))
    const a = tight.view(1, graph, SLOTS)
    const b = tight.view(2, graph, SLOTS)
    expect(tight.view(1, graph, SLOTS)).toBe(a) // 1 is now the most recently used
    tight.view(3, graph, SLOTS) // evicts 2, the least recently used
    expect(tight.view(1, graph, SLOTS)).toBe(a)
    expect(tight.view(2, graph, SLOTS)).not.toBe(b)
  })

  it('keeps the view being searched even when it alone is over the budget', () => {
    const cache = new NetworkCache(1)
    const view = cache.view(0, star(SLOTS), SLOTS)
    expect(view.network.length).toBe(SLOTS - 1)
  })

  it('keeps a member view’s set of F for the viewer’s next search, and drops it when the graph changes', () => {
    const graph = star(SLOTS)
    const cache = new NetworkCache()
    expect(cache.memberView(7, graph).degreeOf(8)).toBe(SECOND)
    expect([...cache.memberView(7, graph).first]).toEqual([0])
    graph.connect(7, 8)
    expect(cache.memberView(7, graph).degreeOf(8)).toBe(FIRST)
    expect([...cache.memberView(7, graph).first]).toEqual([0, 8])
  })

  it('drops every view when the graph changes', () => {
    const graph = star(SLOTS)
    const cache = new NetworkCache()
    const before = cache.view(7, graph, SLOTS)
    graph.connect(7, 8)
    const after = cache.view(7, graph, SLOTS)
    expect(after).not.toBe(before)
    expect(after.degreeOf(8)).toBe(FIRST)
  })
})

describe('the index option networkCacheBytes', () => {
  it('bounds the views an index keeps, with the same answers at any budget, none included', async () => {
    const { PeopleIndex } = await import('../../src/people-index.js')
    const build = (networkCacheBytes?: number) => {
      const index = new PeopleIndex(networkCacheBytes === undefined ? {} : { networkCacheBytes })
      index.add(
        Array.from({ length: 30 }, (_, i) => ({
          id: `m${i}`,
          firstName: 'M',
          lastName: `N${i}`,
          headline: 'java',
        })),
      )
      for (let i = 1; i < 30; i++) index.connect(`m${i - 1}`, `m${i}`)
      return index
    }
    const answers = (index: InstanceType<typeof PeopleIndex>) =>
      [0, 5, 9, 5, 0, 17].map((v) => index.searchAnswer({ keywords: 'java', count: 25 }, { viewer: `m${v}` }))
    expect(answers(build(0))).toEqual(answers(build()))
    expect(answers(build(300))).toEqual(answers(build()))
  })
})
