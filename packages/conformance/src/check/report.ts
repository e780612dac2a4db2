/**
 * The parts of docs/spec.md a conformance run checks, each with its own properties:
 * - `search`: §3 criteria, the network rule, counts, the four sorts and paging (§3.1–§3.5), and
 *   the §5.4 document with field selectors, on random worlds and requests (one in eight invalid:
 *   §8 statuses);
 * - `facets`: §4 facet filters and disjunctive histograms;
 * - `privacy`: §3.6 — rewriting what a viewer may not see changes nothing of what it is answered;
 * - `updates`: §1.2 and §7 — after random sequences of adds, replaces, removes, connects,
 *   disconnects, group changes and failed batches, answers equal the oracle's.
 */
export const SPEC_SECTIONS = ['search', 'facets', 'privacy', 'updates'] as const
export type SpecSection = (typeof SPEC_SECTIONS)[number]

/** The first difference found, shrunk by fast-check to a small case. */
export interface Counterexample {
  section: SpecSection
  /** The world as JSON lines: one `{"profile": …}` line per profile, then `{"connect": [a, b]}` and `{"join": [member, group]}` lines, then for `updates` the steps (`{"step": …}`), in order. */
  world: string
  /**
   * `privacy` only, when the rewritten world was answered differently: the world before the text
   * its viewer may not see was rewritten (JSON lines). `world` is then the rewritten one and
   * `expected` what the implementation answered on the original (where it equalled the
   * oracle's): docs/spec.md §3.6 says rewriting hidden text must not change the answer.
   */
  original?: string
  /** The options the factory was given, as JSON (the clock as an ISO string, caps, bucket limit). */
  options: string
  /** The legacy URL that was asked. */
  request: string
  viewer: string | undefined
  /** What the oracle answered: the §5.4 document, or `{ "status": n }`. */
  expected: unknown
  /** What the implementation answered, the same way (or `{ "crash": message }` when it threw something without a status). */
  actual: unknown
  /** The first path at which the two differ, e.g. `people.values[2].id` or `status`. */
  path: string
  /** The fast-check seed and path that replay it. */
  seed: number
  replayPath: string
}

export interface SectionReport {
  section: SpecSection
  ok: boolean
  /** Runs (worlds) checked in this section. */
  runs: number
  /** Searches compared in this section. */
  searches: number
  /** This section's first difference, when `ok` is false (`Report.failure` is the first of all sections'). */
  failure?: Counterexample
}

export interface Report {
  ok: boolean
  seed: number
  /** Runs asked for per section. */
  numRuns: number
  sections: SectionReport[]
  /** The first failure, when `ok` is false. */
  failure?: Counterexample
}
