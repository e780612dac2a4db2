/**
 * Tiny builders for the example tests: a named member, a small world around a viewer `me`,
 * and one-line ways to ask it things. Each spec file reads like docs/spec.md because of these.
 */
import {
  type BucketAnswer,
  PeopleIndex,
  PeopleSearchError,
  type Profile,
  type SearchAnswer,
  type SearchRequest,
  type SearchRequestObject,
} from '@people-search/core'
import { expect } from 'vitest'

/** The clock every example index runs on unless a test says otherwise. */
export const NOW = '2026-06-15T00:00:00Z'

/** The member on whose behalf the examples search. */
export const ME = 'me'

export type IndexOptions = NonNullable<ConstructorParameters<typeof PeopleIndex>[0]>

/** A member profile: id and names, plus whatever the test cares about. */
export function person(
  id: string,
  firstName: string,
  lastName: string,
  extra: Partial<Profile> = {},
): Profile {
  return { id, firstName, lastName, ...extra }
}

/** A profile the type system would refuse, for the validation examples. */
export function raw(value: Record<string, unknown>): Profile {
  return value as unknown as Profile
}

export interface WorldPlan {
  /** The viewer's own profile fields; `false` leaves `me` out of the world. */
  me?: Partial<Profile> | false
  /** Members connected to `me`; default every member given. */
  friends?: string[]
  /** Further first-degree connections. */
  edges?: [string, string][]
  /** Group name → members (`me` included only when listed). */
  groups?: Record<string, string[]>
  /** Index options beyond the fixed clock. */
  options?: Partial<IndexOptions>
}

/** A fresh index on the example clock. */
export function emptyIndex(options: Partial<IndexOptions> = {}): PeopleIndex {
  return new PeopleIndex({ now: () => new Date(NOW), ...options } as IndexOptions)
}

/**
 * An index holding `people` and, unless told otherwise, the viewer `me` (Viewer Self, basic
 * account) connected to every one of them, so that keyword searches can find them all.
 */
export function world(people: Profile[], plan: WorldPlan = {}): PeopleIndex {
  const index = emptyIndex(plan.options)
  const all = [...people]
  if (plan.me !== false) all.unshift(person(ME, 'Viewer', 'Self', { accountLevel: 'basic', ...plan.me }))
  index.add(all)
  if (plan.me !== false) for (const id of plan.friends ?? people.map((p) => p.id)) index.connect(ME, id)
  for (const [a, b] of plan.edges ?? []) index.connect(a, b)
  for (const [group, members] of Object.entries(plan.groups ?? {}))
    for (const member of members) index.joinGroup(member, group)
  return index
}

/** Lists a long page by default so that set-like examples see every match. */
function withCount(request: SearchRequest): SearchRequest {
  if (typeof request === 'string' || 'count' in request) return request
  return { ...request, count: 25 }
}

/** The whole answer of a search by `viewer`. */
export function answer(index: PeopleIndex, request: SearchRequestObject | string, viewer = ME): SearchAnswer {
  return index.searchAnswer(withCount(request), { viewer })
}

/** Ids on the page of a search by `viewer` (count 25 unless the request gives one). */
export function ids(index: PeopleIndex, request: SearchRequestObject | string, viewer = ME): string[] {
  return answer(index, request, viewer).ids
}

/** The buckets of histogram `code` from a search that asks for it. */
export function buckets(
  index: PeopleIndex,
  request: SearchRequestObject,
  code: string,
  viewer = ME,
): BucketAnswer[] {
  const facets = request.facets ?? code
  const result = answer(index, { ...request, facets }, viewer)
  const histogram = result.facets.find((f) => f.code === code)
  if (!histogram) throw new Error(`no histogram ${code} in ${JSON.stringify(result.facets)}`)
  return histogram.buckets
}

/** `[code, count]` pairs of a histogram, the shape most facet examples assert. */
export function counts(
  index: PeopleIndex,
  request: SearchRequestObject,
  code: string,
  viewer = ME,
): [string, number][] {
  return buckets(index, request, code, viewer).map((b) => [b.code, b.count])
}

/** How the network facet sees each member for `viewer` (a both-names search finds everyone). */
export function degreeOf(index: PeopleIndex, firstName: string, lastName: string, viewer = ME): string[] {
  return counts(index, { 'first-name': firstName, 'last-name': lastName }, 'network', viewer).map(([c]) => c)
}

/** The context of a search made on behalf of nobody. */
export const NO_VIEWER = {} as { viewer: string }

/**
 * Runs `action` and checks that it throws a `PeopleSearchError` with this status and code, whose
 * message mentions every one of `mentions` (docs/spec.md §3.7: it names the parameter and the value).
 */
export function expectError(
  action: () => unknown,
  status: number,
  code: PeopleSearchError['code'],
  ...mentions: string[]
): void {
  let caught: unknown
  try {
    action()
  } catch (error) {
    caught = error
  }
  if (!(caught instanceof PeopleSearchError))
    throw new Error(`expected a PeopleSearchError ${status} ${code}, got ${String(caught)}`)
  expect({ status: caught.status, code: caught.code }).toEqual({ status, code })
  for (const text of mentions) expect(caught.message).toContain(text)
}

/** `n` members `m000…` with the given names and no other data, for counting examples. */
export function crowd(
  n: number,
  firstName = 'Sam',
  lastName = 'Smith',
  extra: Partial<Profile> = {},
): Profile[] {
  return Array.from({ length: n }, (_, i) =>
    person(`m${String(i).padStart(3, '0')}`, firstName, lastName, extra),
  )
}
