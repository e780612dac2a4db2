import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PeopleIndex, PeopleSearchError } from '../../src/index.js'
import {
  ELEMENT_TYPES,
  type ElementType,
  SCALARS,
  SECTIONS,
  STRING_LISTS,
} from '../../src/snapshot/binary-format.js'
import { sectionBytes, smallWorld, withSection } from './snapshot-kit.js'

const RUNS = Number(process.env.FC_RUNS ?? 150)
const T = Date.parse('2026-01-02T00:00:00Z')

type Array_ = InstanceType<(typeof ELEMENT_TYPES)[ElementType]>

/**
 * The small world's file with section `name` changed by `change` (on a copy of its elements, which
 * may return a new array of another length), every checksum made right again: a crafted file.
 */
function crafted(file: Buffer, name: string, change: (values: Array_) => Array_ | undefined): Buffer {
  const spec = SECTIONS.find((section) => section.name === name)
  if (spec === undefined) throw new Error(`no section ${name}`)
  const bytes = sectionBytes(file, name)
  const Type = ELEMENT_TYPES[spec.type]
  const values = new Type(Uint8Array.from(bytes).buffer)
  const changed = change(values) ?? values
  return withSection(file, name, new Uint8Array(changed.buffer, changed.byteOffset, changed.byteLength))
}

/** Changes the section's elements in place (`crafted` then writes them). */
function edit(change: () => unknown): undefined {
  change()
  return undefined
}

/** The pool's list counts (`strings.counts`) by list name. */
const list = (name: (typeof STRING_LISTS)[number]) => STRING_LISTS.indexOf(name)

/**
 * The small world (image-corruption.spec.ts): slots ann(0, dead), bob(1), cy(2, dead), ann(3),
 * cy(4); ann–bob connected; ann in group g1; cy removed once.
 */
const CASES: [string, string, (values: Array_) => Array_ | undefined][] = [
  [
    'a slot count one more than the columns hold',
    'scalars',
    (v) =>
      edit(() => {
        v[SCALARS.indexOf('slotCount')] += 1
      }),
  ],
  [
    'a judging clock that is not a time',
    'scalars',
    (v) =>
      edit(() => {
        v[SCALARS.indexOf('judgedAt')] = Number.NaN
      }),
  ],
  [
    'an arena chunk size of 0',
    'scalars',
    (v) =>
      edit(() => {
        v[SCALARS.indexOf('profiles.chunkBytes')] = 0
      }),
  ],
  [
    'a live count that is not the live slots’',
    'scalars',
    (v) =>
      edit(() => {
        v[SCALARS.indexOf('liveCount')] = 2
      }),
  ],
  [
    'a string list longer than the pool',
    'strings.counts',
    (v) =>
      edit(() => {
        v[list('vocabulary')] += 1
      }),
  ],
  [
    'a vocabulary shorter than the postings',
    'strings.counts',
    (v) =>
      edit(() => {
        v[list('vocabulary')] -= 1
        v[list('nameKeys')] += 1
      }),
  ],
  [
    'string ends out of order',
    'strings.ends',
    (v) =>
      edit(() => {
        v[1] = v[0] - 1
      }),
  ],
  ['a UTF-16 string beyond the pool', 'strings.wide', () => Uint32Array.of(1_000_000)],
  [
    'an id byte no member id has',
    'ids.bytes',
    (v) =>
      edit(() => {
        v[0] = '!'.charCodeAt(0)
      }),
  ],
  [
    'an id of 0 bytes',
    'ids.length',
    (v) =>
      edit(() => {
        v[1] = 0
      }),
  ],
  [
    'an id past the id bytes',
    'ids.start',
    (v) =>
      edit(() => {
        v[4] = 1000
      }),
  ],
  [
    'an alive flag of 2',
    'columns.alive',
    (v) =>
      edit(() => {
        v[1] = 2
      }),
  ],
  [
    'a first-name key past the name keys',
    'columns.firstKey',
    (v) =>
      edit(() => {
        v[1] = 99
      }),
  ],
  [
    'a location past the dictionary',
    'columns.location',
    (v) =>
      edit(() => {
        v[1] = 99
      }),
  ],
  [
    'a language bucket past the languages',
    'columns.language',
    (v) =>
      edit(() => {
        v[1] = 200
      }),
  ],
  [
    'an account level past the levels',
    'columns.accountLevel',
    (v) =>
      edit(() => {
        v[1] = 9
      }),
  ],
  [
    'more items than any member has',
    'columns.itemCount',
    (v) =>
      edit(() => {
        v[1] += 1
      }),
  ],
  [
    'items of another slot',
    'columns.firstItem',
    (v) =>
      edit(() => {
        v[1] += 1
      }),
  ],
  [
    'an item of a slot past the slots',
    'items.slot',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'an item kind that is neither',
    'items.kind',
    (v) =>
      edit(() => {
        v[0] = 7
      }),
  ],
  [
    'an item visibility past private',
    'items.visibility',
    (v) =>
      edit(() => {
        v[0] = 3
      }),
  ],
  [
    'an org past the dictionary',
    'items.org',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'a live slot without a record',
    'profiles.lengths',
    (v) =>
      edit(() => {
        v[1] = 0
      }),
  ],
  [
    'a dead slot with a record',
    'profiles.lengths',
    (v) =>
      edit(() => {
        v[0] = v[1]
      }),
  ],
  [
    'a record running past its chunk',
    'profiles.lengths',
    (v) =>
      edit(() => {
        v[4] += 1_000_000
      }),
  ],
  [
    'a record cut short',
    'profiles.lengths',
    (v) =>
      edit(() => {
        v[4] -= 1
      }),
  ],
  [
    'a record position past the chunks',
    'profiles.positions',
    (v) =>
      edit(() => {
        v[1] = 2 ** 40
      }),
  ],
  [
    'a record position that is not an integer',
    'profiles.positions',
    (v) =>
      edit(() => {
        v[1] += 0.5
      }),
  ],
  [
    'a posting slot past the slots',
    'postings.values',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'posting offsets past the postings',
    'postings.offsets',
    (v) =>
      edit(() => {
        v[v.length - 1] += 1
      }),
  ],
  [
    'a posting flagged that has no offsets',
    'postings.present',
    (v) =>
      edit(() => {
        v[v.indexOf(0)] = 2
      }),
  ],
  [
    'more public members than a posting holds',
    'postings.publicDocs',
    (v) =>
      edit(() => {
        v[v.indexOf(1)] = 50
      }),
  ],
  [
    'a name list slot past the slots',
    'firstNameSlots.values',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'an item posting past the items',
    'itemPostings.c.values',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'a full-name chain that loops',
    'fullNameNext',
    (v) =>
      edit(() => {
        v[1] = 5
      }),
  ],
  [
    'a full-name head past the slots',
    'fullNames.values',
    (v) =>
      edit(() => {
        v[v.findIndex((x) => x !== 0)] = 99
      }),
  ],
  ['a full-name table that is no power of two', 'fullNames.values', (v) => v.slice(0, v.length - 1)],
  ['a full-name table with no empty entry', 'fullNames.values', (v) => edit(() => v.fill(1))],
  ['name counts whose lists disagree in length', 'locationNames.otherIds', () => Float64Array.of(1)],
  [
    'a negative name count',
    'industryNames.firstCounts',
    (v) =>
      edit(() => {
        v[v.length - 1] = -1
      }),
  ],
  [
    'a transition of a slot past the slots',
    'transitions.slots',
    (v) =>
      v.length > 0
        ? edit(() => {
            v[0] = 99
          })
        : Uint32Array.of(99),
  ],
  [
    'a node of a dead slot',
    'graph.nodeOfSlot',
    (v) =>
      v.length > 0
        ? edit(() => {
            v[0] = 1
          })
        : Uint32Array.of(1),
  ],
  [
    'a node whose slot does not map back',
    'graph.slotOfNode',
    (v) =>
      edit(() => {
        v[0] = 4
      }),
  ],
  ['a free node in use', 'graph.freeNodes', () => Uint32Array.of(0)],
  [
    'a neighbour past the nodes',
    'graph.adjacency.arena',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'a member its own neighbour',
    'graph.adjacency.arena',
    (v) =>
      edit(() => {
        v[0] = 0
      }),
  ],
  [
    'a neighbour that is a free node',
    'graph.adjacency.arena',
    (v) =>
      edit(() => {
        v[0] = 2
      }),
  ],
  [
    'a list longer than its block',
    'graph.adjacency.length',
    (v) =>
      edit(() => {
        v[0] += 100
      }),
  ],
  [
    'a group id 0',
    'graph.groups.arena',
    (v) =>
      edit(() => {
        v[0] = 0
      }),
  ],
  [
    'a group id past the groups',
    'graph.groups.arena',
    (v) =>
      edit(() => {
        v[0] = 99
      }),
  ],
  [
    'an earlier version at no time',
    'history.times',
    (v) =>
      edit(() => {
        v[0] = Number.NaN
      }),
  ],
  [
    'an earlier version past its chunk',
    'history.lengths',
    (v) =>
      edit(() => {
        v[0] += 1000
      }),
  ],
  [
    'an add time that is no time',
    'history.addedTimes',
    (v) =>
      edit(() => {
        v[0] = Number.POSITIVE_INFINITY
      }),
  ],
  [
    'an incarnation of 0',
    'incarnations.counts',
    (v) =>
      edit(() => {
        v[0] = 0
      }),
  ],
]

/** How loading ends: 'loaded', or the code of the badSnapshot error; anything else thrown fails the test. */
async function loadOutcome(path: string): Promise<{ code: string; index?: PeopleIndex }> {
  try {
    return { code: 'loaded', index: await PeopleIndex.load(path, { now: () => new Date(T) }) }
  } catch (error) {
    if (error instanceof PeopleSearchError && error.kind === 'badSnapshot') return { code: error.code }
    throw error
  }
}

/** Calls that read and change every part of the index: each may answer an error of the catalogue, none may crash. */
async function exercise(index: PeopleIndex, clock: { time: number }): Promise<void> {
  const calls: (() => unknown)[] = []
  for (const viewer of ['ann', 'bob', 'cy']) {
    for (const query of [
      '?keywords=java&facets=network,location,industry,language,current-company,past-company,school',
      '?first-name=ann&last-name=lee',
      '?last-name=ray&sort=connections',
      '?company-name=acme&current-company=true',
      '?school-name=mit&title=ceo',
      '?country-code=us&postal-code=94103&distance=10&sort=distance',
      ':(people:(id,first-name,headline,positions,educations,skills,location,distance),num-results)?count=25',
    ])
      calls.push(() => index.search(`/v1/people-search${query}`, { viewer }))
    for (const member of ['ann', 'bob', 'cy']) calls.push(() => index.getPerson(member, { viewer }))
  }
  for (const call of calls) run(call)
  await index.lookupProfile({ profile_url: 'https://www.linkedin.com/in/ann' }).catch(catalogued)
  run(() => index.add({ id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'again' }))
  run(() => index.connect('bob', 'cy'))
  run(() => index.disconnect('ann', 'bob'))
  run(() => index.joinGroup('bob', 'g1'))
  run(() => index.leaveGroup('ann', 'g1'))
  run(() => index.remove('bob'))
  run(() => index.add({ id: 'bob', firstName: 'Bob', lastName: 'Ray' }))
  clock.time += 3650 * 86_400_000
  for (const call of calls) run(call)
  for (const id of ['ann', 'bob', 'cy', 'dan']) run(() => index.remove(id))
}

function run(call: () => unknown): void {
  try {
    call()
  } catch (error) {
    catalogued(error)
  }
}

function catalogued(error: unknown): void {
  if (!(error instanceof PeopleSearchError)) throw error
}

describe('a crafted version 3 snapshot whose checksums pass is still refused when a reference is wrong', () => {
  let dir: string
  let good: Buffer
  let run_ = 0
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-crafted-'))
    await smallWorld().save(join(dir, 'good'))
    good = await readFile(join(dir, 'good'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('the file with every checksum recomputed but nothing changed loads', async () => {
    const path = join(dir, 'same')
    await writeFile(
      path,
      crafted(good, 'columns.alive', () => undefined),
    )
    expect((await loadOutcome(path)).code).toBe('loaded')
  })

  for (const [what, section, change] of CASES) {
    it(`${what} (${section}) is refused`, async () => {
      const path = join(dir, `case-${run_++}`)
      const file = crafted(good, section, change)
      expect(file.equals(good), 'the case changes the file').toBe(false)
      await writeFile(path, file)
      const { code } = await loadOutcome(path)
      expect(code).not.toBe('loaded')
      expect(code).toMatch(/^snapshot-image-(invalid|table|size)$/)
    })
  }

  it('a posting, an item posting or a name list out of order is refused', async () => {
    for (const lists of ['postings', 'itemPostings.c', 'firstNameSlots']) {
      const offsets = new Float64Array(sectionBytes(good, `${lists}.offsets`).buffer)
      const key = offsets.findIndex((at, k) => k + 1 < offsets.length && offsets[k + 1] - at >= 2)
      expect(key, `${lists} has a list of two`).toBeGreaterThanOrEqual(0)
      const file = crafted(good, `${lists}.values`, (values) =>
        edit(() => {
          const at = offsets[key]
          ;[values[at], values[at + 1]] = [values[at + 1], values[at]]
        }),
      )
      const path = join(dir, `order-${run_++}`)
      await writeFile(path, file)
      expect((await loadOutcome(path)).code, lists).toBe('snapshot-image-invalid')
    }
  })

  it('a node mapped both ways to a dead slot is refused', async () => {
    // Ann's node moved from her live slot (3) to her dead one (0), the mapping kept consistent.
    const nodeOfSlot = new Uint32Array(sectionBytes(good, 'graph.nodeOfSlot').buffer)
    const slotOfNode = new Int32Array(sectionBytes(good, 'graph.slotOfNode').buffer)
    expect([nodeOfSlot[0], nodeOfSlot[3], slotOfNode[0]]).toEqual([0, 1, 3])
    nodeOfSlot[0] = 1
    nodeOfSlot[3] = 0
    slotOfNode[0] = 0
    let file = withSection(good, 'graph.nodeOfSlot', new Uint8Array(nodeOfSlot.buffer))
    file = withSection(file, 'graph.slotOfNode', new Uint8Array(slotOfNode.buffer))
    const path = join(dir, 'dead-node')
    await writeFile(path, file)
    expect((await loadOutcome(path)).code).toBe('snapshot-image-invalid')
  })

  it('two live slots with one id are refused (records, ids and positions all agreeing)', async () => {
    // Bob's slot made to hold Ann's record and id: every record checks, the id table does not build.
    const ids = new Uint32Array(sectionBytes(good, 'ids.start').buffer)
    const positions = new Float64Array(sectionBytes(good, 'profiles.positions').buffer)
    const lengths = new Uint32Array(sectionBytes(good, 'profiles.lengths').buffer)
    ids[1] = ids[3]
    positions[1] = positions[3]
    lengths[1] = lengths[3]
    let file = withSection(good, 'ids.start', new Uint8Array(ids.buffer))
    file = withSection(file, 'profiles.positions', new Uint8Array(positions.buffer))
    file = withSection(file, 'profiles.lengths', new Uint8Array(lengths.buffer))
    const path = join(dir, 'twice')
    await writeFile(path, file)
    expect((await loadOutcome(path)).code).toBe('snapshot-image-invalid')
  })

  it('whatever bytes of a section are changed (checksums recomputed), load refuses or gives an index no call crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SECTIONS.map((section) => section.name)),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        async (name, changes) => {
          const bytes = sectionBytes(good, name)
          if (bytes.length === 0) return
          for (const { at, byte } of changes) bytes[at % bytes.length] = byte
          const path = join(dir, `fuzz-${run_++}`)
          await writeFile(path, withSection(good, name, bytes))
          const clock = { time: T }
          let index: PeopleIndex | undefined
          try {
            index = await PeopleIndex.load(path, { now: () => new Date(clock.time) })
          } catch (error) {
            if (!(error instanceof PeopleSearchError && error.kind === 'badSnapshot')) throw error
          }
          if (index !== undefined) await exercise(index, clock)
          await rm(path)
        },
      ),
      { numRuns: RUNS },
    )
  })
})
