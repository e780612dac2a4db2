#!/usr/bin/env node
// The `people-search-conformance` command (packages/conformance/README.md, "The command").
import { isPeopleSearchError } from '@people-search/core'
import { checkConformance } from '../check/check-conformance.js'
import { ServiceFault } from '../http/http-errors.js'
import { httpImplementation } from '../http/http-implementation.js'
import { probeService } from '../http/probe-service.js'
import { readArguments, USAGE } from './arguments.js'
import { reportText } from './report-text.js'

/** Exit statuses: conformant, a difference, a run that could not be made (arguments, service), a fault of the kit. */
const OK = 0
const DIFFERENCE = 1
const CANNOT_CHECK = 2
const INTERNAL_ERROR = 70

async function main(argv: readonly string[]): Promise<number> {
  let command: ReturnType<typeof readArguments>
  try {
    command = readArguments(argv, process.env)
  } catch (error) {
    if (!isPeopleSearchError(error)) throw error
    process.stderr.write(`people-search-conformance: ${error.message}\n\n${USAGE}\n`)
    return CANNOT_CHECK
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`)
    return OK
  }
  const address = { url: command.url, adminKey: command.adminKey }
  try {
    await probeService(address)
  } catch (error) {
    if (!(error instanceof ServiceFault)) throw error
    process.stderr.write(`people-search-conformance: ${error.message}\n`)
    return CANNOT_CHECK
  }
  const report = await checkConformance(httpImplementation(address), {
    numRuns: command.runs,
    ...(command.seed === undefined ? {} : { seed: command.seed }),
    sections: command.sections,
  })
  process.stdout.write(reportText(report, command.url))
  return report.ok ? OK : DIFFERENCE
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    process.stderr.write(
      `people-search-conformance: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = INTERNAL_ERROR
  },
)
