import type { ProfileLinks } from '../access/profile-links.js'
import { DEGREE_BY_LETTER, type Degree } from '../domain/degree.js'
import type { Education, Position, Profile, Section } from '../model/profile.js'
import { canSee, itemClass, sectionClass } from '../model/visibility.js'
import type { PersonDocument } from '../result.js'
import { certification, education, position, projectItem, publication } from './person-items.js'
import { type CamelCase, camelCase, project, type Unprojected } from './project.js'
import { expandSelector, type RESOURCES } from './schema.js'
import type { FieldNode } from './selector.js'

/** Who is looking, and what the rendering may add besides the profile itself. */
export interface PersonContext {
  /** The member's degree relative to the viewer (docs/spec.md §3.2). */
  degree: Degree
  /** Show only the public sections, even to a first-degree viewer (a fetch with `:public`, docs/spec.md §9.1). */
  publicOnly?: boolean
  /** The clock (ms since the epoch) that derives `is-current` when a position does not say. */
  now: number
  /** Profile links carrying an access token (docs/spec.md §6.2); without it those two fields are left out. */
  links?: (memberId: string) => ProfileLinks
}

/** What a field's builder may use: the viewer's reach and the links, made at most once. */
interface View {
  first: boolean
  now: number
  links: () => ProfileLinks | undefined
}

/** The largest `num-connections` shown; more sets `num-connections-capped` (docs/spec.md §5.2). */
export const CONNECTIONS_CAP = 500

/**
 * The legacy person document for `fields` (a Person sub-selection; composite fields without
 * one get their defaults): camelCase keys in the selector's order, and nothing this viewer may
 * not see. A field that is absent or hidden has no key; a list with no visible item neither.
 */
export function renderPerson(profile: Profile, fields: FieldNode[], context: PersonContext): PersonDocument {
  let links: ProfileLinks | undefined | null = null
  const view: View = {
    first: context.degree === 'F' && context.publicOnly !== true,
    now: context.now,
    links: () => {
      if (links === null) links = context.links?.(profile.id)
      return links
    },
  }
  const doc: PersonDocument = {}
  for (const node of expandSelector(fields, 'Person')) {
    if (!Object.hasOwn(BUILDERS, node.name)) continue
    const field = node.name as PersonField
    const value = project(BUILDERS[field](profile, view, context.degree), node.children)
    // The one untyped step: the builder of `field` makes an Unprojected<PersonDocument[key]>, and
    // projecting it keeps that type (project.ts), so it is the value of `key`.
    if (value !== undefined) (doc as Record<string, unknown>)[camelCase(field)] = value
  }
  return doc
}

/** The fields of a Person (docs/spec.md §5.2), as the schema and selectors spell them. */
export type PersonField = keyof (typeof RESOURCES)['Person']['fields']

/** The document value of a Person field: `PersonValue<'first-name'>` is `PersonDocument['firstName']`. */
type PersonValue<F extends PersonField> = PersonDocument[CamelCase<F> & keyof PersonDocument]

/**
 * One builder per Person field of the schema, each making that field's document value before
 * projection. A schema field without a document key could only build `undefined`.
 */
type Builders = {
  [F in PersonField]: (
    profile: Profile,
    view: View,
    degree: Degree,
  ) => Unprojected<PersonValue<F>> | undefined
}

const BUILDERS: Builders = {
  id: (p) => p.id,
  'first-name': (p) => p.firstName,
  'last-name': (p) => p.lastName,
  headline: (p, v) => shown(p, 'headline', v, p.headline),
  location: ({ location: l }) =>
    l && { name: l.name, country: { code: l.code.split(':')[0] }, postalCode: l.postalCode },
  // Legacy v1 shows the industry as its name, not as an object.
  industry: (p) => p.industry?.name,
  distance: (_p, _v, degree) => DEGREE_BY_LETTER[degree].distance,
  'num-connections': (p) => Math.min(p.numConnections ?? 0, CONNECTIONS_CAP),
  'num-connections-capped': (p) => (p.numConnections ?? 0) > CONNECTIONS_CAP,
  'num-recommenders': (p) => p.numRecommenders ?? 0,
  summary: (p, v) => shown(p, 'summary', v, p.summary),
  specialties: (p, v) => shown(p, 'specialties', v, p.specialties),
  interests: (p, v) => shown(p, 'interests', v, p.interests),
  honors: (p, v) => shown(p, 'honors', v, p.honors),
  positions: (p, v) => items(p, 'positions', p.positions, v, (x, dates) => position(x, dates, v.now)),
  educations: (p, v) => items(p, 'educations', p.educations, v, education),
  skills: (p, v) => nonEmpty(shown(p, 'skills', v, p.skills)?.map((name) => ({ skill: { name } }))),
  certifications: (p, v) => nonEmpty(shown(p, 'certifications', v, p.certifications)?.map(certification)),
  publications: (p, v) => nonEmpty(shown(p, 'publications', v, p.publications)?.map(publication)),
  projects: (p, v) => nonEmpty(shown(p, 'projects', v, p.projects)?.map(projectItem)),
  'picture-url': (p, v) => shown(p, 'pictureUrl', v, p.pictureUrl),
  'public-profile-url': (p) => p.publicProfileUrl,
  'site-standard-profile-request': (_p, v) => {
    const links = v.links()
    return links && { url: links.siteUrl }
  },
  'api-standard-profile-request': (_p, v) => {
    const links = v.links()
    return links && { url: links.apiUrl, headers: [{ name: 'x-li-auth-token', value: links.authHeader }] }
  },
}

function shown<T>(profile: Profile, section: Section, view: View, value: T): T | undefined {
  return canSee(sectionClass(profile, section), view.first) ? value : undefined
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list !== undefined && list.length > 0 ? list : undefined
}

/** Positions or educations the viewer may see, each told whether its dates are visible too. */
function items<T extends Position | Education, D>(
  profile: Profile,
  section: 'positions' | 'educations',
  list: T[] | undefined,
  view: View,
  build: (item: T, datesShown: boolean) => D,
): D[] | undefined {
  if (list === undefined) return undefined
  const sectionCls = sectionClass(profile, section)
  const out: D[] = []
  for (const item of list) {
    const cls = itemClass(sectionCls, item.visibility)
    if (!canSee(cls, view.first)) continue
    out.push(build(item, canSee(itemClass(cls, item.datesVisibility), view.first)))
  }
  return nonEmpty(out)
}
