#!/usr/bin/env node
// The `people-search` command. Only run.ts is imported up front (see its header).
import { INTERNAL_ERROR, run } from './run.js'

// A reader that stops early (`people-search … | head -3`) closes the pipe: stop quietly, with the
// status already set. Any other failure to write has no stream left to explain it on (EX_IOERR).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? undefined : 74))
}

// run() answers every problem itself; this is the last guard against a raw stack for a user.
const fail = (error: unknown) => {
  process.stderr.write(
    `people-search: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(INTERNAL_ERROR)
}
process.on('uncaughtException', fail)
process.on('unhandledRejection', fail)

const output = await run(process.argv.slice(2), { progress: process.stderr })
process.exitCode = output.exitCode
process.stdout.write(output.stdout)
process.stderr.write(output.stderr)
