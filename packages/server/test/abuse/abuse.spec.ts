// docs/spec.md §9.4: "A slow or vanishing client never stops others from being served, and no
// request can crash the process." One bounded assault on a server on 127.0.0.1 (a few hundred
// connections, about six seconds, attacks.ts), while a well-formed probe is sent every 100 ms;
// then what each hostile request got back is judged against §9.3 and §9.4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../src/server.js'
import { testServer } from '../http/http-world.js'
import { assault, type Outcome, probe } from './assault.js'
import {
  ADMIN_KEY,
  BODY_LIMIT,
  CONSUMER,
  CUT_OFF_SLACK,
  cutOffAfter,
  HEADERS_TIMEOUT,
  REQUEST_TIMEOUT,
} from './attacks.js'
import { bodyRequestId, documentProblem } from './legacy-error.js'
import type { RawResponse } from './raw-client.js'

/** The probe's "normal latency" under the assault: p99 and max, ms. */
const PROBE_P99_MS = 50
const PROBE_MAX_MS = 200

let server: RunningServer
let outcome: Outcome

beforeAll(async () => {
  server = await testServer({
    headersTimeout: HEADERS_TIMEOUT,
    requestTimeout: REQUEST_TIMEOUT,
    logger: false,
    config: {
      adminKey: ADMIN_KEY,
      bodyLimit: BODY_LIMIT,
      throttles: { searchesPerDay: 1_000_000 },
      consumers: {
        [CONSUMER.key]: {
          secret: CONSUMER.secret,
          tokens: { [CONSUMER.token]: { secret: CONSUMER.tokenSecret, member: 'ann' } },
        },
      },
    },
  })
  outcome = await assault(server)
}, 30_000)

afterAll(() => server?.close())

describe('under a bounded assault on 127.0.0.1 (docs/spec.md §9.4)', () => {
  it('stays up and keeps answering a well-formed probe every 100 ms within its normal latency', async () => {
    const { probes } = outcome
    const latencies = probes.map((p) => p.ms).sort((x, y) => x - y)
    const summary = `${probes.length} probes: ${latencies.map((ms) => ms.toFixed(0)).join(' ')} ms`
    expect(probes.length, summary).toBeGreaterThanOrEqual(20)
    expect(
      probes.filter((p) => p.status !== 200 || !p.ok),
      summary,
    ).toEqual([])
    // p99 ≤ PROBE_P99_MS: at most 1% of the probes (rounded up) above it, and none above PROBE_MAX_MS.
    const slow = latencies.filter((ms) => ms > PROBE_P99_MS)
    expect(slow.length, summary).toBeLessThanOrEqual(Math.ceil(probes.length / 100))
    expect(latencies.at(-1), summary).toBeLessThanOrEqual(PROBE_MAX_MS)
    expect(server.app.server.listening).toBe(true)
    const after = await probe(server, 'search')
    expect(after).toMatchObject({ status: 200, ok: true })
  })

  it('is over within its bound', () => {
    expect(outcome.wallMs).toBeLessThan(12_000)
  })

  it('cuts off clients that trickle their headers once headersTimeout has passed', () => {
    const slow = outcome.raw.filter(({ attack }) => cutOffAfter(attack) === HEADERS_TIMEOUT)
    expect(slow.length).toBeGreaterThanOrEqual(50)
    const wrong = slow
      .filter(
        ({ result }) =>
          result.end !== 'server-closed' ||
          result.afterMs < HEADERS_TIMEOUT - 50 ||
          result.afterMs > HEADERS_TIMEOUT + CUT_OFF_SLACK,
      )
      .map(({ attack, result }) => `${attack.name}: ${result.end} after ${Math.round(result.afterMs)} ms`)
    expect(wrong).toEqual([])
  })

  it('cuts off clients that trickle their body once requestTimeout has passed', () => {
    const wrong = outcome.raw
      .filter(({ attack }) => cutOffAfter(attack) === REQUEST_TIMEOUT)
      .filter(
        ({ result }) => result.end !== 'server-closed' || result.afterMs > REQUEST_TIMEOUT + CUT_OFF_SLACK,
      )
      .map(
        ({ attack, result }) =>
          `${attack.name}: ${result.end} after ${Math.round(result.afterMs)} ms, received ${JSON.stringify(result.received.slice(0, 60))}`,
      )
    expect(wrong).toEqual([])
  })

  it('answers what a client cut off is told, if anything, with a 4xx legacy XML error document', () => {
    const wrong = outcome.raw
      .filter(({ attack, result }) => cutOffAfter(attack) !== undefined && result.received !== '')
      .map(({ attack, result }) => {
        const problem =
          result.response === undefined
            ? 'unreadable bytes'
            : documentProblem(result.response, [400, 408], 'xml')
        return problem === undefined ? undefined : `${attack.name}: ${problem}`
      })
      .filter((p) => p !== undefined)
    expect(wrong).toEqual([])
  })

  it('answers every malformed, oversized or unauthenticated request with the legacy error document of its status', () => {
    const wrong: string[] = []
    for (const { attack, result } of outcome.raw) {
      if (typeof attack.expect !== 'object' || !('answer' in attack.expect)) continue
      const problem =
        result.response === undefined
          ? `no readable answer (${result.end} after ${Math.round(result.afterMs)} ms): ${JSON.stringify(result.received.slice(0, 80))}`
          : documentProblem(result.response, attack.expect.answer, attack.expect.format)
      if (problem !== undefined) wrong.push(`${attack.name}: ${problem}`)
    }
    for (const { attack, response } of outcome.fetched) {
      const problem =
        response instanceof Error
          ? `no answer: ${response.message}`
          : documentProblem(response, attack.expect.answer, attack.expect.format)
      if (problem !== undefined) wrong.push(`${attack.name}: ${problem}`)
    }
    expect(wrong).toEqual([])
  })

  it('gives every error answer an x-li-request-id equal to its document’s request id (docs/spec.md §9.3)', () => {
    const answers = [
      ...outcome.raw.map(({ attack, result }) => ({ name: attack.name, response: result.response })),
      ...outcome.fetched.map(({ attack, response }) => ({
        name: attack.name,
        response: response instanceof Error ? undefined : response,
      })),
    ]
    const wrong = answers
      .filter((x): x is { name: string; response: RawResponse } => x.response !== undefined)
      .filter(({ response }) => {
        const id = response.headers['x-li-request-id']
        return id === undefined || id !== bodyRequestId(response)
      })
      .map(
        ({ name, response }) =>
          `${name}: HTTP ${response.status}, x-li-request-id ${response.headers['x-li-request-id']}`,
      )
    expect(wrong).toEqual([])
  })
})
