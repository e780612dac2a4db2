import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, type ServerOptions, startServer } from '../../src/server.js'
import { NOW } from './http-world.js'

const KEY = 'the-admin-key'
let dir: string
const running: RunningServer[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'people-search-admin-'))
})
afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
  await rm(dir, { recursive: true, force: true })
})

async function start(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    state: join(dir, 'state'),
    port: 0,
    now: () => NOW,
    ...options,
    config: {
      adminKey: KEY,
      accessTokens: { 'tok-ann': 'ann', 'tok-bob': 'bob' },
      bodyLimit: 4096,
      ...options.config,
    },
  })
  running.push(server)
  return server
}

async function stop(server: RunningServer): Promise<void> {
  running.splice(running.indexOf(server), 1)
  await server.close()
}

function admin(server: RunningServer, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}` },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
}

async function search(server: RunningServer, token: string, target: string): Promise<unknown> {
  const response = await fetch(
    `${server.url}${target}${target.includes('?') ? '&' : '?'}oauth2_access_token=${token}`,
    {
      headers: { 'x-li-format': 'json' },
    },
  )
  return JSON.parse(await response.text())
}

const PEOPLE = [
  { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java developer' },
  { id: 'bob', firstName: 'Bob', lastName: 'Ray', headline: 'Java architect' },
  { id: 'cat', firstName: 'Cat', lastName: 'Poe', headline: 'Java trainer' },
]

describe('the admin routes (docs/spec.md §9.5)', () => {
  it('load profiles, connections and groups, and the answers follow each acknowledged write', async () => {
    const server = await start()
    expect((await admin(server, 'PUT', '/admin/profiles', PEOPLE)).status).toBe(200)
    expect(await search(server, 'tok-ann', '/v1/people-search?keywords=java')).toEqual({
      numResults: 0,
      people: { _total: 0 },
    })
    const connected = await admin(server, 'PUT', '/admin/connections', [['ann', 'bob']])
    expect(JSON.parse(await connected.text())).toMatchObject({ status: 'ok', members: 3 })
    expect(await search(server, 'tok-ann', '/v1/people-search?keywords=java')).toMatchObject({
      numResults: 1,
    })
    expect(
      (
        await admin(server, 'PUT', '/admin/groups', [
          ['ann', 'g'],
          ['cat', 'g'],
        ])
      ).status,
    ).toBe(200)
    expect(await search(server, 'tok-ann', '/v1/people-search?keywords=java&facet=network,A')).toMatchObject({
      numResults: 0,
    })
    expect((await admin(server, 'DELETE', '/admin/connections', [['ann', 'bob']])).status).toBe(200)
    expect((await admin(server, 'DELETE', '/admin/groups', [['cat', 'g']])).status).toBe(200)
    expect((await admin(server, 'DELETE', '/admin/profiles/bob')).status).toBe(200)
    expect(server.index.size).toBe(2)
  })

  it('take JSON lines and Person Profile documents', async () => {
    const server = await start()
    const lines = `${JSON.stringify(PEOPLE[0])}\n\n${JSON.stringify({ public_identifier: 'dee-doe', first_name: 'Dee', last_name: 'Doe' })}\n`
    const response = await admin(server, 'PUT', '/admin/profiles', lines)
    expect(response.status).toBe(200)
    expect(server.index.size).toBe(2)
  })

  it('refuse a bad batch whole, with a document naming the record, and change nothing', async () => {
    const server = await start()
    await admin(server, 'PUT', '/admin/profiles', PEOPLE)
    const bad = await admin(server, 'PUT', '/admin/profiles', [
      { id: 'dan', firstName: 'Dan', lastName: 'Ng' },
      { id: 'x' },
    ])
    expect(bad.status).toBe(400)
    const document = JSON.parse(await bad.text())
    expect(document).toMatchObject({ status: 400 })
    expect(server.index.has('dan')).toBe(false)
    for (const [method, path, body, status] of [
      ['PUT', '/admin/connections', [['ann', 'ghost']], 404],
      ['PUT', '/admin/connections', [['ann']], 400],
      ['PUT', '/admin/groups', 'not json', 400],
      ['DELETE', '/admin/profiles/ghost', undefined, 404],
      ['PUT', '/admin/profiles', 'x'.repeat(5000), 413],
      ['POST', '/admin/profiles', PEOPLE, 405],
    ] as const) {
      const response = await admin(server, method, path, body)
      expect(response.status, `${method} ${path}`).toBe(status)
      expect(JSON.parse(await response.text())).toMatchObject({ status })
    }
    expect(server.index.size).toBe(3)
  })

  it('answer only the admin key', async () => {
    const server = await start()
    const response = await fetch(`${server.url}/admin/profiles`, {
      method: 'PUT',
      headers: { authorization: 'Bearer tok-ann' },
      body: JSON.stringify(PEOPLE),
    })
    expect(response.status).toBe(401)
    expect(server.index.size).toBe(0)
  })
})

describe('durability across restarts (docs/spec.md §9.5, §6.2)', () => {
  it('restarts to every acknowledged write, with the links of earlier answers still opening', async () => {
    const first = await start()
    await admin(first, 'PUT', '/admin/profiles', PEOPLE)
    await admin(first, 'PUT', '/admin/connections', [['ann', 'bob']])
    const found = (await search(
      first,
      'tok-ann',
      '/v1/people-search:(people:(id,api-standard-profile-request))?first-name=Cat&last-name=Poe',
    )) as {
      people: { values: { apiStandardProfileRequest: { headers: { values: { value: string }[] } } }[] }
    }
    const token = found.people.values[0].apiStandardProfileRequest.headers.values[0].value
    const before = await search(
      first,
      'tok-ann',
      '/v1/people-search:(people:(id,headline),num-results)?keywords=java',
    )
    await stop(first)

    const second = await start()
    expect(second.index.size).toBe(3)
    expect(
      await search(second, 'tok-ann', '/v1/people-search:(people:(id,headline),num-results)?keywords=java'),
    ).toEqual(before)
    const opened = await fetch(
      `${second.url}/v1/people/cat:(id,headline)?oauth2_access_token=tok-ann&format=json`,
      {
        headers: { 'x-li-auth-token': token },
      },
    )
    expect(opened.status).toBe(200)
    expect(JSON.parse(await opened.text())).toEqual({ id: 'cat', headline: 'Java trainer' })
  })

  it('compacts the log on POST /admin/snapshot and restarts from the snapshot', async () => {
    const first = await start()
    await admin(first, 'PUT', '/admin/profiles', PEOPLE)
    await admin(first, 'PUT', '/admin/connections', [['ann', 'bob']])
    const snapshot = await admin(first, 'POST', '/admin/snapshot')
    expect(snapshot.status).toBe(200)
    const { seq } = JSON.parse(await snapshot.text())
    const files = await readdir(join(dir, 'state'))
    expect(files.filter((name) => name.startsWith('snapshot-'))).toHaveLength(1)
    expect(files.filter((name) => name.startsWith('wal-'))).toHaveLength(1)
    await admin(first, 'DELETE', '/admin/profiles/cat')
    await stop(first)
    const second = await start()
    expect(seq).toBeGreaterThan(0)
    expect([second.index.has('ann'), second.index.has('cat')]).toEqual([true, false])
    expect(await search(second, 'tok-ann', '/v1/people-search?keywords=java')).toMatchObject({
      numResults: 1,
    })
  })

  it('refuses a profile source beside a state directory, whose fresh copies would not be logged', async () => {
    await expect(
      start({ indexOptions: { source: { fetch: async () => ({ profile: null }) } as never } }),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
  })
})
