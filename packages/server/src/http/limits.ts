import { MAX_REQUEST_LENGTH } from '@people-search/core'

/** The longest request target served, the index's own request limit; a longer one is a 414 (docs/spec.md §3.7, §9.4). */
export const MAX_TARGET_LENGTH = MAX_REQUEST_LENGTH
/** The most bytes of header fields served (names, values and their separators); more is a 431. */
export const MAX_HEADER_BYTES = 64 * 1024
/**
 * What Node itself reads of a request line and headers before it gives up. It is well above both
 * limits, so a long target or long headers still reach the app, which answers them in the
 * negotiated format; only past this does `writeClientError` answer, in XML.
 */
export const NODE_HEADER_LIMIT = 256 * 1024

/** The bytes of a request's header fields as sent: `name: value\r\n` each. */
export function headerBytes(rawHeaders: readonly string[]): number {
  let bytes = 0
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    bytes += rawHeaders[i].length + rawHeaders[i + 1].length + 4
  return bytes
}
