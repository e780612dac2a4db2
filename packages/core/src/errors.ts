/**
 * What can go wrong, and how it is told (docs/spec.md §3.7). Every error the library throws is a
 * `PeopleSearchError` built from one entry of `ERROR_CATALOGUE`: a stable `code`, its family
 * (`kind`, one of `ERROR_KINDS`), the family's HTTP `status` and `errorCode`, and a message
 * template that the caller's values fill. Callers and tests match on `code` (or `kind`), never
 * on message text.
 */

/** The families of errors: each fixes the HTTP status and `errorCode` of its members. */
export const ERROR_KINDS = {
  /** A request parameter is missing or has a value the API does not accept. */
  badParameter: { status: 400, errorCode: 0 },
  /** A field selector cannot be parsed or names an unknown/duplicate field. */
  badSelector: { status: 400, errorCode: 0 },
  /** A request could not be read at all (not a people-search URL, wrong type). */
  badRequest: { status: 400, errorCode: 0 },
  /** A profile handed to `add` breaks the rules of docs/spec.md §1.1. */
  invalidProfile: { status: 400, errorCode: 0 },
  /** The geocoder cannot place a country or postal code. */
  unknownPlace: { status: 400, errorCode: 0 },
  /** No viewer, or a viewer the index does not know. */
  unauthorized: { status: 401, errorCode: 0 },
  /** The viewer may not see what it asked for. */
  forbidden: { status: 403, errorCode: 0 },
  /** A member (or profile) that the index does not hold. */
  notFound: { status: 404, errorCode: 0 },
  /** A snapshot that cannot be written, or is truncated, corrupted or of another format. */
  badSnapshot: { status: 500, errorCode: 0 },
  /** An upstream profile source failed. */
  sourceFailed: { status: 503, errorCode: 0 },
  /** The caller has used up its calls to a resource for now (docs/spec.md §9.4). */
  throttled: { status: 403, errorCode: 0 },
  /** A route exists, but not for this HTTP method (docs/spec.md §9.1). */
  methodNotAllowed: { status: 405, errorCode: 0 },
  /** A request body over the configured size (docs/spec.md §9.4). */
  payloadTooLarge: { status: 413, errorCode: 0 },
  /** A request target over 16,384 characters (docs/spec.md §9.4). */
  uriTooLong: { status: 414, errorCode: 0 },
  /** A client that did not send its request in time (docs/spec.md §9.4: a slow client never stops others). */
  requestTimeout: { status: 408, errorCode: 0 },
  /** Request headers over the service's limit (docs/spec.md §9.4). */
  headersTooLarge: { status: 431, errorCode: 0 },
  /** The service could not do what it must (a write not made durable, an unexpected fault). */
  internal: { status: 500, errorCode: 0 },
  /** The service's state directory cannot be used: locked, corrupted or unreadable (docs/spec.md §9.5). */
  badState: { status: 500, errorCode: 0 },
  /** The service is not set up for this (writes without a state directory, docs/spec.md §9.5). */
  unavailable: { status: 503, errorCode: 0 },
} as const

export type ErrorKind = keyof typeof ERROR_KINDS

/** One specific error: its family, the family's status and error code, and its message template. */
export interface ErrorEntry<K extends ErrorKind = ErrorKind, T extends string = string> {
  readonly kind: K
  readonly status: number
  readonly errorCode: number
  readonly template: T
}

function entry<const K extends ErrorKind, const T extends string>(kind: K, template: T): ErrorEntry<K, T> {
  return Object.freeze({
    kind,
    status: ERROR_KINDS[kind].status,
    errorCode: ERROR_KINDS[kind].errorCode,
    template,
  })
}

/**
 * Every error the library throws, by code. A template names its values in two forms:
 *
 * - `{name}`: a caller's value, shown inside the braces as the legacy API wrote it
 *   (`Unknown viewer {ghost}`);
 * - `<name>`: a value shown bare: a count, a position, a limit, a file path, a label, a type or
 *   the error that caused this one.
 *
 * Either form shows at most `MAX_SHOWN_LENGTH` (100) characters of a value, ending a cut one with
 * `…` (docs/spec.md §3.7); see `shownText` for how a value that is not a string is written.
 */
export const ERROR_CATALOGUE = Object.freeze({
  // badParameter: docs/spec.md §3.1, §3.5, §4, §6.1. The message names the parameter and the value.
  'missing-parameter': entry('badParameter', 'Missing parameter {parameter}'),
  'invalid-parameter-value': entry('badParameter', 'Invalid value {value} for parameter {parameter}'),
  'invalid-choice': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: expected <choices>',
  ),
  'invalid-profile-url': entry('badParameter', 'Invalid profile_url {url}: not a public profile URL'),
  'invalid-sort': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: must be one of <orders>',
  ),
  'invalid-integer': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: must be an integer from 0 to <max>',
  ),
  'invalid-country-code': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: must be a lower-case ISO 3166-1 alpha-2 country code',
  ),
  'invalid-distance': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: must be a decimal number of miles ≥ 0',
  ),
  'invalid-flag': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: must be true or false',
  ),
  'missing-companion': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: <parameter> requires <companion>',
  ),
  'text-too-long': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: longer than <max> characters',
  ),
  'too-many-words': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: more than <max> words',
  ),
  'unknown-facet': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: Unknown facet {facet}',
  ),
  'facet-without-values': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: facet {facet} needs at least one value',
  ),
  'too-many-facet-values': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: more than <max> values for facet {facet}',
  ),
  'invalid-facet-value': entry(
    'badParameter',
    'Invalid value {value} for parameter {parameter}: {bucket} is not <shape>',
  ),
  'too-many-facets': entry(
    'badParameter',
    'Invalid parameter {parameter}: given <count> times, at most <max>',
  ),

  // badSelector: docs/spec.md §3.7, §5.1; the first three are the legacy API's own messages.
  'unknown-field': entry('badSelector', 'Unknown field {field} in resource {resource}'),
  'duplicate-field': entry('badSelector', 'Duplicate field {field} in resource {resource}'),
  'field-without-sub-fields': entry('badSelector', 'Field {field} in resource {resource} has no sub-fields'),
  'selector-syntax': entry(
    'badSelector',
    'Invalid field selector at position <position>: expected <expected>',
  ),
  'selector-too-long': entry('badSelector', 'Invalid field selector: longer than <max> characters'),
  'selector-too-deep': entry(
    'badSelector',
    'Invalid field selector at position <position>: nested deeper than <max>',
  ),
  'invalid-selector': entry('badSelector', 'Invalid field selector {selector}'),

  // badRequest: a request, or an argument of the API, that cannot be read at all.
  'unreadable-request': entry(
    'badRequest',
    'Unreadable people-search request: expected a URL or an object, got <type>',
  ),
  'invalid-request-path': entry(
    'badRequest',
    'Invalid request path {url}: expected [/][v1/]people-search[:(fields)][?query]',
  ),
  'malformed-selector-encoding': entry(
    'badRequest',
    'Invalid request path {url}: malformed percent-encoding in field selector',
  ),
  'request-too-long': entry('badRequest', 'Invalid request: longer than <max> characters'),
  'unreadable-argument': entry('badRequest', 'Unreadable <argument>: reading it threw <cause>'),
  'invalid-argument': entry('badRequest', 'Invalid <argument> {value}: expected <expected>'),
  'unreadable-parameter-value': entry(
    'badRequest',
    'Unreadable value for parameter {parameter}: expected a string, number or boolean, got <type>',
  ),
  'invalid-lookup-parameters': entry('badRequest', 'Profile lookup parameters must be an object'),
  'invalid-profile-reference': entry('badRequest', 'Invalid profile reference {reference}'),
  'selector-given-twice': entry(
    'badRequest',
    'A field selector is given both in the profile url and in fields',
  ),
  'invalid-group': entry('badRequest', 'Invalid group {group}'),
  'invalid-token-expiry': entry('badRequest', 'Invalid token expiry {expiresAt}'),
  'invalid-token-secret': entry(
    'badRequest',
    'Invalid token secret: expected a Buffer, Uint8Array or string of at least <min> bytes, got <given>',
  ),

  // invalidProfile: docs/spec.md §1.1, §1.3. `<problem>` is the field's path and what is wrong with it.
  'invalid-profile': entry('invalidProfile', 'Invalid profile <record>: <problem>'),
  'invalid-profile-batch': entry('invalidProfile', 'Invalid profile batch: must be an array'),
  'invalid-person-profile': entry(
    'invalidProfile',
    'Invalid Person Profile document (public_identifier "<slug>"): <problem>',
  ),
  'invalid-person-profile-without-slug': entry(
    'invalidProfile',
    'Invalid Person Profile document: <problem>',
  ),

  // unknownPlace: docs/spec.md §3.1, the geocoder's answer.
  'unknown-postal-country': entry('unknownPlace', 'Postal codes are not known for country {country}'),
  'unknown-postal-code': entry('unknownPlace', 'Unknown postal code {postalCode} in country {country}'),

  // unauthorized: docs/spec.md §3.2, §6.2.
  'search-without-viewer': entry('unauthorized', 'People search must be done on behalf of a member.'),
  'fetch-without-viewer': entry('unauthorized', 'Profiles must be fetched on behalf of a member.'),
  'unknown-viewer': entry('unauthorized', 'Unknown viewer {viewer}'),
  // docs/spec.md §9.2, §9.5: the HTTP service's credentials.
  'invalid-access-token': entry('unauthorized', 'Invalid access token.'),
  'invalid-admin-key': entry('unauthorized', 'Admin routes need the admin key as a Bearer token.'),

  // forbidden: docs/spec.md §6.2.
  'out-of-network': entry(
    'forbidden',
    "Member {member} is out of the viewer's network: a valid profile token is needed",
  ),

  // notFound: docs/spec.md §6.1, §6.2, §8 (graph).
  'unknown-member': entry('notFound', 'Unknown member {member}'),
  'profile-not-found': entry('notFound', 'Profile {url} not found'),
  'unknown-resource': entry('notFound', 'Unknown resource {path}'),

  // The HTTP service: docs/spec.md §9.1, §9.4, §9.5.
  'throttle-limit': entry('throttled', 'Throttle limit for calls to this resource is reached.'),
  'method-not-allowed': entry('methodNotAllowed', 'Method <method> is not allowed on {path}'),
  'body-too-large': entry('payloadTooLarge', 'Request body is over the limit of <limit> bytes'),
  'target-too-long': entry('uriTooLong', 'Request target is over the limit of <limit> characters'),
  'invalid-body': entry('badRequest', 'Request body is not <expected>: <problem>'),
  'write-not-durable': entry('internal', 'The write could not be made durable: <cause>'),
  'internal-error': entry('internal', 'Internal server error'),

  // badState: docs/spec.md §9.5, the write-ahead log and snapshots of the HTTP service.
  'state-locked': entry('badState', 'State directory <dir> is in use by <owner>'),
  'state-corrupted': entry('badState', 'State directory <dir> is corrupted: <problem>'),
  'state-unusable': entry('badState', 'State directory <dir> cannot be used: <cause>'),
  'headers-too-large': entry('headersTooLarge', 'Request headers are over the limit of <limit> bytes'),
  'bad-request-target': entry('badRequest', 'Request target {target} cannot be read'),
  'malformed-request': entry('badRequest', 'Malformed HTTP request: <problem>'),
  'request-timeout': entry('requestTimeout', 'The request was not received in time'),
  'no-state-directory': entry(
    'unavailable',
    'This service has no state directory, so it cannot make writes durable (start it with --state DIR)',
  ),

  // badSnapshot: docs/spec.md §7.
  'snapshot-unreadable': entry('badSnapshot', 'Snapshot <path> cannot be read: <cause>'),
  'snapshot-without-header': entry('badSnapshot', 'Snapshot <path> does not start with a <format> header'),
  'snapshot-version': entry('badSnapshot', 'Unsupported snapshot version <version>'),
  'snapshot-corrupted-line': entry('badSnapshot', 'Snapshot <path> is corrupted at line <line>'),
  'snapshot-data-after-trailer': entry(
    'badSnapshot',
    'Snapshot <path> has data after its trailer (line <line>)',
  ),
  'snapshot-truncated': entry(
    'badSnapshot',
    'Snapshot <path> is truncated: no trailer after <count> records',
  ),
  'snapshot-corrupted': entry(
    'badSnapshot',
    'Snapshot <path> is corrupted: its checksum or record count does not match',
  ),
  'snapshot-invalid-record': entry('badSnapshot', 'Snapshot <path> holds an invalid record: <cause>'),
  'snapshot-invalid-link': entry('badSnapshot', 'Snapshot <path> holds an invalid link: <cause>'),
  'snapshot-empty': entry('badSnapshot', 'Snapshot <path> is empty'),
  'snapshot-not-a-file': entry('badSnapshot', 'Snapshot <path> is not a regular file but a <type>'),
  'snapshot-line-too-long': entry(
    'badSnapshot',
    'Snapshot <path> has a line longer than <max> bytes (line <line>)',
  ),
  'snapshot-second-header': entry('badSnapshot', 'Snapshot <path> has a second header (line <line>)'),
  'snapshot-unknown-record': entry(
    'badSnapshot',
    'Snapshot <path> has a record of unknown kind <kind> (line <line>)',
  ),
  'snapshot-malformed-record': entry(
    'badSnapshot',
    'Snapshot <path> has a malformed <kind> record (line <line>)',
  ),
  'snapshot-duplicate-profile': entry(
    'badSnapshot',
    'Snapshot <path> holds a second profile of member {member} (line <line>)',
  ),
  'snapshot-unknown-member': entry(
    'badSnapshot',
    'Snapshot <path> holds history of member {member}, which it has no profile of (line <line>)',
  ),
  'snapshot-record-too-large': entry(
    'badSnapshot',
    'Snapshot <path> cannot be written: a record of <size> bytes is over the limit of <max>',
  ),
  'snapshot-write-failed': entry('badSnapshot', 'Snapshot <path> cannot be written: <cause>'),
  // Version 3 (snapshot/binary-format.ts): a section table, checksummed sections, references.
  'snapshot-image-table': entry('badSnapshot', 'Snapshot <path> has a malformed section table: <problem>'),
  'snapshot-image-size': entry(
    'badSnapshot',
    'Snapshot <path> is <size> bytes where its section table says <expected>: truncated, or with data after its sections',
  ),
  'snapshot-image-checksum': entry(
    'badSnapshot',
    'Snapshot <path> is corrupted: the checksum of section <section> does not match',
  ),
  'snapshot-image-invalid': entry('badSnapshot', 'Snapshot <path> holds an invalid <section>: <problem>'),

  // sourceFailed: docs/spec.md §6.1, refreshing from a profile source.
  'no-profile-source': entry('sourceFailed', 'No profile source is configured'),
  'profile-source-failed': entry('sourceFailed', 'The profile source failed: <cause>'),
  'profile-source-invalid-document': entry(
    'sourceFailed',
    'The profile source returned an invalid document: <cause>',
  ),
  'profile-file-not-json': entry('sourceFailed', '<path>:<line>: not JSON: <cause>'),
  'profile-file-not-document': entry(
    'sourceFailed',
    '<path>:<line>: not a Person Profile document with a public_identifier',
  ),
} as const)

export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** The message template of `code`. */
export type ErrorTemplate<C extends ErrorCode> = (typeof ERROR_CATALOGUE)[C]['template']

type QuotedNames<T extends string> = T extends `${string}{${infer N}}${infer R}` ? N | QuotedNames<R> : never
type BareNames<T extends string> = T extends `${string}<${infer N}>${infer R}` ? N | BareNames<R> : never

/** The names of the values `code`'s template shows, read from the template itself. */
export type ErrorPlaceholder<C extends ErrorCode> =
  | QuotedNames<ErrorTemplate<C>>
  | BareNames<ErrorTemplate<C>>

/** What a call site passes for `code`: one value for each placeholder of its template. */
export type ErrorValues<C extends ErrorCode> = { readonly [N in ErrorPlaceholder<C>]: unknown }

export interface PeopleSearchErrorOptions {
  requestId?: string
  timestamp?: number
}

/** The values (none for a template without placeholders) and options that follow a code. */
export type ErrorArguments<C extends ErrorCode> = [ErrorPlaceholder<C>] extends [never]
  ? [values?: Readonly<Record<string, never>>, options?: PeopleSearchErrorOptions]
  : [values: ErrorValues<C>, options?: PeopleSearchErrorOptions]

/**
 * Text the library composed itself, whose own values are already shortened (the path and
 * problem of a rejected profile): a placeholder shows it whole. A `PeopleSearchError` given as
 * a value is shown whole in the same way, as its message.
 */
export class ErrorDetail {
  constructor(readonly text: string) {}
}

/** The most characters of one value a message shows (docs/spec.md §3.7). */
export const MAX_SHOWN_LENGTH = 100

export class PeopleSearchError<C extends ErrorCode = ErrorCode> extends Error {
  /** Which error this is: a key of `ERROR_CATALOGUE`, stable across releases. */
  readonly code: C
  readonly kind: ErrorKind
  readonly status: number
  readonly errorCode: number
  /** The text each placeholder of the template showed, by name. */
  readonly values: Readonly<Record<string, string>>
  readonly requestId: string
  readonly timestamp: number

  /**
   * The error `code` with `values` in its template. Never throws for a catalogued code, whatever
   * the values are; a `cause` value is also kept as the standard `Error.cause`.
   */
  constructor(code: C, ...args: ErrorArguments<C>) {
    const [values, options] = args as [unknown, PeopleSearchErrorOptions | undefined]
    const found = entryOf(code)
    const { message, shown, cause } = fillTemplate(found.template, values)
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'PeopleSearchError'
    this.code = code
    this.kind = found.kind
    this.status = found.status
    this.errorCode = found.errorCode
    this.values = shown
    this.requestId = options?.requestId ?? newRequestId()
    this.timestamp = options?.timestamp ?? Date.now()
    ISSUED.add(this)
  }
}

/** Every error the library built: a brand that no Proxy or look-alike object can fake. */
const ISSUED = new WeakSet<object>()

/**
 * Whether `value` is a `PeopleSearchError` the library built, asked without running any code of
 * the caller's (`instanceof` would run a Proxy's `getPrototypeOf` trap).
 */
export function isPeopleSearchError(value: unknown): value is PeopleSearchError {
  return typeof value === 'object' && value !== null && ISSUED.has(value)
}

/**
 * `read()`, which reads a value the caller handed in (a property, so a getter or a Proxy trap may
 * run): whatever it throws that is not a `PeopleSearchError` becomes the 400
 * `unreadable-argument` naming `argument` (docs/spec.md §3.7).
 */
export function readArgument<T>(argument: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (isPeopleSearchError(error)) throw error
    return fail('unreadable-argument', { argument, cause: error })
  }
}

/** Throws the error `code` with `values` in its template: `fail('unknown-viewer', { viewer })`. */
export function fail<C extends ErrorCode>(code: C, ...args: ErrorArguments<C>): never {
  throw new PeopleSearchError(code, ...args)
}

function entryOf(code: unknown): ErrorEntry {
  if (typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code))
    return ERROR_CATALOGUE[code as ErrorCode]
  // A programming error of the caller (the types forbid it), not a request the API refuses.
  throw new TypeError(`Unknown error code ${shownText(code)}`)
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}|<([A-Za-z][A-Za-z0-9]*)>/g

/** The message of `template` with `values` in it, what each placeholder showed, and any `cause`. */
function fillTemplate(
  template: string,
  values: unknown,
): { message: string; shown: Record<string, string>; cause: unknown } {
  const shown: Record<string, string> = {}
  let cause: unknown
  const message = template.replace(PLACEHOLDER, (_, quoted: string | undefined, bare: string | undefined) => {
    const name = (quoted ?? bare) as string
    if (!Object.hasOwn(shown, name)) {
      const value = valueNamed(values, name)
      if (name === 'cause') cause = value
      shown[name] = shownText(value)
    }
    return quoted === undefined ? shown[name] : `{${shown[name]}}`
  })
  return { message, shown, cause }
}

/** `values[name]`, or `undefined` when `values` is not an object or will not say. */
function valueNamed(values: unknown, name: string): unknown {
  if ((typeof values !== 'object' && typeof values !== 'function') || values === null) return undefined
  try {
    return (values as Record<string, unknown>)[name]
  } catch {
    return undefined
  }
}

/**
 * How a message shows `value`: a string as it is; a `PeopleSearchError` as its message and an
 * `ErrorDetail` as its text, whole; another `Error` as its message; a plain object or an array as
 * JSON; a function as `a function`; anything else with `String`. Everything but the whole ones is cut after
 * `MAX_SHOWN_LENGTH` characters with `…`. Never throws: a value that cannot be written (a
 * throwing `toString`, a revoked proxy, a cycle) is described by its type.
 */
export function shownText(value: unknown): string {
  try {
    if (value instanceof PeopleSearchError) return String(value.message)
    if (value instanceof ErrorDetail) return String(value.text)
    return shortened(writtenText(value))
  } catch {
    return 'an object'
  }
}

/** `text` cut after `max` characters (never inside a surrogate pair), ending with `…` when cut. */
export function shortened(text: string, max = MAX_SHOWN_LENGTH): string {
  if (text.length <= max) return text
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}…`
}

function writtenText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'object': {
      if (value === null) return 'null'
      if (value instanceof Error) return String(value.message)
      if (Array.isArray(value) || isPlainObject(value)) {
        const json = jsonOf(value)
        if (json !== undefined) return json
      }
      return String(value)
    }
    case 'function':
      return 'a function'
    default:
      // number, boolean, bigint, symbol, undefined: String writes each without throwing.
      return String(value)
  }
}

function jsonOf(value: object): string | undefined {
  try {
    const json: unknown = JSON.stringify(value)
    return typeof json === 'string' ? json : undefined
  } catch {
    // a cycle, a BigInt inside, a throwing toJSON or getter: written with String instead
    return undefined
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || proto === Object.prototype
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/**
 * Ten upper-case letters and digits, like the recorded `requestId`s (`IC4IG64OXE`): the id of
 * every error, and of every answer of the HTTP service (`x-li-request-id`, docs/spec.md §9.3).
 */
export function newRequestId(): string {
  let id = ''
  for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(Math.random() * ID_ALPHABET.length)]
  return id
}
