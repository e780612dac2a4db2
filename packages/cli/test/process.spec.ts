import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI_DIR, childEnv, MAIN, runCli, STACK } from './cli-process.js'

const VERSION = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')).version as string
const PEOPLE = [
  { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java engineer' },
  { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
  { edge: ['ann', 'bob'] },
]
const JAVA = '/v1/people-search:(people:(id,first-name),num-results)?keywords=java'

let home = '' // where the user is: holds people.jsonl
let elsewhere = '' // another directory: the process's cwd under a package manager
beforeAll(async () => {
  buildCli()
  home = await mkdtemp(join(tmpdir(), 'people-search-home-'))
  elsewhere = await mkdtemp(join(tmpdir(), 'people-search-elsewhere-'))
  await writeFile(join(home, 'people.jsonl'), PEOPLE.map((line) => JSON.stringify(line)).join('\n'))
  await mkdir(join(home, 'sub'))
}, 120_000)

describe('the people-search process', () => {
  it('--help and -h print the usage on stdout and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const out = runCli([flag])
      expect(out.status).toBe(0)
      expect(out.stdout).toMatch(/^Usage: people-search /)
      expect(out.stdout).toContain('-v, --viewer <id>')
      expect(out.stderr).toBe('')
    }
  })

  it('--version and -V print the version of the package', () => {
    for (const flag of ['--version', '-V']) {
      const out = runCli([flag])
      expect(out).toEqual({ stdout: `${VERSION}\n`, stderr: '', status: 0 })
    }
  })

  it('an unknown option is refused on stderr with exit 2, nothing on stdout', () => {
    const out = runCli(['--colour'])
    expect(out.status).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toBe(
      "people-search: Unknown option --colour\nTry 'people-search --help' for more information.\n",
    )
  })

  it('the answer is on stdout and only there; stderr stays empty when it is not a terminal', () => {
    const out = runCli([JAVA, '--viewer=bob', '--data', join(home, 'people.jsonl')])
    expect(out.status).toBe(0)
    expect(out.stderr).toBe('')
    expect(XMLValidator.validate(out.stdout)).toBe(true)
    expect(out.stdout).toContain('<num-results>1</num-results>')
  })

  it('a refused search prints the legacy error document on stdout and exits 1', () => {
    const out = runCli([JAVA, '-v', 'nobody', '-d', join(home, 'people.jsonl'), '-f', 'json'])
    expect(out.status).toBe(1)
    expect(out.stderr).toBe('')
    expect(JSON.parse(out.stdout)).toMatchObject({ status: 401, message: 'Unknown viewer {nobody}' })
  })

  it('a bad data line is one clear line on stderr, exit 2, never a stack', async () => {
    await writeFile(join(home, 'bad.jsonl'), `${JSON.stringify(PEOPLE[0])}\nnull\n`)
    const out = runCli([JAVA, '-v', 'ann', '-d', 'bad.jsonl'], { cwd: home })
    expect(out.status).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toBe(
      'people-search: bad.jsonl:2: expected a JSON object (a profile, a Person Profile document, an edge or a membership), not null\n',
    )
    expect(out.stderr).not.toMatch(STACK)
  })

  describe('relative --data paths start where the user ran the command', () => {
    it('in the working directory when no package manager is involved', () => {
      const out = runCli(['viewers', '--data', 'people.jsonl'], { cwd: home })
      expect(out).toMatchObject({ status: 0, stderr: '' })
      expect(out.stdout).toBe('ann\t1 member in its network\nbob\t1 member in its network\n')
    })

    it('in INIT_CWD when pnpm (or npm) ran it from the workspace root', () => {
      const out = runCli(['viewers', '--data', 'people.jsonl'], {
        cwd: elsewhere,
        env: childEnv({ INIT_CWD: home }),
      })
      expect(out).toMatchObject({ status: 0, stderr: '' })
      expect(out.stdout).toContain('ann\t1 member in its network')
      const up = runCli(['viewers', '-d', '../people.jsonl'], {
        cwd: elsewhere,
        env: childEnv({ INIT_CWD: join(home, 'sub') }),
      })
      expect(up.status).toBe(0)
    })

    it('a file that is not there is named with where it was looked for', () => {
      const out = runCli(['viewers', '--data', 'people.jsonl'], { cwd: elsewhere })
      expect(out.status).toBe(2)
      expect(out.stderr).toBe(
        `people-search: Data file not found: people.jsonl (looked for ${join(elsewhere, 'people.jsonl')})\n`,
      )
    })

    it('an absolute path is taken as it is', () => {
      const out = runCli(['viewers', '--data', join(home, 'people.jsonl')], {
        cwd: elsewhere,
        env: childEnv({ INIT_CWD: elsewhere }),
      })
      expect(out.status).toBe(0)
    })
  })

  it('a reader that closes the pipe early ends the command quietly', async () => {
    const child = spawn(process.execPath, [MAIN, '--help'], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.destroy() // like `people-search --help | head -0`
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    expect(stderr).toBe('')
    expect(status).toBe(0)
  })
})
