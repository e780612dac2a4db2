import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { PeopleIndex, PeopleSearchError } from '../../src/index.js'
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js'

const now = () => new Date('2026-06-15T00:00:00Z')

function world(): PeopleIndex {
  const index = new PeopleIndex({ now })
  index.add([
    { id: 'me', firstName: 'Mia', lastName: 'Ek' },
    { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java developer', numConnections: 40 },
    {
      id: 'bob',
      firstName: 'Bob',
      lastName: 'Ray',
      headline: 'Java architect',
      visibility: { headline: 'connections' },
    },
    {
      id: 'cy',
      firstName: 'Cy',
      lastName: 'Do',
      headline: 'Java tester',
      industry: { code: 4, name: 'Computer Software' },
    },
  ])
  index.connect('me', 'ann')
  index.connect('ann', 'bob')
  index.joinGroup('cy', 'g1')
  index.joinGroup('me', 'g1')
  return index
}

const requests = [
  '/v1/people-search?keywords=java&sort=relevance&facets=network,industry',
  '/v1/people-search?first-name=cy&last-name=do&facets=network',
  '/v1/people-search?keywords=architect',
]

describe('snapshots (docs/spec.md §7)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'people-search-'))
  })

  it('an index written to a snapshot and loaded back answers identically', async () => {
    const index = world()
    const path = join(dir, 'index.snapshot')
    await index.save(path)
    const loaded = await PeopleIndex.load(path, { now })
    for (const request of requests) {
      expect(loaded.searchAnswer(request, { viewer: 'me' })).toEqual(
        index.searchAnswer(request, { viewer: 'me' }),
      )
    }
    expect(loaded.size).toBe(4)
  })

  it('a truncated snapshot is refused with a clear error', async () => {
    const path = join(dir, 'index.snapshot')
    await world().save(path)
    const bytes = await readFile(path)
    await writeFile(path, bytes.subarray(0, bytes.length - 1))
    await expect(PeopleIndex.load(path)).rejects.toMatchObject({
      code: 'snapshot-image-size',
      kind: 'badSnapshot',
      status: 500,
      values: { path, size: String(bytes.length - 1), expected: String(bytes.length) },
    })
  })

  it('a snapshot with one changed character is refused as corrupted', async () => {
    const path = join(dir, 'index.snapshot')
    await world().save(path)
    const bytes = await readFile(path)
    const at = bytes.indexOf('Java architect')
    expect(at).toBeGreaterThan(0)
    bytes[at + 9] = 'I'.charCodeAt(0)
    await writeFile(path, bytes)
    const error = await PeopleIndex.load(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PeopleSearchError)
    expect(error).toMatchObject({ code: 'snapshot-image-checksum', kind: 'badSnapshot' })
    expect((error as PeopleSearchError).message).toBe(
      `Snapshot ${path} is corrupted: the checksum of section profiles.bytes does not match`,
    )
  })

  it('a file that is not a snapshot is refused', async () => {
    const path = join(dir, 'index.snapshot')
    await writeFile(path, '{"profile":{"id":"x","firstName":"X","lastName":"Y"}}\n')
    await expect(PeopleIndex.load(path)).rejects.toMatchObject({ code: 'snapshot-without-header' })
  })

  it('a failed write leaves the previous snapshot whole and no temporary file behind', async () => {
    const path = join(dir, 'index.snapshot')
    await world().save(path)
    const before = await readFile(path, 'utf8')
    function* failing() {
      yield { profile: { id: 'x', firstName: 'X', lastName: 'Y' } }
      throw new Error('disk full')
    }
    await expect(writeSnapshot(path, failing())).rejects.toThrow('disk full')
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['index.snapshot'])
  })
})
