import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli, childEnv, type Finished, WORKSPACE } from './cli-process.js'

/**
 * The workspace scripts the README tells a newcomer to run, run through pnpm itself: `-s` keeps
 * pnpm's banner off stdout, and the scripts keep the build's output off it, so what the user
 * reads (or pipes) is exactly the answer.
 */
const execPath = process.env.npm_execpath
const PNPM: [string, string[]] = execPath?.includes('pnpm')
  ? [process.execPath, [execPath]] // the pnpm running these tests (`pnpm test`)
  : ['npx', ['-y', 'pnpm@10.34.9']] // the README's

function pnpm(args: string[], cwd = WORKSPACE): Finished {
  const result = spawnSync(PNPM[0], [...PNPM[1], ...args], {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (result.error) throw result.error
  return { stdout: result.stdout, stderr: result.stderr, status: result.status }
}

beforeAll(() => buildCli(), 120_000)

describe('the workspace scripts', () => {
  it('`pnpm -s start` prints the XML answer and nothing else on stdout', () => {
    const out = pnpm(['-s', 'start'])
    expect(out.status).toBe(0)
    expect(
      out.stdout.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<people-search>\n'),
    ).toBe(true)
    expect(XMLValidator.validate(out.stdout)).toBe(true)
    expect(out.stdout).toMatch(/<people total="\d+" count="5" start="0">/)
    expect(out.stderr).not.toContain('people-search-workspace@')
  }, 120_000)

  it('`pnpm -s people-search` reads --data relative to where it was run, not the workspace root', () => {
    const out = pnpm(
      ['-s', 'people-search', 'viewers', '--data', 'johnrmarty.json'],
      join(WORKSPACE, 'fixtures/person-profile'),
    )
    expect(out.stdout).toBe('johnrmarty\t0 members in its network\n')
    expect(out.status).toBe(0)
    expect(out.stderr).not.toMatch(/people-search|ELIFECYCLE/)
  }, 120_000)

  it('`pnpm -s people-search` passes arguments through and keeps the exit status', () => {
    const version = pnpm(['-s', 'people-search', '--version'])
    expect(version.status).toBe(0)
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    const refused = pnpm(['-s', 'people-search', '--viewer=x', '--colour'])
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('people-search: Unknown option --colour')
  }, 120_000)
})
