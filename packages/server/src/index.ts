// The public API of @people-search/server: every name a user may rely on, and nothing else.

export type { ServerConfig, ServerConfigInput } from './config/server-config.js'
export { readServerConfig } from './config/server-config.js'
export type { RunningServer, ServerOptions } from './server.js'
export { startServer } from './server.js'
