// `people-search serve`: the legacy HTTP service of docs/spec.md §9 on the command line. Reached
// from commands.ts through import() only, so no other command loads the server (or Fastify).
import { resolve } from 'node:path'
import { type PeopleIndexOptions, PeopleSearchError } from '@people-search/core'
import { type RunningServer, type ServerConfig, startServer } from '@people-search/server'
import type { Command } from './arguments.js'
import { DataError } from './load-data.js'
import type { CliOutput, TextSink } from './output.js'
import type { ProgressOptions, ProgressStream } from './progress.js'
import { bannerLines } from './serve-banner.js'
import { readServeConfig } from './serve-config.js'
import { type GeneratedCredentials, generateCredentials, givesCredentials } from './serve-credentials.js'
import { type ServeSource, serveSource } from './serve-world.js'
import { type StopSignals, stopOnSignals } from './stop-signals.js'

type ServeCommand = Extract<Command, { name: 'serve' }>

export interface ServeContext {
  /** Where relative paths start: the directory the user ran the command in. */
  base: string
  /** Where progress bars of the load go (only a terminal shows them). */
  progress?: ProgressStream
  progressOptions?: ProgressOptions
  /** Where the banner goes once the service listens (default `process.stdout`). */
  stdout?: TextSink
  /** Where notes and the service's logs go (default `process.stderr`). */
  stderr?: TextSink
  /** Stops the service when it aborts; default the first SIGINT or SIGTERM. */
  stop?: AbortSignal
}

/**
 * Runs the service until it is told to stop, then stops it gracefully (no new connections,
 * requests in flight finish, the state directory is closed) and exits 0. The banner of
 * serve-banner.ts is on stdout; notes on where the members come from, and the service's own
 * warnings and errors (pino JSON lines), on stderr. Exit 2, before anything listens: a bad
 * config file, data file or state directory, or an address that cannot be listened on.
 */
export async function serve(command: ServeCommand, context: ServeContext): Promise<CliOutput> {
  const stdout = context.stdout ?? process.stdout
  const stderr = context.stderr ?? process.stderr
  const note = (line: string) => stderr.write(`people-search: ${line}\n`)
  let started: Started
  try {
    started = await start(command, context, stderr)
  } catch (error) {
    const problem = startProblem(error, command)
    if (problem === undefined) throw error
    return { stdout: '', stderr: `people-search: ${problem}\n`, exitCode: 2 }
  }
  const { server, credentials } = started
  // Handlers first: from the moment the banner is out, a signal stops the service gracefully.
  const signals = context.stop === undefined ? stopOnSignals(process, note) : undefined
  try {
    note(origin(command, started))
    const index = server.index
    const tokens = credentials.tokens.filter(({ member }) => index.accountLevelOf(member) !== undefined)
    if (!started.configured && tokens.length === 0) {
      note(
        'no viewer to give a token to: list access tokens in a --config file (accessTokens: token → member id)',
      )
    }
    const banner = bannerLines({
      url: server.url,
      tokens,
      adminKey: credentials.adminKey,
      durable: command.state !== undefined,
    })
    stdout.write(`${banner.join('\n')}\n`)
    const why = await aborted(context.stop ?? (signals as StopSignals).signal)
    note(`${why}: stopping; requests in flight finish first`)
    await server.close()
  } finally {
    // Only now may a signal take its default course again; until the service is closed, a
    // second one is answered by stop-signals.ts.
    signals?.dispose()
  }
  return { stdout: '', stderr: '', exitCode: 0 }
}

interface Started {
  server: RunningServer
  source: ServeSource
  credentials: GeneratedCredentials
  /** Whether the config file gives `/v1` credentials (then none are generated). */
  configured: boolean
  /** Whether the state directory was empty and was seeded from the source. */
  seeded: boolean
}

async function start(command: ServeCommand, context: ServeContext, stderr: TextSink): Promise<Started> {
  const { input, config } = await readServeConfig(command.config, context.base)
  const configured = givesCredentials(input)
  const source = await serveSource({
    data: command.data,
    size: command.size,
    base: context.base,
    progress: context.progress,
    progressOptions: context.progressOptions,
  })
  const clock = () => new Date()
  const state = command.state === undefined ? undefined : resolve(context.base, command.state)
  // Without a state directory the members are loaded now. With one, they are loaded only when
  // it is empty (the server calls the seed then), unless generated tokens need viewer ids that
  // only the loaded data can tell.
  const eager = state === undefined || (!configured && source.knownViewers === undefined)
  const world = eager ? await source.load(indexOptionsOf(config, clock)) : undefined
  const credentials = generateCredentials(input, source.knownViewers ?? world?.viewers ?? [])
  let seeded = false
  const server = await startServer({
    config: credentials.config,
    ...(world !== undefined && state === undefined
      ? { index: world.index }
      : {
          state,
          seed: async (indexOptions) => {
            seeded = true
            return (await source.load(indexOptions)).index
          },
        }),
    host: command.host,
    port: command.port,
    now: clock,
    logger: logTo(stderr),
  })
  return { server, source, credentials, configured, seeded }
}

/** The index options the server's own configuration implies (link-token key, result caps). */
function indexOptionsOf(config: ServerConfig, now: () => Date): PeopleIndexOptions {
  return {
    now,
    ...(config.tokenSecret === undefined ? {} : { secret: config.tokenSecret }),
    ...(config.caps === undefined ? {} : { caps: config.caps }),
  }
}

/**
 * The service's log (pino, through Fastify): warnings and errors only, as JSON lines on stderr,
 * so stdout holds the banner and nothing else. Fastify hands these options to pino, which takes
 * `stream`; the server's option type names only `level`.
 */
function logTo(stderr: TextSink): { level: string } {
  const options = { level: 'warn', stream: stderr }
  return options
}

/** One note on where the members served come from. */
function origin(command: ServeCommand, { server, source, seeded }: Started): string {
  const members = server.index.size
  const count = `${members} ${members === 1 ? 'member' : 'members'}`
  if (command.state === undefined) {
    return `serving ${count} of ${source.label} from memory; admin writes are refused without --state`
  }
  if (seeded) {
    return `state directory ${command.state} was empty: seeded it with ${count} of ${source.label}; admin writes are durable`
  }
  return `state directory ${command.state} holds ${count}: serving those, not ${source.label}; admin writes are durable`
}

/** Resolves, once `signal` aborts, with its reason (the signal's name). */
async function aborted(signal: AbortSignal): Promise<string> {
  if (!signal.aborted) await new Promise((done) => signal.addEventListener('abort', done, { once: true }))
  return String(signal.reason)
}

/** What a start failure tells the user, or `undefined` for a fault of this program (exit 70). */
function startProblem(error: unknown, command: ServeCommand): string | undefined {
  if (error instanceof DataError) return error.message
  // The server's own refusals (a state directory in use, corrupted or unusable) name what is wrong.
  if (error instanceof PeopleSearchError) return error.message
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException
  if (typeof code !== 'string') return undefined
  const message = (error as Error).message
  if (syscall === 'listen' || syscall === 'bind' || syscall === 'getaddrinfo') {
    const where = `${command.host}:${command.port}`
    if (code === 'EADDRINUSE') return `cannot listen on ${where}: the address is in use (try another --port)`
    if (code === 'EACCES') return `cannot listen on ${where}: permission denied (try a --port above 1023)`
    return `cannot listen on ${where}: ${message}`
  }
  if (path !== undefined && command.state !== undefined) return `state directory ${command.state}: ${message}`
  return undefined
}
