import type { OwnedProfile } from '../model/own-profile.js'

/** One earlier version of a member's profile (the index's own copy) and its time (ms since the epoch). */
export interface ProfileVersion {
  profile: OwnedProfile
  time: number
}

/** How far back backfilling looks (docs/spec.md §6.1: "the last 10 years"). */
export const BACKFILL_YEARS = 10
/** Earlier versions kept per member at most; older ones are dropped first. */
export const MAX_VERSIONS = 16

/**
 * The oldest time a version may have and still be backfilled from at `now`: calendar years
 * (UTC), not a fixed span, so the horizon is the same date ten years back.
 */
export function backfillHorizon(now: number): number {
  const date = new Date(now)
  date.setUTCFullYear(date.getUTCFullYear() - BACKFILL_YEARS)
  return date.getTime()
}
