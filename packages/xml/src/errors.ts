import type { PeopleSearchError } from '@people-search/core'
import { buildDocument } from './build-document.js'
import { elementTree } from './element-tree.js'

/** What an error document shows: a `PeopleSearchError`, or anything with the same fields. */
export type ErrorFields = Pick<
  PeopleSearchError,
  'status' | 'errorCode' | 'message' | 'requestId' | 'timestamp'
>

/** The legacy JSON error document (docs/spec.md §5.4), keys in the recorded order. */
export interface ErrorDocument {
  errorCode: number
  message: string
  requestId: string
  status: number
  timestamp: number
}

/** `{ errorCode, message, requestId, status, timestamp }`, as in fixtures/legacy-api/spring-error_*.json. */
export function errorToJson(error: ErrorFields): ErrorDocument {
  return {
    errorCode: error.errorCode,
    message: error.message,
    requestId: error.requestId,
    status: error.status,
    timestamp: error.timestamp,
  }
}

/** `<error><status/><timestamp/><request-id/><error-code/><message/></error>` (docs/spec.md §5.3). */
export function errorToXml(error: ErrorFields): string {
  const { status, timestamp, requestId, errorCode, message } = error
  return buildDocument('error', elementTree({ status, timestamp, requestId, errorCode, message }, 'error'))
}
