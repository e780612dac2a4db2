/**
 * The reference oracle: a deliberately naive, linear-scan reading of docs/spec.md §1–§4 and §7 with
 * the same verbs as the real `PeopleIndex`. Every question is answered from scratch by
 * looking at every member; nothing is cached, so there is nothing to keep in sync (§7: "every
 * search answers exactly as a fresh index built from the final state would").
 */

import { randomBytes } from 'node:crypto'
import type {
  AccountLevel,
  Geocoder,
  Profile,
  SearchAnswer,
  SearchRequest,
  SearchResult,
} from '@people-search/core'
import { fail, UsZipGeocoder, validateProfiles } from '@people-search/core'
import { checkSelector, parseSelector, profileLinks } from '@people-search/core/internal'
import { bm25, corpusStats } from './bm25.js'
import { matchesCriteria, resolvePostal } from './criteria.js'
import { bucketName, compareCodeUnits, histogram, matchesFacetFilters, type Seen } from './facets.js'
import { Network } from './network.js'
import type { OracleQuery } from './query.js'
import { renderDocument } from './render.js'
import { parseRequest } from './request.js'
import { searchableFields } from './searchable-text.js'

export interface OracleOptions {
  /** The clock that decides which positions and educations are current (docs/spec.md §1.1). */
  now?: () => Date
  /** Postal-code centroids (docs/spec.md §3.1); default the US ZIP geocoder. */
  geocoder?: Geocoder
  /** Result caps per account level (docs/spec.md §3.3), overriding the defaults. */
  caps?: Partial<Record<AccountLevel, number>>
  /** How many top buckets a histogram keeps (docs/spec.md §4.3); default 10. */
  facetBucketLimit?: number
  /** Key of the profile-link tokens (docs/spec.md §6.2), so links can be compared with the index's. */
  secret?: Buffer
}

export interface SearchOptions {
  viewer?: string
}

/** docs/spec.md §3.3 default result caps. */
const DEFAULT_CAPS: Record<AccountLevel, number> = {
  basic: 100,
  business: 300,
  'business-plus': 500,
  executive: 700,
}

export class Oracle {
  private readonly profiles = new Map<string, Profile>()
  private readonly network = new Network()
  private readonly now: () => Date
  private readonly geocoder: Geocoder
  private readonly caps: Record<AccountLevel, number>
  private readonly facetBucketLimit: number
  private readonly secret: Buffer
  /** docs/spec.md §6.2: a member's (or viewer's) incarnation is how often its id was removed; a replace keeps it. */
  private readonly removals = new Map<string, number>()

  constructor(options: OracleOptions = {}) {
    this.now = options.now ?? (() => new Date())
    this.geocoder = options.geocoder ?? new UsZipGeocoder()
    this.caps = { ...DEFAULT_CAPS, ...options.caps }
    this.facetBucketLimit = options.facetBucketLimit ?? 10
    this.secret = options.secret ?? randomBytes(32)
  }

  // ---- docs/spec.md §1 and §7: data and updates ----

  /** Validates every profile first, then upserts them all (a batch is all-or-nothing, §1.1). */
  add(profile: Profile | Profile[]): void {
    const batch = Array.isArray(profile) ? profile : [profile]
    validateProfiles(batch)
    // A copy, so that a caller mutating its object later does not change the oracle's world.
    // Replacing keeps the member's edges and groups: they live in `network`, keyed by id (§1.2).
    for (const p of batch) this.profiles.set(p.id, structuredClone(p))
  }

  /** docs/spec.md §1.2: removing a member removes its edges and group memberships. */
  remove(id: string): boolean {
    if (!this.profiles.has(id)) return false
    this.profiles.delete(id)
    this.network.forget(id)
    this.removals.set(id, (this.removals.get(id) ?? 0) + 1)
    return true
  }

  /**
   * Undirected; `connect(a, a)` does nothing; an unknown member is a 404 naming it (§8).
   * Project decision: existence is checked first, so `connect(x, x)` of an unknown x is a 404.
   */
  connect(a: string, b: string): void {
    this.mustExist(a)
    this.mustExist(b)
    this.network.connect(a, b)
  }

  /** A pair that is not linked: nothing happens (§8). */
  disconnect(a: string, b: string): void {
    this.network.disconnect(a, b)
  }

  joinGroup(member: string, group: string): void {
    this.mustExist(member)
    this.network.join(member, group)
  }

  leaveGroup(member: string, group: string): void {
    this.network.leave(member, group)
  }

  // ---- docs/spec.md §3 and §4: searching ----

  answer(request: SearchRequest, options: SearchOptions): SearchAnswer {
    // docs/spec.md §8: the viewer is checked first (401), then the request (400).
    const viewer = this.viewerOf(options)
    // docs/spec.md §8: then the field selector (400), then the parameters (400).
    const query = parseRequest(request, checkFields)
    const now = this.now()
    const centroid = resolvePostal(query, this.geocoder)
    const ctx = { now, geocoder: this.geocoder, centroid }

    // Everyone but the viewer, as the viewer sees them (§3.2 degree, §3.6 sight).
    const others: Seen[] = [...this.profiles.values()]
      .filter((p) => p.id !== viewer.id)
      .map((p) => this.seenBy(viewer.id, p))

    // docs/spec.md §3.2: without both names a search can only find F and S members.
    const bothNames = query.firstName !== undefined && query.lastName !== undefined
    const findable = others.filter((s) => bothNames || s.degree === 'F' || s.degree === 'S')
    const matching = findable.filter((s) => matchesCriteria(s.profile, s.sight, query, ctx))
    const results = matching.filter((s) => matchesFacetFilters(s, query.facetFilters, now))

    // docs/spec.md §3.3 counts.
    const numResults = results.length
    const cap = this.caps[viewer.accountLevel ?? 'basic']
    const total = Math.min(numResults, cap)

    // docs/spec.md §3.4 sort, then §3.5 page.
    const sorted = this.sort(results, query, now)
    const ids = sorted.slice(query.start, Math.min(query.start + query.count, total)).map((s) => s.profile.id)

    // docs/spec.md §4.3 histograms: disjunctive, over everything that matches and can be found.
    const everyone = [...this.profiles.values()].map((p) => this.seenBy(viewer.id, p))
    const facets = query.facets.map((code) => {
      const filtersElsewhere = query.facetFilters.filter((f) => f.code !== code)
      const population = matching.filter((s) => matchesFacetFilters(s, filtersElsewhere, now))
      const selected = [
        ...new Set(query.facetFilters.filter((f) => f.code === code).flatMap((f) => f.values)),
      ]
      const nameOf = (bucket: string) => bucketName(code, bucket, everyone)
      return { code, buckets: histogram(code, population, selected, this.facetBucketLimit, now, nameOf) }
    })

    return { numResults, total, start: query.start, ids, facets }
  }

  /**
   * The legacy JSON document (docs/spec.md §5.4). Which people, in which order, with which counts and
   * histograms is the oracle's own answer, and so is how it renders (`renderDocument`, render.ts, a
   * literal reading of §5), fed with the oracle's own degree of each person and the same clock and
   * token secret; only the selector parser and the profile links are still shared with core.
   */
  search(request: SearchRequest, options: SearchOptions): SearchResult {
    const answer = this.answer(request, options)
    const viewer = this.viewerOf(options).id
    const now = this.now().getTime()
    // Read again (`answer` has already judged it): only the selector text is needed here.
    const { fields } = parseRequest(request, checkFields)
    const selector = fields === undefined ? undefined : parseSelector(fields)
    return renderDocument(answer, selector, (id) => {
      const profile = this.profiles.get(id) as Profile
      const degree = this.network.degree(viewer, id)
      return {
        profile,
        context: {
          degree,
          now,
          links: (member) => {
            const grant = {
              viewer,
              viewerIncarnation: this.removals.get(viewer) ?? 0,
              member,
              memberIncarnation: this.removals.get(member) ?? 0,
            }
            return profileLinks(this.secret, grant, degree, now)
          },
        },
      }
    })
  }

  // ---- helpers ----

  /** docs/spec.md §3.2: no viewer, or an unknown one, is a 401. */
  private viewerOf(options: SearchOptions): Profile {
    if (options.viewer === undefined) fail('search-without-viewer')
    const viewer = this.profiles.get(options.viewer)
    if (viewer === undefined) fail('unknown-viewer', { viewer: options.viewer })
    return viewer
  }

  private mustExist(id: string): void {
    if (!this.profiles.has(id)) fail('unknown-member', { member: id })
  }

  /**
   * A member with its degree to the viewer; F may read `connections` sections (§3.6).
   * The viewer itself (only ever used for bucket names) is not its own F: it reads its own
   * profile as the public does.
   */
  private seenBy(viewer: string, profile: Profile): Seen {
    const degree = profile.id === viewer ? 'O' : this.network.degree(viewer, profile.id)
    return { profile, degree, sight: { connection: degree === 'F' } }
  }

  /** docs/spec.md §3.4: the requested order, always finally `id` ascending in code-unit order. */
  private sort(results: Seen[], query: OracleQuery, now: Date): Seen[] {
    const connections = (s: Seen) => s.profile.numConnections ?? 0
    const recommenders = (s: Seen) => s.profile.numRecommenders ?? 0
    const degreeRank = (s: Seen) => (s.degree === 'F' ? 0 : s.degree === 'S' ? 1 : 2)
    const byId = (a: Seen, b: Seen) => compareCodeUnits(a.profile.id, b.profile.id)

    if (query.sort === 'relevance') {
      const stats = corpusStats([...this.profiles.values()], now)
      const score = new Map<Seen, number>()
      for (const s of results)
        score.set(s, bm25(query.keywords, searchableFields(s.profile, s.sight, now), stats))
      return [...results].sort(
        (a, b) =>
          descending(score.get(a) ?? 0, score.get(b) ?? 0) ||
          descending(connections(a), connections(b)) ||
          byId(a, b),
      )
    }
    const orders: Record<Exclude<OracleQuery['sort'], 'relevance'>, (a: Seen, b: Seen) => number> = {
      connections: (a, b) => descending(connections(a), connections(b)),
      recommenders: (a, b) =>
        descending(recommenders(a), recommenders(b)) || descending(connections(a), connections(b)),
      distance: (a, b) => degreeRank(a) - degreeRank(b) || descending(connections(a), connections(b)),
    }
    const order = orders[query.sort]
    return [...results].sort((a, b) => order(a, b) || byId(a, b))
  }
}

/** docs/spec.md §5.1: a field selector must name known fields, each once. */
function checkFields(fields: string | undefined): void {
  if (fields !== undefined) checkSelector(parseSelector(fields))
}

/** Comparator piece for "x descending". */
function descending(x: number, y: number): number {
  return x > y ? -1 : x < y ? 1 : 0
}
