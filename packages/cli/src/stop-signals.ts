import { constants } from 'node:os'

/** The signals that stop `serve`: Ctrl-C in a terminal, and what service managers send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const
type StopSignal = (typeof STOP_SIGNALS)[number]

export interface StopSignals {
  /** Aborts at the first SIGINT or SIGTERM; its `reason` is the signal's name. */
  signal: AbortSignal
  /** Removes the handlers, so the process's default disposition applies again. */
  dispose(): void
}

/**
 * Turns the first SIGINT or SIGTERM into an abort, so the service can stop gracefully. A second
 * one while it stops (a request that never finishes, an impatient Ctrl-C) ends the process at
 * once with the status a shell gives a process killed by that signal (130, 143): the user asked
 * twice, and waiting longer would make the first graceful stop a trap.
 */
export function stopOnSignals(process: NodeJS.Process, say: (line: string) => void): StopSignals {
  const controller = new AbortController()
  const handler = (name: StopSignal) => {
    if (!controller.signal.aborted) {
      controller.abort(name)
      return
    }
    say(`people-search: ${name} again: stopping now, without waiting for requests in flight`)
    process.exit(128 + constants.signals[name])
  }
  for (const name of STOP_SIGNALS) process.on(name, handler)
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of STOP_SIGNALS) process.off(name, handler)
    },
  }
}
