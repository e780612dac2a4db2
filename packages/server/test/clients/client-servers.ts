// The two servers the legacy clients talk to, both real and on 127.0.0.1: one with the default
// throttles, and one whose members run out after THROTTLED_SEARCHES searches a day (docs/spec.md §9.4).
import type { PeopleIndex } from '@people-search/core'
import { type RunningServer, type ServerOptions, startServer } from '../../src/server.js'
import { clientWorld, THROTTLED, VIEWER } from './client-world.js'

/** OAuth 2 access tokens (docs/spec.md §9.2), as node-linkedin sends them. */
export const ACCESS_TOKENS = { [VIEWER]: 'token-of-the-viewer', [THROTTLED]: 'token-of-the-throttled' }

/** The OAuth 1.0a consumer linkedin-node signs with, and its members' tokens. */
export const CONSUMER = { key: 'consumer-key', secret: 'consumer-secret' }
export const OAUTH_TOKENS = {
  [VIEWER]: { token: 'oauth-token-viewer', secret: 'oauth-secret-viewer' },
  [THROTTLED]: { token: 'oauth-token-throttled', secret: 'oauth-secret-throttled' },
}

/**
 * What linkedin-node signs against (its `apiAuthority`). `https`, while the client reaches the
 * server over plain http: a signature verifies only against the configured canonical authority,
 * never by accident against the request's own scheme and `Host`.
 */
export const AUTHORITY = 'https://api.linkedin.com'

/** Searches a member of the throttling server may run in a UTC day. */
export const THROTTLED_SEARCHES = 2

export interface ClientServers {
  index: PeopleIndex
  /** Default throttles. */
  main: RunningServer
  /** `searchesPerDay` = THROTTLED_SEARCHES. */
  throttling: RunningServer
  close(): Promise<void>
}

/** Starts both servers over one client world on 127.0.0.1, each on a free port. */
export async function startClientServers(): Promise<ClientServers> {
  const index = clientWorld()
  const config = {
    accessTokens: Object.fromEntries(Object.entries(ACCESS_TOKENS).map(([member, token]) => [token, member])),
    consumers: {
      [CONSUMER.key]: {
        secret: CONSUMER.secret,
        tokens: Object.fromEntries(
          Object.entries(OAUTH_TOKENS).map(([member, { token, secret }]) => [token, { secret, member }]),
        ),
      },
    },
    canonicalAuthority: AUTHORITY,
  } satisfies ServerOptions['config']
  const started: RunningServer[] = []
  try {
    started.push(await startServer({ config, index, host: '127.0.0.1', port: 0 }))
    started.push(
      await startServer({
        config: { ...config, throttles: { searchesPerDay: THROTTLED_SEARCHES } },
        index,
        host: '127.0.0.1',
        port: 0,
      }),
    )
  } catch (error) {
    await Promise.all(started.map((server) => server.close()))
    throw error
  }
  const [main, throttling] = started as [RunningServer, RunningServer]
  return {
    index,
    main,
    throttling,
    close: async () => {
      await Promise.all(started.map((server) => server.close()))
    },
  }
}
