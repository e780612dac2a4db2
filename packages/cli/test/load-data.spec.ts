import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeopleIndex } from '@people-search/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { DataError, loadDataFile } from '../src/load-data.js'

const JOHN = new URL('../../../fixtures/person-profile/johnrmarty.json', import.meta.url)
const johnDocument = JSON.parse(readFileSync(JOHN, 'utf8')) as Record<string, unknown>

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'people-search-data-'))
})

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

const jsonLines = (records: unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`

/** The message of the DataError that loading `content` ends with, the file named `name`. */
async function refusal(name: string, content: string | Uint8Array): Promise<string> {
  const path = await file(name, content)
  const error = await loadDataFile(path, { name }).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DataError)
  return (error as Error).message
}

const ann = { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java engineer' }
const bob = { id: 'bob', firstName: 'Bob', lastName: 'Ray' }

function javaFor(index: PeopleIndex, viewer: string) {
  return index.search('/v1/people-search:(people:(id),num-results)?keywords=java', { viewer })
}

describe('loading JSON lines', () => {
  it('reads profiles, edges and memberships in any order; links come after every profile', async () => {
    const path = await file(
      'mixed.jsonl',
      jsonLines([{ edge: ['ann', 'bob'] }, ann, { member: ['bob', 'g1'] }, bob]),
    )
    const { index, format, viewers } = await loadDataFile(path)
    expect(format).toBe('json-lines')
    expect(javaFor(index, 'bob')).toEqual({ people: { _total: 1, values: [{ id: 'ann' }] }, numResults: 1 })
    expect(viewers).toEqual(['ann', 'bob'])
  })

  it('names the true 1-based line of a bad profile, across batches of 10,000', async () => {
    const records: unknown[] = []
    for (let i = 0; i < 10_004; i++) records.push({ id: `m${i}`, firstName: 'M', lastName: `N${i}` })
    records.push({ edge: ['m0', 'm1'] }) // line 10,005
    records.push({ id: 'bad', firstName: '', lastName: 'X' }) // line 10,006
    expect(await refusal('big.jsonl', jsonLines(records))).toBe(
      'big.jsonl:10006: Invalid profile (id "bad"): firstName must be a non-empty string (got "")',
    )
  })

  it('counts blank lines, which are skipped, and CRLF line ends', async () => {
    const content = `${JSON.stringify(ann)}\r\n\r\n   \n${JSON.stringify(bob)}\r\n\n{"id":"x"}\n`
    expect(await refusal('blank.jsonl', content)).toBe(
      'blank.jsonl:6: Invalid profile (id "x"): firstName must be a non-empty string (got undefined)',
    )
    const path = await file(
      'crlf.jsonl',
      `${JSON.stringify(ann)}\r\n\r\n${JSON.stringify(bob)}\r\n{"edge":["ann","bob"]}\r\n`,
    )
    expect(javaFor((await loadDataFile(path)).index, 'bob').numResults).toBe(1)
  })

  it('strips a UTF-8 byte-order mark before the first line', async () => {
    const path = await file('bom.jsonl', `\uFEFF${jsonLines([ann, bob, { edge: ['ann', 'bob'] }])}`)
    expect(javaFor((await loadDataFile(path)).index, 'bob').numResults).toBe(1)
    // Files joined with `cat` keep each one's mark at the start of a line: dropped too.
    const joined = await file(
      'joined.jsonl',
      `\uFEFF${jsonLines([ann])}\uFEFF${jsonLines([bob, { edge: ['ann', 'bob'] }])}`,
    )
    expect(javaFor((await loadDataFile(joined)).index, 'bob').numResults).toBe(1)
  })

  it.each([
    ['null', 'null'],
    ['5', 'the number 5'],
    ['[{"id":"x"}]', 'an array'],
    ['"ann"', 'a string ("ann")'],
    ['true', 'true'],
  ])('a %s line is refused, naming its line', async (line, found) => {
    expect(await refusal('values.jsonl', `${JSON.stringify(ann)}\n${line}\n`)).toBe(
      `values.jsonl:2: expected a JSON object (a profile, a Person Profile document, an edge or a membership), not ${found}`,
    )
  })

  it('a line that is not JSON names its line and column', async () => {
    expect(await refusal('broken.jsonl', `${JSON.stringify(ann)}\n{"id":"b" "x"}\n`)).toBe(
      "broken.jsonl:2:11: not valid JSON (Expected ',' or '}' after property value)",
    )
    // A broken first line, followed by good ones, is still JSON lines, not one document.
    expect(await refusal('first.jsonl', `{"id":"a",\n${JSON.stringify(bob)}\n`)).toMatch(
      /^first\.jsonl:1:11: not valid JSON/,
    )
  })

  it('bad links name their line and what is wrong', async () => {
    expect(await refusal('edge.jsonl', jsonLines([ann, { edge: 'bob' }]))).toBe(
      'edge.jsonl:2: "edge" must be two member ids, ["a","b"], not "bob"',
    )
    expect(await refusal('edge3.jsonl', jsonLines([ann, { edge: ['ann', 'bob', 'cy'] }]))).toMatch(
      /^edge3\.jsonl:2: "edge"/,
    )
    expect(await refusal('unknown.jsonl', jsonLines([ann, bob, { edge: ['ann', 'zed'] }]))).toBe(
      'unknown.jsonl:3: edge ["ann","zed"]: Unknown member {zed}',
    )
    expect(await refusal('member.jsonl', jsonLines([ann, { member: ['zed', 'g'] }]))).toBe(
      'member.jsonl:2: member ["zed","g"]: Unknown member {zed}',
    )
  })

  it('an empty file, or one with no profile, is refused', async () => {
    expect(await refusal('empty.jsonl', '')).toBe('empty.jsonl is empty: it holds no profiles')
    expect(await refusal('spaces.jsonl', '\n  \n\n')).toBe('spaces.jsonl is empty: it holds no profiles')
    expect(await refusal('edges.jsonl', jsonLines([{ edge: ['a', 'b'] }]))).toBe(
      'edges.jsonl holds no profiles',
    )
  })

  it('a missing file or a directory is named', async () => {
    await expect(loadDataFile(join(dir, 'nope.jsonl'), { name: 'nope.jsonl' })).rejects.toThrow(
      `Data file not found: nope.jsonl (looked for ${join(dir, 'nope.jsonl')})`,
    )
    await expect(loadDataFile(dir, { name: 'data' })).rejects.toThrow('data is not a file')
  })
})

describe('loading Person Profile documents (docs/spec.md §1.3)', () => {
  const ada = { ...johnDocument, public_identifier: 'ada-l', first_name: 'Ada', last_name: 'Lovelace' }

  it('takes one pretty-printed document (the fixture as it is)', async () => {
    const { index, format, viewers } = await loadDataFile(JOHN.pathname)
    expect(format).toBe('json')
    expect(viewers).toEqual(['johnrmarty'])
    expect(index.size).toBe(1)
  })

  it('takes documents as JSON lines, mixed with profiles and edges', async () => {
    const path = await file(
      'people.jsonl',
      jsonLines([johnDocument, ada, bob, { edge: ['johnrmarty', 'ada-l'] }, { edge: ['ada-l', 'bob'] }]),
    )
    const { index, viewers } = await loadDataFile(path)
    expect(index.size).toBe(3)
    expect(viewers).toEqual(['ada-l', 'johnrmarty', 'bob'])
    const found = index.search(
      '/v1/people-search:(people:(id,first-name,distance))?first-name=Ada&last-name=Lovelace',
      {
        viewer: 'bob',
      },
    )
    expect(found.people?.values).toEqual([{ id: 'ada-l', firstName: 'Ada', distance: 1 }])
  })

  it('takes a JSON array of documents and profiles, naming a bad item by its 1-based place', async () => {
    const path = await file(
      'people.json',
      JSON.stringify([johnDocument, bob, { edge: ['bob', 'johnrmarty'] }], null, 2),
    )
    const { index, format } = await loadDataFile(path)
    expect(format).toBe('json')
    expect(index.size).toBe(2)
    expect(await refusal('bad.json', JSON.stringify([bob, { ...ada, last_name: null }]))).toBe(
      'bad.json: item 2: Invalid Person Profile document (public_identifier "ada-l"): last_name must be a name',
    )
    expect(await refusal('null.json', JSON.stringify([bob, null]))).toMatch(
      /^null\.json: item 2: expected a JSON object/,
    )
  })

  it('a document is told by its snake_case shape, and its faults are named', async () => {
    expect(await refusal('doc.jsonl', jsonLines([{ first_name: 'Ann', last_name: 'Lee' }]))).toBe(
      'doc.jsonl:1: Invalid Person Profile document: public_identifier must be a profile slug',
    )
  })

  it('a pretty-printed document that is not JSON names its line and column', async () => {
    const text = JSON.stringify(ada, null, 2).replace('"first_name": "Ada",', '"first_name": "Ada"')
    const line = text.split('\n').findIndex((l) => l.includes('"first_name"')) + 2
    expect(await refusal('doc.json', text)).toBe(
      `doc.json:${line}:3: not valid JSON (Expected ',' or '}' after property value)`,
    )
  })
})

describe('loading snapshots (docs/spec.md §7)', () => {
  it('is told by its header line and loads with PeopleIndex.load', async () => {
    const saved = new PeopleIndex()
    saved.add([ann, bob])
    saved.connect('ann', 'bob')
    const path = join(dir, 'saved.snapshot')
    await saved.save(path)
    const { index, format, viewers } = await loadDataFile(path)
    expect(format).toBe('snapshot')
    expect(viewers).toBeUndefined()
    expect(javaFor(index, 'bob')).toEqual(javaFor(saved, 'bob'))
  })

  it('a truncated snapshot is refused with core’s message, of version 3 and of version 2', async () => {
    const saved = new PeopleIndex()
    saved.add([ann, bob])
    const path = join(dir, 'whole.snapshot')
    await saved.save(path)
    const bytes = await readFile(path)
    expect(await refusal('cut.snapshot', bytes.subarray(0, bytes.length - 1))).toMatch(
      /^Snapshot .*cut\.snapshot is \d+ bytes where its section table says \d+: truncated/,
    )
    expect(await refusal('bom.snapshot', Buffer.concat([Buffer.from('\uFEFF'), bytes]))).toMatch(
      /^bom\.snapshot is a snapshot with a byte-order mark/,
    )
    const header = JSON.stringify({ header: { format: 'people-search-snapshot', version: 2 } })
    expect(await refusal('cut2.snapshot', `${header}\n${JSON.stringify({ profile: ann })}\n`)).toMatch(
      /^Snapshot .*cut2\.snapshot is truncated: no trailer/,
    )
  })

  it('a version 3 snapshot is told by its header line like every version, whatever binary follows it', async () => {
    // Section bytes with no newline in the first 64 KiB, and bytes that are not UTF-8.
    const saved = new PeopleIndex()
    saved.add([ann, { ...bob, summary: `${'\u00ff'.repeat(70_000)} java` }])
    const path = join(dir, 'binary.snapshot')
    await saved.save(path)
    const bytes = await readFile(path)
    expect(bytes.subarray(0, 59).toString('latin1')).toBe(
      '{"header":{"format":"people-search-snapshot","version":3}}\n',
    )
    const { index, format } = await loadDataFile(path)
    expect(format).toBe('snapshot')
    expect(javaFor(index, 'ann')).toEqual(javaFor(saved, 'ann'))
  })
})

describe('the README', () => {
  it('its example data file loads, and its Person Profile document is reachable by id', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const example = /```jsonl\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(example).toBeDefined()
    const { index } = await loadDataFile(await file('readme.jsonl', example as string))
    const found = index.search('/v1/people-search:(people:(id,distance),num-results)?keywords=java', {
      viewer: 'me',
    })
    expect(found).toEqual({
      people: {
        _total: 2,
        values: [
          { id: 'ann', distance: 1 },
          { id: 'bob-ray', distance: 2 },
        ],
      },
      numResults: 2,
    })
  })
})
