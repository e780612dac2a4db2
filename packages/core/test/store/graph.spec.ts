import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Graph } from '../../src/store/graph.js'

const SLOTS = 12
const slot = fc.integer({ min: 0, max: SLOTS - 1 })
const op = fc.oneof(
  fc.tuple(fc.constant('connect' as const), slot, slot),
  fc.tuple(fc.constant('disconnect' as const), slot, slot),
  fc.tuple(fc.constant('isolate' as const), slot, slot),
  fc.tuple(fc.constant('move' as const), slot, slot),
)

describe('Graph', () => {
  it('neighbour lists equal a set of pairs under any sequence of connect, disconnect, move and isolate', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const graph = new Graph()
        const model = new Set<string>()
        const key = (a: number, b: number) => `${Math.min(a, b)}-${Math.max(a, b)}`
        const linked = (s: number) => [...model].some((k) => k.split('-').map(Number).includes(s))
        for (const [kind, a, b] of ops) {
          if (kind === 'connect' && a !== b) model.add(key(a, b))
          if (kind === 'disconnect') model.delete(key(a, b))
          if (kind === 'isolate')
            for (const k of [...model]) if (k.split('-').map(Number).includes(a)) model.delete(k)
          if (kind === 'move') {
            // A replaced member's slot moves to a fresh one that has no links yet.
            if (a === b || linked(b)) continue
            for (const k of [...model]) {
              const [x, y] = k.split('-').map(Number)
              if (x === a || y === a) {
                model.delete(k)
                model.add(key(x === a ? b : x, y === a ? b : y))
              }
            }
          }
          if (kind === 'connect') graph.connect(a, b)
          else if (kind === 'disconnect') graph.disconnect(a, b)
          else if (kind === 'isolate') graph.isolate(a)
          else graph.move(a, b)
        }
        for (let s = 0; s < SLOTS; s++) {
          const expected = [...model]
            .map((k) => k.split('-').map(Number))
            .filter(([x, y]) => x === s || y === s)
            .map(([x, y]) => (x === s ? y : x))
            .sort((p, q) => p - q)
          expect([...graph.neighboursOf(s)].sort((p, q) => p - q)).toEqual(expected)
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    )
  })
})
