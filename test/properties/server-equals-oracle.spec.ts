import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Materialized,
  materialize,
  requestPlanArb,
  type World,
  worldArb,
} from '@people-search/conformance'
import { type RunningServer, startServer } from '@people-search/server'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildIndex, buildOracle, describeRequest, NOW, optionsFor, outcome, RUNS } from './helpers.js'

/** The legacy URL of a materialized request, as a client of docs/spec.md §9 sends it. */
function urlOf(m: Materialized): string {
  const query = new URLSearchParams(m.params.map(([k, v]): [string, string] => [k, String(v)]))
  const selector = m.fields === undefined ? '' : m.fields.startsWith(':') ? m.fields : `:${m.fields}`
  return `/v1/people-search${selector}?${query}`
}

/** One access token per id a request may name, members of the world or not (docs/spec.md §9.2). */
function tokensFor(world: World, viewers: readonly (string | undefined)[]): Record<string, string> {
  const ids = new Set([...world.profiles.map((p) => p.id), ...viewers.filter((v) => v !== undefined)])
  return Object.fromEntries([...ids].map((id) => [`token-${id}`, id]))
}

/** What the service answers over HTTP: the JSON document, or `{ error: status }` with the document's status equal to it. */
async function overHttp(server: RunningServer, m: Materialized): Promise<unknown> {
  const token =
    m.viewer === undefined ? '' : `&oauth2_access_token=${encodeURIComponent(`token-${m.viewer}`)}`
  const response = await fetch(`${server.url}${urlOf(m)}${token}`, { headers: { 'x-li-format': 'json' } })
  const document = JSON.parse(await response.text()) as { status?: number }
  if (response.status === 200) return document
  expect(document.status, `the error document's status is the HTTP status: ${describeRequest(m)}`).toBe(
    response.status,
  )
  return { error: response.status }
}

/** The oracle's answer to the same URL: its document, or `{ error: status }`. */
function fromOracle(oracle: ReturnType<typeof buildOracle>, m: Materialized): unknown {
  const answer = outcome(() => oracle.search(urlOf(m), m.viewer === undefined ? {} : { viewer: m.viewer }))
  return 'error' in answer
    ? { error: Number(String(answer.error).split(' ')[0]) }
    : JSON.parse(JSON.stringify(answer))
}

const SERVER_RUNS = Math.max(10, Math.round(RUNS / 2))

describe('the HTTP service answers exactly like the oracle (docs/spec.md §9)', () => {
  it('on random worlds and requests, through each viewer’s access token', async () => {
    await fc.assert(
      fc.asyncProperty(
        worldArb(),
        fc.array(requestPlanArb(), { minLength: 1, maxLength: 8 }),
        async (world, plans) => {
          const requests = plans.map((plan) => materialize(plan, world))
          const server = await startServer({
            index: buildIndex(world),
            port: 0,
            now: () => NOW,
            config: {
              accessTokens: tokensFor(
                world,
                requests.map((m) => m.viewer),
              ),
              throttles: { searchesPerDay: 1e9 },
            },
          })
          try {
            const oracle = buildOracle(world)
            for (const m of requests) {
              expect(await overHttp(server, m), `over HTTP: ${describeRequest(m)} as ${urlOf(m)}`).toEqual(
                fromOracle(oracle, m),
              )
            }
          } finally {
            await server.close()
          }
        },
      ),
      { numRuns: SERVER_RUNS },
    )
  })

  it('on worlds loaded through the admin routes into a state directory, and after a restart from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'people-search-property-'))
    let n = 0
    try {
      await fc.assert(
        fc.asyncProperty(
          worldArb({ maxProfiles: 12 }),
          fc.array(requestPlanArb(), { minLength: 1, maxLength: 4 }),
          async (world, plans) => {
            const requests = plans.map((plan) => materialize(plan, world))
            // The world's clock, geocoder, secret, caps and bucket limit: the oracle's own.
            const { now: _now, ...indexOptions } = optionsFor(world)
            const options = {
              state: join(dir, String(n++)),
              port: 0,
              now: () => NOW,
              indexOptions,
              config: {
                accessTokens: tokensFor(
                  world,
                  requests.map((m) => m.viewer),
                ),
                adminKey: 'admin',
                throttles: { searchesPerDay: 1e9 },
              },
            }
            const admin = (server: RunningServer, method: string, path: string, body: unknown) =>
              fetch(`${server.url}${path}`, {
                method,
                headers: { authorization: 'Bearer admin' },
                body: JSON.stringify(body),
              })
            const first = await startServer(options)
            try {
              // An empty batch is a 400 (docs/decisions.md): an empty world loads nothing.
              if (world.profiles.length > 0)
                expect((await admin(first, 'PUT', '/admin/profiles', world.profiles)).status).toBe(200)
              if (world.edges.length > 0)
                expect((await admin(first, 'PUT', '/admin/connections', world.edges)).status).toBe(200)
              if (world.memberships.length > 0)
                expect((await admin(first, 'PUT', '/admin/groups', world.memberships)).status).toBe(200)
            } finally {
              await first.close()
            }
            const oracle = buildOracle(world)
            const restarted = await startServer(options)
            try {
              for (const m of requests) {
                expect(
                  await overHttp(restarted, m),
                  `after a restart: ${describeRequest(m)} as ${urlOf(m)}`,
                ).toEqual(fromOracle(oracle, m))
              }
            } finally {
              await restarted.close()
            }
          },
        ),
        { numRuns: Math.max(5, Math.round(SERVER_RUNS / 5)) },
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
