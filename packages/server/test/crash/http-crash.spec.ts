import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PeopleIndex, type Profile } from '@people-search/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// docs/spec.md §9.5: a write is acknowledged only once it is durable; after `kill -9` at any moment,
// during a batch or a snapshot, a restart answers exactly as the service did after its last
// acknowledged write, never with half a batch. The service runs as a real child process, is
// driven over HTTP and killed with SIGKILL; each restart is compared with an index built from
// the acknowledged writes (and the one in flight, which may have landed whole).

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const CHILD = fileURLToPath(new URL('./fixtures/serve-child.mjs', import.meta.url))
const KEY = 'crash-admin-key'
const VIEWERS = ['v0', 'v1', 'v2']
const CONFIG = JSON.stringify({
  adminKey: KEY,
  accessTokens: Object.fromEntries(VIEWERS.map((v) => [`tok-${v}`, v])),
  throttles: { searchesPerDay: 1e9 },
})
const WORDS = ['java', 'python', 'rust', 'sales', 'design', 'data']
const ROUNDS = 8
const QUERIES = [
  '/v1/people-search:(people:(id,headline),num-results,facets:(code,buckets:(code,count)))?keywords=java&facets=network',
  '/v1/people-search:(people:(id),num-results)?keywords=data&sort=distance&count=25',
  '/v1/people-search:(people:(id),num-results)?count=25&start=5',
]

type Write =
  | { op: 'add'; profiles: Profile[] }
  | { op: 'connect'; pairs: [string, string][] }
  | { op: 'remove'; id: string }

let dir: string

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/server'], {
    cwd: ROOT,
    stdio: 'pipe',
  })
  dir = await mkdtemp(join(tmpdir(), 'people-search-http-crash-'))
}, 120_000)
afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
})

/**
 * The n-th write of a seeded stream, drawn from the acknowledged state: batches of profiles
 * (every third one large), connections, removes. Every connection batch links each viewer to
 * members it was not linked to, and every batch of profiles or remove changes the member count,
 * so whether a write in flight landed is always visible in the answers.
 */
function writeAt(n: number, acked: PeopleIndex, members: readonly string[], linked: Set<string>): Write {
  if (n === 0) {
    return { op: 'add', profiles: VIEWERS.map((id, i) => ({ id, firstName: `View${i}`, lastName: 'Er' })) }
  }
  const live = members.filter((id) => acked.has(id))
  if (n % 5 === 4 && live.length > 20) {
    const pairs: [string, string][] = []
    for (const viewer of VIEWERS) {
      const fresh = live.filter((id) => !linked.has(`${viewer} ${id}`)).slice(0, 20)
      for (const id of fresh) pairs.push([viewer, id])
    }
    for (let i = 0; i < 40; i++)
      pairs.push([live[(n * 13 + i) % live.length], live[(n * 7 + i * 29) % live.length]])
    if (pairs.length > 40) return { op: 'connect', pairs }
  }
  if (n % 7 === 6 && live.length > 10) return { op: 'remove', id: live[(n * 11) % live.length] }
  const size = n % 3 === 0 ? 1500 : 200
  const profiles: Profile[] = []
  for (let i = 0; i < size; i++) {
    profiles.push({
      id: `p${n}-${i}`,
      firstName: `First${i % 50}`,
      lastName: `Last${n}`,
      headline: `${WORDS[(n + i) % WORDS.length]} ${WORDS[(n * 3 + i * 7) % WORDS.length]} engineer`,
      numConnections: (i * 37) % 500,
    })
  }
  return { op: 'add', profiles }
}

function apply(index: PeopleIndex, write: Write): void {
  if (write.op === 'add') index.add(write.profiles)
  else if (write.op === 'remove') index.remove(write.id)
  else for (const [a, b] of write.pairs) index.connect(a, b)
}

function request(url: string, write: Write): Promise<Response> {
  const headers = { authorization: `Bearer ${KEY}` }
  if (write.op === 'add')
    return fetch(`${url}/admin/profiles`, { method: 'PUT', headers, body: JSON.stringify(write.profiles) })
  if (write.op === 'remove') return fetch(`${url}/admin/profiles/${write.id}`, { method: 'DELETE', headers })
  return fetch(`${url}/admin/connections`, { method: 'PUT', headers, body: JSON.stringify(write.pairs) })
}

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CHILD, join(dir, 'state'), CONFIG], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`the service did not start: ${stderr}`)), 20_000)
    child.stdout?.on('data', (chunk) => {
      out += chunk
      const line = /^listening (\S+)$/m.exec(out)
      if (line !== null) {
        clearTimeout(timer)
        resolve(line[1])
      }
    })
    child.on('exit', (code) => reject(new Error(`the service exited (${code}) before listening: ${stderr}`)))
  })
  return { child, url }
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/** What one answer shows: the document, or an error's status and message (its id and time differ). */
function shown(status: number, document: unknown): string {
  return status === 200 ? JSON.stringify(document) : `${status} ${(document as { message?: string }).message}`
}

async function answers(url: string): Promise<string[]> {
  const out: string[] = [await (await fetch(`${url}/health`)).text()]
  for (const viewer of VIEWERS) {
    for (const query of QUERIES) {
      const response = await fetch(`${url}${query}&oauth2_access_token=tok-${viewer}&format=json`)
      out.push(shown(response.status, JSON.parse(await response.text())))
    }
  }
  return out
}

function modelAnswers(index: PeopleIndex): string[] {
  const health = `${JSON.stringify({ status: 'ok', members: index.size }, null, 2)}\n`
  return [
    health,
    ...VIEWERS.flatMap((viewer) =>
      QUERIES.map((query) => {
        try {
          return shown(200, index.search(query, { viewer }))
        } catch (error) {
          const { status, message } = error as { status: number; message: string }
          return shown(status, { message })
        }
      }),
    ),
  ]
}

describe('crash safety of the service, for real (docs/spec.md §9.5)', () => {
  it('restarts after SIGKILL during batches and snapshots to exactly the acknowledged writes', async () => {
    const acknowledged: Write[] = []
    // The acknowledged state, kept as the writes are acknowledged, to draw the next writes from.
    const acked = new PeopleIndex()
    const members: string[] = []
    const linked = new Set<string>()
    const ack = (write: Write) => {
      acknowledged.push(write)
      apply(acked, write)
      if (write.op === 'add')
        members.push(...write.profiles.map((p) => p.id).filter((id) => !VIEWERS.includes(id)))
      if (write.op === 'connect') for (const [a, b] of write.pairs) linked.add(`${a} ${b}`)
    }
    const replayed = (writes: readonly Write[]) => {
      const index = new PeopleIndex()
      for (const write of writes) apply(index, write)
      return index
    }
    let next = 0
    const kinds = new Set<string>()
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await startChild()
      // Before anything more: the restarted service answers as the acknowledged writes say.
      expect(await answers(url), `round ${round}: a restart answers as the acknowledged writes`).toEqual(
        modelAnswers(acked),
      )

      const mode = (['batch', 'snapshot', 'stream', 'ack'] as const)[round % 4]
      // A few acknowledged writes first, so there is something to lose.
      for (let i = 0; i < 3; i++) {
        const write = writeAt(next++, acked, members, linked)
        const response = await request(url, write)
        const body = await response.text()
        expect(response.status, `write ${next - 1}: ${body}`).toBe(200)
        ack(write)
      }
      let inFlight: Write | undefined
      if (mode === 'snapshot') {
        const snapshot = fetch(`${url}/admin/snapshot`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}` },
        })
        snapshot.catch(() => {})
        await new Promise((r) => setTimeout(r, Math.random() * 40))
      } else if (mode === 'ack') {
        // Killed the moment a large batch is acknowledged: it must be there after the restart.
        while (next % 3 !== 0) next++
        const write = writeAt(next++, acked, members, linked)
        const response = await request(url, write)
        child.kill('SIGKILL')
        expect(response.status).toBe(200)
        ack(write)
      } else if (mode === 'batch') {
        // A large batch (every third write is 1,500 profiles), killed while it is being written.
        while (next % 3 !== 0) next++
        inFlight = writeAt(next++, acked, members, linked)
        request(url, inFlight).catch(() => {})
        await new Promise((r) => setTimeout(r, Math.random() * 60))
      } else {
        // Writes one after another, killed at a random moment among them.
        const deadline = Date.now() + 50 + Math.random() * 250
        while (Date.now() < deadline) {
          const write = writeAt(next++, acked, members, linked)
          inFlight = write
          try {
            const late = new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('late')), deadline - Date.now()),
            )
            const response = await Promise.race([request(url, write), late])
            const body = await response.text()
            expect(response.status, `write ${next - 1}: ${body}`).toBe(200)
            ack(write)
            inFlight = undefined
          } catch (error) {
            if ((error as Error).message !== 'late') throw error
            break
          }
        }
      }
      await kill(child)
      kinds.add(mode)

      // The write in flight may have become durable before the kill: then it is there whole.
      if (inFlight !== undefined) {
        const { child: probe, url: probeUrl } = await startChild()
        const seen = await answers(probeUrl)
        const whole = modelAnswers(replayed([...acknowledged, inFlight]))
        if (JSON.stringify(seen) === JSON.stringify(whole)) ack(inFlight)
        else
          expect(seen, `round ${round}: the write in flight is not half there`).toEqual(modelAnswers(acked))
        await kill(probe)
      }
    }
    expect([...kinds].sort()).toEqual(['ack', 'batch', 'snapshot', 'stream'])
  }, 120_000)
})
