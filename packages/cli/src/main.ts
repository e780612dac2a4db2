#!/usr/bin/env node
import { run } from './run.js'

const output = await run(process.argv.slice(2))
process.stdout.write(output.stdout)
process.stderr.write(output.stderr)
process.exitCode = output.exitCode
