// Runs the compiled command (packages/cli/dist/main.js) as a child process, the way a user does.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CLI_DIR = fileURLToPath(new URL('..', import.meta.url))
export const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url))
export const WORKSPACE = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Builds dist/ from src/ (a no-op when the root typecheck already did): these tests are about
 * the program a user runs, so they must not run an older build.
 */
export function buildCli(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  // Test files run in parallel: one build at a time, so none reads a half-written dist/.
  const lock = join(
    tmpdir(),
    `people-search-cli-build-${createHash('sha256').update(CLI_DIR).digest('hex').slice(0, 12)}`,
  )
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() - started > 120_000) rmSync(lock, { recursive: true, force: true }) // left by a killed run
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
    }
  }
  try {
    execFileSync(process.execPath, [tsc, '-b', CLI_DIR], { stdio: 'inherit' })
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface Finished {
  stdout: string
  stderr: string
  status: number | null
}

/**
 * The environment of a child, as a user's shell has it: this one's without what a package manager
 * set for the tests (`INIT_CWD`, `npm_*`), plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'INIT_CWD' && !/^npm_/i.test(key)) env[key] = value
  }
  return { ...env, ...extra }
}

export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeOptions?: string[] } = {},
): Finished {
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), MAIN, ...args], {
    cwd: options.cwd ?? CLI_DIR,
    env: options.env ?? childEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (result.error) throw result.error
  return { stdout: result.stdout, stderr: result.stderr, status: result.status }
}

/** A stack trace line, which a user must never see. */
export const STACK = /^\s+at .+\(?.+:\d+:\d+\)?$/m
