// Static imports here are only what `--help` and `--version` need; the commands, which load the
// index, come in through a dynamic import (test/startup.spec.ts reads the import graph).
import { resolve } from 'node:path'
import { type Command, parseCommandLine, USAGE, UsageError } from './arguments.js'
import type { CliOutput, TextSink } from './output.js'
import type { ProgressOptions, ProgressStream } from './progress.js'
import { packageVersion } from './version.js'

export type { CliOutput } from './output.js'

export interface RunOptions {
  /** The process's working directory (default `process.cwd()`). */
  cwd?: string
  /**
   * The environment (default `process.env`). Under `pnpm people-search …` the working directory
   * is the workspace root and `INIT_CWD` is where the user ran pnpm: relative paths start there.
   */
  env?: Readonly<Record<string, string | undefined>>
  /** Where a load's progress bar goes; only a terminal (`isTTY`) shows one. Default: none. */
  progress?: ProgressStream
  progressOptions?: ProgressOptions
  /**
   * Where a command that keeps running (`serve`) prints as it goes, and what stops it. Default:
   * the process's stdout and stderr, and its first SIGINT or SIGTERM.
   */
  stdout?: TextSink
  stderr?: TextSink
  stop?: AbortSignal
}

/** Exit status of a fault in this program rather than in what it was given (sysexits EX_SOFTWARE). */
export const INTERNAL_ERROR = 70

/**
 * Runs the command line and returns what it prints, so tests need no child process. Exit 0: the
 * answer is on stdout. Exit 1: the search was refused; stdout holds the legacy error document.
 * Exit 2: a usage or data problem, explained on stderr. It never throws: anything unexpected is
 * one line on stderr and exit 70.
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<CliOutput> {
  try {
    return await runCommand(parseCommandLine(argv), options)
  } catch (error) {
    if (error instanceof UsageError) {
      return {
        stdout: '',
        stderr: `people-search: ${error.message}\nTry 'people-search --help' for more information.\n`,
        exitCode: 2,
      }
    }
    const message = error instanceof Error ? error.message : String(error)
    return { stdout: '', stderr: `people-search: internal error: ${message}\n`, exitCode: INTERNAL_ERROR }
  }
}

async function runCommand(command: Command, options: RunOptions): Promise<CliOutput> {
  switch (command.name) {
    case 'help':
      return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 }
    case 'version':
      return { stdout: `${packageVersion()}\n`, stderr: '', exitCode: 0 }
    case 'search':
    case 'viewers':
    case 'serve': {
      const commands = await import('./commands.js')
      const context = {
        base: baseDirectory(options),
        progress: options.progress,
        progressOptions: options.progressOptions,
      }
      if (command.name === 'search') return commands.search(command, context)
      if (command.name === 'viewers') return commands.viewers(command, context)
      return commands.serve(command, {
        ...context,
        stdout: options.stdout,
        stderr: options.stderr,
        stop: options.stop,
      })
    }
  }
}

/** Where relative paths are resolved: `INIT_CWD` when a package manager set it, else the cwd. */
export function baseDirectory(options: Pick<RunOptions, 'cwd' | 'env'> = {}): string {
  const cwd = options.cwd ?? process.cwd()
  const initCwd = (options.env ?? process.env).INIT_CWD
  return initCwd ? resolve(cwd, initCwd) : cwd
}
