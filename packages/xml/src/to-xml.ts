import type { PersonDocument, SearchResult } from '@people-search/core'
import { buildDocument } from './build-document.js'
import { elementTree } from './element-tree.js'

/**
 * The legacy XML of a search (docs/spec.md §5.3): `<people-search>` holding the document's fields in
 * its key order, lists as `<people total="…" count="…" start="…"><person>…</person></people>`.
 *
 * @example
 * toXml({ numResults: 0, people: { _total: 0 } })
 * // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
 * // <people-search>
 * //   <num-results>0</num-results>
 * //   <people total="0"></people>
 * // </people-search>
 */
export function toXml(result: SearchResult): string {
  return buildDocument('people-search', elementTree(result, 'result'))
}

/**
 * The legacy XML of one person, as `getPerson` returns it (`/v1/people/<id>:full`): a
 * `<person>` root holding the fields in the document's key order.
 */
export function personToXml(person: PersonDocument): string {
  return buildDocument('person', elementTree(person, 'person'))
}
