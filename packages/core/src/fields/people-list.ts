import type { SearchAnswer } from '../query/search-answer.js'
import type { PeopleList, PersonDocument } from '../result.js'

/**
 * The legacy paging keys (docs/spec.md §5.4): `_total` always; `_count` and `_start` unless the page
 * holds every one of the `total` results from position 0; no `values` for an empty page.
 */
export function peopleList(answer: SearchAnswer, values: PersonDocument[]): PeopleList {
  const complete = answer.start === 0 && values.length === answer.total
  const list: PeopleList = complete
    ? { _total: answer.total }
    : { _count: values.length, _start: answer.start, _total: answer.total }
  if (values.length > 0) list.values = values
  return list
}
