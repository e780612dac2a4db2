/** What the command line asked for. */
export interface CliArguments {
  request?: string
  viewer?: string
  format: 'xml' | 'json'
  data?: string
  size: number
  listViewers: boolean
  help: boolean
}

export const USAGE = `Usage: people-search '<legacy URL>' --viewer <id> [--format xml|json] [--data profiles.jsonl]
       people-search --viewers [--data profiles.jsonl]

  <legacy URL>     e.g. '/v1/people-search:(people:(id,first-name,last-name,headline),num-results)?keywords=engineer'
  --viewer <id>    the member on whose behalf the search runs
  --format         xml (default, as the legacy API) or json
  --data <file>    JSON lines: one profile per line, or {"edge":[a,b]} / {"member":[id,group]};
                   without it a built-in sample world is used
  --size <n>       members in the sample world (default 20000)
  --viewers        print a few viewer ids to try, with their connection counts`

/** Parses argv (without node and the script); throws a message naming the bad argument. */
export function parseArguments(argv: readonly string[]): CliArguments {
  const result: CliArguments = { format: 'xml', size: 20_000, listViewers: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    if (arg === '--viewer') result.viewer = value()
    else if (arg === '--format') {
      const format = value()
      if (format !== 'xml' && format !== 'json')
        throw new Error(`--format must be xml or json, not ${format}`)
      result.format = format
    } else if (arg === '--data') result.data = value()
    else if (arg === '--size') {
      const size = value()
      if (!/^\d+$/.test(size) || Number(size) < 2)
        throw new Error(`--size must be an integer ≥ 2, not ${size}`)
      result.size = Number(size)
    } else if (arg === '--viewers') result.listViewers = true
    else if (arg === '--help' || arg === '-h') result.help = true
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`)
    else if (result.request === undefined) result.request = arg
    else throw new Error(`Unexpected argument ${arg}: give one URL, quoted`)
  }
  return result
}
