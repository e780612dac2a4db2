/**
 * The verdict on one query class at one size, new p50 against an earlier one, with the noise
 * allowed for: shared by `bench:compare` and the scale rows of `RESULTS.md`.
 */
import type { QueryFigures } from './figures.js'

/** A p50 must move by more than this fraction before it can count as a change. */
export const THRESHOLD = 0.15

export type Verdict = 'slower' | 'faster' | 'same' | 'not comparable'

export interface Judgement {
  ratio: number
  verdict: Verdict
  why: string
}

/** Judges one class at one size: the new p50 against the baseline's. */
export function judge(base: QueryFigures, now: QueryFigures): Judgement {
  const ratio = now.latency.p50 / base.latency.p50
  if (base.cases !== now.cases) {
    return { ratio, verdict: 'not comparable', why: 'other cases were asked (workload changed): re-snap' }
  }
  const baseRounds = rounds(base)
  const nowRounds = rounds(now)
  const apart = Math.min(...nowRounds) > Math.max(...baseRounds)
  const apartDown = Math.max(...nowRounds) < Math.min(...baseRounds)
  const up = `> ${(1 + THRESHOLD).toFixed(2)}×`
  const down = `< ${(1 / (1 + THRESHOLD)).toFixed(2)}×`
  if (ratio > 1 + THRESHOLD) {
    return apart
      ? { ratio, verdict: 'slower', why: `${up}, and beyond the round spread` }
      : { ratio, verdict: 'same', why: `${up}, but the rounds overlap` }
  }
  if (ratio < 1 / (1 + THRESHOLD)) {
    return apartDown
      ? { ratio, verdict: 'faster', why: `${down}, and beyond the round spread` }
      : { ratio, verdict: 'same', why: `${down}, but the rounds overlap` }
  }
  return {
    ratio,
    verdict: 'same',
    why: `within ${(1 / (1 + THRESHOLD)).toFixed(2)}–${(1 + THRESHOLD).toFixed(2)}×`,
  }
}

function rounds(q: QueryFigures): number[] {
  return q.latency.rounds.length > 0 ? q.latency.rounds : [q.latency.p50]
}
