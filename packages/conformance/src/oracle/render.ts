/**
 * docs/spec.md §5.4, the legacy JSON document of a search, read literally: the oracle's own
 * renderer, so that a rendering bug of the index (a cap, a key, a hidden section) is a difference
 * the properties see rather than one both sides share. Only the selector's parser is shared.
 */
import type {
  BucketDocument,
  FacetCode,
  FacetDocument,
  PeopleList,
  PersonDocument,
  Profile,
  SearchAnswer,
  SearchResult,
} from '@people-search/core'
import { type PersonView, person } from './render-person.js'
import { legacyList, type Selector, select } from './render-select.js'

export type { PersonView, ProfileLinks } from './render-person.js'
export type { Selector } from './render-select.js'

/**
 * docs/spec.md §5.1: "Without a selector the output is `people:(id,first-name,last-name)` and
 * `num-results`", in the order of §5.4's example.
 */
const DEFAULT_DOCUMENT: Selector = [{ name: 'num-results' }, { name: 'people' }]
const DEFAULT_PERSON: Selector = [{ name: 'id' }, { name: 'first-name' }, { name: 'last-name' }]

/** docs/spec.md §4.2, the facets' names. */
const FACET_NAMES: Record<FacetCode, string> = {
  location: 'Location',
  industry: 'Industry',
  network: 'Relationship',
  language: 'Language',
  'current-company': 'Current Company',
  'past-company': 'Past Company',
  school: 'School',
}

/**
 * The JSON document of `answer` for `selector` (docs/spec.md §5.4): exactly the fields it names, in
 * its order; `facets` only when it names them (§8). `personOf` gives each member on the page its
 * profile and how the viewer sees it. Same contract as core's `renderSearchResult`, read from the
 * spec instead of shared.
 */
export function renderDocument(
  answer: SearchAnswer,
  selector: Selector | undefined,
  personOf: (memberId: string) => { profile: Profile; context: PersonView },
): SearchResult {
  return select<SearchResult>(selector ?? DEFAULT_DOCUMENT, {
    'num-results': ['numResults', () => answer.numResults],
    people: [
      'people',
      (sub) => {
        const people = answer.ids.map((id) => {
          const { profile, context } = personOf(id)
          return person(profile, context, sub ?? DEFAULT_PERSON)
        })
        return peopleList(answer, people)
      },
    ],
    facets: ['facets', (sub) => legacyList(answer.facets.map((facet) => facetDocument(facet, sub)))],
  })
}

/**
 * docs/spec.md §5.4 paging keys: `_total` always; `_count` (people on the page, §8) and `_start`
 * unless the page holds every one of the `total` results from position 0.
 */
function peopleList(answer: SearchAnswer, people: PersonDocument[]): PeopleList {
  const everyone = answer.start === 0 && people.length === answer.total
  const list: PeopleList = everyone
    ? { _total: answer.total }
    : { _count: people.length, _start: answer.start, _total: answer.total }
  if (people.length > 0) list.values = people
  return list
}

/** `facets:(code,name,buckets:(code,name,count,selected))` (docs/spec.md §4.3, §5.4). */
function facetDocument(facet: SearchAnswer['facets'][number], sub: Selector | undefined): FacetDocument {
  return select<FacetDocument>(sub, {
    code: ['code', () => facet.code],
    name: ['name', () => FACET_NAMES[facet.code]],
    buckets: [
      'buckets',
      (s) =>
        legacyList(
          facet.buckets.map((b) =>
            select<BucketDocument>(s, {
              code: ['code', () => b.code],
              name: ['name', () => b.name],
              count: ['count', () => b.count],
              selected: ['selected', () => b.selected],
            }),
          ),
        ),
    ],
  })
}
