// `people-search serve` as a user runs it: the compiled command in a child process of its own,
// talked to over 127.0.0.1 with Node's fetch, stopped with real signals.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init, parse } from 'es-module-lexer'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, CLI_DIR, childEnv, MAIN, runCli, STACK } from './cli-process.js'

/** How long one start may take before the test fails (a small world starts in about a second). */
const START_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 10_000
const SMALL = ['--size', '300']
const LAST_LINE = 'Stop with Ctrl-C (SIGINT) or SIGTERM.'

const PEOPLE = [
  { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java engineer' },
  { id: 'bob', firstName: 'Bob', lastName: 'Ray', headline: 'Rust engineer' },
  { edge: ['ann', 'bob'] },
]

interface Serving {
  child: ChildProcess
  url: string
  /** The generated tokens, by viewer id, in the order printed. */
  tokens: Map<string, string>
  adminKey: string | undefined
  stdout(): string
  stderr(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const running = new Set<ChildProcess>()
afterEach(() => {
  // A failed test must not leave a service behind.
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})

let home = ''
beforeAll(async () => {
  buildCli()
  home = await mkdtemp(join(tmpdir(), 'people-search-serve-'))
  await writeFile(join(home, 'people.jsonl'), PEOPLE.map((line) => JSON.stringify(line)).join('\n'))
}, 120_000)

afterAll(async () => {
  await rm(home, { recursive: true, force: true })
})

/** Spawns `people-search serve …` and resolves once its banner is out (or it exited). */
function spawnServe(args: string[], cwd = home): Promise<Serving> {
  const child = spawn(process.execPath, [MAIN, 'serve', ...args], {
    cwd,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child)
      resolve({ code, signal })
    }),
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start in time:\n${out}\n${err}`)),
      START_TIMEOUT_MS,
    )
    const ready = () => {
      // The banner is one write; its last line says how to stop the service.
      if (!out.includes(`\n${LAST_LINE}\n`)) return
      clearTimeout(timer)
      resolve(
        serving(
          child,
          () => out,
          () => err,
          exited,
        ),
      )
    }
    child.stdout.on('data', ready)
    exited.then(() => {
      clearTimeout(timer)
      resolve(
        serving(
          child,
          () => out,
          () => err,
          exited,
        ),
      )
    })
  })
}

function serving(
  child: ChildProcess,
  stdout: () => string,
  stderr: () => string,
  exited: Serving['exited'],
): Serving {
  const text = stdout()
  const url = /^people-search listening on (http:\/\/\S+)$/m.exec(text)?.[1] ?? ''
  const tokens = new Map([...text.matchAll(/^ {2}viewer (\S+): token (\S+)$/gm)].map((m) => [m[1], m[2]]))
  const adminKey = /^Admin key for this run: (\S+)$/m.exec(text)?.[1]
  return { child, url, tokens, adminKey, stdout, stderr, exited }
}

/** Sends the signal and waits for the exit, bounded in time. */
async function stop(serve: Serving, signal: NodeJS.Signals = 'SIGTERM') {
  serve.child.kill(signal)
  return within(serve.exited, STOP_TIMEOUT_MS, 'serve did not stop in time')
}

function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return JSON.parse(await response.text()) as Record<string, unknown>
}

const SEARCH = '/v1/people-search:(people:(id,first-name),num-results)'

describe('people-search serve', () => {
  it('serves the sample world: the banner names the URL, a token per viewer answers a search', async () => {
    const serve = await spawnServe([...SMALL, '--port', '0'])
    const lines = serve.stdout().split('\n')
    expect(lines[0]).toMatch(/^people-search listening on http:\/\/127\.0\.0\.1:[1-9]\d*$/)
    expect(serve.tokens.size).toBeGreaterThanOrEqual(2)
    const [[viewer, token]] = serve.tokens
    // Every printed curl line is ready to paste: the right URL and a token in it.
    expect(serve.stdout()).toContain(
      `curl '${serve.url}/v1/people-search?keywords=engineer&oauth2_access_token=${token}&format=json'`,
    )

    const health = await fetch(`${serve.url}/health`)
    expect(health.status).toBe(200)
    expect(await json(health)).toEqual({ status: 'ok', members: 300 })

    const found = await fetch(`${serve.url}${SEARCH}?count=3&oauth2_access_token=${token}&format=json`)
    expect(found.status).toBe(200)
    const answer = await json(found)
    expect(answer.numResults).toBeGreaterThan(0)
    // The same search by the Bearer form, for the same viewer.
    const bearer = await fetch(`${serve.url}${SEARCH}?count=3`, {
      headers: { authorization: `Bearer ${token}`, 'x-li-format': 'json' },
    })
    expect(await json(bearer)).toEqual(answer)
    const self = await fetch(`${serve.url}/v1/people/~:(id)?oauth2_access_token=${token}&format=json`)
    expect(await json(self)).toEqual({ id: viewer })

    const stranger = await fetch(`${serve.url}${SEARCH}?oauth2_access_token=not-a-token&format=json`)
    expect(stranger.status).toBe(401)
    // Without --state, an admin write is refused rather than acknowledged and then lost.
    const [, second] = serve.tokens.keys()
    const write = await fetch(`${serve.url}/admin/connections`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${serve.adminKey}` },
      body: JSON.stringify([[viewer, second]]),
    })
    expect(write.status).toBe(503)

    expect(serve.stderr()).toContain('people-search: serving 300 members of the sample world from memory')
    expect(await stop(serve)).toEqual({ code: 0, signal: null })
    expect(serve.stderr()).toContain('people-search: SIGTERM: stopping')
    expect(serve.stderr()).not.toMatch(STACK)
  })

  it('keeps admin writes in --state across a SIGTERM and a restart; the state then wins over --data', async () => {
    const state = await mkdtemp(join(home, 'state-'))
    const first = await spawnServe(['--data', 'people.jsonl', '--state', state, '--port', '0'])
    expect(first.stderr()).toContain(
      `state directory ${state} was empty: seeded it with 2 members of people.jsonl`,
    )
    // Viewers of a data file are its best connected members.
    expect([...first.tokens.keys()].sort()).toEqual(['ann', 'bob'])
    const admin = { authorization: `Bearer ${first.adminKey}` }
    const added = await fetch(`${first.url}/admin/profiles`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify([{ id: 'cy', firstName: 'Cy', lastName: 'Ode', headline: 'Zymurgist' }]),
    })
    expect(added.status).toBe(200)
    const linked = await fetch(`${first.url}/admin/connections`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify([['ann', 'cy']]),
    })
    expect(linked.status).toBe(200)
    // One writer per state directory: a second service on it is refused before it listens.
    const second = runCli(['serve', '--state', state, '--port', '0'], { cwd: home })
    expect(second.status).toBe(2)
    expect(second.stdout).toBe('')
    expect(second.stderr).toMatch(/^people-search: State directory .+ is in use by /m)
    expect(await stop(first)).toEqual({ code: 0, signal: null })

    const again = await spawnServe(['--data', 'people.jsonl', '--state', state, '--port', '0'])
    expect(again.stderr()).toContain(
      `state directory ${state} holds 3 members: serving those, not people.jsonl`,
    )
    const token = again.tokens.get('ann') as string
    expect(token).toBeDefined() // a restart makes new tokens…
    expect(token).not.toBe(first.tokens.get('ann'))
    const found = await fetch(
      `${again.url}${SEARCH}?keywords=zymurgist&oauth2_access_token=${token}&format=json`,
    )
    expect(await json(found)).toMatchObject({
      numResults: 1,
      people: { values: [{ id: 'cy', firstName: 'Cy' }] },
    })
    expect(await stop(again, 'SIGINT')).toEqual({ code: 0, signal: null })
  })

  it('takes tokens and the admin key from --config, generating none; a relative path starts where it ran', async () => {
    await writeFile(
      join(home, 'serve.json'),
      JSON.stringify({ accessTokens: { 'ann-token': 'ann' }, adminKey: 'the-admin-key' }),
    )
    const serve = await spawnServe(['-d', 'people.jsonl', '--config', 'serve.json', '-p', '0'])
    expect(serve.tokens.size).toBe(0)
    expect(serve.adminKey).toBeUndefined()
    expect(serve.stdout()).not.toContain('the-admin-key')
    const found = await fetch(`${serve.url}${SEARCH}?keywords=rust&oauth2_access_token=ann-token&format=json`)
    expect(await json(found)).toMatchObject({ numResults: 1, people: { values: [{ id: 'bob' }] } })
    const write = await fetch(`${serve.url}/admin/snapshot`, {
      method: 'POST',
      headers: { authorization: 'Bearer the-admin-key' },
    })
    expect(write.status).toBe(503) // the key is right; there is no state directory
    expect(await stop(serve)).toEqual({ code: 0, signal: null })
  })

  it('a second signal while requests are in flight stops at once, with the status of that signal', async () => {
    const serve = await spawnServe([...SMALL, '--port', '0'])
    const { port } = new URL(serve.url)
    // A request whose headers never end: the graceful stop waits for it.
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    socket.on('error', () => {})
    await new Promise((resolve) => setTimeout(resolve, 100))
    serve.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(serve.child.exitCode).toBeNull() // still waiting for the request in flight
    expect(await stop(serve, 'SIGINT')).toEqual({ code: 130, signal: null })
    expect(serve.stderr()).toContain('SIGINT again: stopping now')
    socket.destroy()
  })

  it('refuses a config file with an unknown key, naming it, before it listens (exit 2)', async () => {
    await writeFile(join(home, 'typo.json'), JSON.stringify({ accesTokens: { t: 'ann' } }))
    const out = runCli(['serve', '--config', 'typo.json', '--port', '0'], { cwd: home })
    expect(out.status).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toMatch(/^people-search: Config file typo\.json: .*accesTokens.*\n$/)
    expect(out.stderr).not.toMatch(STACK)

    await writeFile(join(home, 'shape.json'), JSON.stringify({ throttles: { searchesPerDay: -1 } }))
    const shape = runCli(['serve', '--config', 'shape.json'], { cwd: home })
    expect(shape.status).toBe(2)
    expect(shape.stderr).toContain('throttles.searchesPerDay')

    await writeFile(join(home, 'broken.json'), '{"adminKey": ')
    const broken = runCli(['serve', '--config', 'broken.json'], { cwd: home })
    expect(broken.status).toBe(2)
    expect(broken.stderr).toMatch(/^people-search: Config file broken\.json is not JSON: /)

    const missing = runCli(['serve', '--config', 'nowhere.json'], { cwd: home })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/^people-search: Config file not found: nowhere\.json/)
  })

  it('a port that is taken, or a bad --data, is one line on stderr and exit 2', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      const out = runCli(['serve', '--data', 'people.jsonl', '--port', String(port)], { cwd: home })
      expect(out.status).toBe(2)
      expect(out.stdout).toBe('')
      expect(out.stderr).toMatch(
        new RegExp(
          `^people-search: cannot listen on 127\\.0\\.0\\.1:${port}: the address is in use \\(try another --port\\)\n$`,
          'm',
        ),
      )
      expect(out.stderr).not.toMatch(STACK)
    } finally {
      taken.close()
    }
    const missing = runCli(['serve', '--data', 'none.jsonl', '--port', '0'], { cwd: home })
    expect(missing).toMatchObject({ status: 2, stdout: '' })
    expect(missing.stderr).toMatch(/^people-search: Data file not found: none\.jsonl/)
  })

  it('--help documents serve; the server is loaded only by serve, through import()', async () => {
    const help = runCli(['--help'])
    expect(help.stdout).toContain('people-search serve [--data <file> | --size <n>] [--state <dir>]')
    for (const option of ['--state <dir>', '--config <file>', '--host <address>', '-p, --port <n>']) {
      expect(help.stdout).toContain(option)
    }
    await init
    const commands = await readFile(join(CLI_DIR, 'dist/commands.js'), 'utf8')
    const [imports] = parse(commands)
    const statics = imports.filter((entry) => entry.type === 'static').map((entry) => entry.specifier)
    const dynamics = imports.filter((entry) => entry.type === 'dynamic').map((entry) => entry.specifier)
    expect(statics).not.toContain('./serve.js')
    expect(statics).not.toContain('@people-search/server')
    expect(dynamics).toContain('./serve.js')
  })
})
