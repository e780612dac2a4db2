import { PeopleSearchError } from '@people-search/core'
import { errorToJson, errorToXml, toXml } from '@people-search/xml'
import { type CliArguments, parseArguments, USAGE } from './arguments.js'
import { loadData, loadSample } from './load-data.js'

export interface CliOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/**
 * Runs the command line and returns what it prints, so tests need no child process. A search
 * error prints the legacy error document and exits 1; a usage or data problem says which on
 * stderr and exits 2.
 */
export async function run(argv: readonly string[]): Promise<CliOutput> {
  let args: CliArguments
  try {
    args = parseArguments(argv)
  } catch (error) {
    return { stdout: '', stderr: `${(error as Error).message}\n\n${USAGE}\n`, exitCode: 2 }
  }
  if (args.help) return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 }
  if (args.request === undefined && !args.listViewers) {
    return { stdout: '', stderr: `Give a legacy URL to answer.\n\n${USAGE}\n`, exitCode: 2 }
  }
  let world: Awaited<ReturnType<typeof openWorld>>
  try {
    world = await openWorld(args)
  } catch (error) {
    return { stdout: '', stderr: `${(error as Error).message}\n`, exitCode: 2 }
  }
  if (args.listViewers) return { stdout: viewerList(world), stderr: '', exitCode: 0 }
  try {
    const result = world.index.search(args.request as string, { viewer: args.viewer })
    const stdout = args.format === 'xml' ? toXml(result) : `${JSON.stringify(result, null, 2)}\n`
    return { stdout, stderr: '', exitCode: 0 }
  } catch (error) {
    if (!(error instanceof PeopleSearchError)) throw error
    const stdout =
      args.format === 'xml' ? errorToXml(error) : `${JSON.stringify(errorToJson(error), null, 2)}\n`
    return { stdout, stderr: '', exitCode: 1 }
  }
}

async function openWorld(args: CliArguments) {
  if (args.data !== undefined) {
    const index = await loadData(args.data)
    return { index, ids: undefined }
  }
  return loadSample(args.size)
}

// A few members with many connections: their searches have a network to find.
function viewerList(world: Awaited<ReturnType<typeof openWorld>>): string {
  const ids = world.ids
  if (ids === undefined) return 'Viewer ids are the ids of the profiles in your data file.\n'
  const picks = [ids[0], ids[1], ids[2], ids[10], ids[100]].filter((id) => id !== undefined)
  const lines = picks.map((id) => {
    const found = world.index.searchAnswer({ count: 0 }, { viewer: id })
    return `${id}\t${found.numResults} members in its network`
  })
  return `${lines.join('\n')}\n`
}
