import countries from 'i18n-iso-countries'
import { LOCATION_CODE } from '../domain/facets.js'
import { SECTIONS } from './profile.js'
import { eachItem, inside, problem } from './profile-problem.js'
import {
  isCount,
  isVisibility,
  optionalBoolean,
  optionalDate,
  optionalEntityId,
  optionalId,
  optionalString,
  optionalVisibility,
  plainObject,
  requiredString,
} from './validate-fields.js'

const SECTION_NAMES: ReadonlySet<string> = new Set(SECTIONS)

export function checkLocation(value: unknown): void {
  const location = plainObject(value, '')
  requiredString(location.name, 'name')
  const code = location.code
  // The shape of a location facet bucket (docs/spec.md §4.2), so a member's code can be filtered on.
  if (typeof code !== 'string' || !LOCATION_CODE.test(code)) {
    problem('code', 'must be a location code cc:N', code)
  }
  if (!countries.isValid(code.slice(0, 2).toUpperCase())) problem('code', 'has a bad country code', code)
  optionalString(location.postalCode, 'postalCode')
  const { lat, lon } = location
  if ((lat === undefined) !== (lon === undefined)) {
    if (lat === undefined) problem('lat', 'must be given together with lon', lat)
    problem('lon', 'must be given together with lat', lon)
  }
  if (lat !== undefined) coordinate(lat, 'lat', 90)
  if (lon !== undefined) coordinate(lon, 'lon', 180)
}

function coordinate(value: unknown, path: string, limit: number): void {
  if (typeof value !== 'number' || !(Math.abs(value) <= limit)) {
    problem(path, `must be a number from -${limit} to ${limit}`, value)
  }
}

export function checkIndustry(value: unknown): void {
  const industry = plainObject(value, '')
  if (!isCount(industry.code)) problem('code', 'must be an integer ≥ 0', industry.code)
  requiredString(industry.name, 'name')
}

export function checkPositions(value: unknown): void {
  eachItem(value, checkPosition)
}

function checkPosition(value: unknown): void {
  const position = plainObject(value, '')
  optionalId(position.id, 'id')
  optionalString(position.title, 'title')
  optionalString(position.summary, 'summary')
  inside('company', position.company, checkCompany)
  checkItemCommons(position)
}

function checkCompany(value: unknown): void {
  const company = plainObject(value, '')
  optionalEntityId(company.id, 'id')
  optionalString(company.name, 'name')
  optionalString(company.industry, 'industry')
  optionalString(company.type, 'type')
  optionalString(company.size, 'size')
  optionalString(company.ticker, 'ticker')
}

export function checkEducations(value: unknown): void {
  eachItem(value, checkEducation)
}

function checkEducation(value: unknown): void {
  const education = plainObject(value, '')
  optionalId(education.id, 'id')
  inside('school', education.school, checkSchool)
  optionalString(education.degree, 'degree')
  optionalString(education.fieldOfStudy, 'fieldOfStudy')
  optionalString(education.activities, 'activities')
  optionalString(education.notes, 'notes')
  checkItemCommons(education)
}

function checkSchool(value: unknown): void {
  const school = plainObject(value, '')
  optionalEntityId(school.id, 'id')
  optionalString(school.name, 'name')
}

/** Dates, currency and visibility, shared by positions and educations. */
function checkItemCommons(item: Record<string, unknown>): void {
  optionalDate(item.startDate, 'startDate')
  optionalDate(item.endDate, 'endDate')
  optionalBoolean(item.isCurrent, 'isCurrent')
  optionalVisibility(item.visibility, 'visibility')
  optionalVisibility(item.datesVisibility, 'datesVisibility')
}

export function checkSkills(value: unknown): void {
  eachItem(value, checkSkill)
}

function checkSkill(value: unknown): void {
  if (typeof value !== 'string') problem('', 'must be a string', value)
}

export function checkAccomplishments(value: unknown): void {
  eachItem(value, checkAccomplishment)
}

function checkAccomplishment(value: unknown): void {
  const item = plainObject(value, '')
  optionalString(item.name, 'name')
  optionalString(item.title, 'title')
  optionalString(item.authority, 'authority')
  optionalString(item.publisher, 'publisher')
  optionalString(item.description, 'description')
  optionalString(item.url, 'url')
  optionalDate(item.startDate, 'startDate')
  optionalDate(item.endDate, 'endDate')
}

export function checkVisibilityMap(value: unknown): void {
  const map = plainObject(value, '')
  for (const section in map) {
    if (!Object.hasOwn(map, section)) continue
    const setting = map[section]
    if (!SECTION_NAMES.has(section)) problem(section, 'is not a section that can carry a visibility', setting)
    if (!isVisibility(setting)) {
      problem(section, 'has an unknown visibility value, expected public, connections or private', setting)
    }
  }
}
