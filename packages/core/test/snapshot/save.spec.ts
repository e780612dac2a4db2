import { lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PeopleIndex, PeopleSearchError } from '../../src/index.js'
import type { Profile } from '../../src/model/profile.js'
import { writeSnapshot } from '../../src/snapshot/write-snapshot.js'

const now = () => new Date('2026-06-15T00:00:00Z')
const WORDS = ['java', 'kotlin', 'rust', 'scala', 'haskell', 'erlang', 'ocaml', 'elixir']

/** `n` members m0… in a chain m0–m1–…, with headlines long enough to fill several write chunks. */
function chain(n: number): PeopleIndex {
  const index = new PeopleIndex({ now })
  const profiles: Profile[] = []
  for (let i = 0; i < n; i++) {
    profiles.push({
      id: `m${i}`,
      firstName: 'Sam',
      lastName: `Smith${i}`,
      headline: `${WORDS[i % WORDS.length]} developer`,
      summary: `${'lorem ipsum '.repeat(60)}${i}`,
      numConnections: i,
    })
  }
  index.add(profiles)
  for (let i = 1; i < n; i++) index.connect(`m${i - 1}`, `m${i}`)
  index.joinGroup('m0', 'g1')
  index.joinGroup('m1', 'g1')
  return index
}

const REQUESTS = [
  '/v1/people-search?keywords=java&facets=network&count=25',
  '/v1/people-search?first-name=sam&last-name=smith1&facets=network',
  '/v1/people-search?keywords=developer&sort=relevance&count=25',
  '/v1/people-search?keywords=lorem&count=25',
]

function expectSameAnswers(loaded: PeopleIndex, expected: PeopleIndex, viewers: string[]): void {
  expect(loaded.size).toBe(expected.size)
  for (const viewer of viewers)
    for (const request of REQUESTS)
      expect(loaded.searchAnswer(request, { viewer }), `${request} for ${viewer}`).toEqual(
        expected.searchAnswer(request, { viewer }),
      )
}

/** Runs `change` on every turn of the event loop until `promise` settles; how many times it ran. */
async function whilePending(promise: Promise<unknown>, change: (turn: number) => void): Promise<number> {
  let settled = false
  void promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  let turn = 0
  while (!settled) {
    change(turn++)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return turn
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'people-search-save-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a snapshot is one point in time (docs/spec.md §7)', () => {
  it('replacing a connected member while the snapshot is written: it holds the old state, and loads', async () => {
    const index = chain(1500)
    const path = join(dir, 'index.snapshot')
    const saving = index.save(path)
    // Issue 11's reproduction: replace a connected member right away, then keep changing the
    // index on every turn of the event loop until the save is done.
    index.add({ id: 'm1', firstName: 'Replaced', lastName: 'Member', headline: 'cobol' })
    index.add({ id: 'late', firstName: 'Late', lastName: 'Comer', headline: 'cobol' })
    const turns = await whilePending(saving, (turn) => {
      const id = `m${2 + ((turn * 7) % 1497)}`
      if (turn % 4 === 0) index.remove(id)
      else if (turn % 4 === 1) index.add({ id, firstName: 'New', lastName: 'Version', headline: 'cobol' })
      else if (turn % 4 === 2) index.connect('m0', 'late')
      else index.disconnect('m0', 'm1')
    })
    await saving
    expect(turns).toBeGreaterThan(1)
    const loaded = await PeopleIndex.load(path, { now })
    expectSameAnswers(loaded, chain(1500), ['m0', 'm1', 'm2', 'm1499'])
    expect(loaded.searchAnswer('/v1/people-search?keywords=cobol', { viewer: 'm0' }).ids).toEqual([])
  })

  it('a member removed while the snapshot is written is in it with its connections', async () => {
    const index = chain(50)
    const path = join(dir, 'index.snapshot')
    const saving = index.save(path)
    index.remove('m1')
    index.disconnect('m2', 'm3')
    index.leaveGroup('m0', 'g1')
    await saving
    expectSameAnswers(await PeopleIndex.load(path, { now }), chain(50), ['m0', 'm1', 'm3'])
  })
})

describe('saves to one path are serialized; the last one called wins (docs/spec.md §7)', () => {
  it('two concurrent saves both succeed, the later call’s content is the file, and it loads', async () => {
    const index = chain(2000)
    const path = join(dir, 'index.snapshot')
    const first = index.save(path)
    index.add({ id: 'late', firstName: 'Late', lastName: 'Comer', headline: 'cobol' })
    index.connect('m0', 'late')
    const second = index.save(path)
    expect(await Promise.allSettled([first, second])).toEqual([
      { status: 'fulfilled', value: undefined },
      { status: 'fulfilled', value: undefined },
    ])
    const loaded = await PeopleIndex.load(path, { now })
    expect(loaded.size).toBe(2001)
    expect(loaded.searchAnswer('/v1/people-search?keywords=cobol', { viewer: 'm0' }).ids).toEqual(['late'])
    expect(await readdir(dir)).toEqual(['index.snapshot'])
  })

  it('of many saves started together, each of another state, the last one called is the file', async () => {
    const index = new PeopleIndex({ now })
    const path = join(dir, 'index.snapshot')
    const saves: Promise<void>[] = []
    for (let i = 0; i < 12; i++) {
      index.add({ id: `p${i}`, firstName: 'P', lastName: `N${i}` })
      saves.push(index.save(path))
    }
    await Promise.all(saves)
    expect((await PeopleIndex.load(path, { now })).size).toBe(12)
    expect(await readdir(dir)).toEqual(['index.snapshot'])
  })

  it('an older save that is slower never overwrites a newer one, across indexes too', async () => {
    const big = new PeopleIndex({ now })
    const summary = 'lorem ipsum '.repeat(5000)
    big.add(Array.from({ length: 150 }, (_, i) => ({ id: `b${i}`, firstName: 'B', lastName: 'Ig', summary })))
    const small = new PeopleIndex({ now })
    small.add({ id: 'solo', firstName: 'Solo', lastName: 'One' })
    const path = join(dir, 'index.snapshot')
    const slow = big.save(path)
    const fast = small.save(join(dir, '.', 'index.snapshot'))
    await Promise.all([slow, fast])
    expect((await PeopleIndex.load(path, { now })).size).toBe(1)
  })

  it('a failed save does not stop the next one', async () => {
    const index = chain(10)
    const path = join(dir, 'index.snapshot')
    await writeFile(join(dir, 'taken'), 'x')
    const failing = writeSnapshot(path, [{ profile: { id: 'x', firstName: 'X', lastName: 'Y' } }], {
      temporaryName: () => join(dir, 'taken'),
    })
    const next = index.save(path)
    await expect(failing).rejects.toMatchObject({ code: 'snapshot-write-failed', kind: 'badSnapshot' })
    await next
    expect((await PeopleIndex.load(path, { now })).size).toBe(10)
  })
})

describe('each save writes its own exclusively created temporary file (docs/spec.md §7)', () => {
  it('a symlink planted at a predictable temporary name is not written through', async () => {
    const path = join(dir, 'index.snapshot')
    const victim = join(dir, 'victim')
    await writeFile(victim, 'precious')
    // The names the old writer used (pid and milliseconds) for the next few seconds.
    const start = Date.now()
    for (let ms = start - 10; ms < start + 1000; ms += 1)
      await symlink(victim, `${path}.${process.pid}.${ms}.tmp`)
    await chain(200).save(path)
    expect(await readFile(victim, 'utf8')).toBe('precious')
    expect((await PeopleIndex.load(path, { now })).size).toBe(200)
  })

  it('no write goes through any file that was there before: a taken name is drawn again', async () => {
    const path = join(dir, 'index.snapshot')
    const victim = join(dir, 'victim')
    await writeFile(victim, 'precious')
    const planted = join(dir, 'planted.tmp')
    await symlink(victim, planted)
    const names = [planted, victim, join(dir, 'fresh.tmp')]
    const tried: string[] = []
    await writeSnapshot(path, [{ profile: { id: 'x', firstName: 'X', lastName: 'Y' } }], {
      temporaryName: () => {
        const name = names[tried.length]
        tried.push(name)
        return name
      },
    })
    expect(tried).toEqual(names)
    expect(await readFile(victim, 'utf8')).toBe('precious')
    expect(await readlink(planted)).toBe(victim)
    expect((await lstat(planted)).isSymbolicLink()).toBe(true)
    expect((await PeopleIndex.load(path, { now })).size).toBe(1)
  })

  it('when every name drawn is taken, the save fails cleanly and the old snapshot stays', async () => {
    const path = join(dir, 'index.snapshot')
    await chain(5).save(path)
    const before = await readFile(path, 'utf8')
    const planted = join(dir, 'planted.tmp')
    await symlink(join(dir, 'victim'), planted)
    const error = await writeSnapshot(path, [], { temporaryName: () => planted }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PeopleSearchError)
    expect(error).toMatchObject({ code: 'snapshot-write-failed', status: 500 })
    expect(await readFile(path, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['index.snapshot', 'planted.tmp'].sort())
  })

  it('temporary names are random: two saves never share one', async () => {
    const path = join(dir, 'index.snapshot')
    const names = new Set<string>()
    const index = chain(5)
    for (let i = 0; i < 20; i++) {
      const saving = index.save(path)
      for (const name of await readdir(dir)) if (name.endsWith('.tmp')) names.add(name)
      await saving
    }
    for (const name of names) expect(name).toMatch(/^index\.snapshot\.[0-9a-f]{24}\.tmp$/)
  })

  it('the snapshot file has mode 0600, whatever the umask and the mode of the file it replaces', async () => {
    const path = join(dir, 'index.snapshot')
    await writeFile(path, 'old', { mode: 0o644 })
    const umask = process.umask(0)
    try {
      await chain(5).save(path)
    } finally {
      process.umask(umask)
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('a save into a directory that does not exist is a badSnapshot error, and leaves nothing', async () => {
    const path = join(dir, 'missing', 'index.snapshot')
    await expect(chain(5).save(path)).rejects.toMatchObject({
      code: 'snapshot-write-failed',
      kind: 'badSnapshot',
      values: { path },
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('version 2 refuses a record too long for load to read, before the old snapshot is touched', async () => {
    const path = join(dir, 'index.snapshot')
    await chain(5).save(path)
    const before = await readFile(path)
    const huge = { id: 'huge', firstName: 'Huge', lastName: 'Text', summary: 'x'.repeat(64 * 1024 * 1024) }
    await expect(writeSnapshot(path, [{ profile: huge }])).rejects.toMatchObject({
      code: 'snapshot-record-too-large',
    })
    expect(await readFile(path)).toEqual(before)
    expect(await readdir(dir)).toEqual(['index.snapshot'])
  })

  it('version 3 has no line to overflow: a profile with 64 MiB of text saves and loads', async () => {
    const path = join(dir, 'index.snapshot')
    const index = chain(5)
    index.add({
      id: 'huge',
      firstName: 'Huge',
      lastName: 'Text',
      summary: `${'x'.repeat(64 * 1024 * 1024)} needle`,
    })
    await index.save(path)
    const loaded = await PeopleIndex.load(path, { now })
    expect(loaded.search('/v1/people-search?keywords=needle', { viewer: 'm0' })).toEqual(
      index.search('/v1/people-search?keywords=needle', { viewer: 'm0' }),
    )
  })
})
