/**
 * The legacy JSON document of a search (docs/spec.md §5.4). `JSON.stringify(result)` is the wire
 * format, so keys are camelCase and lists are `{ _total, values }`.
 */

/** A person in a result: the fields the selector asks for, camelCase (default id/names). */
export type PersonDocument = { [field: string]: unknown }

export interface PeopleList {
  _count?: number
  _start?: number
  _total: number
  values?: PersonDocument[]
}

export interface BucketDocument {
  code?: string
  name?: string
  count?: number
  selected?: boolean
}

export interface FacetDocument {
  code?: string
  name?: string
  buckets?: { _total: number; values?: BucketDocument[] }
}

export interface SearchResult {
  numResults?: number
  people?: PeopleList
  facets?: { _total: number; values?: FacetDocument[] }
}
