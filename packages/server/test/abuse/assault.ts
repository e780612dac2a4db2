// The assault of the abuse test: every hostile request of attacks.ts, sent while a probe checks
// every PROBE_EVERY_MS that the server still answers a well-formed request, correctly and soon.
import type { RunningServer } from '../../src/server.js'
import {
  cutOffAfter,
  type FetchAttack,
  fetchAttacks,
  PROBE_SEARCH,
  type RawAttack,
  rawAttacks,
} from './attacks.js'
import { type Exchange, exchange, type RawResponse } from './raw-client.js'

export const PROBE_EVERY_MS = 100
/** Hostile requests sent together, every PROBE_EVERY_MS. */
const WAVE = 20

export interface Probe {
  what: 'health' | 'search'
  status: number
  ms: number
  ok: boolean
}

export interface Outcome {
  raw: { attack: RawAttack; result: Exchange }[]
  fetched: { attack: FetchAttack; response: RawResponse | Error }[]
  probes: Probe[]
  wallMs: number
}

export async function probe(server: RunningServer, what: Probe['what']): Promise<Probe> {
  const started = performance.now()
  try {
    const response = await fetch(`${server.url}${what === 'health' ? '/health' : PROBE_SEARCH}`, {
      headers: { 'x-li-format': 'json' },
    })
    const body = (await response.json()) as unknown
    const ms = performance.now() - started
    const expected =
      what === 'health'
        ? { status: 'ok', members: server.index.size }
        : server.index.search(PROBE_SEARCH, { viewer: 'ann' })
    return { what, status: response.status, ms, ok: JSON.stringify(body) === JSON.stringify(expected) }
  } catch {
    return { what, status: 0, ms: performance.now() - started, ok: false }
  }
}

/**
 * The assault: the slow clients connect at once; every other hostile request is sent in waves of
 * WAVE every PROBE_EVERY_MS, so the harness, which shares its event loop with the server, does
 * not itself stall the probe by opening hundreds of connections in one tick.
 */
export async function assault(server: RunningServer): Promise<Outcome> {
  const port = Number(new URL(server.url).port)
  // Compiles the routes and opens the probe's connection, so the first probe measures the service, not a cold start.
  for (let k = 0; k < 4; k++) await probe(server, k % 2 === 0 ? 'health' : 'search')
  const started = performance.now()
  const probes: Probe[] = []
  let done = false
  const prober = (async () => {
    for (let k = 0; !done; k++) {
      const next = started + (k + 1) * PROBE_EVERY_MS
      probes.push(await probe(server, k % 2 === 0 ? 'health' : 'search'))
      await new Promise((wake) => setTimeout(wake, Math.max(0, next - performance.now())))
    }
  })()
  const sendRaw = async (attack: RawAttack) => ({
    attack,
    result: await exchange(port, attack.chunks, attack),
  })
  const sendFetch = async (attack: FetchAttack) => ({
    attack,
    response: await fetch(`${server.url}${attack.target}`, attack.init).then(
      async (r): Promise<RawResponse> => ({
        status: r.status,
        headers: Object.fromEntries(r.headers),
        body: await r.text(),
      }),
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    ),
  })
  const [slow, quick] = partition(rawAttacks(), (attack) => cutOffAfter(attack) !== undefined)
  const raw = slow.map(sendRaw)
  const fetched: ReturnType<typeof sendFetch>[] = []
  const rest = interleave<RawAttack | FetchAttack>(quick, fetchAttacks())
  for (let at = 0; at < rest.length; at += WAVE) {
    for (const attack of rest.slice(at, at + WAVE)) {
      if ('chunks' in attack) raw.push(sendRaw(attack))
      else fetched.push(sendFetch(attack))
    }
    await new Promise((wake) => setTimeout(wake, PROBE_EVERY_MS))
  }
  const settled = { raw: await Promise.all(raw), fetched: await Promise.all(fetched) }
  done = true
  await prober
  return { ...settled, probes, wallMs: performance.now() - started }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))]
}

/** a0, b0, a1, b1, …, then the rest of the longer list. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = []
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    if (k < a.length) out.push(a[k])
    if (k < b.length) out.push(b[k])
  }
  return out
}
