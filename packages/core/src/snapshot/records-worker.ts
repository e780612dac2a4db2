import { parentPort } from 'node:worker_threads'
import { type RecordsJob, runRecordsJob } from './check-records.js'

// The worker's side of check-records.ts: one job, its answer, then the worker ends.
parentPort?.once('message', (job: RecordsJob) => {
  parentPort?.postMessage(runRecordsJob(job))
})
