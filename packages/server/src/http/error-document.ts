import { isPeopleSearchError, PeopleSearchError } from '@people-search/core'
import { errorToJson, errorToXml } from '@people-search/xml'
import { type Format, jsonText } from './format.js'

/**
 * The legacy error document of `error` (docs/spec.md §5.3, §5.4), carrying the request id the
 * answer's `x-li-request-id` carries and the service clock's timestamp, so the body and the
 * headers of one answer agree.
 */
export function errorDocument(
  error: PeopleSearchError,
  format: Format,
  requestId: string,
  timestamp: number,
): string {
  const fields = {
    status: error.status,
    errorCode: error.errorCode,
    message: error.message,
    requestId,
    timestamp,
  }
  return format === 'json' ? jsonText(errorToJson(fields)) : errorToXml(fields)
}

/** HTTP statuses that the framework or Node may raise, by what they mean here (docs/spec.md §9.4). */
const FRAMEWORK_STATUSES: Readonly<Record<number, () => PeopleSearchError>> = {
  413: () => new PeopleSearchError('body-too-large', { limit: 'the configured' }),
  415: () =>
    new PeopleSearchError('invalid-body', {
      expected: 'of a type this route reads',
      problem: 'unsupported media type',
    }),
}

/**
 * What a thrown value becomes in an answer: a `PeopleSearchError` as it is; a framework error
 * with a 4xx status as the nearest catalogue entry; anything else (a bug) the 500
 * `internal-error`, whose message tells the caller nothing of the fault.
 */
export function asPeopleSearchError(error: unknown): { error: PeopleSearchError; unexpected: boolean } {
  if (isPeopleSearchError(error)) return { error, unexpected: false }
  const status =
    typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = FRAMEWORK_STATUSES[status]
    const problem = (error as { message?: unknown }).message
    return {
      error:
        known?.() ??
        new PeopleSearchError('malformed-request', {
          problem: typeof problem === 'string' ? problem : status,
        }),
      unexpected: false,
    }
  }
  return { error: new PeopleSearchError('internal-error'), unexpected: true }
}
