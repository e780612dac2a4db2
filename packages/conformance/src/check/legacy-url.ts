import type { Materialized } from '../generators/request.js'

/** The path every request is asked on (docs/spec.md §5.1). */
const PATH = '/v1/people-search'

/**
 * A materialized request as the one legacy URL both sides are asked (docs/spec.md §5.1): the
 * path, the field selector when there is one, then the parameters in order, each value
 * URL-encoded (`facet` repeats). Whatever form the generator chose, the implementation under test
 * gets a URL, which is what a service is sent.
 */
export function legacyUrl(m: Pick<Materialized, 'params' | 'fields'>): string {
  const query = m.params
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${PATH}${m.fields ? `:${m.fields}` : ''}${query ? `?${query}` : ''}`
}
