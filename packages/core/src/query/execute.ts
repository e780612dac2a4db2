import { idf, termScore } from '../collect/bm25.js'
import { type FacetDomain, facetDomain } from '../collect/facet-domains.js'
import { Histogram } from '../collect/histogram.js'
import { sortOrder } from '../collect/sort-order.js'
import { TopK } from '../collect/top-k.js'
import { distanceMiles } from '../geo/geocoder.js'
import { nameKey } from '../index/analyze-profile.js'
import { FIRST, type NetworkView, SECOND, SELF } from '../index/network.js'
import type { Posting } from '../index/postings.js'
import { COMPANY, type IndexStore, postalKey, SCHOOL, TITLE } from '../index/store.js'
import { Cursor } from './cursor.js'
import { BoundFacetFilter } from './facet-filter.js'
import { itemCriterionSlots } from './item-criterion.js'
import type { SearchAnswer } from './search-answer.js'
import { FACET_CODES, type FacetCode, type SearchQuery } from './search-query.js'

/** What a search needs beyond the query: the viewer's view, its cap and reused buffers. */
export interface ExecutionContext {
  store: IndexStore
  view: NetworkView
  cap: number
  bucketLimit: number
  /** Where the postal code of a distance search is (already resolved by the geocoder). */
  centroid?: { lat: number; lon: number }
  /** Counter arrays kept between queries, by facet code. */
  counters: Map<FacetCode, Uint32Array>
}

const EMPTY = new Uint32Array(0)

/**
 * Runs a parsed query: picks the smallest sorted source of candidates, tests every other
 * criterion on each candidate in ascending slot order, then hands matches to the collectors
 * (count, top-k, histograms). Members failing only facet filters on X still feed X's histogram
 * (disjunctive counting, docs/spec.md §4.3).
 */
export function execute(query: SearchQuery, context: ExecutionContext): SearchAnswer {
  const { store, view } = context
  const { columns } = store
  const canFindAll = reachesEveryone(query)

  // Sorted candidate sources; an empty one means nothing can match.
  const sources: { data: Uint32Array; length: number }[] = []
  let impossible = false
  const keywordPostings: Posting[] = []
  for (const token of new Set(query.keywords)) {
    const posting = store.postings[store.vocabulary.find(token)]
    if (posting === undefined) impossible = true
    else keywordPostings.push(posting)
  }
  for (const posting of keywordPostings) sources.push({ data: posting.slots, length: posting.length })
  const firstKey = query.firstName === undefined ? -1 : nameKeyId(store, query.firstName)
  const lastKey = query.lastName === undefined ? -1 : nameKeyId(store, query.lastName)
  if (firstKey === 0 || lastKey === 0) impossible = true
  if (firstKey > 0 && lastKey > 0) {
    const full = store.fullNameSlots(firstKey, lastKey)
    sources.push({ data: full, length: full.length })
  } else if (firstKey > 0) sources.push(store.firstNameSlots[firstKey])
  else if (lastKey > 0) sources.push(store.lastNameSlots[lastKey])
  const itemCriteria = [
    [COMPANY, query.companyName],
    [TITLE, query.title],
    [SCHOOL, query.schoolName],
  ] as const
  for (const [field, criterion] of itemCriteria) {
    if (criterion === undefined) continue
    const slots = itemCriterionSlots(store, field, criterion, view)
    sources.push({ data: slots, length: slots.length })
  }
  if (!canFindAll) sources.push({ data: view.network, length: view.network.length })
  const country = query.countryCode === undefined ? -1 : store.locations.find(`${query.countryCode}:0`)
  if (country === 0) impossible = true

  let driver = sources[0] ?? { data: EMPTY, length: 0 }
  for (const source of sources) if (source.length < driver.length) driver = source
  if (impossible) driver = { data: EMPTY, length: 0 }
  const cursors = sources.filter((s) => s !== driver).map((s) => new Cursor(s.data, s.length))
  const keywordCursors = keywordPostings.map((p) => new Cursor(p.slots, p.length))

  const postal = query.postal
  const centroid = context.centroid
  const postalId =
    postal === undefined ? 0 : store.postalCodes.find(postalKey(query.countryCode ?? '', postal.code))

  const valueRoom = store.maxItemCount + 2
  const buffer = new Uint32Array(valueRoom)
  const domains = new Map<FacetCode, FacetDomain>()
  const domainOf = (code: FacetCode): FacetDomain => {
    let domain = domains.get(code)
    if (domain === undefined) {
      domain = facetDomain(code, store, view)
      domains.set(code, domain)
    }
    return domain
  }
  const filters = query.facetFilters.map((f) => new BoundFacetFilter(domainOf(f.code), f, buffer))
  const filterCodes = query.facetFilters.map((f) => FACET_CODES.indexOf(f.code))
  const histograms = query.facets.map(
    (code) => new Histogram(domainOf(code), context.counters.get(code) ?? EMPTY, new Uint32Array(valueRoom)),
  )
  const histogramCodes = query.facets.map((code) => FACET_CODES.indexOf(code))

  const relevance = query.sort === 'relevance' && keywordPostings.length > 0
  const members = store.liveCount
  const avgdl = store.publicLength / members
  const idfs = keywordPostings.map((p) => idf(members, p.publicDocs))
  const k = Math.min(query.start + query.count, context.cap)
  const top = new TopK(
    k,
    sortOrder(query.sort, columns, store.ids, (slot) => view.degreeOf(slot)),
  )

  let numResults = 0
  candidates: for (let i = 0; i < driver.length; i++) {
    const slot = driver.data[i]
    if (columns.alive[slot] === 0) continue
    const d = view.degreeOf(slot)
    if (d === SELF || (!canFindAll && d !== FIRST && d !== SECOND)) continue
    if (firstKey > 0 && columns.firstKey[slot] !== firstKey) continue
    if (lastKey > 0 && columns.lastKey[slot] !== lastKey) continue
    if (country > 0 && columns.country[slot] !== country) continue
    for (const cursor of cursors) if (!cursor.seek(slot)) continue candidates
    const isFirst = d === FIRST
    for (let t = 0; t < keywordCursors.length; t++) {
      const cursor = keywordCursors[t]
      if (!cursor.seek(slot)) continue candidates
      const posting = keywordPostings[t]
      if (posting.tfPublic[cursor.pos] === 0 && !(isFirst && posting.tfConnections[cursor.pos] > 0))
        continue candidates
    }
    if (postal !== undefined && centroid !== undefined) {
      const inCode = postalId !== 0 && columns.postalKey[slot] === postalId
      const lat = columns.lat[slot]
      if (
        !inCode &&
        !(
          !Number.isNaN(lat) &&
          distanceMiles(lat, columns.lon[slot], centroid.lat, centroid.lon) <= postal.distance
        )
      ) {
        continue
      }
    }

    // -1: every facet filter holds; a facet index: only filters on that facet fail; -2: several.
    let failed = -1
    for (let f = 0; f < filters.length; f++) {
      if (filters[f].test(slot)) continue
      if (failed === -1) failed = filterCodes[f]
      else if (failed !== filterCodes[f]) {
        failed = -2
        break
      }
      if (histograms.length === 0) break
    }
    for (let h = 0; h < histograms.length; h++) {
      if (failed === -1 || failed === histogramCodes[h]) histograms[h].add(slot)
    }
    if (failed !== -1) continue

    numResults++
    let score = 0
    if (relevance) {
      const dl = columns.dlPublic[slot] + (isFirst ? columns.dlConnections[slot] : 0)
      for (let t = 0; t < keywordPostings.length; t++) {
        const posting = keywordPostings[t]
        const at = keywordCursors[t].pos
        const tf = posting.tfPublic[at] + (isFirst ? posting.tfConnections[at] : 0)
        if (tf > 0) score += termScore(idfs[t], tf, dl, avgdl)
      }
    }
    top.offer(slot, score)
  }

  const total = Math.min(numResults, context.cap)
  const ranked = top.sorted()
  const end = Math.min(query.start + query.count, total)
  const ids = query.start >= end ? [] : ranked.slice(query.start, end).map((slot) => store.ids[slot])
  const facets = histograms.map((histogram, h) => {
    const code = query.facets[h]
    const selected = query.facetFilters.filter((f) => f.code === code).flatMap((f) => f.values)
    const buckets = histogram.buckets(context.bucketLimit, selected)
    context.counters.set(code, histogram.storage)
    return { code, buckets }
  })
  return { numResults, total, start: query.start, ids, facets }
}

function nameKeyId(store: IndexStore, tokens: string[]): number {
  const ids = tokens.map((token) => store.vocabulary.find(token))
  return ids.includes(0) ? 0 : store.nameKeys.find(nameKey(ids))
}

/** docs/spec.md §3.2: only a search that gives both names can find beyond the viewer's network. */
export function reachesEveryone(query: SearchQuery): boolean {
  return query.firstName !== undefined && query.lastName !== undefined
}
