// A client that speaks bytes, not HTTP: what a broken, slow or hostile client sends, and what came
// back before the connection closed. fetch would refuse to send most of it.
import { connect } from 'node:net'

/** An answer as it arrived on the wire. */
export interface RawResponse {
  status: number
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>
  body: string
}

export interface Exchange {
  /** What the server answered, if it answered anything readable before closing. */
  response: RawResponse | undefined
  /** Every byte the server sent. */
  received: string
  /** How the connection ended: closed by the server, by us at the deadline, or by us on purpose. */
  end: 'server-closed' | 'deadline' | 'client-destroyed'
  /** Milliseconds from connecting to the end. */
  afterMs: number
}

export interface ExchangeOptions {
  /** Milliseconds between two chunks (0: all at once). */
  gapMs?: number
  /** Destroy the socket right after the last chunk, without waiting for an answer. */
  vanish?: boolean
  /** Give up (and destroy the socket) after this many milliseconds. */
  deadlineMs: number
}

/** Connects to 127.0.0.1:`port`, writes `chunks` (paced by `gapMs`) and waits for the server to close. */
export function exchange(
  port: number,
  chunks: readonly (string | Buffer)[],
  options: ExchangeOptions,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = performance.now()
    const socket = connect(port, '127.0.0.1')
    const received: Buffer[] = []
    let end: Exchange['end'] = 'server-closed'
    let sending = true
    const deadline = setTimeout(() => {
      end = 'deadline'
      socket.destroy()
    }, options.deadlineMs)
    socket.on('data', (data) => received.push(data))
    // A reset after the server gave up on us is one way of closing; the bytes it sent count.
    socket.on('error', () => undefined)
    socket.on('close', () => {
      sending = false
      clearTimeout(deadline)
      const text = Buffer.concat(received).toString('latin1')
      resolve({ response: parseResponse(text), received: text, end, afterMs: performance.now() - started })
    })
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (!sending) return
        socket.write(chunk)
        if (options.gapMs) await new Promise((wake) => setTimeout(wake, options.gapMs))
      }
      if (options.vanish) {
        end = 'client-destroyed'
        socket.destroy()
      }
    })
  })
}

/** The first HTTP/1.1 response in `text`, or undefined when there is none or it is cut short. */
export function parseResponse(text: string): RawResponse | undefined {
  const headEnd = text.indexOf('\r\n\r\n')
  if (headEnd === -1) return undefined
  const [statusLine, ...lines] = text.slice(0, headEnd).split('\r\n')
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]
  if (status === undefined) return undefined
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rest = text.slice(headEnd + 4)
  const length = headers['content-length']
  if (length !== undefined) {
    const bytes = Buffer.from(rest, 'latin1')
    if (bytes.length < Number(length)) return undefined
    return { status: Number(status), headers, body: bytes.subarray(0, Number(length)).toString('utf8') }
  }
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
    const body = dechunk(rest)
    return body === undefined ? undefined : { status: Number(status), headers, body }
  }
  return { status: Number(status), headers, body: Buffer.from(rest, 'latin1').toString('utf8') }
}

function dechunk(text: string): string | undefined {
  const parts: Buffer[] = []
  let at = 0
  const bytes = Buffer.from(text, 'latin1')
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at)
    if (lineEnd === -1) return undefined
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16)
    if (!Number.isFinite(size)) return undefined
    if (size === 0) return Buffer.concat(parts).toString('utf8')
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
}
