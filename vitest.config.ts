import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests run against the sources, so `pnpm test` needs no build step first.
    alias: {
      '@people-search/core': src('core'),
      '@people-search/xml': src('xml'),
      '@people-search/sample': src('sample'),
      '@people-search/cli': src('cli'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.spec.ts', 'test/**/*.spec.ts'],
    testTimeout: 60_000,
  },
})
