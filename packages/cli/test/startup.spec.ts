import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { init, parse } from 'es-module-lexer'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI_DIR, childEnv, MAIN, runCli } from './cli-process.js'

/**
 * `--help` must answer at once: before the arguments are read, nothing may load the index, the
 * XML writer or the sample world (faker alone takes most of a second). Two views of the same
 * rule: the static import graph of the compiled program, and what a real run actually loads.
 */

/** Every module reachable from `file` through static imports, with the bare specifiers they name. */
async function staticGraph(file: string): Promise<{ files: string[]; packages: string[] }> {
  await init
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (path: string) => {
    if (files.has(path)) return
    files.add(path)
    const [imports] = parse(readFileSync(path, 'utf8'))
    for (const entry of imports) {
      if (entry.type !== 'static' && entry.type !== 'reexport-star') continue // import(), import.meta
      if (entry.specifier.startsWith('.')) visit(join(dirname(path), entry.specifier))
      else packages.add(entry.specifier)
    }
  }
  visit(file)
  return { files: [...files].map((path) => relative(CLI_DIR, path)).sort(), packages: [...packages].sort() }
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

let hooksDir = ''
beforeAll(async () => {
  buildCli()
  hooksDir = await mkdtemp(join(tmpdir(), 'people-search-trace-'))
  // A module hook that logs the URL of every module the program resolves.
  await writeFile(
    join(hooksDir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs'
let log
export function initialize(data) { log = data.log }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  appendFileSync(log, resolved.url + '\\n')
  return resolved
}
`,
  )
  await writeFile(
    join(hooksDir, 'register.mjs'),
    `import { register } from 'node:module'
register('./hooks.mjs', import.meta.url, { data: { log: process.env.PEOPLE_SEARCH_TRACE } })
`,
  )
}, 120_000)

/** The module URLs a run of the command resolves, relative to the workspace where they are in it. */
async function loaded(args: string[]): Promise<string[]> {
  const log = join(hooksDir, `${Math.random().toString(36).slice(2)}.log`)
  const out = runCli(args, {
    nodeOptions: ['--import', pathToFileURL(join(hooksDir, 'register.mjs')).href],
    env: childEnv({ PEOPLE_SEARCH_TRACE: log }),
  })
  expect(out.stderr).toBe('')
  return (await readFile(log, 'utf8')).trim().split('\n')
}

const HEAVY =
  /packages\/(core|xml|sample)\/|@faker-js|fast-xml-parser|cli-progress|zipcodes|i18n-iso-countries/

describe('startup', () => {
  it('main.js statically imports only node built-ins and the argument reader', async () => {
    const graph = await staticGraph(MAIN)
    expect(graph.files).toEqual(['dist/arguments.js', 'dist/main.js', 'dist/run.js', 'dist/version.js'])
    expect(graph.packages.filter((name) => !BUILTINS.has(name))).toEqual([])
  })

  it('the commands that need an index are reached only through import()', async () => {
    const run = readFileSync(join(CLI_DIR, 'dist/run.js'), 'utf8')
    await init
    const [imports] = parse(run)
    const dynamic = imports.filter((entry) => entry.type === 'dynamic').map((entry) => entry.specifier)
    expect(dynamic).toEqual(['./commands.js'])
    // …and the sample world only when no --data is given.
    const commands = await staticGraph(join(CLI_DIR, 'dist/commands.js'))
    expect(commands.files).not.toContain('dist/sample-world.js')
    expect(commands.packages).not.toContain('@people-search/sample')
  })

  it('a run of --help or --version loads none of the heavy modules', async () => {
    for (const flag of ['--help', '--version']) {
      const urls = await loaded([flag])
      expect(urls.some((url) => url.endsWith('/dist/main.js'))).toBe(true)
      expect(urls.filter((url) => HEAVY.test(url))).toEqual([])
    }
  })

  it('the trace does see them when a command needs them (so the check above can fail)', async () => {
    const urls = await loaded(['viewers', '--size', '50'])
    expect(urls.some((url) => url.includes('packages/sample/'))).toBe(true)
    expect(urls.some((url) => url.includes('packages/core/'))).toBe(true)
  })

  it('a search on --data does not load the sample world', async () => {
    const fixture = join(CLI_DIR, '../../fixtures/person-profile/johnrmarty.json')
    const urls = await loaded(['viewers', '--data', fixture])
    expect(urls.some((url) => url.includes('packages/core/'))).toBe(true)
    expect(urls.filter((url) => /packages\/sample\/|@faker-js/.test(url))).toEqual([])
  })
})
