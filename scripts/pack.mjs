// Builds the public packages and packs each with pnpm into one folder (default: packs/), one
// tarball per package, and prints their paths. pnpm, not npm, packs them: it rewrites the
// `workspace:^` dependencies into real ranges (`^0.2.0`) that npm can install.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const destination = resolve(process.argv[2] ?? join(root, 'packs'))

/** Every package under packages/ that is not private, in the order tsc must build them. */
const publicPackages = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private)

// The pnpm that runs this script (`pnpm run pack` sets npm_execpath), else the README's.
const execPath = process.env.npm_execpath
const pnpm = execPath?.includes('pnpm') ? [process.execPath, [execPath]] : ['npx', ['-y', 'pnpm@10.34.9']]

mkdirSync(destination, { recursive: true })
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', ...publicPackages], {
  stdio: 'inherit',
})
for (const dir of publicPackages) {
  execFileSync(pnpm[0], [...pnpm[1], 'pack', '--pack-destination', destination], {
    cwd: dir,
    stdio: 'ignore',
  })
  const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  // pnpm's tarball name: the scope's `@` dropped and its `/` made a `-`.
  console.log(join(destination, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`))
}
