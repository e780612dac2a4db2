// The commands that need an index. run.ts imports this module only when one of them runs, so
// `--help` never pays for the index, the XML writer or the sample world.
import { resolve } from 'node:path'
import { type PeopleIndex, PeopleSearchError } from '@people-search/core'
import { errorToJson, errorToXml, toXml } from '@people-search/xml'
import type { Command } from './arguments.js'
import { DataError, loadDataFile } from './load-data.js'
import type { CliOutput } from './output.js'
import { LoadProgress, type ProgressOptions, type ProgressStream } from './progress.js'
import type { ServeContext } from './serve.js'

export interface CommandContext {
  /** Where relative paths start: the directory the user ran the command in. */
  base: string
  /** Where progress bars go (only a terminal shows them). */
  progress?: ProgressStream
  progressOptions?: ProgressOptions
}

interface World {
  index: PeopleIndex
  /** A few member ids to try as viewers; `undefined` when the data cannot tell (a snapshot). */
  viewers: string[] | undefined
}

type SearchCommand = Extract<Command, { name: 'search' }>
type ViewersCommand = Extract<Command, { name: 'viewers' }>
type ServeCommand = Extract<Command, { name: 'serve' }>

/**
 * Answers a legacy URL. A search the API refuses prints its legacy error document and exits 1
 * (docs/spec.md §3.7, §5.3, §5.4); a data problem is explained on stderr with exit 2.
 */
export async function search(command: SearchCommand, context: CommandContext): Promise<CliOutput> {
  const world = await openWorldOrExplain(command, context)
  if ('exitCode' in world) return world
  try {
    const result = world.index.search(command.request, { viewer: command.viewer })
    const stdout = command.format === 'xml' ? toXml(result) : `${JSON.stringify(result, null, 2)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  } catch (error) {
    if (!(error instanceof PeopleSearchError)) throw error
    const stdout =
      command.format === 'xml' ? errorToXml(error) : `${JSON.stringify(errorToJson(error), null, 2)}\n`
    return { stdout, stderr: '', exitCode: 1 }
  }
}

/** Prints a few viewer ids to try, each with the number of members its searches can reach. */
export async function viewers(command: ViewersCommand, context: CommandContext): Promise<CliOutput> {
  const world = await openWorldOrExplain(command, context)
  if ('exitCode' in world) return world
  if (world.viewers === undefined) {
    return {
      stdout: 'A snapshot does not list its members: the viewer ids are the ids of its profiles.\n',
      stderr: '',
      exitCode: 0,
    }
  }
  const lines = world.viewers.map((id) => {
    const found = world.index.searchAnswer({ count: 0 }, { viewer: id })
    return `${id}\t${found.numResults} ${found.numResults === 1 ? 'member' : 'members'} in its network`
  })
  return { stdout: lines.length === 0 ? '' : `${lines.join('\n')}\n`, stderr: '', exitCode: 0 }
}

/** Runs the legacy HTTP service until SIGINT or SIGTERM (serve.ts; docs/spec.md §9). */
export async function serve(command: ServeCommand, context: ServeContext): Promise<CliOutput> {
  // Imported here: only this command loads the server and its framework.
  const served = await import('./serve.js')
  return served.serve(command, context)
}

async function openWorldOrExplain(
  command: { data?: string; size: number },
  context: CommandContext,
): Promise<World | CliOutput> {
  const progress = new LoadProgress(context.progress, context.progressOptions)
  try {
    if (command.data !== undefined) {
      const path = resolve(context.base, command.data)
      return await loadDataFile(path, { name: command.data, progress })
    }
    // Imported here: the sample world (and faker) costs nothing to runs that read --data.
    const { loadSample, samplePicks } = await import('./sample-world.js')
    const { index } = loadSample(command.size, {}, progress)
    return { index, viewers: samplePicks(command.size) }
  } catch (error) {
    if (error instanceof DataError)
      return { stdout: '', stderr: `people-search: ${error.message}\n`, exitCode: 2 }
    throw error
  } finally {
    progress.finish()
  }
}
