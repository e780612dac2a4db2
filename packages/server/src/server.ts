import { PeopleIndex, type PeopleIndexOptions, PeopleSearchError } from '@people-search/core'
import type { FastifyInstance } from 'fastify'
import { TableGeocoder } from './admin/table-geocoder.js'
import { type AppOptions, buildApp } from './app.js'
import { Authenticator } from './auth/authenticate.js'
import { readServerConfig, type ServerConfig, type ServerConfigInput } from './config/server-config.js'
import type { ServedData, Services } from './routes/call.js'
import { DurableIndex } from './state/durable-index.js'
import { TestWorld } from './state/test-world.js'
import { stateTokenSecret } from './state/token-secret.js'
import { LookupRate } from './throttle/lookup-rate.js'
import { SearchQuota } from './throttle/search-quota.js'

export interface ServerOptions extends AppOptions {
  /** The configuration, in the shape of the JSON config file (see the package README). */
  config?: ServerConfigInput
  /**
   * A state directory: the service answers from its last snapshot plus its write-ahead log and
   * acknowledges admin writes once they are durable there (docs/spec.md §9.5).
   */
  state?: string
  /**
   * What an empty state directory (or a service without one) starts from; default an empty
   * index. It is given the options the service builds its indexes with (`indexOptions`, the
   * config's `tokenSecret` and `caps`, the service clock), so the seed answers as they would.
   */
  seed?: (options: PeopleIndexOptions) => PeopleIndex | Promise<PeopleIndex>
  /** An index to serve as it is, without a state directory (admin writes are refused). */
  index?: PeopleIndex
  /** The interface to listen on (127.0.0.1). */
  host?: string
  /** The port (8080); 0 takes any free one. */
  port?: number
  /** The service clock (the index's too, unless `index` is given). */
  now?: () => Date
  /**
   * Options of the indexes the service builds (a geocoder, a profile source, a bucket limit);
   * the config's `tokenSecret` and `caps` win over theirs, and `now` is the service clock.
   */
  indexOptions?: Omit<PeopleIndexOptions, 'now'>
}

/** A listening service. */
export interface RunningServer {
  /** `http://host:port`, for clients' base-URL options. */
  readonly url: string
  /** The index answering now (a state directory's index, which admin writes change). */
  readonly index: PeopleIndex
  readonly app: FastifyInstance
  /** Stops accepting, lets requests in flight finish, then closes the state directory. */
  close(): Promise<void>
}

/**
 * Starts the HTTP service of docs/spec.md §9 and resolves once it listens. A bad configuration
 * rejects with a 400 `invalid-argument` naming the key, before anything listens.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = readServerConfig(options.config)
  const clock = options.now ?? (() => new Date())
  const now = () => clock().getTime()
  const served = await servedData(options, config, clock)
  const testWorld = config.testMode ? testWorldOf(served, options, config) : undefined
  const data: ServedData = testWorld ?? served
  const services: Services = {
    config,
    data,
    authenticator: new Authenticator(config.credentials, now, {
      viewerTokens: () => testWorld?.viewerTokens,
    }),
    // A test world asks many searches per viewer: in test mode the daily quota is off.
    searches: new SearchQuota(
      config.testMode
        ? { perDay: Number.MAX_SAFE_INTEGER }
        : { perDay: config.throttles.searchesPerDay, perLevel: config.throttles.searchesPerDayByLevel },
      now,
    ),
    lookups: new LookupRate(config.throttles.lookupsPerMinute, now),
    now,
    ...(testWorld === undefined ? {} : { testWorld }),
  }
  const app = buildApp(services, options)
  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 })
  } catch (error) {
    await data.close?.()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host ?? '127.0.0.1'
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    get index() {
      return data.index
    },
    app,
    close: async () => {
      await app.close()
      await data.close?.()
    },
  }
}

/**
 * Test mode (packages/server/README.md): the data as it starts, until `POST /admin/test-mode`
 * replaces it with a test world built from the request's settings alone (clock, caps, bucket
 * limit, geocoder table); of the service's own index options only the link key and the rest of
 * `indexOptions` carry over.
 */
function testWorldOf(served: ServedData, options: ServerOptions, config: ServerConfig): TestWorld {
  return new TestWorld(
    served.index,
    (settings) =>
      new PeopleIndex({
        ...options.indexOptions,
        ...(config.tokenSecret === undefined ? {} : { secret: config.tokenSecret }),
        now: () => settings.now,
        caps: settings.caps,
        geocoder: new TableGeocoder(settings.postalCodes),
        ...(settings.facetBucketLimit === undefined ? {} : { facetBucketLimit: settings.facetBucketLimit }),
      }),
  )
}

async function servedData(
  options: ServerOptions,
  config: ServerConfig,
  clock: () => Date,
): Promise<ServedData> {
  const state = options.state
  if (state !== undefined && config.testMode) {
    // A test world is a throwaway: it must never be written to a real log.
    throw new PeopleSearchError('invalid-argument', {
      argument: 'server config testMode',
      value: true,
      expected: 'no test mode beside a state directory (a test world is never made durable)',
    })
  }
  // A state directory keeps its own link-token key when the configuration gives none (§9.5).
  const secret = config.tokenSecret ?? (state === undefined ? undefined : await stateTokenSecret(state))
  const indexOptions = (now: () => Date): PeopleIndexOptions => ({
    ...options.indexOptions,
    now,
    ...(secret === undefined ? {} : { secret }),
    ...(config.caps === undefined ? {} : { caps: config.caps }),
  })
  const seed = options.seed
  if (state !== undefined) {
    if (options.index !== undefined) {
      throw new PeopleSearchError('invalid-argument', {
        argument: 'server option index',
        value: 'an index',
        expected: 'no index beside a state directory (the state directory holds the data)',
      })
    }
    if (options.indexOptions?.source !== undefined) {
      // A lookup stores the fresh copies a source gives (docs/spec.md §6.1) outside the log, so
      // a restart would answer differently: refused rather than half durable.
      throw new PeopleSearchError('invalid-argument', {
        argument: 'server option indexOptions.source',
        value: 'a profile source',
        expected: 'no profile source beside a state directory (its fresh copies could not be made durable)',
      })
    }
    return DurableIndex.open({
      dir: state,
      create: (now) => new PeopleIndex(indexOptions(now)),
      load: (path, now) => PeopleIndex.load(path, indexOptions(now)),
      seed: seed === undefined ? undefined : (now) => seed(indexOptions(now)),
      now: () => clock().getTime(),
    })
  }
  if (options.index !== undefined) return { index: options.index }
  return {
    index: seed === undefined ? new PeopleIndex(indexOptions(clock)) : await seed(indexOptions(clock)),
  }
}
