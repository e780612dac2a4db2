import type { Counterexample } from './report.js'

/** A difference found in one run, before fast-check's seed and path are known. */
export type Finding = Omit<Counterexample, 'section' | 'seed' | 'replayPath'>

/**
 * Thrown inside a property when the implementation and the oracle differ, so that fast-check
 * shrinks the run and hands the last (smallest) finding back as `errorInstance`.
 */
export class Mismatch extends Error {
  constructor(readonly finding: Finding) {
    super(`${finding.request}: differs at ${finding.path}`)
    this.name = 'Mismatch'
  }
}
