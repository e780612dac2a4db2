import { newRequestId, PeopleSearchError } from '@people-search/core'
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify'
import { watchRequestLine, writeClientError } from './http/client-error.js'
import { asPeopleSearchError, errorDocument } from './http/error-document.js'
import { CONTENT_TYPES, type Format, formatOf } from './http/format.js'
import { headerBytes, MAX_HEADER_BYTES, MAX_TARGET_LENGTH, NODE_HEADER_LIMIT } from './http/limits.js'
import { type RequestTarget, readRequestTarget } from './http/request-target.js'
import { adminRoute } from './routes/admin-routes.js'
import type { Answer, Call, Services } from './routes/call.js'
import { healthRoute } from './routes/health-route.js'
import { personProfileRoute } from './routes/person-profile-route.js'
import { personRoute } from './routes/person-route.js'
import { type Route, routeOf } from './routes/route-table.js'
import { searchRoute } from './routes/search-route.js'

export interface AppOptions {
  /** Fastify's logger option: `false` for none, or pino's options (`level`, `stream`…). */
  logger?: FastifyServerOptions['logger']
  /** Milliseconds a client may take to send its headers (10 s) and its whole request (30 s). */
  headersTimeout?: number
  requestTimeout?: number
}

/** What the hooks learn of a request before its route runs. */
interface RequestState {
  target: RequestTarget
  route: Route | undefined
  format: Format
}

const STATE = Symbol('people-search request state')
type StatefulRequest = FastifyRequest & { [STATE]?: RequestState }

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']

/**
 * The HTTP service of docs/spec.md §9 on Fastify. One catch-all route hands the raw target to
 * the service's own route table (routes/route-table.ts), so `~`, `:(…)` and a percent-encoded
 * `url=` arrive as sent and no framework routing rule can answer first. Every answer, errors
 * included, is a legacy document with `x-li-format` and `x-li-request-id`; nothing a client
 * sends reaches the process as an uncaught exception.
 */
export function buildApp(services: Services, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    // Two log lines per request would cost more than many searches; errors are logged instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: services.config.bodyLimit,
    genReqId: () => newRequestId(),
    http: {
      maxHeaderSize: NODE_HEADER_LIMIT,
      headersTimeout: options.headersTimeout ?? 10_000,
      // How often Node checks its timeouts; its default of 30 s would let a slow client linger.
      connectionsCheckingInterval: 1_000,
    },
    // Fastify sets Node's request timeout from its own option (0, none, by default).
    requestTimeout: options.requestTimeout ?? 30_000,
    keepAliveTimeout: 5_000,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { maxParamLength: NODE_HEADER_LIMIT },
    clientErrorHandler: writeClientError,
    frameworkErrors: (error, request, reply) => {
      const target = request.raw.url ?? ''
      const known = asPeopleSearchError(error).error
      const fault =
        known.code === 'malformed-request' ? new PeopleSearchError('bad-request-target', { target }) : known
      sendError(reply, fault, stateOf(request), services)
    },
  })

  app.server.on('connection', watchRequestLine)

  // Every body is read as text, whatever its content type: routes parse it themselves, and a
  // `Content-Type: application/json` on a GET (as some clients send) is no error.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))

  app.addHook('onRequest', (request: StatefulRequest, reply, done) => {
    const raw = request.raw.url ?? '/'
    const target = readRequestTarget(raw)
    const route = routeOf(target.path, services.config.testMode)
    const state: RequestState = {
      target,
      route,
      format: route?.negotiated === false ? 'json' : formatOf(request.headers, target.params),
    }
    request[STATE] = state
    reply.header('x-li-request-id', request.id)
    reply.header('x-li-format', state.format)
    if (raw.length > MAX_TARGET_LENGTH) {
      done(new PeopleSearchError('target-too-long', { limit: MAX_TARGET_LENGTH }))
    } else if (headerBytes(request.raw.rawHeaders) > MAX_HEADER_BYTES) {
      done(new PeopleSearchError('headers-too-large', { limit: MAX_HEADER_BYTES }))
    } else done()
  })

  app.setErrorHandler((error, request: StatefulRequest, reply) => {
    const { error: known, unexpected } = asPeopleSearchError(error)
    if (unexpected) request.log.error({ err: error }, 'unexpected error')
    sendError(reply, known, stateOf(request), services)
  })

  app.setNotFoundHandler((request: StatefulRequest, reply) => {
    sendError(
      reply,
      new PeopleSearchError('unknown-resource', { path: request.raw.url ?? '' }),
      stateOf(request),
      services,
    )
  })

  app.route({
    method: METHODS,
    url: '*',
    handler: async (request: StatefulRequest, reply) => {
      const state = stateOf(request)
      const answer = await dispatch(callOf(request, state), state.route, services)
      send(reply, answer, state.format)
    },
  })
  return app
}

function dispatch(call: Call, route: Route | undefined, services: Services): Answer | Promise<Answer> {
  if (route === undefined) throw new PeopleSearchError('unknown-resource', { path: call.target.path })
  if (!route.methods.includes(call.method)) {
    throw new PeopleSearchError('method-not-allowed', { method: call.method, path: call.target.path })
  }
  switch (route.name) {
    case 'search':
      return searchRoute(call, services)
    case 'person':
    case 'site-profile':
      return personRoute(call, services)
    case 'person-profile':
      return personProfileRoute(call, services)
    case 'health':
      return healthRoute(services)
    default:
      return adminRoute(route.name, call, services)
  }
}

function callOf(request: FastifyRequest, state: RequestState): Call {
  return {
    method: request.method,
    rawTarget: request.raw.url ?? '/',
    target: state.target,
    headers: request.headers,
    scheme: request.protocol === 'https' ? 'https' : 'http',
    body: typeof request.body === 'string' ? request.body : '',
    format: state.format,
  }
}

function stateOf(request: StatefulRequest): RequestState {
  return (
    request[STATE] ?? { target: readRequestTarget(request.raw.url ?? '/'), route: undefined, format: 'xml' }
  )
}

function send(reply: FastifyReply, answer: Answer, format: Format): void {
  reply.code(answer.status ?? 200).header('content-type', CONTENT_TYPES[format])
  if (answer.headers !== undefined) reply.headers(answer.headers)
  reply.send(answer.body)
}

function sendError(
  reply: FastifyReply,
  error: PeopleSearchError,
  state: RequestState,
  services: Services,
): void {
  const body = errorDocument(error, state.format, String(reply.request.id), services.now())
  // docs/spec.md §6.1: a lookup that fails costs nothing, and says so.
  const headers = state.route?.name === 'person-profile' ? { 'x-credits-used': '0' } : undefined
  reply.header('x-li-request-id', reply.request.id).header('x-li-format', state.format)
  send(reply, { status: error.status, body, headers }, state.format)
}
