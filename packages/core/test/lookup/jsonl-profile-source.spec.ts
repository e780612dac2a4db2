import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JsonlProfileSource } from '../../src/lookup/jsonl-profile-source.js'
import { PeopleIndex } from '../../src/people-index.js'
import type { PersonProfileDocument } from '../../src/person-profile/document.js'

const FIXTURE_PATH = new URL('../../../../fixtures/person-profile/johnrmarty.json', import.meta.url)
const FIXTURE: PersonProfileDocument = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'))

function file(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'profiles-')), 'profiles.jsonl')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

describe('JsonlProfileSource', () => {
  it('finds documents by any spelling of their URL; null for others', async () => {
    const other = { ...FIXTURE, public_identifier: 'Jörg', first_name: 'Jörg' }
    const source = new JsonlProfileSource(file([JSON.stringify(FIXTURE), '', JSON.stringify(other)]))
    expect(await source.fetch('https://www.linkedin.com/in/johnrmarty')).toEqual(FIXTURE)
    expect((await source.fetch('uk.linkedin.com/in/J%C3%96RG/'))?.first_name).toBe('Jörg')
    expect(await source.fetch('linkedin.com/in/nobody')).toBeNull()
  })

  it('re-reads the file when it changes', async () => {
    const path = file([JSON.stringify(FIXTURE)])
    const source = new JsonlProfileSource(path)
    expect((await source.fetch('linkedin.com/in/johnrmarty'))?.headline).toBe(FIXTURE.headline)
    writeFileSync(path, `${JSON.stringify({ ...FIXTURE, headline: 'New headline, longer than before' })}\n`)
    const later = new Date(Date.now() + 5000)
    utimesSync(path, later, later)
    expect((await source.fetch('linkedin.com/in/johnrmarty'))?.headline).toBe(
      'New headline, longer than before',
    )
  })

  it('rejects on a malformed line (with its number) or a missing file', async () => {
    const source = new JsonlProfileSource(file([JSON.stringify(FIXTURE), '{not json']))
    await expect(source.fetch('linkedin.com/in/johnrmarty')).rejects.toMatchObject({
      code: 'profile-file-not-json',
      kind: 'sourceFailed',
      values: { path: source.path, line: '2' },
    })
    await expect(source.fetch('linkedin.com/in/johnrmarty')).rejects.toThrow(/profiles\.jsonl:2: not JSON: /)
    const noSlug = new JsonlProfileSource(file(['{"first_name":"X"}']))
    await expect(noSlug.fetch('linkedin.com/in/johnrmarty')).rejects.toThrow(
      `${noSlug.path}:1: not a Person Profile document with a public_identifier`,
    )
    await expect(
      new JsonlProfileSource('/nonexistent/profiles.jsonl').fetch('linkedin.com/in/x'),
    ).rejects.toThrow()
  })

  it('serves an index as its profile source', async () => {
    const index = new PeopleIndex({ source: new JsonlProfileSource(file([JSON.stringify(FIXTURE)])) })
    const { profile, credits } = await index.lookupProfile({
      profile_url: 'https://www.linkedin.com/in/johnrmarty/',
      use_cache: 'if-recent',
      certifications: 'include',
    })
    expect(profile.full_name).toBe('John Marty')
    expect(credits).toBe(3)
    expect(index.size).toBe(1)
  })
})
