// A strict TypeScript consumer of the installed tarballs: it must type-check under both
// NodeNext and bundler resolution, and every `@ts-expect-error` must meet an error.
import {
  PeopleIndex,
  PeopleSearchError,
  type Profile,
  type SearchRequestObject,
  type SearchResult,
} from '@people-search/core'
import { errorToJson, toXml } from '@people-search/xml'

const profiles: Profile[] = [
  { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java developer' },
  { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
]
const index = new PeopleIndex()
index.add(profiles)
index.connect('ann', 'bob')

const request: SearchRequestObject = {
  keywords: 'java',
  facet: ['network,F,S'],
  facets: 'network',
  sort: 'relevance',
}
const result: SearchResult = index.search(request, { viewer: 'bob' })
const firstName: string | undefined = result.people?.values?.[0]?.firstName
const total: number | undefined = result.people?._total

// Never called: these lines are here for the type checker, which must reject both.
export function rejectedByTheTypes(): void {
  // @ts-expect-error a misspelt parameter is a type error
  index.search({ keywrods: 'java' }, { viewer: 'ann' })
  // @ts-expect-error a sort the legacy API does not have
  index.search({ sort: 'newest' }, { viewer: 'ann' })
}

try {
  index.search('/v1/people-search?count=26', { viewer: 'ann' })
} catch (error) {
  if (error instanceof PeopleSearchError) console.log(error.status, errorToJson(error).status)
}
console.log(firstName, total, toXml(result).length > 0)
