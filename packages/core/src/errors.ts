/**
 * The one catalogue of error kinds. Every error the library throws is a `PeopleSearchError`
 * built from an entry here, so callers and tests can match on `kind` or `status`.
 */
export const ERROR_KINDS = {
  /** A request parameter has a value the API does not accept. */
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
  /** A snapshot that is truncated, corrupted or of another format. */
  badSnapshot: { status: 500, errorCode: 0 },
  /** An upstream profile source failed. */
  sourceFailed: { status: 503, errorCode: 0 },
} as const

export type ErrorKind = keyof typeof ERROR_KINDS

export class PeopleSearchError extends Error {
  readonly kind: ErrorKind
  readonly status: number
  readonly errorCode: number
  readonly requestId: string
  readonly timestamp: number

  constructor(kind: ErrorKind, message: string, options?: { requestId?: string; timestamp?: number }) {
    super(message)
    this.name = 'PeopleSearchError'
    this.kind = kind
    this.status = ERROR_KINDS[kind].status
    this.errorCode = ERROR_KINDS[kind].errorCode
    this.requestId = options?.requestId ?? newRequestId()
    this.timestamp = options?.timestamp ?? Date.now()
  }
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Ten upper-case characters, like the recorded `requestId`s (`IC4IG64OXE`). */
function newRequestId(): string {
  let id = ''
  for (let i = 0; i < 10; i++) id += ID_ALPHABET[Math.floor(Math.random() * ID_ALPHABET.length)]
  return id
}

/** Shorthand used across the library: `fail('badParameter', '…')` throws. */
export function fail(kind: ErrorKind, message: string): never {
  throw new PeopleSearchError(kind, message)
}
