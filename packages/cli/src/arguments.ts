// Reads the command line. This module and everything it imports must stay cheap: `--help` and
// `--version` are answered from it alone, before the index, the XML writer or the sample world
// is loaded (test/startup.spec.ts holds that by reading the import graph).
import { parseArgs } from 'node:util'

export type Format = 'xml' | 'json'

/** What the command line asked for: one command with its checked arguments. */
export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'search'; request: string; viewer?: string; format: Format; data?: string; size: number }
  | { name: 'viewers'; data?: string; size: number }
  | {
      name: 'serve'
      data?: string
      size: number
      /** The state directory (snapshot and write-ahead log); without it nothing is durable. */
      state?: string
      config?: string
      host: string
      port: number
    }

/** A command line that cannot be run as written: the message names what is wrong (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const DEFAULT_SIZE = 20_000
export const MAX_SIZE = 1_000_000
export const DEFAULT_PORT = 8080
export const DEFAULT_HOST = '127.0.0.1'

/** Every option of every command; each command says which of them it takes. */
const OPTIONS = {
  viewer: { type: 'string', short: 'v' },
  format: { type: 'string', short: 'f' },
  data: { type: 'string', short: 'd' },
  size: { type: 'string', short: 's' },
  viewers: { type: 'boolean' },
  state: { type: 'string' },
  config: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string', short: 'p' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const

type OptionName = keyof typeof OPTIONS

/** Options that any command accepts (they answer instead of running it). */
const GLOBAL: readonly OptionName[] = ['help', 'version']

/**
 * The commands. A first positional that is a bare lower-case word names one of them; anything
 * else (a legacy URL always has a `/` or a `?`) is the URL of an implicit `search`, so
 * `people-search '/v1/people-search?…' --viewer ID` keeps working as later commands are added.
 */
const COMMANDS = {
  search: { operands: 1, options: ['viewer', 'format', 'data', 'size'] },
  viewers: { operands: 0, options: ['data', 'size', 'viewers'] },
  serve: { operands: 0, options: ['data', 'size', 'state', 'config', 'host', 'port'] },
  help: { operands: 0, options: [] },
} as const satisfies Record<string, { operands: number; options: readonly OptionName[] }>

type CommandName = keyof typeof COMMANDS

const COMMAND_WORD = /^[a-z][a-z0-9-]*$/

export const USAGE = `Usage: people-search [search] '<legacy URL>' --viewer <id> [options]
       people-search viewers [--data <file> | --size <n>]     (or: people-search --viewers)
       people-search serve [--data <file> | --size <n>] [--state <dir>] [--config <file>]
                           [--host <address>] [--port <n>]
       people-search --help | --version

Answers a legacy People Search URL, in the legacy XML (default) or JSON, on your data or on a
built-in sample world. Quote the URL: it holds '&', '(' and ')'.

  <legacy URL>          e.g. '/v1/people-search:(people:(id,headline),num-results)?keywords=java'
  -v, --viewer <id>     the member on whose behalf the search runs
  -f, --format <name>   xml (default, as the legacy API) or json
  -d, --data <file>     your data: profiles (docs/spec.md §1.1), Person Profile documents (§1.3),
                        {"edge":[a,b]} and {"member":[id,group]} records, as JSON lines, a JSON
                        array or one JSON document; or a snapshot (§7). A relative path starts
                        where you ran the command. Without it a built-in sample world is used.
  -s, --size <n>        members in the sample world, 2 to ${MAX_SIZE} (default ${DEFAULT_SIZE})
      --viewers         print a few viewer ids to try, with the size of their network
  -h, --help            print this help
  -V, --version         print the version

serve runs the legacy HTTP service (docs/spec.md §9) until SIGINT (Ctrl-C) or SIGTERM. Its first
line on stdout is 'people-search listening on http://HOST:PORT'; then, unless the config gives
credentials, a fresh access token for each of a few viewers with a ready curl line, and an admin
key unless the config has one. Notes and the service's log go to stderr.
      --state <dir>     keep the data here (snapshot + write-ahead log) so admin writes are
                        durable and a restart serves them; an empty directory is seeded from
                        --data or the sample world, one that holds data is served as it is.
                        Without it the data is served from memory and admin writes are refused.
      --config <file>   the service's JSON configuration: tokens, OAuth consumers, admin key,
                        throttles (packages/server/README.md)
      --host <address>  the interface to listen on (default ${DEFAULT_HOST})
  -p, --port <n>        the port, 0 to 65535 (default ${DEFAULT_PORT}; 0 takes a free one)

An option's value follows it ('--viewer ID', '-v ID') or is joined by '=' ('--viewer=ID'); a value
starting with '-' must be joined. Exit status: 0 answered; 1 the search was refused (stdout holds
the legacy error document); 2 a usage or data problem (explained on stderr).`

/** Parses argv (without node and the script); throws a {@link UsageError} naming the bad argument. */
export function parseCommandLine(argv: readonly string[]): Command {
  // Not strict: parseArgs's own messages are long and name no fix, so the tokens are checked here.
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const given = new Map<OptionName, { raw: string; value: string | undefined }>()
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    if (!Object.hasOwn(OPTIONS, token.name)) throw new UsageError(`Unknown option ${token.rawName}`)
    const name = token.name as OptionName
    if (OPTIONS[name].type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`)
    } else {
      if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`)
      if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
        throw new UsageError(
          `${token.rawName} needs a value, not the option ${token.value} (a value starting with '-' is written ${token.rawName}=${token.value})`,
        )
      }
    }
    given.set(name, { raw: token.rawName, value: token.value }) // the last one given wins
  }
  if (given.has('help')) return { name: 'help' }
  if (given.has('version')) return { name: 'version' }

  const { name, operands } = commandOf(positionals, given.has('viewers'))
  const spec = COMMANDS[name]
  for (const [option, { raw }] of given) {
    if (!GLOBAL.includes(option) && !(spec.options as readonly OptionName[]).includes(option)) {
      throw new UsageError(
        option === 'viewers' ? `${raw} lists viewers; it takes no URL` : `${raw} does not apply to ${name}`,
      )
    }
  }
  if (operands.length > spec.operands) {
    const extra = operands[spec.operands]
    throw new UsageError(
      name === 'search'
        ? `Unexpected argument ${extra}: give one URL, quoted`
        : `Unexpected argument ${extra}: ${name} takes none`,
    )
  }
  if (name === 'help') return { name: 'help' }

  const data = given.get('data')?.value
  if (data === '') throw new UsageError('--data needs a file name')
  const sizeOption = given.get('size')
  if (sizeOption !== undefined && data !== undefined) {
    throw new UsageError(`${sizeOption.raw} sets the size of the sample world; it does not apply with --data`)
  }
  const size = sizeOption === undefined ? DEFAULT_SIZE : sizeOf(sizeOption.raw, sizeOption.value as string)

  if (name === 'viewers') return { name, data, size }
  if (name === 'serve') {
    const port = given.get('port')
    return {
      name,
      data,
      size,
      state: pathOption(given.get('state'), 'a directory'),
      config: pathOption(given.get('config'), 'a file name'),
      host: hostOf(given.get('host')),
      port: port === undefined ? DEFAULT_PORT : portOf(port.raw, port.value as string),
    }
  }
  const request = operands[0]
  if (request === undefined) throw new UsageError('Give a legacy URL to answer.')
  return {
    name,
    request,
    viewer: given.get('viewer')?.value,
    format: formatOf(given.get('format')),
    data,
    size,
  }
}

function commandOf(positionals: string[], listViewers: boolean): { name: CommandName; operands: string[] } {
  const first = positionals[0]
  if (first === undefined) return { name: listViewers ? 'viewers' : 'search', operands: [] }
  if (!COMMAND_WORD.test(first)) return { name: 'search', operands: positionals }
  if (!Object.hasOwn(COMMANDS, first)) {
    throw new UsageError(
      `Unknown command ${first} (commands: ${Object.keys(COMMANDS).join(', ')}; a legacy URL starts with /v1/people-search)`,
    )
  }
  return { name: first as CommandName, operands: positionals.slice(1) }
}

function formatOf(option: { raw: string; value: string | undefined } | undefined): Format {
  if (option === undefined) return 'xml'
  if (option.value !== 'xml' && option.value !== 'json') {
    throw new UsageError(`${option.raw} must be xml or json, not ${option.value}`)
  }
  return option.value
}

function pathOption(
  option: { raw: string; value: string | undefined } | undefined,
  what: string,
): string | undefined {
  if (option?.value === '') throw new UsageError(`${option.raw} needs ${what}`)
  return option?.value
}

function hostOf(option: { raw: string; value: string | undefined } | undefined): string {
  if (option === undefined) return DEFAULT_HOST
  if (option.value === '' || /[\s/]/.test(option.value as string)) {
    throw new UsageError(
      `${option.raw} needs an address or a host name, such as 127.0.0.1, not ${option.value}`,
    )
  }
  return option.value as string
}

function portOf(raw: string, value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN
  if (!(port >= 0 && port <= 65_535))
    throw new UsageError(`${raw} must be an integer from 0 to 65535, not ${value}`)
  return port
}

function sizeOf(raw: string, value: string): number {
  const size = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN
  if (!(size >= 2 && size <= MAX_SIZE)) {
    throw new UsageError(`${raw} must be an integer from 2 to ${MAX_SIZE}, not ${value}`)
  }
  return size
}
