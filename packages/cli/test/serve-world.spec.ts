import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataError } from '../src/load-data.js'
import { loadSample, samplePicks } from '../src/sample-world.js'
import { serveSource } from '../src/serve-world.js'

describe('samplePicks', () => {
  it('names members 0, 1, 2, 10 and 100 of the world, without building it', () => {
    const { ids } = loadSample(300)
    expect(samplePicks(300)).toEqual([ids[0], ids[1], ids[2], ids[10], ids[100]])
    // A smaller world has fewer picks, and the same ids for the same members.
    expect(samplePicks(5)).toEqual(ids.slice(0, 3))
    expect(samplePicks(2)).toEqual(ids.slice(0, 2))
  })
})

describe('serveSource', () => {
  it('the sample world knows its viewers before it is loaded, and is loaded once', async () => {
    const source = await serveSource({ size: 50, base: tmpdir() })
    expect(source.label).toBe('the sample world')
    expect(source.knownViewers).toEqual(samplePicks(50))
    expect(source.loaded).toBe(false)
    const [first, second] = await Promise.all([source.load({}), source.load({})])
    expect(source.loaded).toBe(true)
    expect(first).toBe(second)
    expect(first.index.size).toBe(50)
  })

  it('a data file is found from the base directory; only loading it tells its viewers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-source-'))
    const people = [
      { id: 'ann', firstName: 'Ann', lastName: 'Lee' },
      { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
      { edge: ['ann', 'bob'] },
    ]
    await writeFile(join(dir, 'p.jsonl'), people.map((record) => JSON.stringify(record)).join('\n'))
    const source = await serveSource({ data: 'p.jsonl', size: 20_000, base: dir })
    expect(source.label).toBe('p.jsonl')
    expect(source.knownViewers).toBeUndefined()
    const world = await source.load({ caps: { basic: 1 } })
    expect(world.index.size).toBe(2)
    expect(world.viewers).toEqual(['ann', 'bob'])

    const missing = await serveSource({ data: 'none.jsonl', size: 20_000, base: dir })
    await expect(missing.load({})).rejects.toBeInstanceOf(DataError)
    await rm(dir, { recursive: true, force: true })
  })
})
