// node-linkedin@0.5.6, unmodified, loaded into the test process (it replaces no global, which
// drivers/globals-after-require.cjs checks), with promises around its callbacks and a bound on each call.
import { createRequire } from 'node:module'

type Callback = (error: unknown, body: unknown) => void

/** The shape of the module-wide object `require('node-linkedin')(id, secret)` returns. */
interface LinkedinApp {
  /** `api_url` is the base every relative path is resolved against. */
  options: { api_url: string; format: string }
  init(token: string, options?: { timeout?: number }): LinkedinApi
}

interface PeopleService {
  me(fields: readonly string[], callback: Callback): void
  me(callback: Callback): void
  id(id: string, fields: readonly string[], callback: Callback): void
  id(id: string, callback: Callback): void
  url(url: string, fields: readonly string[], callback: Callback): void
  search(options: Record<string, unknown>, callback: Callback): void
  createCall(
    method: string,
    path: string,
    options: Record<string, unknown>,
    callback: Callback,
  ): (config: unknown) => void
  config: unknown
}

interface LinkedinApi {
  people: PeopleService
}

/** What one call of the client gave its callback: the error and the body it parsed. */
export interface Answer {
  error: unknown
  body: unknown
}

/** How long one call may take before the test gives up on it. */
const CALL_TIMEOUT_MS = 5_000

/**
 * The client as an application uses it, with its base URL pointed at `apiUrl` (`…/v1/`). The
 * module holds one configuration for the whole process: `init` rebinds the services of every
 * caller to the new token, so calls with different tokens must not overlap (these tests await each).
 */
export class NodeLinkedin {
  private readonly app: LinkedinApp

  constructor(apiUrl: string) {
    const factory = createRequire(import.meta.url)('node-linkedin') as (
      id: string,
      secret: string,
    ) => LinkedinApp
    // The factory resets the options each call: set the base URL after it, before any `init`.
    this.app = factory('app-id', 'app-secret')
    this.app.options.api_url = apiUrl
  }

  /** Points every later call at another server (the module-wide option, as an application would). */
  set apiUrl(url: string) {
    this.app.options.api_url = url
  }

  me(token: string, fields: readonly string[]): Promise<Answer> {
    return this.call(token, (people, done) => people.me(fields, done))
  }

  id(token: string, id: string, fields: readonly string[]): Promise<Answer> {
    return this.call(token, (people, done) => people.id(id, fields, done))
  }

  /** `people.me` and `people.id` without a field list: the client names its own defaults. */
  meWithDefaultFields(token: string): Promise<Answer> {
    return this.call(token, (people, done) => people.me(done))
  }

  idWithDefaultFields(token: string, id: string): Promise<Answer> {
    return this.call(token, (people, done) => people.id(id, done))
  }

  url(token: string, url: string, fields: readonly string[]): Promise<Answer> {
    return this.call(token, (people, done) => people.url(url, fields, done))
  }

  /** `people.search`: always `/people-search` with no selector, the options as the query. */
  search(token: string, options: Record<string, unknown>): Promise<Answer> {
    return this.call(token, (people, done) => people.search({ ...options }, done))
  }

  /**
   * A search with a field selector. `people.search` cannot name one, so this is the client's own
   * extension point (`createCall`, as its extensibility spec shows) with `strict: true`: without
   * it, `url.resolve` reads `people-search:(…)` as a URL of scheme `people-search:`.
   */
  searchWithSelector(token: string, selector: string, options: Record<string, unknown>): Promise<Answer> {
    return this.call(token, (people, done) =>
      people.createCall('GET', `people-search${selector}`, { strict: true, ...options }, done)(people.config),
    )
  }

  private call(token: string, run: (people: PeopleService, done: Callback) => void): Promise<Answer> {
    const api = this.app.init(token, { timeout: CALL_TIMEOUT_MS })
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('node-linkedin gave no answer in time')),
        CALL_TIMEOUT_MS + 1_000,
      )
      run(api.people, (error, body) => {
        clearTimeout(timer)
        resolve({ error, body })
      })
    })
  }
}
