import { fail } from '../errors.js'
import type { FieldNode, Selector } from './selector.js'

/**
 * The resources a selector can reach and their fields, as data (docs/spec.md §5.2). A field maps to
 * the resource of its value (for a list, of each item) or to `null` when it has no sub-fields.
 * The order of `fields` is the order a composite field named without a sub-selection renders.
 */
export const RESOURCES = {
  PeopleSearch: { fields: { people: 'Person', 'num-results': null, facets: 'Facet' } },
  Person: {
    fields: {
      id: null,
      'first-name': null,
      'last-name': null,
      headline: null,
      location: 'Location',
      industry: null,
      distance: null,
      'num-connections': null,
      'num-connections-capped': null,
      'num-recommenders': null,
      summary: null,
      specialties: null,
      interests: null,
      honors: null,
      positions: 'Position',
      educations: 'Education',
      skills: 'Skill',
      certifications: 'Certification',
      publications: 'Publication',
      projects: 'Project',
      'picture-url': null,
      'public-profile-url': null,
      'site-standard-profile-request': 'SiteStandardProfileRequest',
      'api-standard-profile-request': 'ApiStandardProfileRequest',
    },
    // The legacy default for `people` (seed 003: "id, first-name, last-name").
    defaults: ['id', 'first-name', 'last-name'],
  },
  Location: { fields: { name: null, country: 'Country', 'postal-code': null } },
  Country: { fields: { code: null } },
  Position: {
    fields: {
      id: null,
      title: null,
      summary: null,
      'start-date': 'Date',
      'end-date': 'Date',
      'is-current': null,
      company: 'Company',
    },
  },
  Company: { fields: { id: null, name: null, industry: null, type: null, size: null, ticker: null } },
  Education: {
    fields: {
      id: null,
      'school-name': null,
      'field-of-study': null,
      'start-date': 'Date',
      'end-date': 'Date',
      degree: null,
      activities: null,
      notes: null,
    },
  },
  Date: { fields: { year: null, month: null } },
  Skill: { fields: { skill: 'SkillName' } },
  SkillName: { fields: { name: null } },
  Certification: {
    fields: { name: null, authority: 'Authority', url: null, 'start-date': 'Date', 'end-date': 'Date' },
  },
  Authority: { fields: { name: null } },
  Publication: { fields: { title: null, publisher: 'Publisher', date: 'Date', url: null, summary: null } },
  Publisher: { fields: { name: null } },
  Project: {
    fields: { name: null, description: null, url: null, 'start-date': 'Date', 'end-date': 'Date' },
  },
  SiteStandardProfileRequest: { fields: { url: null } },
  ApiStandardProfileRequest: { fields: { url: null, headers: 'HttpHeader' } },
  HttpHeader: { fields: { name: null, value: null } },
  Facet: { fields: { code: null, name: null, buckets: 'Bucket' } },
  Bucket: { fields: { code: null, name: null, count: null, selected: null } },
} as const satisfies Record<string, { fields: Record<string, string | null>; defaults?: readonly string[] }>

export type ResourceName = keyof typeof RESOURCES

/** The selector of a search that gives none (docs/spec.md §5.1). */
// num-results first, as docs/spec.md §5.4's example and both recorded documents have it.
export const DEFAULT_SELECTOR: Selector = [{ name: 'num-results' }, { name: 'people' }]

/** The resource of `field`'s value in `resource`: a name, `null` for a plain value, `undefined` if unknown. */
export function fieldResource(resource: ResourceName, field: string): ResourceName | null | undefined {
  const fields: Record<string, ResourceName | null> = RESOURCES[resource].fields
  // hasOwn: a field called `constructor` must not find Object.prototype's.
  return Object.hasOwn(fields, field) ? fields[field] : undefined
}

/**
 * Throws the legacy 400 for the first problem in reading order: an unknown field, a field
 * named twice in one list, or a sub-selection on a field that has none.
 */
export function checkSelector(selector: Selector, resource: ResourceName = 'PeopleSearch'): void {
  const seen = new Set<string>()
  for (const node of selector) {
    const target = fieldResource(resource, node.name)
    if (target === undefined) fail('unknown-field', { field: node.name, resource })
    if (seen.has(node.name)) fail('duplicate-field', { field: node.name, resource })
    seen.add(node.name)
    if (node.children === undefined) continue
    if (target === null) fail('field-without-sub-fields', { field: node.name, resource })
    checkSelector(node.children, target)
  }
}

/**
 * Gives every composite field its default sub-selection, all the way down, so renderers
 * never guess: `people` means `people:(id,first-name,last-name)`, any other composite all of
 * its fields. Unknown fields are kept as they are (`checkSelector` is the judge).
 */
export function expandSelector(selector: Selector, resource: ResourceName = 'PeopleSearch'): Selector {
  return selector.map((node) => {
    const target = fieldResource(resource, node.name)
    if (target == null) return node
    return { name: node.name, children: expandSelector(node.children ?? defaultsOf(target), target) }
  })
}

function defaultsOf(resource: ResourceName): FieldNode[] {
  const schema: { fields: object; defaults?: readonly string[] } = RESOURCES[resource]
  return (schema.defaults ?? Object.keys(schema.fields)).map((name) => ({ name }))
}
