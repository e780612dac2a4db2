import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The repository is the whole product: a user clones it with nothing beside it, so no file
 * may read or name the folder that sits beside the working copy during development.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUTSIDE = ['..', 'shared'].join('/')
const NOT_SOURCES = new Set(['node_modules', 'dist', 'packs', '.git', 'coverage'])

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_SOURCES.has(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile()) yield path
  }
}

describe('the repository stands alone', () => {
  it(`no file names ${OUTSIDE}`, () => {
    const offenders = [...files(ROOT)].filter((path) => readFileSync(path, 'latin1').includes(OUTSIDE))
    expect(offenders.map((path) => relative(ROOT, path))).toEqual([])
  })

  it('the spec, its seeds and the recorded fixtures are in the repository', () => {
    expect(readFileSync(join(ROOT, 'docs/spec.md'), 'utf8')).toMatch(
      /^# People search — behaviour specification/,
    )
    expect(readdirSync(join(ROOT, 'docs/seeds'))).toHaveLength(2)
    expect(readFileSync(join(ROOT, 'fixtures/README.md'), 'utf8')).toMatch(/^# Fixtures/)
  })
})
