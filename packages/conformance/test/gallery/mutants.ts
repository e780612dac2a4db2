import type { SpecSection } from '../../src/check/report.js'

/**
 * One literal change to a file of core's compiled output: `find` must occur exactly once in
 * `file`, so a refactor of core that moves the code makes the gallery fail loudly instead of
 * silently testing an unmutated index.
 */
export interface Edit {
  /** Relative to packages/core/dist, e.g. `query/matches.js`. */
  file: string
  find: string
  replace: string
}

/**
 * A deliberately broken implementation (issue 13, item 3): the real index with one bug, which
 * may take the same edit in several places (core has two match paths for keywords: the walk
 * of query/matches.ts and the bitsets of collect/collect-dense.ts).
 */
export interface Mutant {
  /** A directory name: lower case and dashes. */
  name: string
  /** What the bug is, in a user's words. */
  bug: string
  /** The rule it breaks, as `docs/spec.md §N`. */
  spec: string
  /** The section of `checkConformance` that is asked to catch it. */
  section: SpecSection
  edits: readonly Edit[]
  /**
   * What `GALLERY_MEASURE=1` printed: for seeds 1–5, the worlds of `section` the kit needed to
   * catch it.
   */
  measured: string
  /**
   * Runs of that section after which every one of seeds 1–5 has caught it: the largest measured
   * number times 1.5, rounded up to a multiple of 5.
   */
  caughtWithin: number
}

export const MUTANTS: readonly Mutant[] = [
  {
    name: 'privacy-connections-text',
    bug: 'connections-only text matches keywords for any viewer, not only F',
    spec: 'docs/spec.md §3.6',
    section: 'search',
    edits: [
      {
        file: 'query/keyword-terms.js',
        find: '!(isFirst && posting.tfConnections[at] > 0)',
        replace: '!(posting.tfConnections[at] > 0)',
      },
      {
        file: 'collect/collect-dense.js',
        find: 'let connected = first;',
        replace: 'let connected = network;',
      },
    ],
    measured: '23 19 76 45 78',
    caughtWithin: 120,
  },
  {
    name: 'single-name-out-of-network',
    bug: 'one name (first or last) is enough to search beyond the network',
    spec: 'docs/spec.md §3.2',
    section: 'search',
    edits: [
      {
        file: 'query/search-plan.js',
        find: 'return query.firstName !== undefined && query.lastName !== undefined;',
        replace: 'return query.firstName !== undefined || query.lastName !== undefined;',
      },
    ],
    measured: '80 23 31 6 27',
    caughtWithin: 120,
  },
  {
    name: 'no-result-cap',
    bug: "the viewer's result cap is ignored: total = num-results",
    spec: 'docs/spec.md §3.3',
    section: 'search',
    edits: [
      { file: 'people-index.js', find: 'cap: this.caps[level],', replace: 'cap: Number.POSITIVE_INFINITY,' },
    ],
    measured: '3 1 5 13 1',
    caughtWithin: 20,
  },
  {
    name: 'fold-keeps-diacritics',
    bug: 'fold decomposes but does not remove the marks (José is not JOSE)',
    spec: 'docs/spec.md §2',
    section: 'search',
    edits: [{ file: 'text/fold.js', find: ".replace(MARKS, '')", replace: '' }],
    measured: '1 4 1 1 1',
    caughtWithin: 10,
  },
  {
    name: 'dotless-i-not-folded',
    bug: 'fold leaves the dotless ı as it is (ıstanbul is not Istanbul)',
    spec: 'docs/spec.md §2',
    section: 'search',
    edits: [
      {
        file: 'text/fold.js',
        find: '.toUpperCase().toLowerCase();',
        replace: ".split('ı').map((part) => part.toUpperCase().toLowerCase()).join('ı');",
      },
    ],
    measured: '5 73 7 35 1',
    caughtWithin: 110,
  },
  {
    name: 'histograms-not-disjunctive',
    bug: "a facet's histogram also applies the filters on that facet",
    spec: 'docs/spec.md §4.3',
    section: 'facets',
    edits: [
      {
        file: 'collect/facet-counts.js',
        find: 'if (failedFacet === NO_FAILED_FACET || failedFacet === facets[h])',
        replace: 'if (failedFacet === NO_FAILED_FACET)',
      },
    ],
    measured: '2 4 28 1 5',
    caughtWithin: 45,
  },
  {
    name: 'bm25-stats-over-connections-text',
    bug: 'BM25 corpus statistics (n(t), avgdl) count connections-only text, not public text alone',
    spec: 'docs/spec.md §3.4',
    section: 'search',
    edits: [
      {
        file: 'store/postings.js',
        find: 'if (tfPublic > 0)',
        replace: 'if (tfPublic > 0 || tfConnections > 0)',
      },
      {
        file: 'store/store.js',
        find: 'if (analysis.tfPublic[id] > 0)',
        replace: 'if (analysis.tfPublic[id] > 0 || analysis.tfConnections[id] > 0)',
      },
      {
        file: 'store/store.js',
        find: 'this.publicLength += analysis.dlPublic;',
        replace: 'this.publicLength += analysis.dlPublic + analysis.dlConnections;',
      },
      {
        file: 'store/store.js',
        find: 'this.publicLength -= columns.dlPublic[slot];',
        replace: 'this.publicLength -= columns.dlPublic[slot] + columns.dlConnections[slot];',
      },
    ],
    measured: '65 24 75 107 40',
    caughtWithin: 165,
  },
  {
    name: 'paging-off-by-one',
    bug: 'the page window ends one rank early: a full page loses its last member',
    spec: 'docs/spec.md §3.5',
    section: 'search',
    edits: [
      {
        file: 'collect/execute.js',
        find: 'Math.min(query.start + query.count, context.cap)',
        replace: 'Math.min(query.start + query.count - 1, context.cap)',
      },
    ],
    measured: '25 4 1 3 1',
    caughtWithin: 40,
  },
  {
    name: 'id-tie-break-reversed',
    bug: 'ties are broken by id descending',
    spec: 'docs/spec.md §3.4',
    section: 'search',
    edits: [
      { file: 'collect/sort-order.js', find: '? idKey[a] < idKey[b]', replace: '? idKey[a] > idKey[b]' },
      {
        file: 'collect/sort-order.js',
        find: ': ids.compare(a, b) < 0;',
        replace: ': ids.compare(a, b) > 0;',
      },
    ],
    measured: '4 1 1 1 1',
    caughtWithin: 10,
  },
  {
    name: 'nine-histogram-buckets',
    bug: 'a histogram shows 9 top buckets where the limit is 10 (other limits are kept)',
    spec: 'docs/spec.md §4.3',
    section: 'facets',
    edits: [
      {
        file: 'collect/histogram.js',
        find: 'order.slice(0, limit)',
        replace: 'order.slice(0, limit === 10 ? 9 : limit)',
      },
    ],
    measured: '13 20 20 13 1',
    caughtWithin: 30,
  },
  {
    name: 'current-company-true-as-past',
    bug: 'current-company=true matches past positions (and false too)',
    spec: 'docs/spec.md §3.1',
    section: 'search',
    edits: [
      {
        file: 'query/item-criterion.js',
        find: '(itemColumns.current[item] === 1) !== criterion.current',
        replace: "(itemColumns.current[item] === 1) !== (field === 'c' ? false : criterion.current)",
      },
    ],
    measured: '26 47 94 5 154',
    caughtWithin: 235,
  },
  {
    name: 'kilometres-not-miles',
    bug: 'distances are measured in kilometres (Earth radius 6371)',
    spec: 'docs/spec.md §3.1',
    section: 'search',
    edits: [
      {
        file: 'geo/geocoder.js',
        find: 'const EARTH_RADIUS_MILES = 3958.8;',
        replace: 'const EARTH_RADIUS_MILES = 6371.0;',
      },
    ],
    measured: '28 168 34 220 162',
    caughtWithin: 330,
  },
  {
    name: 'removed-member-found-by-name',
    bug: 'a removed member is still found by a search that gives both names',
    spec: 'docs/spec.md §7',
    section: 'updates',
    edits: [
      {
        file: 'query/matches.js',
        find: 'if (columns.alive[slot] === 0)',
        replace: 'if (columns.alive[slot] === 2)',
      },
    ],
    measured: '44 105 10 15 11',
    caughtWithin: 160,
  },
  {
    name: 'group-members-as-out-of-network',
    bug: 'members who share a group with the viewer are O, not A',
    spec: 'docs/spec.md §3.2',
    section: 'search',
    edits: [
      {
        file: 'store/graph.js',
        find: 'if (x[i] === y[j])',
        replace: 'if (false)',
      },
    ],
    measured: '15 21 41 28 94',
    caughtWithin: 145,
  },
  {
    name: 'strict-radius',
    bug: 'a member exactly `distance` miles away is outside the radius (< instead of ≤)',
    spec: 'docs/spec.md §3.1',
    section: 'search',
    edits: [{ file: 'query/matches.js', find: '<= this.distance;', replace: '< this.distance;' }],
    measured: '93 63 17 22 138',
    caughtWithin: 210,
  },
  {
    name: 'connections-capped-at-500',
    bug: 'num-connections-capped is true at exactly 500 connections',
    spec: 'docs/spec.md §5.2',
    section: 'search',
    edits: [
      {
        file: 'fields/render-person.js',
        find: '(p.numConnections ?? 0) > CONNECTIONS_CAP',
        replace: '(p.numConnections ?? 0) >= CONNECTIONS_CAP',
      },
    ],
    measured: '12 78 97 11 95',
    caughtWithin: 150,
  },
  {
    name: 'current-flag-inverted',
    bug: 'the request parser reads current-company/-title/-school=true as false and back',
    spec: 'docs/spec.md §8',
    section: 'search',
    edits: [
      {
        file: 'query/text-parameters.js',
        find: "current: flag.toLowerCase() === 'true'",
        replace: "current: flag.toLowerCase() === 'false'",
      },
    ],
    measured: '4 4 22 5 1',
    caughtWithin: 35,
  },
]
