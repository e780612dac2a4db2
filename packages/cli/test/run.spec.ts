import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { run } from '../src/index.js'

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
    expect(out.exitCode).toBe(2)
    expect(out.stderr).toContain('Data file not found: /nonexistent/profiles.jsonl')
  })

  it('an unknown option is a usage error', async () => {
    const out = await run(['--colour'])
    expect(out.exitCode).toBe(2)
    expect(out.stderr).toContain('Unknown option --colour')
  })
})
