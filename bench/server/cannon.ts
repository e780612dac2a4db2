/**
 * One autocannon run: `connections` keep-alive connections, one request in flight each
 * (pipelining 1), cycling through a list of request targets for a fixed time. Each connection
 * starts at its own place in the list, so the connections do not ask the same search at the same
 * moment. Latencies are kept per answer, in fractional milliseconds: autocannon's own histogram
 * counts whole milliseconds, too coarse for a p50 below one.
 */
import autocannon from 'autocannon'
import { quantile } from '../measure.js'
import type { LatencySummary } from './figures.js'

export interface CannonPlan {
  url: string
  /** Request targets (path and query), cycled through. */
  targets: readonly string[]
  headers: Record<string, string>
  connections: number
  durationS: number
}

export interface CannonOutcome {
  durationS: number
  responses: number
  statuses: Record<string, number>
  non2xx: number
  errors: number
  timeouts: number
  latency: LatencySummary
  meanAnswerBytes: number
}

export function cannon(plan: CannonPlan): Promise<CannonOutcome> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let answerBytes = 0
  let clients = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        pipelining: 1,
        duration: plan.durationS,
        headers: plan.headers,
        setupClient: (client) => {
          const offset = Math.floor((clients++ * plan.targets.length) / plan.connections)
          const rotated = [...plan.targets.slice(offset), ...plan.targets.slice(0, offset)]
          client.setRequests(rotated.map((path) => ({ method: 'GET', path, headers: plan.headers })))
        },
      },
      (error, result) => {
        if (error) {
          reject(error)
          return
        }
        const responses = latencies.length
        resolve({
          durationS: result.duration,
          responses,
          statuses,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          latency: summarise(latencies),
          meanAnswerBytes: responses === 0 ? 0 : answerBytes / responses,
        })
      },
    )
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime)
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
      answerBytes += resBytes
    })
  })
}

/** p50 / p90 / p99 / max / mean of latencies in milliseconds. */
export function summarise(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort()
  if (sorted.length === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0, samples: 0 }
  let sum = 0
  for (const v of sorted) sum += v
  const list = Array.from(sorted)
  return {
    p50: quantile(list, 0.5),
    p90: quantile(list, 0.9),
    p99: quantile(list, 0.99),
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
    samples: sorted.length,
  }
}
