import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeopleIndex } from '@people-search/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { materialize, requestPlanArb } from '../arbitraries/request.js'
import { worldArb } from '../arbitraries/world.js'
import { buildIndex, optionsFor, RUNS, searchJson } from './helpers.js'

describe('snapshots (docs/spec.md §7)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-snapshot-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('an index loaded back from its snapshot answers every request exactly as before', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        worldArb(),
        fc.array(requestPlanArb(), { minLength: 1, maxLength: 6 }),
        async (world, plans) => {
          const index = buildIndex(world)
          const path = join(dir, `world-${run++}.snapshot`)
          await index.save(path)
          const loaded = await PeopleIndex.load(path, optionsFor(world))
          for (const plan of plans) {
            const m = materialize(plan, world)
            expect(searchJson(loaded, m)).toBe(searchJson(index, m))
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 4) },
    )
  })
})
