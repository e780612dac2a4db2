import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type RunningServer, startServer } from '@people-search/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readArguments } from '../src/cli/arguments.js'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const MAIN = join(PACKAGE, 'dist/cli/main.js')
const KEY = 'cli-admin-key'

/** Builds dist/ from src/ (a no-op when the typecheck already did), one build at a time. */
function buildKit(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const lock = join(
    tmpdir(),
    `people-search-conformance-build-${createHash('sha256').update(PACKAGE).digest('hex').slice(0, 12)}`,
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
    execFileSync(process.execPath, [tsc, '-b', PACKAGE], { stdio: 'inherit' })
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

interface Finished {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the built command as a user does (asynchronously: the services it calls live in this process). */
function runKit(args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/**
 * A deliberately broken service: our own behind a proxy that adds one to every search's
 * `numResults` (docs/spec.md §3.3), and passes everything else on as it is.
 */
function brokenProxy(target: string): Promise<Server> {
  const proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length',
      ),
    ) as Record<string, string>
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    })
    let body = await answer.text()
    if (answer.status === 200 && request.url?.startsWith('/v1/people-search')) {
      const document = JSON.parse(body) as { numResults?: number }
      if (typeof document.numResults === 'number') document.numResults += 1
      body = JSON.stringify(document, null, 2)
    }
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    })
    response.end(body)
  })
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)))
}

let server: RunningServer
let proxy: Server
beforeAll(async () => {
  buildKit()
  server = await startServer({ host: '127.0.0.1', port: 0, config: { adminKey: KEY, testMode: true } })
  proxy = await brokenProxy(server.url)
}, 120_000)
afterAll(async () => {
  proxy?.closeAllConnections()
  await new Promise((resolve) => proxy?.close(resolve))
  await server?.close()
}, 30_000)

describe('people-search-conformance, the command (packages/conformance/README.md)', () => {
  it('passes our own service in test mode: exit 0 and a line per section', async () => {
    const run = await runKit(['--url', server.url, '--admin-key', KEY, '--runs', '1', '--seed', '1'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`PASSED: ${server.url}`)
    for (const section of ['search', 'facets', 'privacy', 'updates'])
      expect(run.stdout).toMatch(new RegExp(`^  ${section} +ok +1 runs +\\d+ searches$`, 'm'))
  })

  it('catches a service whose num-results is off by one: exit 1 and the counterexample printed', async () => {
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
    const run = await runKit([
      '--url',
      url,
      '--admin-key',
      KEY,
      '--runs',
      '3',
      '--seed',
      '1',
      '--sections',
      'search',
    ])
    expect(run.status, run.stderr).toBe(1)
    expect(run.stdout).toContain(`FAILED: ${url} differs from docs/spec.md`)
    expect(run.stdout).toMatch(/^ {2}search +FAILED /m)
    expect(run.stdout).toContain('First counterexample (section search):')
    expect(run.stdout).toContain('  differs at numResults:')
    const expected = Number(/^ {4}expected: (\d+)$/m.exec(run.stdout)?.[1])
    const actual = Number(/^ {4}actual: {3}(\d+)$/m.exec(run.stdout)?.[1])
    expect(actual).toBe(expected + 1)
    expect(run.stdout).toMatch(/^ {2}request: {2}\/v1\/people-search/m)
    expect(run.stdout).toMatch(/^ {2}viewer: {3}"/m)
    expect(run.stdout).toMatch(/^ {2}world \(\d+ JSON lines\):\n {4}\{"profile":/m)
  })

  it('reads its arguments, and refuses each bad one naming it (400 invalid-argument)', () => {
    expect(readArguments(['--url', 'http://h:1/', '--admin-key', 'k'])).toEqual({
      help: false,
      url: 'http://h:1',
      adminKey: 'k',
      runs: 100,
      seed: undefined,
      sections: ['search', 'facets', 'privacy', 'updates'],
    })
    expect(
      readArguments(['--url=http://h:1', '--runs', '7', '--seed=-3', '--sections', 'updates,search'], {
        PEOPLE_SEARCH_ADMIN_KEY: 'from-env',
      }),
    ).toMatchObject({ adminKey: 'from-env', runs: 7, seed: -3, sections: ['updates', 'search'] })
    expect(readArguments(['--url', 'x', '--help'])).toEqual({ help: true })
    const ok = ['--url', 'http://h:1', '--admin-key', 'k']
    const cases: [string[], string][] = [
      [['--admin-key', 'k'], 'Invalid --url {(missing)}'],
      [['--url', 'http://h:1'], 'Invalid --admin-key {(missing)}'],
      [['--url', 'ftp://x', '--admin-key', 'k'], 'Invalid --url {ftp://x}'],
      [['--url', 'http://h:1?x=1', '--admin-key', 'k'], 'Invalid --url {http://h:1?x=1}'],
      [['--url', 'not a url', '--admin-key', 'k'], 'Invalid --url {not a url}'],
      [[...ok, '--runs', '0'], 'Invalid --runs {0}: expected an integer ≥ 1'],
      [[...ok, '--runs', '1e3'], 'Invalid --runs {1e3}'],
      [[...ok, '--seed', 'one'], 'Invalid --seed {one}: expected a 32-bit integer'],
      [[...ok, '--seed', '4294967296'], 'Invalid --seed {4294967296}'],
      [[...ok, '--sections', 'search,xml'], 'Invalid --sections {xml}'],
      [[...ok, '--verbose'], 'Invalid option {--verbose}'],
      [[...ok, '--runs'], 'Invalid --runs {(nothing)}'],
      [[...ok, '--url', 'http://h:2'], 'Invalid --url {--url}: expected given once'],
    ]
    for (const [args, message] of cases) {
      expect(() => readArguments(args), args.join(' ')).toThrow(
        expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining(message) }),
      )
    }
  })

  it('exits 2 with one clear line for a bad argument, a refused admin key and an unreachable service', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--url', server.url, '--admin-key', KEY, '--runs', '0'],
        /^people-search-conformance: Invalid --runs \{0\}/,
      ],
      [['--url', server.url, '--admin-key', 'wrong'], /cannot be checked: the admin key was refused$/],
    ]
    // A port nothing listens on.
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    cases.push([
      ['--url', `http://127.0.0.1:${port}`, '--admin-key', KEY],
      /cannot be reached \(ECONNREFUSED\)$/,
    ])
    for (const [args, message] of cases) {
      const run = await runKit(args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr.split('\n')[0], args.join(' ')).toMatch(message)
      expect(run.stdout, args.join(' ')).toBe('')
    }
  })
})
