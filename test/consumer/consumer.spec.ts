import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  consumerProject,
  expectedOutput,
  packPublicPackages,
  readmeExamples,
  run,
  tsc,
} from './pack-install.js'

/**
 * The packages as a user outside this workspace gets them (docs/spec.md is what they
 * implement): packed with the repository's `pack` script, installed from the tarballs with
 * plain npm into a fresh project in the system's temporary folder, then type-checked and run.
 */
const APP_SOURCES = new URL('./app/', import.meta.url)
const examples = readmeExamples()

const STRICT = { strict: true, target: 'ES2022', lib: ['ES2023'], types: ['node'], skipLibCheck: false }
const TSCONFIGS = {
  // What `node` runs: compiled to dist/ with Node's own ESM resolution.
  'tsconfig.nodenext.json': {
    ...STRICT,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    outDir: 'dist',
    rootDir: 'src',
  },
  // What a bundler-based app (Vite, esbuild) type-checks with.
  'tsconfig.bundler.json': { ...STRICT, module: 'preserve', moduleResolution: 'bundler', noEmit: true },
}

let app = ''
let tarballs: string[] = []

beforeAll(() => {
  tarballs = packPublicPackages(mkdtempSync(join(tmpdir(), 'people-search-packs-')))
  app = consumerProject(tarballs)
  for (const file of ['consumer.ts', 'server.ts', 'conformance.ts']) {
    writeFileSync(join(app, 'src', file), readFileSync(new URL(file, APP_SOURCES)))
  }
  for (const [name, code] of examples) {
    writeFileSync(join(app, name.endsWith('.ts') ? `src/${name}` : name), code)
  }
  for (const [name, options] of Object.entries(TSCONFIGS)) {
    writeFileSync(join(app, name), JSON.stringify({ compilerOptions: options, include: ['src'] }))
  }
}, 300_000)

describe('the public packages, installed from their tarballs with npm', () => {
  it('packs core, xml, sample, server, conformance and cli', () => {
    expect(tarballs.map((path) => path.split('/').pop())).toEqual([
      'people-search-cli-0.2.0.tgz',
      'people-search-conformance-0.2.0.tgz',
      'people-search-core-0.2.0.tgz',
      'people-search-sample-0.2.0.tgz',
      'people-search-server-0.2.0.tgz',
      'people-search-xml-0.2.0.tgz',
    ])
  })

  it.each(['core', 'xml', 'sample', 'server', 'conformance', 'cli'])(
    '%s carries real version ranges, a README, the LICENSE, its types and the spec',
    (name) => {
      const dir = join(app, 'node_modules/@people-search', name)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      expect(manifest.version).toBe('0.2.0')
      expect(manifest.license).toBe('MIT')
      for (const range of Object.values<string>(manifest.dependencies ?? {}))
        expect(range).not.toMatch(/^workspace:/)
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/)
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(`# @people-search/${name}`)
      expect(readFileSync(join(dir, 'docs/spec.md'), 'utf8')).toMatch(
        /^# People search — behaviour specification/,
      )
      expect(readFileSync(join(dir, manifest.exports['.'].types), 'utf8')).toMatch(/export/)
    },
  )

  it.each(Object.keys(TSCONFIGS))('a strict consumer and the README examples type-check (%s)', (project) => {
    expect(() => tsc(project, app)).not.toThrow()
  })

  it('the README examples print what the README says they print', () => {
    tsc('tsconfig.nodenext.json', app)
    for (const [name, code] of examples) {
      if (!name.endsWith('.ts')) continue
      const printed = run(process.execPath, [`dist/${name.replace(/\.ts$/, '.js')}`], app)
      expect(printed.trimEnd().split('\n'), name).toEqual(expectedOutput(code))
    }
  })

  it('the consumer runs: typed results, errors as PeopleSearchError', () => {
    tsc('tsconfig.nodenext.json', app)
    expect(run(process.execPath, ['dist/consumer.js'], app).trim().split('\n')).toEqual([
      '400 400',
      'Ann 1 true',
    ])
  })

  it('the installed server listens, authenticates and answers a search in JSON', () => {
    tsc('tsconfig.nodenext.json', app)
    expect(run(process.execPath, ['dist/server.js'], app).trim()).toBe('200 json 1 ann')
  })

  it('the installed conformance kit finds the installed index conforming (a tiny run)', () => {
    tsc('tsconfig.nodenext.json', app)
    expect(run(process.execPath, ['dist/conformance.js'], app).trim()).toBe('true search 3 true')
  })

  it('the installed people-search command answers --version', () => {
    expect(run(join(app, 'node_modules/.bin/people-search'), ['--version'], app).trim()).toMatch(/0\.2\.0/)
  })
})
