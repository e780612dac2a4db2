import { type Profile, UsZipGeocoder } from '@people-search/core'
import { type RunningServer, startServer } from '@people-search/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkConformance } from '../src/check/check-conformance.js'
import type { Implementation, ImplementationOptions } from '../src/check/implementation.js'
import { reportText } from '../src/cli/report-text.js'
import { testGeocoder } from '../src/generators/geocoder.js'
import { HttpRefusal, ServiceFault } from '../src/http/http-errors.js'
import { httpImplementation } from '../src/http/http-implementation.js'
import { searchTarget } from '../src/http/search-target.js'
import { Oracle } from '../src/oracle/oracle.js'

/** Worlds per section: a few by default, `FC_RUNS=2000` deepens it (to 200). */
const RUNS = process.env.FC_RUNS === undefined ? 3 : Math.max(3, Math.round(Number(process.env.FC_RUNS) / 10))
const KEY = 'http-admin-key'
const NOW = new Date('2026-06-15T00:00:00Z')
const OPTIONS: ImplementationOptions = {
  now: () => NOW,
  caps: { basic: 1 },
  facetBucketLimit: 1,
  geocoder: testGeocoder,
}

let server: RunningServer
beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, config: { adminKey: KEY, testMode: true } })
})
afterAll(async () => {
  await server?.close()
})

const factory = () => httpImplementation({ url: server.url, adminKey: KEY })

/** What a call came to, as the kit compares it: its value, or the status it was refused with. */
async function settled(call: () => unknown): Promise<unknown> {
  try {
    return { value: await call() }
  } catch (error) {
    return { status: (error as { status?: unknown }).status }
  }
}

const PROFILES: Profile[] = [
  {
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    headline: 'java engineer',
    location: { name: 'Bay', code: 'us:84', postalCode: '94043' },
  },
  {
    id: 'bob',
    firstName: 'Bob',
    lastName: 'Ray',
    headline: 'java engineer',
    location: { name: 'Bay', code: 'us:84', postalCode: '94105' },
  },
  {
    id: 'cat',
    firstName: 'Cat',
    lastName: 'Poe',
    headline: 'java lead',
    summary: 'secret',
    visibility: { summary: 'connections' },
  },
  { id: 'dan', firstName: 'Dan', lastName: 'Ng', headline: 'java lead' },
]

describe('httpImplementation: a service in test mode held to docs/spec.md over HTTP', () => {
  it(`is conformant for our own server (${RUNS} worlds per section, seed 1)`, async () => {
    const report = await checkConformance(factory(), { numRuns: RUNS, seed: 1 })
    expect(report.ok, reportText(report, server.url)).toBe(true)
    expect(report.sections.map((s) => [s.section, s.runs])).toEqual(
      ['search', 'facets', 'privacy', 'updates'].map((s) => [s, RUNS]),
    )
  })

  it('loads a world through the admin routes and answers each viewer’s search as the oracle does', async () => {
    const service = (await factory()(OPTIONS)) as Implementation
    const oracle = new Oracle({ ...OPTIONS })
    for (const side of [service, oracle] as const) {
      await side.add(structuredClone(PROFILES))
      await side.connect('ann', 'bob')
      await side.connect('bob', 'cat')
      await side.joinGroup('dan', 'g1')
      await side.joinGroup('ann', 'g1')
    }
    const urls = [
      '/v1/people-search:(people:(id,first-name,distance),num-results)?keywords=java',
      'people-search:(people:(id),num-results)?keywords=secret',
      'https://api.linkedin.com/v1/people-search:(people:(id,distance),num-results)?country-code=us&postal-code=94043&distance=40&sort=distance',
      '/v1/people-search:(people:(id),num-results)?first-name=Dan&last-name=Ng',
      '/v1/people-search?count=99',
      '/v1/people-search:(num-results,facets:(code,buckets:(code,count,selected)))?keywords=java&facets=network,location',
    ]
    for (const viewer of ['ann', 'bob', 'dan', 'ghost', undefined]) {
      for (const url of urls) {
        const expected = await settled(() =>
          JSON.parse(JSON.stringify(oracle.search(url, viewer === undefined ? {} : { viewer }))),
        )
        expect(await settled(() => service.search(url, { viewer })), `${url} as ${viewer}`).toEqual(expected)
      }
    }
    // The caps of the options reached the service: basic is capped at 1 of bob's 2.
    expect(
      await service.search('/v1/people-search:(num-results,people:(id))?keywords=java', { viewer: 'bob' }),
    ).toMatchObject({
      numResults: 2,
      people: { _total: 1 },
    })
  })

  it('refuses as the verbs of docs/spec.md §1.2 and §8 do: statuses, and no-ops for members that are not there', async () => {
    const service = (await factory()(OPTIONS)) as Implementation
    const oracle = new Oracle({ now: OPTIONS.now, geocoder: testGeocoder })
    const steps: [string, (side: Implementation | Oracle) => unknown][] = [
      ['add', (side) => side.add(structuredClone(PROFILES.slice(0, 2)))],
      ['add nothing', (side) => side.add([])],
      [
        'add an invalid batch',
        (side) => side.add([PROFILES[2], { id: 'bad id!', firstName: 'x', lastName: 'y' } as Profile]),
      ],
      ['connect a ghost', (side) => side.connect('ann', 'ghost')],
      ['join a ghost', (side) => side.joinGroup('ghost', 'g1')],
      ['disconnect a ghost', (side) => side.disconnect('ann', 'ghost')],
      ['leave as a ghost', (side) => side.leaveGroup('ghost', 'g1')],
      ['disconnect a pair not linked', (side) => side.disconnect('ann', 'bob')],
    ]
    for (const [what, step] of steps) {
      const expected = await settled(() => step(oracle))
      const actual = await settled(() => step(service))
      expect('status' in (actual as object) ? actual : { value: undefined }, what).toEqual(
        'status' in (expected as object) ? expected : { value: undefined },
      )
    }
    // remove answers whether a member went, as core's and the oracle's do.
    expect(await settled(() => service.remove('ghost'))).toEqual({ value: false })
    expect(await settled(() => service.remove('bob'))).toEqual({ value: true })
    // The invalid batch changed nothing: cat is not there, ann is, alone.
    expect(
      await service.search('/v1/people-search:(num-results)?first-name=Cat&last-name=Poe', { viewer: 'ann' }),
    ).toEqual({
      numResults: 0,
    })
  })

  it('starts each world empty, with the options it was given', async () => {
    const first = (await factory()(OPTIONS)) as Implementation
    await first.add(structuredClone(PROFILES))
    const second = (await factory()({ ...OPTIONS, caps: {} })) as Implementation
    expect(await settled(() => second.search('/v1/people-search?keywords=java', { viewer: 'ann' }))).toEqual({
      status: 401,
    })
  })

  it('refuses what it cannot send: a geocoder other than the kit’s, and a service without test mode', async () => {
    const other = { ...OPTIONS, geocoder: new UsZipGeocoder() }
    const refused = await Promise.resolve(factory()(other)).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ServiceFault)
    expect(refused).not.toHaveProperty('status')
    expect((refused as Error).message).toContain('testGeocoder')

    const plain = await startServer({ host: '127.0.0.1', port: 0, config: { adminKey: KEY } })
    try {
      const made = httpImplementation({ url: plain.url, adminKey: KEY })(OPTIONS)
      await expect(made).rejects.toBeInstanceOf(HttpRefusal)
      await expect(made).rejects.toMatchObject({ status: 404 })
    } finally {
      await plain.close()
    }
  })

  it('reports a service that breaks §9.3 (an error document whose status is not the HTTP status, a body that is not JSON) as a fault without a status', async () => {
    const answers = [
      new Response(JSON.stringify({ status: 'ok' })),
      new Response(JSON.stringify({ status: 400, message: 'x' }), { status: 404 }),
      new Response('<error/>', { status: 400 }),
      new Response(JSON.stringify({ message: 'no status' }), { status: 500 }),
    ]
    const fake: typeof fetch = async () => answers.shift() ?? new Response('{}')
    const service = (await httpImplementation({ url: 'http://127.0.0.1:1', adminKey: KEY, fetch: fake })(
      OPTIONS,
    )) as Implementation
    for (const expected of ['status is 400', 'not JSON', 'status is undefined']) {
      const error = await Promise.resolve(service.search('/v1/people-search', { viewer: 'ann' })).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ServiceFault)
      expect(error).not.toHaveProperty('status')
      expect((error as Error).message).toContain(expected)
    }
    const unreachable = httpImplementation({ url: 'http://127.0.0.1:1', adminKey: KEY })(OPTIONS)
    await expect(unreachable).rejects.toThrow(/cannot be reached/)
  })

  it('sends a legacy URL of docs/spec.md §8 to the route of §9.1, selector and query as given', () => {
    expect(searchTarget('/v1/people-search:(id)?a=1')).toBe('/v1/people-search:(id)?a=1')
    expect(searchTarget('people-search?a=1')).toBe('/v1/people-search?a=1')
    expect(searchTarget('/people-search')).toBe('/v1/people-search')
    expect(searchTarget('v1/people-search:(id)')).toBe('/v1/people-search:(id)')
    expect(searchTarget('https://api.linkedin.com/v1/people-search?keywords=a%20b')).toBe(
      '/v1/people-search?keywords=a%20b',
    )
    expect(searchTarget('/v2/other?x')).toBe('/v2/other?x')
  })
})
