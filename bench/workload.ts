/**
 * What the queries are made of: the corpus's own frequent vocabulary (keywords, companies,
 * locations) and seeded draws of viewers, so every engine in every process asks the same
 * questions, and the questions have many answers.
 */
import type { SearchRequestObject } from '@people-search/core'
import { Rng } from '@people-search/sample'
import type { CaseSource } from './corpus.js'
import { publicCurrentCompanies, publicWords } from './public-text.js'

/** How many of the most frequent tokens count as "frequent vocabulary". */
const FREQUENT = 200
/** Function words: frequent, but nobody searches for them. */
const FUNCTION_WORDS = new Set(
  'a about an and as at be by for from in into is it its of on or our over that the their this to we with you your us inc llc co'.split(
    ' ',
  ),
)

export interface Vocabulary {
  /** Frequent tokens of public searchable text, most frequent first. */
  keywords: string[]
  /** Fraction of sampled members whose public text holds each frequent token. */
  share: Map<string, number>
  /** For each sampled member, its distinct frequent tokens (to draw co-occurring keywords). */
  memberKeywords: string[][]
  /** Display names of the most frequent current companies, most frequent first. */
  companies: string[]
  /** The most frequent location codes (`us:70`), most frequent first. */
  locations: string[]
}

/** Counted over the corpus's leading profiles (`LEADING_PROFILES`). */
export function vocabulary(corpus: CaseSource): Vocabulary {
  const sample = corpus.leading
  const df = new Map<string, number>()
  const distinct: string[][] = []
  const companies = new Map<string, number>()
  const locations = new Map<string, number>()
  for (const profile of sample) {
    const seen = new Set(publicWords(profile))
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1)
    distinct.push([...seen])
    for (const name of publicCurrentCompanies(profile)) companies.set(name, (companies.get(name) ?? 0) + 1)
    const code = profile.location?.code
    if (code !== undefined) locations.set(code, (locations.get(code) ?? 0) + 1)
  }
  const keywords = byCount(df)
    .filter((t) => !FUNCTION_WORDS.has(t) && t.length >= 3 && !/^\d+$/.test(t))
    .slice(0, FREQUENT)
  const frequent = new Set(keywords)
  return {
    keywords,
    share: new Map(keywords.map((t) => [t, (df.get(t) ?? 0) / sample.length])),
    memberKeywords: distinct.map((ts) => ts.filter((t) => frequent.has(t))),
    companies: byCount(companies).slice(0, 20),
    locations: byCount(locations).slice(0, 20),
  }
}

function byCount(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key)
}

/** The same question in engine-neutral terms, for the peers (see each scenario's notes). */
export interface PeerQuery {
  /** Folded tokens that must all occur in the member's public searchable text. */
  keywords?: string[]
  /** Folded first / last name (tokens joined by a space), matched exactly. */
  firstName?: string
  lastName?: string
  /** Folded tokens that must all occur in the company names of the member's current positions. */
  currentCompany?: string[]
  /** The member's location facet values (its region and `cc:0`) include one of these. */
  locationAny?: string[]
  /** Histograms to count over the matches. */
  facets?: ('location' | 'industry')[]
  /** Only members connected to this member index (network F). */
  connectedTo?: number
  sort: 'connections' | 'relevance'
  offset: number
  limit: number
}

/** One concrete search of a query class. */
export interface QueryCase {
  /** The viewer's id (ours and the oracle). */
  viewer: string
  /** The legacy request's parameters (ours and the oracle). */
  request: SearchRequestObject
  peer: PeerQuery
}

/** Everything a scenario draws its cases from. */
export interface World {
  corpus: CaseSource
  vocabulary: Vocabulary
  /** A fresh PRNG per scenario, seeded from the scenario's name. */
  rng: Rng
}

/** Cases per query class: more than the index's 8-viewer network cache, so most searches are cold. */
export const CASES = 64

/** A random member index. */
export function randomMember(world: World): number {
  return world.rng.int(world.corpus.size)
}

/** `count` frequent keywords that occur together in one random sampled member's public text. */
export function cooccurring(world: World, count: number): string[] {
  const { memberKeywords } = world.vocabulary
  for (;;) {
    const pool = world.rng.pick(memberKeywords)
    if (pool.length < count) continue
    const picked = new Set<string>()
    while (picked.size < count) picked.add(world.rng.pick(pool))
    return [...picked]
  }
}

export function seedOf(name: string): number {
  let h = 2166136261
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619)
  return h >>> 0
}

export function worldFor(corpus: CaseSource, vocabulary: Vocabulary, scenario: string): World {
  return { corpus, vocabulary, rng: new Rng(seedOf(`${corpus.seed}:${scenario}`)) }
}
