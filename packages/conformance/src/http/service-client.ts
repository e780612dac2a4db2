import { HttpRefusal, ServiceFault } from './http-errors.js'

/** Where the service under test listens and how to reach it. */
export interface ServiceAddress {
  /** The service's base URL, e.g. `http://127.0.0.1:8080` (a path after the host is kept as a prefix). */
  url: string
  /** The key of its admin routes, sent as `Authorization: Bearer <key>` (docs/spec.md §9.5). */
  adminKey: string
  /** The `fetch` to use (default: the global one of Node ≥ 20). */
  fetch?: typeof globalThis.fetch
}

export interface ServiceRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE'
  /** The request target: path and query, starting with `/`. */
  target: string
  headers?: Record<string, string>
  /** Sent as JSON. */
  body?: unknown
}

/**
 * One call of the service, asked for JSON (`x-li-format: json`, docs/spec.md §9.3, which the
 * admin routes answer in anyway): a 2xx resolves to the parsed document; anything
 * else rejects with an {@link HttpRefusal} carrying the status, once the error document's own
 * `status` is checked to be the HTTP status (§9.3). What is not §9 at all rejects with a
 * {@link ServiceFault}.
 */
export async function callService(address: ServiceAddress, request: ServiceRequest): Promise<unknown> {
  const fetch = address.fetch ?? globalThis.fetch
  const base = address.url.replace(/\/+$/, '')
  const where = `${request.method} ${request.target}`
  let response: Response
  try {
    response = await fetch(`${base}${request.target}`, {
      method: request.method,
      headers: {
        // JSON for every answer, errors of routes the service does not have included (§9.3).
        'x-li-format': 'json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    })
  } catch (error) {
    throw new ServiceFault(`${where}: the service at ${base} cannot be reached (${reason(error)})`)
  }
  const text = await response.text().catch((error: unknown) => {
    throw new ServiceFault(`${where}: the answer broke off (${reason(error)})`)
  })
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    throw new ServiceFault(
      `${where}: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
    )
  }
  if (response.ok) return document
  const status = (document as { status?: unknown } | null)?.status
  if (status !== response.status) {
    throw new ServiceFault(
      `${where}: HTTP ${response.status}, but the error document's status is ${JSON.stringify(status)} (docs/spec.md §9.3: they are equal)`,
    )
  }
  throw new HttpRefusal(response.status, document)
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  if (typeof cause?.code === 'string') return cause.code
  if (typeof cause?.message === 'string') return cause.message
  return error instanceof Error ? error.message : String(error)
}
