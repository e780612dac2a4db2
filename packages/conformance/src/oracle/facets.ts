/**
 * docs/spec.md §4: a member's values for each facet (§4.2, §8), facet filters (§4.1), histograms
 * (§4.3) and bucket names (§4.2).
 */
import type { BucketAnswer, FacetCode, Profile } from '@people-search/core'
import countries from 'i18n-iso-countries'
import { countryOf } from './criteria.js'
import type { Degree } from './network.js'
import type { FacetFilter } from './query.js'
import { isCurrentPosition, type Sight, visibleEducations, visiblePositions } from './visibility.js'

/** A member as one viewer sees it: its degree and what it may read. */
export interface Seen {
  profile: Profile
  degree: Degree
  sight: Sight
}

const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt']

/**
 * docs/spec.md §8: `language` lower-cased up to the first `-` or `_`, when one of the six; else `_o`.
 * docs/spec.md §8 "Buckets": a member without a `language` is in `_o` too.
 */
export function languageBucket(language: string | undefined): string {
  if (language === undefined) return '_o'
  const lang = language.toLowerCase().split(/[-_]/)[0]
  return LANGUAGES.includes(lang) ? lang : '_o'
}

/**
 * A company or school id as a bucket code: `String(id)`, lower-cased (docs/spec.md §8: ids compare
 * case-insensitively; ingest accepts only ids a facet value can say, so every bucket can be selected).
 */
const idCode = (id: string | number): string => String(id).toLowerCase()

/** docs/spec.md §4.2 "member's values", deduplicated. */
export function facetValues(code: FacetCode, seen: Seen, now: Date): string[] {
  const { profile, sight } = seen
  const values: string[] = []
  switch (code) {
    case 'location':
      // its location code and its country code `cc:0`.
      if (profile.location !== undefined) {
        values.push(profile.location.code, `${countryOf(profile.location.code)}:0`)
      }
      break
    case 'industry':
      if (profile.industry !== undefined) values.push(String(profile.industry.code))
      break
    case 'network':
      values.push(seen.degree)
      break
    case 'language':
      values.push(languageBucket(profile.language))
      break
    case 'current-company':
      for (const p of visiblePositions(profile, sight)) {
        if (isCurrentPosition(p, now) && p.company.id !== undefined) values.push(idCode(p.company.id))
      }
      break
    case 'past-company':
      for (const p of visiblePositions(profile, sight)) {
        if (!isCurrentPosition(p, now) && p.company.id !== undefined) values.push(idCode(p.company.id))
      }
      break
    case 'school':
      for (const e of visibleEducations(profile, sight)) {
        if (e.school.id !== undefined) values.push(idCode(e.school.id))
      }
      break
  }
  return [...new Set(values)]
}

/** docs/spec.md §4.1: one filter holds when one of the member's values is listed (OR within a facet). */
export function matchesFacetFilter(seen: Seen, filter: FacetFilter, now: Date): boolean {
  return facetValues(filter.code, seen, now).some((v) => filter.values.includes(v))
}

/** docs/spec.md §4.1: several filters are ANDed (the same facet repeated too). */
export function matchesFacetFilters(seen: Seen, filters: FacetFilter[], now: Date): boolean {
  return filters.every((f) => matchesFacetFilter(seen, f, now))
}

/**
 * docs/spec.md §4.3 for one facet `code`: `population` are the members that match everything except
 * the filters on `code`; `selected` the codes of the filters on `code`, in request order.
 */
export function histogram(
  code: FacetCode,
  population: Seen[],
  selected: string[],
  limit: number,
  now: Date,
  nameOf: (bucket: string) => string,
): BucketAnswer[] {
  // A member counts once in each bucket it has a value in.
  const counts = new Map<string, number>()
  for (const seen of population) {
    for (const value of facetValues(code, seen, now)) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  // The `limit` buckets with the highest counts: count descending, then code ascending.
  const ranked = [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([codeA, countA], [codeB, countB]) => countB - countA || compareCodeUnits(codeA, codeB))
    .slice(0, limit)
  const kept = ranked.map(([bucket]) => bucket)
  // Plus every selected bucket not among them, even with count 0, in the order the request's
  // `facet` filters name them (docs/spec.md §8 "Buckets"): `selected` is in that order.
  for (const bucket of selected) if (!kept.includes(bucket)) kept.push(bucket)
  return kept.map((bucket) => ({
    code: bucket,
    name: nameOf(bucket),
    count: counts.get(bucket) ?? 0,
    selected: selected.includes(bucket),
  }))
}

/** Ascending code-unit order (not `localeCompare`). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * docs/spec.md §8 "Buckets": a display name is a name only when something of it shows. The
 * project's reading (docs/decisions.md): an empty or whitespace-only name is no name.
 */
export function isName(name: string | undefined): name is string {
  return name !== undefined && name.trim() !== ''
}

/**
 * The most frequent of `names` that are names (`isName`), ties going to the smallest in
 * code-unit order; undefined when none is.
 */
export function mostFrequent(names: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>()
  for (const name of names) if (isName(name)) counts.set(name, (counts.get(name) ?? 0) + 1)
  let best: string | undefined
  let bestCount = 0
  for (const [name, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && name < best)) {
      best = name
      bestCount = count
    }
  }
  return best
}

const NETWORK_NAMES: Record<string, string> = {
  F: '1st Connections',
  S: '2nd Connections',
  A: 'Group Members',
  O: '3rd + Everyone Else',
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  it: 'Italian',
  pt: 'Portuguese',
  _o: 'Others',
}

/**
 * docs/spec.md §4.2 bucket names. `everyone` is every indexed member as the viewer sees it (location
 * and industry names are public; company and school names come only from positions and
 * educations this viewer may see, docs/spec.md §8). docs/spec.md §8 "Buckets": a bucket whose name
 * is unknown (no visible display name, or a selected value no member holds) is named by its code.
 */
export function bucketName(code: FacetCode, bucket: string, everyone: Seen[]): string {
  return knownBucketName(code, bucket, everyone) ?? bucket
}

function knownBucketName(code: FacetCode, bucket: string, everyone: Seen[]): string | undefined {
  switch (code) {
    case 'network':
      return NETWORK_NAMES[bucket]
    case 'language':
      return LANGUAGE_NAMES[bucket]
    case 'location': {
      const [country, region] = bucket.split(':')
      if (region === '0') return countries.getName(country.toUpperCase(), 'en')
      return mostFrequent(
        everyone.flatMap(({ profile: p }) => (p.location?.code === bucket ? [p.location.name] : [])),
      )
    }
    case 'industry':
      return mostFrequent(
        everyone.flatMap(({ profile: p }) =>
          p.industry && String(p.industry.code) === bucket ? [p.industry.name] : [],
        ),
      )
    case 'current-company':
    case 'past-company':
      // Any visible position with that company id, current or past.
      return mostFrequent(
        everyone.flatMap(({ profile, sight }) =>
          visiblePositions(profile, sight).flatMap((p) =>
            p.company.id !== undefined && idCode(p.company.id) === bucket ? [p.company.name] : [],
          ),
        ),
      )
    case 'school':
      return mostFrequent(
        everyone.flatMap(({ profile, sight }) =>
          visibleEducations(profile, sight).flatMap((e) =>
            e.school.id !== undefined && idCode(e.school.id) === bucket ? [e.school.name] : [],
          ),
        ),
      )
  }
}
