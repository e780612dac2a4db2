/**
 * The two formats of the service (docs/spec.md §9.3), as the load generator asks for them and as
 * the in-process figures render them.
 */
import type { SearchResult } from '@people-search/core'
import { toXml } from '@people-search/xml'

export type Format = 'json' | 'xml'

/** The headers that choose a format: `x-li-format: json`, or none for XML, the default. */
export function formatHeaders(format: Format): Record<string, string> {
  return format === 'json' ? { 'x-li-format': 'json' } : {}
}

/**
 * A search result's body as the service writes it: JSON indented by two spaces with a final
 * newline, or the legacy XML. The load test compares the service's bytes with these, so a
 * drift between the two shows up as a failed verification, not as a wrong figure.
 */
export function renderBody(result: SearchResult, format: Format): string {
  return format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : toXml(result)
}
