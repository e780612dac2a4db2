// Loaded only when vitest runs against a broken copy of core (scripts/mutants.mjs sets
// PEOPLE_SEARCH_CORE): whether the suite catches the mutant is the question, not its smallest
// counterexample, and shrinking every failure would cost far more than finding it.
import fc from 'fast-check'

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true })
