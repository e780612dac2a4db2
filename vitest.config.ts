import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (file: string) => fileURLToPath(new URL(`./packages/${file}`, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests run against the sources, so `pnpm test` needs no build step first. Each entry point
    // is matched exactly, so `@people-search/core/internal` is not read as a path under core's.
    alias: [
      { find: /^@people-search\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@people-search\/core\/internal$/, replacement: src('core/src/internal.ts') },
      { find: /^@people-search\/xml$/, replacement: src('xml/src/index.ts') },
      { find: /^@people-search\/sample$/, replacement: src('sample/src/index.ts') },
      { find: /^@people-search\/cli$/, replacement: src('cli/src/index.ts') },
      { find: /^@people-search\/server$/, replacement: src('server/src/index.ts') },
      { find: /^@people-search\/conformance$/, replacement: src('conformance/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.spec.ts', 'test/**/*.spec.ts'],
    testTimeout: 60_000,
  },
})
