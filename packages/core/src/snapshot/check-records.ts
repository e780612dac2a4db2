import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { fail } from '../errors.js'
import type { IdTableImage, ProfileArenaImage } from '../store/store-image.js'
import { checksum } from './binary-format.js'
import { checkRecords } from './check-image.js'
import { invalid } from './image-sections.js'

/** What the worker is given: the records (in shared memory), what they are checked against, their checksum. */
export interface RecordsJob {
  readonly path: string
  readonly ids: IdTableImage
  readonly profiles: ProfileArenaImage
  /** The section of the records' bytes, and its checksum in the table. */
  readonly section: string
  readonly crc: number
}

/** What it answers: nothing when the records pass; else the catalogue's error to throw. */
export type RecordsReply =
  | { readonly ok: true }
  | { readonly code: 'snapshot-image-checksum'; readonly section: string }
  | { readonly code: 'snapshot-image-invalid'; readonly section: string; readonly problem: string }
  | { readonly code: 'snapshot-unreadable'; readonly cause: string }

const WORKER = new URL('./records-worker.js', import.meta.url)

/**
 * Checks the profile records of a version 3 snapshot: their bytes against their checksum, then
 * every record (check-image.ts `checkRecords`). In a worker thread when one can be started, so
 * that the second core reads through a million records while this thread checksums, checks and
 * imports everything else; the bytes are in `SharedArrayBuffer`s (read-image.ts), seen by both
 * threads where they lie. Where no worker can run (sources run without a build, as the tests
 * do), the check runs on this thread, the same code.
 */
export class RecordsCheck {
  private readonly worker: Worker | undefined

  /**
   * Starts the worker now when `aside` (a large file: starting one costs tens of milliseconds,
   * more than checking a small file's records here), so that it is ready when the records are. It
   * takes none of this process's Node flags (`--input-type`, say, which a worker refuses), and
   * runs only core's code.
   */
  constructor(aside: boolean) {
    let worker: Worker | undefined
    try {
      worker = aside && existsSync(fileURLToPath(WORKER)) ? new Worker(WORKER, { execArgv: [] }) : undefined
    } catch {
      worker = undefined
    }
    // An error is answered where the worker is waited for (`check`); it must not go unheard here.
    worker?.on('error', () => {})
    this.worker = worker
  }

  /**
   * Resolves once the records pass; rejects with the catalogue's `badSnapshot` error otherwise.
   * A worker that cannot do the job (it failed to start, or ended) is not needed: the job then
   * runs here, on the bytes both threads see.
   */
  async check(job: RecordsJob): Promise<void> {
    const worker = this.worker
    const reply =
      (worker === undefined
        ? undefined
        : await new Promise<RecordsReply>((resolve, reject) => {
            worker.once('message', resolve)
            worker.once('error', reject)
            worker.once('exit', () => reject(new Error('the record check ended without an answer')))
            worker.postMessage(job)
          }).catch(() => undefined)) ?? runRecordsJob(job)
    if ('ok' in reply) return
    if (reply.code === 'snapshot-image-checksum') fail(reply.code, { path: job.path, section: reply.section })
    if (reply.code === 'snapshot-image-invalid') invalid(job.path, reply.section, reply.problem)
    fail('snapshot-unreadable', { path: job.path, cause: reply.cause })
  }

  /** Ends the worker, whatever happened (it may still be checking, after a refusal found here). */
  async close(): Promise<void> {
    await this.worker?.terminate()
  }
}

/** The job itself, wherever it runs: the checksum of the records' bytes, then every record. */
export function runRecordsJob(job: RecordsJob): RecordsReply {
  let crc = 0
  for (const chunk of job.profiles.chunks) crc = checksum(chunk, crc)
  if (crc !== job.crc) return { code: 'snapshot-image-checksum', section: job.section }
  try {
    checkRecords(job.path, job.ids, job.profiles)
    return { ok: true }
  } catch (error) {
    const values = (error as { code?: unknown; values?: Record<string, string> }).values
    if ((error as { code?: unknown }).code === 'snapshot-image-invalid' && values !== undefined)
      return { code: 'snapshot-image-invalid', section: values.section, problem: values.problem }
    return { code: 'snapshot-unreadable', cause: String(error) }
  }
}
