// `pnpm mutants [name…]`: runs the project's own suite (test/properties and test/examples) against
// each deliberately broken copy of core in the conformance kit's gallery
// (packages/conformance/test/gallery/mutants.ts) and writes which files catch each one to
// docs/mutants.md. Each is a copy of core compiled afresh from its sources (not packages/core/dist)
// with the mutant's edits. vitest.config.ts swaps '@people-search/core' (and its internals, which the
// oracle still shares) for the copy named by PEOPLE_SEARCH_CORE. Names given: only those mutants,
// and docs/mutants.md is left alone.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CORE = join(ROOT, 'packages', 'core')
const GALLERY = join(ROOT, 'packages', 'conformance', 'test', 'gallery')
const SUITE = ['test/properties', 'test/examples']
const REPORT = join(ROOT, 'docs', 'mutants.md')
/** Its copies of core, apart from the gallery's (packages/core/.mutants/gallery). */
const SET = 'suite'

// The gallery is TypeScript and Node 20 cannot run it: its two files are transpiled to a
// scratch directory and imported from there.
async function loadGallery(scratch) {
  for (const file of ['mutants', 'mutant-core']) {
    const source = readFileSync(join(GALLERY, `${file}.ts`), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    writeFileSync(join(scratch, `${file}.js`), outputText)
  }
  const { MUTANTS } = await import(pathToFileURL(join(scratch, 'mutants.js')).href)
  const { UNMUTATED, buildBase, buildMutant } = await import(
    pathToFileURL(join(scratch, 'mutant-core.js')).href
  )
  return { MUTANTS, UNMUTATED, buildBase, buildMutant }
}

/** Runs the suite against one copy of core; returns the failed test files and tests, by file. */
function runSuite(dist, scratch, name) {
  const output = join(scratch, `${name}.json`)
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs')
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', ...SUITE, '--reporter=json', `--outputFile=${output}`],
    {
      cwd: ROOT,
      env: { ...process.env, PEOPLE_SEARCH_CORE: relative(ROOT, dist) },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  )
  let results
  try {
    results = JSON.parse(readFileSync(output, 'utf8'))
  } catch {
    // No report at all: the suite could not even start against this copy (a crash on import).
    return { crashed: true, failed: new Map(), detail: `${run.stdout}\n${run.stderr}`.slice(-2000) }
  }
  const failed = new Map()
  for (const file of results.testResults) {
    const tests = file.assertionResults.filter((t) => t.status === 'failed').map((t) => t.fullName ?? t.title)
    if (file.status === 'failed')
      failed.set(relative(ROOT, file.name), tests.length > 0 ? tests : ['(file failed)'])
  }
  return { crashed: false, failed }
}

function describe(result, baseline) {
  if (result.crashed) return { caught: true, by: 'the suite cannot load it' }
  const by = []
  for (const [file, tests] of result.failed) {
    const known = new Set(baseline.failed.get(file) ?? [])
    const fresh = tests.filter((t) => !known.has(t))
    if (fresh.length > 0)
      by.push(`${file} (${fresh.length}: ${fresh.slice(0, 3).join('; ')}${fresh.length > 3 ? '; …' : ''})`)
  }
  return { caught: by.length > 0, by: by.length > 0 ? by.join('<br>') : '—' }
}

function table(rows, baseline, seconds) {
  const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ')
  const lines = [
    '# The project suite against the gallery of broken implementations',
    '',
    'Written by `pnpm mutants` (scripts/mutants.mjs): each mutant of',
    '`packages/conformance/test/gallery/mutants.ts` is a copy of core’s dist with one literal bug,',
    `and \`vitest run ${SUITE.join(' ')}\` runs against it (default runs, \`FC_RUNS\` unset unless`,
    'given). "Caught by" lists the files whose tests fail, with how many tests and the first names.',
    '',
    `Run: ${new Date().toISOString().slice(0, 10)}, ${Math.round(seconds)} s. Unmutated copy: ${
      baseline.crashed
        ? 'could not run'
        : baseline.failed.size === 0
          ? 'every test passes'
          : `failures in ${[...baseline.failed.keys()].join(', ')} (left out below)`
    }.`,
    '',
    '| mutant | bug | spec | caught | caught by |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      ({ mutant, caught, by }) =>
        `| \`${mutant.name}\` | ${cell(mutant.bug)} | ${mutant.spec} | ${caught ? 'yes' : '**no**'} | ${cell(by)} |`,
    ),
    '',
  ]
  return lines.join('\n')
}

async function main() {
  const only = process.argv.slice(2)
  const scratch = mkdtempSync(join(tmpdir(), 'people-search-mutants-'))
  const started = Date.now()
  try {
    const { MUTANTS, UNMUTATED, buildBase, buildMutant } = await loadGallery(scratch)
    const unknown = only.filter((name) => !MUTANTS.some((m) => m.name === name))
    if (unknown.length > 0) throw new Error(`no such mutant: ${unknown.join(', ')}`)
    buildBase(CORE, SET)
    const baseline = runSuite(buildMutant(UNMUTATED, CORE, SET), scratch, UNMUTATED.name)
    console.log(`unmutated: ${baseline.crashed ? 'could not run' : `${baseline.failed.size} failing files`}`)
    if (baseline.crashed)
      throw new Error(`the suite does not run against an unmutated copy:\n${baseline.detail}`)
    const rows = []
    for (const mutant of MUTANTS.filter((m) => only.length === 0 || only.includes(m.name))) {
      const result = runSuite(buildMutant(mutant, CORE, SET), scratch, mutant.name)
      const row = { mutant, ...describe(result, baseline) }
      console.log(
        `${mutant.name}: ${row.caught ? 'caught' : 'NOT CAUGHT'} — ${row.by.replaceAll('<br>', '; ')}`,
      )
      rows.push(row)
    }
    rmSync(join(CORE, '.mutants', SET), { recursive: true, force: true })
    if (only.length === 0) {
      writeFileSync(REPORT, table(rows, baseline, (Date.now() - started) / 1000))
      // In the shape the lint step expects, so a fresh report never fails `pnpm test`.
      spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', REPORT],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      )
    }
    const missed = rows.filter((r) => !r.caught)
    console.log(
      missed.length === 0
        ? 'every mutant caught'
        : `not caught: ${missed.map((r) => r.mutant.name).join(', ')}`,
    )
    process.exitCode = missed.length === 0 ? 0 : 1
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

await main()
