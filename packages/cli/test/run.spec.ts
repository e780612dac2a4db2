import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeopleIndex } from '@people-search/core'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { baseDirectory, run, USAGE } from '../src/index.js'

const URL_WITH_FIELDS =
  '/v1/people-search:(people:(id,first-name,last-name,headline),num-results,facets:(code,buckets:(code,name,count)))?keywords=engineer&facets=location'

describe('people-search command', () => {
  it('answers a legacy URL on the sample world with the legacy XML', async () => {
    const viewers = await run(['--viewers', '--size', '400'])
    expect(viewers.exitCode).toBe(0)
    const viewer = viewers.stdout.split('\t')[0]
    const out = await run([URL_WITH_FIELDS, '--viewer', viewer, '--size', '400'])
    expect(out.exitCode).toBe(0)
    expect(
      out.stdout.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<people-search>'),
    ).toBe(true)
    expect(XMLValidator.validate(out.stdout)).toBe(true)
    expect(out.stdout).toMatch(/<people total="\d+"/)
    expect(out.stdout).toMatch(/<num-results>\d+<\/num-results>/)
    expect(out.stdout).toMatch(/<facets total="1">\s*<facet>\s*<code>location<\/code>/)
  })

  it('prints JSON with --format json', async () => {
    const viewer = (await run(['--viewers', '--size', '400'])).stdout.split('\t')[0]
    const out = await run([
      '/v1/people-search?count=2',
      '--viewer',
      viewer,
      '--size',
      '400',
      '--format',
      'json',
    ])
    const document = JSON.parse(out.stdout)
    expect(Object.keys(document)).toEqual(['numResults', 'people'])
    expect(document.people._count).toBe(2)
    expect(Object.keys(document.people.values[0])).toEqual(['id', 'firstName', 'lastName'])
  })

  it('bad input prints the legacy error document and exits non-zero', async () => {
    const out = await run(['/v1/people-search?count=99', '--size', '400', '--viewer', 'nobody'])
    expect(out.exitCode).toBe(1)
    expect(out.stdout).toContain('<status>401</status>')
    const noViewer = await run(['/v1/people-search', '--size', '400', '--format', 'json'])
    expect(JSON.parse(noViewer.stdout)).toMatchObject({
      status: 401,
      message: 'People search must be done on behalf of a member.',
    })
  })

  it('a 400 names the parameter in the error document', async () => {
    const viewer = (await run(['--viewers', '--size', '400'])).stdout.split('\t')[0]
    const out = await run(['/v1/people-search?count=99', '--viewer', viewer, '--size', '400'])
    expect(out.exitCode).toBe(1)
    expect(out.stdout).toContain('<status>400</status>')
    expect(out.stdout).toMatch(/<message>[^<]*count[^<]*<\/message>/)
  })

  it('reads profiles, edges and memberships from a JSON-lines data file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-cli-'))
    const data = join(dir, 'profiles.jsonl')
    const lines = [
      { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java engineer' },
      { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
      { edge: ['ann', 'bob'] },
    ]
    await writeFile(data, lines.map((line) => JSON.stringify(line)).join('\n'))
    const out = await run([
      '/v1/people-search?keywords=java',
      '--viewer',
      'bob',
      '--data',
      data,
      '--format',
      'json',
    ])
    expect(JSON.parse(out.stdout)).toEqual({
      numResults: 1,
      people: { _total: 1, values: [{ id: 'ann', firstName: 'Ann', lastName: 'Lee' }] },
    })
  })

  it('a missing data file says which and exits 2', async () => {
    const out = await run(['/v1/people-search', '--viewer', 'x', '--data', '/nonexistent/profiles.jsonl'])
    expect(out).toEqual({
      stdout: '',
      stderr: 'people-search: Data file not found: /nonexistent/profiles.jsonl\n',
      exitCode: 2,
    })
  })

  it('an unknown option is a usage error', async () => {
    const out = await run(['--colour'])
    expect(out).toEqual({
      stdout: '',
      stderr: "people-search: Unknown option --colour\nTry 'people-search --help' for more information.\n",
      exitCode: 2,
    })
  })

  it('--help prints the usage and --version the version, exit 0', async () => {
    const help = await run(['--help'])
    expect(help).toEqual({ stdout: `${USAGE}\n`, stderr: '', exitCode: 0 })
    const version = await run(['--version'])
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('a relative --data path starts at INIT_CWD when it is set, else at the working directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-cwd-'))
    await writeFile(join(dir, 'p.jsonl'), JSON.stringify({ id: 'ann', firstName: 'Ann', lastName: 'Lee' }))
    const viewers = ['viewers', '--data', 'p.jsonl']
    expect((await run(viewers, { cwd: dir, env: {} })).stdout).toBe('ann\t0 members in its network\n')
    expect((await run(viewers, { cwd: tmpdir(), env: { INIT_CWD: dir } })).exitCode).toBe(0)
    const missing = await run(viewers, { cwd: dir, env: { INIT_CWD: tmpdir() } })
    expect(missing.stderr).toBe(
      `people-search: Data file not found: p.jsonl (looked for ${join(tmpdir(), 'p.jsonl')})\n`,
    )
    expect(baseDirectory({ cwd: '/a/b', env: { INIT_CWD: '../c' } })).toBe('/a/c')
    expect(baseDirectory({ cwd: '/a/b', env: { INIT_CWD: '' } })).toBe('/a/b')
  })

  it('lists viewers of a data file, best connected first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-viewers-'))
    const lines = [
      { id: 'ann', firstName: 'Ann', lastName: 'Lee' },
      { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
      { id: 'cy', firstName: 'Cy', lastName: 'Ode' },
      { edge: ['ann', 'bob'] },
      { edge: ['cy', 'bob'] },
    ]
    await writeFile(join(dir, 'p.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n'))
    const out = await run(['--viewers', '-d', join(dir, 'p.jsonl')])
    expect(out.stdout).toBe(
      'bob\t2 members in its network\nann\t2 members in its network\ncy\t2 members in its network\n',
    )
  })

  it('a snapshot cannot list its members, and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-snap-'))
    const index = new PeopleIndex()
    index.add({ id: 'ann', firstName: 'Ann', lastName: 'Lee' })
    await index.save(join(dir, 's.snapshot'))
    const out = await run(['viewers', '-d', join(dir, 's.snapshot')])
    expect(out).toEqual({
      stdout: 'A snapshot does not list its members: the viewer ids are the ids of its profiles.\n',
      stderr: '',
      exitCode: 0,
    })
  })
})
