/**
 * Full legacy documents of one position, education or enrichment item, keyed by camelCase
 * field names; `project` then keeps what the selector names. Missing values stay `undefined`
 * so that their keys are dropped.
 */

import { isCurrentPosition } from '../model/current.js'
import type { Accomplishment, Education, PartialDate, Position } from '../model/profile.js'
import type {
  CertificationDocument,
  DateDocument,
  EducationDocument,
  PositionDocument,
  ProjectDocument,
  PublicationDocument,
} from '../result.js'
import type { Unprojected } from './project.js'

function date(d: PartialDate | undefined): DateDocument | undefined {
  return d && { year: d.year, month: d.month }
}

export function position(p: Position, datesShown: boolean, now: number): Unprojected<PositionDocument> {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    startDate: datesShown ? date(p.startDate) : undefined,
    endDate: datesShown ? date(p.endDate) : undefined,
    // A private date still decides `isCurrent` (docs/spec.md §8); only its display is hidden.
    isCurrent: isCurrentPosition(p, now),
    // Copied field by field: the stored object may hold more than the Company resource shows.
    company: p.company && {
      id: p.company.id,
      name: p.company.name,
      industry: p.company.industry,
      type: p.company.type,
      size: p.company.size,
      ticker: p.company.ticker,
    },
  }
}

export function education(e: Education, datesShown: boolean): Unprojected<EducationDocument> {
  return {
    id: e.id,
    schoolName: e.school?.name,
    fieldOfStudy: e.fieldOfStudy,
    startDate: datesShown ? date(e.startDate) : undefined,
    endDate: datesShown ? date(e.endDate) : undefined,
    degree: e.degree,
    activities: e.activities,
    notes: e.notes,
  }
}

// Enrichment items carry a name or a title; each legacy resource shows whichever it has.
export function certification(a: Accomplishment): Unprojected<CertificationDocument> {
  const authority = a.authority === undefined ? undefined : { name: a.authority }
  const name = a.name ?? a.title
  return { name, authority, url: a.url, startDate: date(a.startDate), endDate: date(a.endDate) }
}

export function publication(a: Accomplishment): Unprojected<PublicationDocument> {
  const publisher = a.publisher === undefined ? undefined : { name: a.publisher }
  const title = a.title ?? a.name
  return { title, publisher, date: date(a.startDate), url: a.url, summary: a.description }
}

export function projectItem(a: Accomplishment): Unprojected<ProjectDocument> {
  const name = a.name ?? a.title
  return {
    name,
    description: a.description,
    url: a.url,
    startDate: date(a.startDate),
    endDate: date(a.endDate),
  }
}
