import { fail } from '@people-search/core'
import type { ImplementationFactory } from './implementation.js'
import { Mismatch } from './mismatch.js'
import {
  type Counterexample,
  type Report,
  type SectionReport,
  SPEC_SECTIONS,
  type SpecSection,
} from './report.js'
import { checkSection, type SectionRun } from './sections.js'

export interface CheckOptions {
  /** Worlds per section (default 100). */
  numRuns?: number
  /** fast-check seed (default: random); the report gives the one used, to replay a run. */
  seed?: number
  /** Sections of docs/spec.md to check (default every one of `SPEC_SECTIONS`, in that order). */
  sections?: readonly SpecSection[]
  /** Most requests asked per world (default 8). */
  requestsPerWorld?: number
  /**
   * Most runs spent shrinking a section's failure (default 500): past them, the smallest
   * failure found so far is reported. Shrinking is what makes a counterexample small; against a
   * slow service a smaller budget ends a failing check sooner.
   */
  shrinkRuns?: number
}

const DEFAULT_RUNS = 100
const DEFAULT_REQUESTS = 8
const DEFAULT_SHRINK_RUNS = 500

/**
 * Holds an implementation to docs/spec.md: for each section, `numRuns` random worlds (fast-check,
 * shrinking on a failure) are loaded into a fresh implementation from `factory` and into the
 * oracle with the same options, and every request is asked of both as a legacy URL with its
 * viewer; the §5.4 documents must be equal (profile-link tokens masked, errors by status only).
 * A difference, or anything the implementation throws without a numeric `status`, is reported
 * in the result, never thrown: the promise rejects only for options that are not valid (a 400
 * `invalid-argument`).
 */
export async function checkConformance(
  factory: ImplementationFactory,
  options: CheckOptions = {},
): Promise<Report> {
  const numRuns = positiveInteger('numRuns', options.numRuns ?? DEFAULT_RUNS)
  const requestsPerWorld = positiveInteger('requestsPerWorld', options.requestsPerWorld ?? DEFAULT_REQUESTS)
  const shrinkRuns = nonNegativeInteger('shrinkRuns', options.shrinkRuns ?? DEFAULT_SHRINK_RUNS)
  const seed = options.seed ?? randomSeed()
  if (!Number.isSafeInteger(seed)) invalid('seed', seed, 'an integer')
  const sections = options.sections ?? SPEC_SECTIONS
  if (!Array.isArray(sections)) invalid('sections', sections, `a list of ${SPEC_SECTIONS.join(', ')}`)
  for (const s of sections) if (!SPEC_SECTIONS.includes(s)) invalid('section', s, SPEC_SECTIONS.join(', '))

  const reports: SectionReport[] = []
  for (const section of sections) {
    const tally = { searches: 0, failed: false, shrinkRuns: 0 }
    const run = await checkSection(
      section,
      { factory, requestsPerWorld, shrinkRuns, tally },
      { numRuns, seed },
    )
    const report: SectionReport = { section, ok: !run.failed, runs: run.numRuns, searches: tally.searches }
    if (run.failed) report.failure = counterexampleOf(section, run, seed)
    reports.push(report)
  }
  const failure = reports.find((r) => r.failure)?.failure
  return { ok: failure === undefined, seed, numRuns, sections: reports, ...(failure ? { failure } : {}) }
}

function counterexampleOf(section: SpecSection, run: SectionRun, seed: number): Counterexample {
  const replay = { section, seed, replayPath: run.counterexamplePath ?? '' }
  if (run.errorInstance instanceof Mismatch) return { ...run.errorInstance.finding, ...replay }
  // Not a difference the kit found: the kit itself failed (or fast-check stopped the run).
  const message = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance)
  return {
    world: '',
    options: '',
    request: '(kit)',
    viewer: undefined,
    expected: null,
    actual: { crash: `the conformance kit failed: ${message}` },
    path: '(root)',
    ...replay,
  }
}

function positiveInteger(option: string, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) invalid(option, value, 'a positive integer')
  return value as number
}

function nonNegativeInteger(option: string, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) invalid(option, value, 'an integer from 0')
  return value as number
}

function invalid(option: string, value: unknown, expected: string): never {
  return fail('invalid-argument', { argument: `checkConformance option ${option}`, value, expected })
}

/** A fast-check seed (a 32-bit integer). */
function randomSeed(): number {
  return (Math.random() * 0x1_0000_0000) | 0
}
