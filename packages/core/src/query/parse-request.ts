import { fail } from '../errors.js'
import { MAX_FACET_PARAMETERS, parseFacetFilter, parseFacetList } from './facet-values.js'
import { parseCount, parseSort, parseStart } from './paging-parameters.js'
import { parseCountryCode, parsePostal } from './place-parameters.js'
import { readRequest } from './read-request.js'
import type { SearchQuery, SearchRequest } from './search-query.js'
import { parseCriterion, parseKeywords, parseName } from './text-parameters.js'

/**
 * Turns a legacy URL or a request object into a validated `SearchQuery` (docs/spec.md §3.1, §8).
 * Parameters are judged in a fixed order so that a request with several bad values always
 * reports the same one, whichever implementation answers it. `checkFields` sees the raw
 * field selector before the parameters are judged.
 */
export function parseSearchRequest(
  request: SearchRequest,
  checkFields?: (fields: string | undefined) => void,
): SearchQuery {
  const { params, fields } = readRequest(request)
  // docs/spec.md §8: the selector is judged before any parameter.
  checkFields?.(fields)
  const get = (name: string) => params.get(name) ?? undefined

  const keywords = parseKeywords(get('keywords'))
  const firstName = parseName('first-name', get('first-name'))
  const lastName = parseName('last-name', get('last-name'))
  const companyName = parseCriterion(
    'company-name',
    get('company-name'),
    'current-company',
    get('current-company'),
  )
  const title = parseCriterion('title', get('title'), 'current-title', get('current-title'))
  const schoolName = parseCriterion(
    'school-name',
    get('school-name'),
    'current-school',
    get('current-school'),
  )
  const countryCode = parseCountryCode(get('country-code'))
  const postal = parsePostal(get('postal-code'), get('distance'), countryCode)
  const facetParameters = params.getAll('facet')
  // docs/spec.md §3.7: counted before any of them is parsed.
  if (facetParameters.length > MAX_FACET_PARAMETERS) {
    fail('too-many-facets', { parameter: 'facet', count: facetParameters.length, max: MAX_FACET_PARAMETERS })
  }
  const facetFilters = facetParameters.map(parseFacetFilter)
  const facets = parseFacetList(get('facets'))
  const sort = parseSort(get('sort'))
  const start = parseStart(get('start'))
  const count = parseCount(get('count'))

  const query: SearchQuery = { keywords, facetFilters, facets, sort, start, count }
  // Absent criteria are left out rather than set to undefined, so queries compare by shape.
  if (firstName) query.firstName = firstName
  if (lastName) query.lastName = lastName
  if (companyName) query.companyName = companyName
  if (title) query.title = title
  if (schoolName) query.schoolName = schoolName
  if (countryCode !== undefined) query.countryCode = countryCode
  if (postal) query.postal = postal
  if (fields !== undefined) query.fields = fields
  return query
}
