import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, whatever directory the tests run from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Runs a command and returns its stdout; a failure carries everything the command printed. */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`)
  }
}

/** Builds and packs every public package with the repository's own `pack` script. */
export function packPublicPackages(destination: string): string[] {
  const printed = run(process.execPath, [join(ROOT, 'scripts/pack.mjs'), destination], ROOT)
  return printed.split('\n').filter((line) => line.endsWith('.tgz'))
}

/**
 * A fresh npm project outside the workspace with the tarballs installed, as a user who
 * downloaded them would have it. `@types/node` is the only other package it asks for.
 */
export function consumerProject(tarballs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'people-search-consumer-'))
  mkdirSync(join(dir, 'src'))
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`,
  )
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, '@types/node@^20.19.0'],
    dir,
  )
  return dir
}

/** Type-checks (and, when the project says so, compiles) with the workspace's TypeScript. */
export function tsc(project: string, cwd: string): string {
  return run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], cwd)
}

/**
 * The README's runnable examples: each fenced block that follows an `<!-- example: NAME -->`
 * line, by NAME (a file name such as `find.ts` or `people.jsonl`).
 */
export function readmeExamples(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const examples = new Map<string, string>()
  for (const match of readme.matchAll(/<!-- example: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    examples.set(match[1], match[2])
  }
  return examples
}

/** What an example says it prints: its `//=> ` comment lines, in order. */
export function expectedOutput(example: string): string[] {
  return example
    .split('\n')
    .filter((line) => line.startsWith('//=> '))
    .map((line) => line.slice('//=> '.length))
}
