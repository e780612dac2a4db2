// Copies the repository's LICENSE and docs/spec.md into the package being packed (prepack) and
// removes the copies afterwards (postpack). Each tarball then carries its licence, and the
// `docs/spec.md §N` that its doc comments cite resolves inside the installed package.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = process.cwd()
const extras = ['LICENSE', 'docs/spec.md']
const mode = process.argv[2]

if (mode === 'add') {
  for (const file of extras) {
    mkdirSync(dirname(join(pkg, file)), { recursive: true })
    copyFileSync(join(root, file), join(pkg, file))
  }
} else if (mode === 'remove') {
  rmSync(join(pkg, 'LICENSE'), { force: true })
  rmSync(join(pkg, 'docs'), { recursive: true, force: true })
} else {
  console.error('usage: pack-extras.mjs add|remove')
  process.exit(2)
}
