import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIRST, SECOND } from '../../src/domain/degree.js'
import { Graph } from '../../src/store/graph.js'
import { NetworkCache } from '../../src/store/network.js'

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
          const point = new NetworkCache().pointView(viewer, graph)
          for (let s = 0; s < SLOTS; s++) expect(point.degreeOf(s)).toBe(full.degreeOf(s))
          const network = [...Array(SLOTS).keys()].filter((s) => [FIRST, SECOND].includes(full.degreeOf(s)))
          expect([...full.network]).toEqual(network)
          expect([...full.first]).toEqual(network.filter((s) => full.degreeOf(s) === FIRST))
        },
      ),
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
