/** The messages between `load.ts` and its service process (`service-process.ts`), over the IPC channel. */
import type { InProcessFigures } from './figures.js'
import type { ProfileSummary } from './profile-parts.js'
import type { HttpCase } from './targets.js'

export type ToService =
  /** Reply with the CPU time the process has used so far. */
  | { type: 'cpu' }
  | { type: 'profile-start' }
  /** Stop profiling, keep the profile as `<name>.cpuprofile`, reply with its summary. */
  | { type: 'profile-stop'; name: string }
  /** Close the service and exit. */
  | { type: 'stop' }

export type FromService =
  | {
      type: 'ready'
      url: string
      buildMs: number
      /** The searches of every class, as the bench draws them (`httpCases`). */
      cases: HttpCase[]
      /** For every case: SHA-256 of the body the service must answer, per format. */
      expected: { json: string; xml: string }[]
      inProcess: InProcessFigures[]
    }
  | { type: 'cpu'; micros: number }
  | { type: 'profiling' }
  | ({ type: 'profile'; file: string } & ProfileSummary)
  | { type: 'failed'; message: string }
