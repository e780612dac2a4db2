import countries from 'i18n-iso-countries'
import { DEGREE_BY_LETTER, SELF } from '../domain/degree.js'
import { FACET_BY_CODE, type FacetCode, type FixedBucket, isDisplayName } from '../domain/facets.js'
import type { OwnedProfile } from '../model/own-profile.js'
import { CONNECTIONS, PUBLIC } from '../model/visibility.js'
import { EDUCATION, POSITION } from '../store/analyze-profile.js'
import type { Dictionary } from '../store/dictionary.js'
import { mostFrequentName, type NameCounts } from '../store/name-counts.js'
import type { NetworkView } from '../store/network.js'
import type { IndexStore } from '../store/store.js'

/**
 * A facet type of docs/spec.md §4.2 as numbers: bucket codes map to dense ids (0 = unknown), and a
 * member's values are written into a reused buffer, so filtering and counting allocate nothing
 * per member. Values respect what the viewer may see.
 */
export interface FacetDomain {
  readonly code: FacetCode
  /** Ids run from 1 to size − 1. */
  size(): number
  idOf(bucketCode: string): number
  codeOf(id: number): string
  /** Writes the member's distinct bucket ids into `out` and returns how many. */
  values(slot: number, out: Uint32Array): number
  /** Display names for the given bucket ids, for this viewer. */
  names(ids: readonly number[]): string[]
  /** The name of a selected bucket that no member has (so it has no id). */
  unknownName(bucketCode: string): string
}

export function facetDomain(code: FacetCode, store: IndexStore, view: NetworkView): FacetDomain {
  return DOMAINS[code](store, view)
}

/** The fixed buckets of a facet with their ids: index 0 is "no bucket", id i is the table's bucket i − 1. */
interface FixedBuckets {
  readonly codes: readonly string[]
  readonly names: readonly string[]
}

function fixedBuckets(buckets: readonly FixedBucket[]): FixedBuckets {
  return { codes: ['', ...buckets.map((b) => b.code)], names: ['', ...buckets.map((b) => b.name)] }
}

const NETWORK_BUCKETS = fixedBuckets(FACET_BY_CODE.network.buckets)
const LANGUAGE_BUCKETS = fixedBuckets(FACET_BY_CODE.language.buckets)

/** The network bucket id of each degree code (SELF included: the viewer has no bucket). */
const NETWORK_BUCKET_OF_DEGREE = new Uint8Array(SELF + 1)
for (const [at, bucket] of FACET_BY_CODE.network.buckets.entries()) {
  NETWORK_BUCKET_OF_DEGREE[DEGREE_BY_LETTER[bucket.code].code] = at + 1
}

/** How each facet of the table reads a member's values from the index (docs/spec.md §4.2, last column). */
const DOMAINS: { readonly [C in FacetCode]: (store: IndexStore, view: NetworkView) => FacetDomain } = {
  location: (store) =>
    dictionaryDomain(
      'location',
      store.locations,
      (slot, out) => {
        const location = store.columns.location[slot]
        if (location === 0) return 0
        out[0] = location
        const country = store.columns.country[slot]
        if (country === location) return 1
        out[1] = country
        return 2
      },
      (id) => locationName(store, id),
    ),
  industry: (store) =>
    dictionaryDomain(
      'industry',
      store.industries,
      (slot, out) => {
        out[0] = store.columns.industry[slot]
        return out[0] === 0 ? 0 : 1
      },
      (id) => mostFrequentName(store.industryNames.get(id)) ?? store.industries.value(id),
    ),
  network: (_store, view) => {
    const bucketOf = NETWORK_BUCKET_OF_DEGREE
    return fixedDomain('network', NETWORK_BUCKETS, (slot) => bucketOf[view.degreeOf(slot)])
  },
  // The language column holds the index of the member's bucket in the language table.
  language: (store) => fixedDomain('language', LANGUAGE_BUCKETS, (slot) => store.columns.language[slot] + 1),
  'current-company': (store, view) => orgDomain('current-company', store, view, POSITION, true),
  'past-company': (store, view) => orgDomain('past-company', store, view, POSITION, false),
  school: (store, view) => orgDomain('school', store, view, EDUCATION, undefined),
}

function dictionaryDomain(
  code: FacetCode,
  dictionary: Dictionary,
  values: (slot: number, out: Uint32Array) => number,
  name: (id: number) => string,
): FacetDomain {
  return {
    code,
    size: () => dictionary.size,
    idOf: (bucket) => dictionary.find(bucket),
    codeOf: (id) => dictionary.value(id),
    values,
    names: (ids) => ids.map(name),
    unknownName: (bucket) => (code === 'location' ? countryName(bucket) : undefined) ?? bucket,
  }
}

function fixedDomain(
  code: FacetCode,
  buckets: FixedBuckets,
  bucketOf: (slot: number) => number,
): FacetDomain {
  const { codes, names: bucketNames } = buckets
  return {
    code,
    size: () => codes.length,
    idOf: (bucket) => Math.max(0, codes.indexOf(bucket)),
    codeOf: (id) => codes[id],
    values: (slot, out) => {
      out[0] = bucketOf(slot)
      return out[0] === 0 ? 0 : 1
    },
    names: (ids) => ids.map((id) => bucketNames[id]),
    unknownName: (bucket) => bucket,
  }
}

/** `cc:0` is named from the ISO 3166 table; a region by its most frequent indexed name. */
function locationName(store: IndexStore, id: number): string {
  const code = store.locations.value(id)
  return countryName(code) ?? mostFrequentName(store.locationNames.get(id)) ?? code
}

function countryName(code: string): string | undefined {
  return code.endsWith(':0') ? countries.getName(code.slice(0, -2).toUpperCase(), 'en') : undefined
}

/**
 * Companies of current or past positions, or schools of educations: only items the viewer may
 * see give a member a value, and only those items lend a bucket its name.
 */
function orgDomain(
  code: FacetCode,
  store: IndexStore,
  view: NetworkView,
  kind: typeof POSITION | typeof EDUCATION,
  current: boolean | undefined,
): FacetDomain {
  const { items, columns } = store
  return {
    code,
    size: () => store.orgs.size,
    idOf: (bucket) => store.orgs.find(bucket),
    codeOf: (id) => store.orgs.value(id),
    values: (slot, out) => {
      const first = columns.firstItem[slot]
      const end = first + columns.itemCount[slot]
      const isFirst = view.isFirst(slot)
      let count = 0
      outer: for (let item = first; item < end; item++) {
        const org = items.org[item]
        if (org === 0 || items.kind[item] !== kind) continue
        if (current !== undefined && (items.current[item] === 1) !== current) continue
        const visibility = items.visibility[item]
        if (visibility !== PUBLIC && !(visibility === CONNECTIONS && isFirst)) continue
        for (let i = 0; i < count; i++) if (out[i] === org) continue outer
        out[count++] = org
      }
      return count
    },
    names: (ids) => orgNames(store, view, kind, ids),
    unknownName: (bucket) => bucket,
  }
}

/** Public name counts plus the connections-only items of the viewer's first degree. */
function orgNames(
  store: IndexStore,
  view: NetworkView,
  kind: typeof POSITION | typeof EDUCATION,
  ids: readonly number[],
): string[] {
  const publicCounts: NameCounts = store.orgNames[kind]
  const extra = new Map<number, Map<string, number>>()
  const wanted = new Set(ids)
  const { items, columns } = store
  for (const slot of view.first) {
    if (columns.alive[slot] === 0) continue
    const first = columns.firstItem[slot]
    // Decoded only for a member with a wanted connections-only item: a hub viewer has 30k F.
    let profile: OwnedProfile | undefined
    for (let item = first; item < first + columns.itemCount[slot]; item++) {
      const org = items.org[item]
      if (items.kind[item] !== kind || items.visibility[item] !== CONNECTIONS || !wanted.has(org)) continue
      profile ??= store.profiles.get(slot)
      if (profile === undefined) break
      const positions = profile.positions ?? []
      const index = item - first
      const name =
        kind === POSITION
          ? positions[index].company.name
          : profile.educations?.[index - positions.length].school.name
      if (name === undefined || !isDisplayName(name)) continue
      let counts = extra.get(org)
      if (counts === undefined) {
        counts = new Map()
        extra.set(org, counts)
      }
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  return ids.map((id) => {
    const counts = new Map(publicCounts.get(id))
    for (const [name, count] of extra.get(id) ?? []) counts.set(name, (counts.get(name) ?? 0) + count)
    return mostFrequentName(counts) ?? store.orgs.value(id)
  })
}
