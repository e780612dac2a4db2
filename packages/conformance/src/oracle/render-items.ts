/**
 * docs/spec.md §5.2, the resources inside a person: location, positions and their company,
 * educations, dates, skills and the enrichment items. Each is one `Fields` table in the order the
 * spec lists the resource's fields; a position's or education's dates show only when the viewer may
 * read them (docs/spec.md §1.1 `datesVisibility`, §3.6 "private dates never").
 */
import type {
  Accomplishment,
  CertificationDocument,
  Company,
  CompanyDocument,
  DateDocument,
  Education,
  EducationDocument,
  Location,
  LocationDocument,
  PartialDate,
  Position,
  PositionDocument,
  ProjectDocument,
  PublicationDocument,
  SkillDocument,
} from '@people-search/core'
import { type Selector, select, unlessEmpty } from './render-select.js'
import { isCurrentPosition, mayRead, type Sight } from './visibility.js'

/** `location:(name,country:(code),postal-code)`; the country is the `cc` of the code `cc:N` (§1.1). */
export function location(l: Location, sub: Selector | undefined): LocationDocument | undefined {
  const country = l.code.split(':')[0]
  return unlessEmpty(
    select<LocationDocument>(sub, {
      name: ['name', () => l.name],
      country: [
        'country',
        (s) => unlessEmpty(select<{ code?: string }>(s, { code: ['code', () => country] })),
      ],
      'postal-code': ['postalCode', () => l.postalCode],
    }),
  )
}

/**
 * `positions:(id,title,summary,start-date:(year,month),end-date:(year,month),is-current,company:(…))`.
 * `is-current` is the profile's, else the clock's (§1.1), also when the dates themselves are hidden
 * (§8 "A private date still decides `isCurrent`").
 */
export function position(p: Position, sight: Sight, now: Date, sub: Selector | undefined): PositionDocument {
  const datesShown = mayRead(p.datesVisibility, sight)
  return select<PositionDocument>(sub, {
    id: ['id', () => p.id],
    title: ['title', () => p.title],
    summary: ['summary', () => p.summary],
    'start-date': ['startDate', (s) => (datesShown ? date(p.startDate, s) : undefined)],
    'end-date': ['endDate', (s) => (datesShown ? date(p.endDate, s) : undefined)],
    'is-current': ['isCurrent', () => isCurrentPosition(p, now)],
    company: ['company', (s) => company(p.company, s)],
  })
}

/** `company:(id,name,industry,type,size,ticker)`: only these, whatever else the stored object holds. */
function company(c: Company | undefined, sub: Selector | undefined): CompanyDocument | undefined {
  if (c === undefined) return undefined
  return unlessEmpty(
    select<CompanyDocument>(sub, {
      id: ['id', () => c.id],
      name: ['name', () => c.name],
      industry: ['industry', () => c.industry],
      type: ['type', () => c.type],
      size: ['size', () => c.size],
      ticker: ['ticker', () => c.ticker],
    }),
  )
}

/** `educations:(id,school-name,field-of-study,start-date,end-date,degree,activities,notes)`. */
export function education(e: Education, sight: Sight, sub: Selector | undefined): EducationDocument {
  const datesShown = mayRead(e.datesVisibility, sight)
  return select<EducationDocument>(sub, {
    id: ['id', () => e.id],
    'school-name': ['schoolName', () => e.school?.name],
    'field-of-study': ['fieldOfStudy', () => e.fieldOfStudy],
    'start-date': ['startDate', (s) => (datesShown ? date(e.startDate, s) : undefined)],
    'end-date': ['endDate', (s) => (datesShown ? date(e.endDate, s) : undefined)],
    degree: ['degree', () => e.degree],
    activities: ['activities', () => e.activities],
    notes: ['notes', () => e.notes],
  })
}

/** `(year,month)`: the legacy API shows no day. */
function date(d: PartialDate | undefined, sub: Selector | undefined): DateDocument | undefined {
  if (d === undefined) return undefined
  return unlessEmpty(
    select<DateDocument>(sub, {
      year: ['year', () => d.year],
      month: ['month', () => d.month],
    }),
  )
}

/** A skill, nested as the legacy API has it: `skills:(skill:(name))`. */
export function skill(name: string, sub: Selector | undefined): SkillDocument {
  return select<SkillDocument>(sub, {
    skill: ['skill', (s) => unlessEmpty(select<{ name?: string }>(s, { name: ['name', () => name] }))],
  })
}

// The enrichment items (§1.1: "names/titles, authority/publisher, dates, url") in the project's
// legacy shapes; an item with a name or a title shows whichever it has.

/** `certifications:(name,authority:(name),url,start-date,end-date)`. */
export function certification(a: Accomplishment, sub: Selector | undefined): CertificationDocument {
  return select<CertificationDocument>(sub, {
    name: ['name', () => a.name ?? a.title],
    authority: ['authority', (s) => named(a.authority, s)],
    url: ['url', () => a.url],
    'start-date': ['startDate', (s) => date(a.startDate, s)],
    'end-date': ['endDate', (s) => date(a.endDate, s)],
  })
}

/**
 * `publications:(title,publisher:(name),date,url,summary)`: the date is the start date, the summary
 * the description.
 */
export function publication(a: Accomplishment, sub: Selector | undefined): PublicationDocument {
  return select<PublicationDocument>(sub, {
    title: ['title', () => a.title ?? a.name],
    publisher: ['publisher', (s) => named(a.publisher, s)],
    date: ['date', (s) => date(a.startDate, s)],
    url: ['url', () => a.url],
    summary: ['summary', () => a.description],
  })
}

/** `projects:(name,description,url,start-date,end-date)`. */
export function projectItem(a: Accomplishment, sub: Selector | undefined): ProjectDocument {
  return select<ProjectDocument>(sub, {
    name: ['name', () => a.name ?? a.title],
    description: ['description', () => a.description],
    url: ['url', () => a.url],
    'start-date': ['startDate', (s) => date(a.startDate, s)],
    'end-date': ['endDate', (s) => date(a.endDate, s)],
  })
}

/** An authority or publisher: `(name)`. */
function named(name: string | undefined, sub: Selector | undefined): { name?: string } | undefined {
  if (name === undefined) return undefined
  return unlessEmpty(select<{ name?: string }>(sub, { name: ['name', () => name] }))
}
