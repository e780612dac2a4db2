import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (file: string) => fileURLToPath(new URL(`./packages/${file}`, import.meta.url))
// scripts/mutants.mjs: a deliberately broken copy of core's dist (e.g. packages/core/.mutants/x/dist)
// stands in for core, its shared internals included, to see whether the suite catches it.
const mutantCore = process.env.PEOPLE_SEARCH_CORE
const core = (entry: 'index' | 'internal') =>
  mutantCore === undefined
    ? src(`core/src/${entry}.ts`)
    : fileURLToPath(new URL(`./${mutantCore}/${entry}.js`, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests run against the sources, so `pnpm test` needs no build step first. Each entry point
    // is matched exactly, so `@people-search/core/internal` is not read as a path under core's.
    alias: [
      { find: /^@people-search\/core$/, replacement: core('index') },
      { find: /^@people-search\/core\/internal$/, replacement: core('internal') },
      { find: /^@people-search\/xml$/, replacement: src('xml/src/index.ts') },
      { find: /^@people-search\/sample$/, replacement: src('sample/src/index.ts') },
      { find: /^@people-search\/cli$/, replacement: src('cli/src/index.ts') },
      { find: /^@people-search\/server$/, replacement: src('server/src/index.ts') },
      { find: /^@people-search\/conformance$/, replacement: src('conformance/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.spec.ts', 'test/**/*.spec.ts'],
    setupFiles: mutantCore === undefined ? [] : ['test/mutant-run.setup.ts'],
    testTimeout: 60_000,
  },
})
