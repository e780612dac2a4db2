import { isEntityId } from '../domain/facets.js'

const PAGE = {
  company: /^(?:https?:\/\/)?(?:[a-z]+\.)?linkedin\.com\/company\/([^/?#]+)/i,
  school: /^(?:https?:\/\/)?(?:[a-z]+\.)?linkedin\.com\/school\/([^/?#]+)/i,
}

/**
 * The `company` or `school` id of an organisation page URL: its lower-cased slug, so that two
 * members' items at one organisation share an id (facets and item criteria count by id).
 * `undefined` for anything that is not such a page, or whose slug is no company or school id
 * (`isEntityId`, docs/spec.md §8).
 */
export function organisationId(
  url: string | null | undefined,
  kind: 'company' | 'school',
): string | undefined {
  if (typeof url !== 'string') return undefined
  const match = PAGE[kind].exec(url.trim())
  if (match === null) return undefined
  try {
    const slug = decodeURIComponent(match[1]).toLowerCase()
    // A slug no facet value could select (a comma, edge whitespace, over 1,000 characters) is no id.
    return isEntityId(slug) ? slug : undefined
  } catch {
    return undefined
  }
}
