/**
 * The bench's query classes as HTTP calls: each case of `scenarios/` (the same viewers and
 * requests, drawn the same way) becomes a `GET /v1/people-search?…` target of docs/spec.md §9.1
 * made with an access token of its viewer (§9.2).
 */
import type { SearchRequestObject } from '@people-search/core'
import type { Corpus } from '../corpus.js'
import { QUERY_SCENARIOS } from '../scenarios.js'
import { type QueryCase, vocabulary, worldFor } from '../workload.js'

/** One search as the load generator sends it. */
export interface HttpCase {
  /** `q1` … `q7`. */
  query: string
  viewer: string
  /** The bench's request object, for the in-process figures. */
  request: SearchRequestObject
  /** The request target, without credentials or format. */
  target: string
}

/** Every class's cases, in report order, as the bench draws them for this corpus. */
export function httpCases(corpus: Corpus): HttpCase[] {
  const words = vocabulary(corpus)
  return QUERY_SCENARIOS.flatMap((scenario) =>
    scenario.cases(worldFor(corpus, words, scenario.id)).map((c: QueryCase) => ({
      query: scenario.id,
      viewer: c.viewer,
      request: c.request,
      target: searchTarget(c.request),
    })),
  )
}

/**
 * The legacy URL of a request object: each parameter once (`facet` once per filter), encoded as
 * URLSearchParams encodes, which the service reads back as docs/spec.md §8 says; the selector,
 * if any, after the path.
 */
export function searchTarget(request: SearchRequestObject): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(request)) {
    if (key === 'fields' || value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one))
  }
  const selector = request.fields === undefined ? '' : `:${request.fields.replace(/^:/, '')}`
  const query = params.toString()
  return `/v1/people-search${selector}${query === '' ? '' : `?${query}`}`
}

/** The access token the load generator uses for a viewer (docs/spec.md §9.2, `oauth2_access_token`). */
export function tokenOf(viewer: string): string {
  return `bench-${viewer}`
}

/** The service's `accessTokens` configuration for the viewers of `cases`. */
export function accessTokens(cases: readonly HttpCase[]): Record<string, string> {
  return Object.fromEntries(cases.map((c) => [tokenOf(c.viewer), c.viewer]))
}

/** The full target a case is sent as: its search plus the viewer's token. */
export function authorizedTarget(c: HttpCase): string {
  return `${c.target}${c.target.includes('?') ? '&' : '?'}oauth2_access_token=${encodeURIComponent(tokenOf(c.viewer))}`
}
