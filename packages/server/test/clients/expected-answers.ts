// What the library itself answers for the requests the legacy clients send: the reference each
// client's parsed answer must equal (docs/spec.md §9: the service is the library over HTTP).
import { type PeopleIndex, PeopleSearchError, type SearchResult } from '@people-search/core'
import { expect } from 'vitest'
import { VIEWER } from './client-world.js'

/** The search selector both clients send: people, the count and the histograms (docs/spec.md §5.1). */
export const SEARCH_SELECTOR =
  ':(people:(id,first-name,last-name,headline,location:(name,country:(code)),industry,distance,num-connections),' +
  'num-results,facets:(code,name,buckets:(code,name,count,selected)))'

/** Person fields of the profile fetches: sections of every visibility, so degree matters (§6.2). */
export const PERSON_FIELDS = [
  'id',
  'first-name',
  'last-name',
  'headline',
  'summary',
  'location:(name,country:(code))',
  'industry',
  'distance',
  'num-connections',
  'positions:(title,is-current,company:(id,name))',
  'public-profile-url',
] as const

/** A value as it travels as JSON: what a client can have parsed of it. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** `index.search(url)` for `viewer`, as JSON. */
export function expectedSearch(index: PeopleIndex, url: string, viewer: string = VIEWER): SearchResult {
  return asJson(index.search(url, { viewer }))
}

/** The person document of member `id` as `viewer` sees it, with `PERSON_FIELDS`, as JSON. */
export function expectedPerson(index: PeopleIndex, id: string, viewer: string = VIEWER): unknown {
  return asJson(index.getPerson(id, { viewer, fields: `(${PERSON_FIELDS.join(',')})` }))
}

/** The refusals the clients meet: errors whose message has no placeholder. */
export type Refusal = 'invalid-access-token' | 'throttle-limit'

/**
 * The legacy JSON error document of `error` (docs/spec.md §5.4), whose status is the HTTP
 * status; the request id and time are the server's own.
 */
function errorDocument(error: PeopleSearchError): Record<string, unknown> {
  return {
    errorCode: error.errorCode,
    message: error.message,
    requestId: expect.any(String),
    status: error.status,
    timestamp: expect.any(Number),
  }
}

/** The error document of `code`, with the status that the catalogue gives it. */
export function expectedError(code: Refusal): Record<string, unknown> {
  return errorDocument(new PeopleSearchError(code))
}

/** The message a client reads from the error document of `code`. */
export function messageOf(code: Refusal): string {
  return new PeopleSearchError(code).message
}

/** The error document of what the index throws when it runs `refused`. */
export function expectedRefusal(refused: () => unknown): Record<string, unknown> {
  try {
    refused()
  } catch (error) {
    if (error instanceof PeopleSearchError) return errorDocument(error)
    throw error
  }
  throw new Error('the index answered where a refusal was expected')
}

/**
 * Checks that a reference answer exercises what the test claims: a full page out of more
 * matches than it shows, and histograms of several buckets each.
 */
export function expectMeaningful(result: SearchResult, page: number, facets: readonly string[] = []): void {
  expect(result.people?.values ?? []).toHaveLength(page)
  expect(result.numResults ?? 0).toBeGreaterThan(page)
  expect((result.facets?.values ?? []).map((facet) => facet.code)).toEqual(facets)
  for (const facet of result.facets?.values ?? [])
    expect(facet.buckets?.values?.length ?? 0).toBeGreaterThan(1)
}
