import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { newRequestId, PeopleSearchError } from '@people-search/core'
import { errorDocument } from './error-document.js'
import { MAX_HEADER_BYTES, MAX_TARGET_LENGTH } from './limits.js'

/** A connection error as Node reports it to `clientError` listeners. */
interface ClientError extends Error {
  code?: string
}

/**
 * What Node could not parse as HTTP at all (a malformed request line, headers past the limit, a
 * client that took too long) still gets a legacy error document, in XML since no header could
 * be read (docs/spec.md §9.3), and the connection is closed. A reset connection gets nothing:
 * nobody is there to read it.
 */
export function writeClientError(error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const fault = faultOf(error, socket)
  const requestId = newRequestId()
  const body = errorDocument(fault, 'xml', requestId, Date.now())
  socket.end(
    [
      `HTTP/1.1 ${fault.status} ${STATUS_CODES[fault.status] ?? 'Error'}`,
      'Content-Type: text/xml;charset=UTF-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'x-li-format: xml',
      `x-li-request-id: ${requestId}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  )
}

/** Where the request line of a connection's first request ended, from its first chunk. */
const LINE_END = new WeakMap<Socket, number>()

/**
 * Notes, from the first bytes a connection sends, how long its first request line is: when
 * Node gives up on a request past its header limit, it hands over only the chunk it was
 * reading, which cannot tell a long target (414) from long headers (431).
 */
export function watchRequestLine(socket: Socket): void {
  socket.once('data', (chunk: Buffer) => {
    const end = chunk.indexOf('\r\n')
    LINE_END.set(socket, end === -1 ? Number.POSITIVE_INFINITY : end)
  })
}

function faultOf(error: ClientError, socket: Socket): PeopleSearchError {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // Past Node's own limit, well above ours: a first request line that never ended, or ended
    // past the target limit, is a long target; anything else is long headers.
    const lineEnd = LINE_END.get(socket) ?? 0
    if (lineEnd > MAX_TARGET_LENGTH)
      return new PeopleSearchError('target-too-long', { limit: MAX_TARGET_LENGTH })
    return new PeopleSearchError('headers-too-large', { limit: MAX_HEADER_BYTES })
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new PeopleSearchError('request-timeout')
  return new PeopleSearchError('malformed-request', { problem: error.code ?? 'unreadable request' })
}
