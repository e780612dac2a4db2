import type { AccountLevel, Geocoder, Profile } from '@people-search/core'

/**
 * What `checkConformance` hands the factory for each world it builds: the clock every
 * search of that world runs at (docs/spec.md §1.1 current positions), the result caps per account
 * level (§3.3; levels not named keep their defaults), the histogram bucket limit (§4.3) and the
 * geocoder of postal-code centroids (§3.1), in core's `Geocoder` shape. The kit's geocoder is
 * always `testGeocoder` (a fixed table, `POSTALS`), so an adapter that cannot pass a function
 * (HTTP) can send the table instead.
 */
export interface ImplementationOptions {
  now: () => Date
  caps: Partial<Record<AccountLevel, number>>
  facetBucketLimit: number
  geocoder: Geocoder
}

/**
 * An implementation under test: the verbs of docs/spec.md §1.2 and §7 and the people search of §5.4.
 * Each may be synchronous or return a promise. `search` takes the legacy URL (path, optional
 * field selector, query string, e.g. `/v1/people-search:(people:(id),num-results)?keywords=x`)
 * and the viewer's member id (`undefined`: no viewer), and returns the §5.4 JSON document as a
 * plain value; a refusal throws (or rejects with) anything carrying the numeric HTTP `status`
 * of docs/spec.md §8. The updates may throw the same way; `checkConformance` compares statuses.
 */
export interface Implementation {
  add(profiles: Profile | Profile[]): unknown
  remove(id: string): unknown
  connect(a: string, b: string): unknown
  disconnect(a: string, b: string): unknown
  joinGroup(member: string, group: string): unknown
  leaveGroup(member: string, group: string): unknown
  search(url: string, options: { viewer: string | undefined }): unknown
  /** Called once the world is done with (a server adapter closes or resets it here). */
  close?(): unknown
}

/** Makes a fresh, empty implementation for one world. */
export type ImplementationFactory = (
  options: ImplementationOptions,
) => Implementation | Promise<Implementation>
