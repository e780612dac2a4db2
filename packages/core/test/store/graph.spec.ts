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
  fc.tuple(fc.constant('connectMany' as const), slot, slot),
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
          if ((kind === 'connect' || kind === 'connectMany') && a !== b) model.add(key(a, b))
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
          // A bulk of one pair, its repeat and a self-pair: repeats old and new are dropped.
          else if (kind === 'connectMany') graph.connectMany(Uint32Array.of(a, b, b, a, a, a), 3)
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

  it('connectMany of random pairs gives the lists that connect of each pair gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(slot, slot), { maxLength: 200 }),
        fc.array(fc.tuple(slot, slot), { maxLength: 200 }),
        (before, bulk) => {
          const one = new Graph()
          const many = new Graph()
          for (const [a, b] of before) {
            one.connect(a, b)
            many.connect(a, b)
          }
          for (const [a, b] of bulk) one.connect(a, b)
          many.connectMany(Uint32Array.from(bulk.flat()), bulk.length)
          for (let s = 0; s < SLOTS; s++) {
            const sorted = (g: Graph) => [...g.neighboursOf(s)].sort((p, q) => p - q)
            expect(sorted(many)).toEqual(sorted(one))
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    )
  })

  it('group memberships equal a set of (member, group) pairs under any joins, leaves, moves and isolates', () => {
    const GROUPS = ['g1', 'g2', 'Alumni', 'z', 'a']
    const step = fc.oneof(
      fc.tuple(fc.constant('join' as const), slot, fc.constantFrom(...GROUPS)),
      fc.tuple(fc.constant('leave' as const), slot, fc.constantFrom(...GROUPS, 'never')),
      fc.tuple(fc.constant('move' as const), slot, slot),
      fc.tuple(fc.constant('isolate' as const), slot, slot),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const graph = new Graph()
        const model = new Map<number, Set<string>>()
        const of = (s: number) => model.get(s) ?? new Set<string>()
        for (const [kind, a, b] of steps) {
          if (kind === 'join') {
            graph.join(a, b as string)
            model.set(a, of(a).add(b as string))
          } else if (kind === 'leave') {
            graph.leave(a, b as string)
            of(a).delete(b as string)
          } else if (kind === 'isolate') {
            graph.isolate(a)
            model.delete(a)
          } else {
            // A replaced member moves to a fresh slot with no links yet.
            const to = b as number
            if (a === to || of(to).size > 0 || graph.neighboursOf(to).length > 0) continue
            graph.move(a, to)
            model.set(to, of(a))
            model.delete(a)
          }
        }
        for (let x = 0; x < SLOTS; x++) {
          expect(graph.groupsOfMember(x).sort(), `groups of ${x}`).toEqual([...of(x)].sort())
          expect(graph.inAnyGroup(x)).toBe(of(x).size > 0)
          for (let y = 0; y < SLOTS; y++) {
            const shared = [...of(x)].some((g) => of(y).has(g))
            expect(graph.sharesGroup(x, y), `${x} and ${y}`).toBe(shared)
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    )
  })

  it('renumber gives every member its new slot and keeps every link (a compaction)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(slot, slot), { maxLength: 60 }),
        fc.array(fc.tuple(slot, fc.constantFrom('g1', 'g2')), { maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: SLOTS, maxLength: SLOTS }),
        (edges, joins, dead) => {
          const graph = new Graph()
          for (const [a, b] of edges) graph.connect(a, b)
          for (const [m, g] of joins) graph.join(m, g)
          // Dead slots are isolated first, as a remove does; the live ones keep their order.
          for (let s = 0; s < SLOTS; s++) if (dead[s]) graph.isolate(s)
          const before = Array.from({ length: SLOTS }, (_, s) => ({
            links: [...graph.neighboursOf(s)],
            groups: graph.groupsOfMember(s).sort(),
          }))
          const fresh = new Int32Array(SLOTS).fill(-1)
          let next = 0
          for (let s = 0; s < SLOTS; s++) if (!dead[s]) fresh[s] = next++
          graph.renumber(fresh, next)
          for (let s = 0; s < SLOTS; s++) {
            if (dead[s]) continue
            const moved = before[s].links.map((o) => fresh[o]).sort((p, q) => p - q)
            expect(
              [...graph.neighboursOf(fresh[s])].sort((p, q) => p - q),
              `links of ${s}`,
            ).toEqual(moved)
            expect(graph.groupsOfMember(fresh[s]).sort(), `groups of ${s}`).toEqual(before[s].groups)
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    )
  })
})
