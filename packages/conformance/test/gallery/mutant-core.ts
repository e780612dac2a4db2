import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { PeopleIndex } from '@people-search/core'
import type { Edit, Mutant } from './mutants.js'

/**
 * packages/core. Every function takes it as `core` too, for scripts/mutants.mjs, which runs a
 * transpiled copy of this file from elsewhere.
 */
export const CORE = fileURLToPath(new URL('../../../core/', import.meta.url))

/**
 * Where a mutant's copy lives: inside packages/core, so that the copy's bare imports of core's
 * dependencies (`i18n-iso-countries`, `zipcodes`) resolve through packages/core/node_modules.
 * `set` keeps the gallery's copies apart from those of scripts/mutants.mjs, which may run at the
 * same time.
 */
export function mutantDist(name: string, core = CORE, set = 'gallery'): string {
  return join(core, '.mutants', set, name, 'dist')
}

/** The unmutated index, copied the same way: a failure that it shares is the harness's. */
export const UNMUTATED: Mutant = {
  name: 'unmutated',
  bug: 'none',
  spec: 'docs/spec.md',
  section: 'search',
  edits: [],
  measured: '',
  // Never asserted: the unmutated copy must pass the runs of the mutants it stands beside.
  caughtWithin: 0,
}

/**
 * Compiles core's sources afresh into the set's own `base` copy, which every mutant of the set
 * is copied from. Not packages/core/dist: others build (and may hand-edit) that one while a
 * gallery runs, and a stale or edited dist would be a mutant nobody named.
 */
export function buildBase(core = CORE, set = 'gallery'): string {
  const dist = mutantDist('base', core, set)
  rmSync(join(dist, '..'), { recursive: true, force: true })
  const tsc = join(core, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc')
  const flags = [
    '--composite',
    'false',
    '--incremental',
    'false',
    '--declaration',
    'false',
    '--sourceMap',
    'false',
  ]
  execFileSync(process.execPath, [tsc, '-p', core, '--outDir', dist, ...flags], { stdio: 'inherit' })
  return dist
}

/**
 * Copies the set's base (`buildBase` first) to the mutant's directory and applies its edits
 * there. Throws when an edit's `find` text is not in its file exactly once: a mutant that no
 * longer applies must not pass for one that the kit failed to catch.
 */
export function buildMutant(mutant: Mutant, core = CORE, set = 'gallery'): string {
  const base = mutantDist('base', core, set)
  if (!existsSync(join(base, 'index.js'))) throw new Error(`${base} is not built: call buildBase first`)
  const dist = mutantDist(mutant.name, core, set)
  rmSync(join(dist, '..'), { recursive: true, force: true })
  cpSync(base, dist, { recursive: true })
  for (const edit of mutant.edits) applyEdit(dist, mutant.name, edit)
  return dist
}

function applyEdit(dist: string, name: string, edit: Edit): void {
  const path = join(dist, edit.file)
  if (!existsSync(path)) throw new Error(`mutant ${name}: no file ${edit.file} in core's dist`)
  const text = readFileSync(path, 'utf8')
  const occurrences = text.split(edit.find).length - 1
  if (occurrences !== 1) {
    throw new Error(
      `mutant ${name}: ${JSON.stringify(edit.find)} occurs ${occurrences} times in ${edit.file}, not once`,
    )
  }
  writeFileSync(
    path,
    text.replace(edit.find, () => edit.replace),
  )
}

/** Builds the mutant's copy of core and imports its `PeopleIndex`. */
export async function loadMutant(mutant: Mutant): Promise<typeof PeopleIndex> {
  const dist = buildMutant(mutant)
  const core = (await import(pathToFileURL(join(dist, 'index.js')).href)) as {
    PeopleIndex: typeof PeopleIndex
  }
  return core.PeopleIndex
}
