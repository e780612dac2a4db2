import { FACET_BY_CODE } from '../domain/facets.js'
import type { Profile } from '../model/profile.js'
import type { SearchAnswer } from '../query/search-answer.js'
import type { FacetDocument, LegacyList, SearchResult } from '../result.js'
import { peopleList } from './people-list.js'
import { project, type Unprojected } from './project.js'
import { type PersonContext, renderPerson } from './render-person.js'
import { DEFAULT_SELECTOR, expandSelector } from './schema.js'
import type { Selector } from './selector.js'

/**
 * The legacy JSON document of a search (docs/spec.md §5.4) with exactly what `selector` names, in its
 * order; without a selector `(people:(id,first-name,last-name),num-results)`. Histograms
 * appear only when the selector names `facets` (docs/spec.md §8). `personContext` gives each member
 * on the page its profile and how the viewer sees it.
 */
export function renderSearchResult(
  answer: SearchAnswer,
  selector: Selector | undefined,
  personContext: (memberId: string) => { profile: Profile; context: PersonContext },
): SearchResult {
  const result: SearchResult = {}
  for (const node of expandSelector(selector ?? DEFAULT_SELECTOR)) {
    if (node.name === 'num-results') result.numResults = answer.numResults
    else if (node.name === 'people') {
      const fields = node.children ?? []
      const people = answer.ids.map((id) => {
        const { profile, context } = personContext(id)
        return renderPerson(profile, fields, context)
      })
      result.people = peopleList(answer, people)
    } else if (node.name === 'facets') {
      const facets: Unprojected<FacetDocument>[] = answer.facets.map(({ code, buckets }) => ({
        code,
        name: FACET_BY_CODE[code].name,
        buckets,
      }))
      result.facets = project<LegacyList<FacetDocument>>(facets, node.children)
    }
  }
  return result
}
