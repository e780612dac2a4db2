import type { IncomingHttpHeaders } from 'node:http'

/** The two document formats of the legacy API (docs/spec.md §9.3). */
export type Format = 'json' | 'xml'

export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json;charset=UTF-8',
  xml: 'text/xml;charset=UTF-8',
}

/**
 * JSON when the request says `x-li-format: json` (any case) or `format=json`, XML otherwise;
 * `Accept` is ignored, as it was (docs/spec.md §9.3). A repeated header or parameter counts
 * by its first value, like every repeated parameter (§8).
 */
export function formatOf(headers: IncomingHttpHeaders, params: URLSearchParams): Format {
  const header = headers['x-li-format']
  const first = Array.isArray(header) ? header[0] : header
  if (typeof first === 'string' && first.trim().toLowerCase() === 'json') return 'json'
  const query = params.get('format')
  return query !== null && query.trim().toLowerCase() === 'json' ? 'json' : 'xml'
}

/** JSON as the recordings are: indented by two spaces, `"key": value` (docs/spec.md §9.3). */
export function jsonText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
