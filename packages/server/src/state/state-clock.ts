import { fail } from '@people-search/core'

/**
 * The index's clock, through an indirection the durable index owns. While a write is applied,
 * live or in replay, the index reads the write's own time (its record's `at`); otherwise the
 * service clock. The index keeps the time each version was added, which lookups read
 * (docs/spec.md §6.1), so applying a record at its time is what makes a replay reproduce the
 * state that was acknowledged.
 */
export class StateClock {
  private fixed: number | undefined

  /** For `PeopleIndex`'s `now` option. */
  readonly indexNow = (): Date => new Date(this.fixed ?? this.now())

  constructor(private readonly service: () => number) {}

  /** The service clock in ms; a reading that is not a finite number is refused. */
  now(): number {
    const time = this.service()
    if (typeof time !== 'number' || !Number.isFinite(time))
      fail('invalid-argument', {
        argument: 'service clock reading',
        value: time,
        expected: 'a finite number of ms',
      })
    return time
  }

  /** Runs `apply` with the index clock at `time`. */
  at<T>(time: number, apply: () => T): T {
    this.fixed = time
    try {
      return apply()
    } finally {
      this.fixed = undefined
    }
  }
}
