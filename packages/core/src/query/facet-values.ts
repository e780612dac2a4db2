import { FACET_BY_CODE, FACET_CODES, type FacetCode } from '../domain/facets.js'
import { fail } from '../errors.js'
import type { FacetFilter } from './search-query.js'

/** docs/spec.md §3.7: the most values one `facet` parameter may hold. */
export const MAX_FACET_VALUES = 100
/** docs/spec.md §3.7: the most `facet` parameters one request may hold. */
export const MAX_FACET_PARAMETERS = 20

/** One `facet=CODE,v1,v2…` parameter (docs/spec.md §4.1). */
export function parseFacetFilter(parameter: string): FacetFilter {
  // Splitting stops one piece past the limit: the rest of a long list is never read.
  const [head, ...pieces] = parameter.split(',', MAX_FACET_VALUES + 2)
  const code = facetCode(head.trim())
  if (code === undefined) fail('unknown-facet', { parameter: 'facet', value: parameter, facet: head.trim() })
  if (pieces.length === 0) fail('facet-without-values', { parameter: 'facet', value: parameter, facet: code })
  if (pieces.length > MAX_FACET_VALUES) {
    const max = MAX_FACET_VALUES
    fail('too-many-facet-values', { parameter: 'facet', value: parameter, facet: code, max })
  }
  const values = new Set<string>()
  for (const piece of pieces) {
    const value = piece.trim()
    const canonical = value === '' ? undefined : FACET_BY_CODE[code].canonical(value)
    if (canonical === undefined) {
      const shape: string = FACET_BY_CODE[code].bucketShape
      fail('invalid-facet-value', { parameter: 'facet', value: parameter, bucket: value, shape })
    }
    values.add(canonical)
  }
  return { code, values: [...values] }
}

/** `facets=CODE,CODE…` (docs/spec.md §4.3): which histograms to return. */
export function parseFacetList(parameter: string | undefined): FacetCode[] {
  if (parameter === undefined) return []
  const codes = new Set<FacetCode>()
  for (const piece of parameter.split(',')) {
    const name = piece.trim()
    if (name === '') continue
    const code = facetCode(name)
    if (code === undefined) fail('unknown-facet', { parameter: 'facets', value: parameter, facet: name })
    codes.add(code)
  }
  return [...codes]
}

function facetCode(name: string): FacetCode | undefined {
  const lower = name.toLowerCase()
  return FACET_CODES.find((code) => code === lower)
}
