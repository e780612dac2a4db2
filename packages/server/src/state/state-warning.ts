/**
 * Something an operator must hear about that does not stop the service: the newest snapshot was
 * refused and an older one used (`snapshot-refused`), a torn append was cut off the log
 * (`torn-tail`), files a finished snapshot made obsolete could not be removed (`compaction-failed`).
 */
export interface StateWarning {
  kind: 'snapshot-refused' | 'torn-tail' | 'compaction-failed'
  message: string
}

/** The default: a process warning, printed on stderr (`(node:pid) PeopleSearchStateWarning: …`). */
export function emitStateWarning(warning: StateWarning): void {
  process.emitWarning(warning.message, { type: 'PeopleSearchStateWarning', code: warning.kind })
}
