import countries from 'i18n-iso-countries'
import { fail } from '../errors.js'
import { isCurrentPosition } from '../model/current.js'
import type { Accomplishment, Education, PartialDate, Position, Profile, Section } from '../model/profile.js'
import { isPlainObject } from '../model/validate-fields.js'
import { validateProfile } from '../model/validate-profile.js'
import { itemClass, PUBLIC, sectionClass, type VisibilityClass } from '../model/visibility.js'
import { isProfileSlug, memberIdOfSlug, PROFILE_URL_PREFIX, profileSlug } from './profile-url.js'

/**
 * The Person Profile document of seed `000_…` (docs/spec.md §1.3, §6.1): the snake_case shape of
 * `fixtures/person-profile/johnrmarty.json`. `null` means "not public", never "empty".
 */
export interface PersonProfileDocument {
  public_identifier: string
  profile_pic_url: string | null
  background_cover_image_url: string | null
  first_name: string | null
  last_name: string | null
  full_name: string | null
  follower_count: number | null
  occupation: string | null
  headline: string | null
  summary: string | null
  /** ISO 3166-1 alpha-2, upper case (`US`). */
  country: string | null
  country_full_name: string | null
  city: string | null
  state: string | null
  experiences: PersonExperience[] | null
  education: PersonEducation[] | null
  languages: string[] | null
  accomplishment_organisations: PersonOrganisation[] | null
  /** Enrichment `publications`: absent when excluded. */
  accomplishment_publications?: PersonPublication[] | null
  accomplishment_honors_awards: PersonHonourAward[] | null
  accomplishment_patents: PersonPatent[] | null
  accomplishment_courses: PersonCourse[] | null
  /** Enrichment `projects`: absent when excluded. */
  accomplishment_projects?: PersonProject[] | null
  accomplishment_test_scores: PersonTestScore[] | null
  volunteer_work: PersonVolunteerWork[] | null
  /** Enrichment `certifications`: absent when excluded. */
  certifications?: PersonCertification[] | null
  connections: number | null
  people_also_viewed: PersonAlsoViewed[] | null
  recommendations: string[] | null
  activities: PersonActivity[] | null
  similarly_named_profiles: PersonSimilarProfile[] | null
  articles: PersonArticle[] | null
  groups: PersonGroup[] | null
  /** Enrichment `skills`: absent when excluded. */
  skills?: string[] | null
  /** `null` when the member's email is not public (seed: "Connections only" → null). */
  personal_emails?: string[] | null
  personal_numbers?: string[] | null
}

/** `{ day, month, year }`; a partial date has `null` day or month. */
export interface ProfileDate {
  day: number | null
  month: number | null
  year: number
}

export interface PersonExperience {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  company: string | null
  company_linkedin_profile_url: string | null
  company_facebook_profile_url?: string | null
  title: string | null
  description: string | null
  location: string | null
  logo_url: string | null
}

export interface PersonEducation {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  field_of_study: string | null
  degree_name: string | null
  school: string | null
  school_linkedin_profile_url: string | null
  description: string | null
  logo_url: string | null
  grade: string | null
  activities_and_societies: string | null
}

export interface PersonCertification {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  name: string | null
  license_number: string | null
  display_source: string | null
  authority: string | null
  url: string | null
}

export interface PersonProject {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  title: string | null
  description: string | null
  url: string | null
}

export interface PersonPublication {
  name: string | null
  publisher: string | null
  published_on: ProfileDate | null
  description: string | null
  url: string | null
}

export interface PersonOrganisation {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  org_name: string | null
  title: string | null
  description: string | null
}

export interface PersonHonourAward {
  title: string | null
  issuer: string | null
  issued_on: ProfileDate | null
  description: string | null
}

export interface PersonPatent {
  title: string | null
  issuer: string | null
  issued_on: ProfileDate | null
  description: string | null
  application_number: string | null
  patent_number: string | null
  url: string | null
}

export interface PersonCourse {
  name: string | null
  number: string | null
}

export interface PersonTestScore {
  name: string | null
  score: string | null
  date_on: ProfileDate | null
  description: string | null
}

export interface PersonVolunteerWork {
  starts_at: ProfileDate | null
  ends_at: ProfileDate | null
  title: string | null
  cause: string | null
  company: string | null
  company_linkedin_profile_url: string | null
  description: string | null
  logo_url: string | null
}

export interface PersonAlsoViewed {
  link: string | null
  name: string | null
  summary: string | null
  location: string | null
}

export interface PersonActivity {
  title: string | null
  link: string | null
  activity_status: string | null
}

export interface PersonSimilarProfile {
  name: string | null
  link: string | null
  summary: string | null
  location: string | null
}

export interface PersonArticle {
  title: string | null
  link: string | null
  published_date: ProfileDate | null
  author: string | null
  image_url: string | null
}

export interface PersonGroup {
  profile_pic_url: string | null
  name: string | null
  url: string | null
}

/** The optional enrichments of docs/spec.md §6.1 and the document field each one fills. */
export const ENRICHMENTS = {
  certifications: 'certifications',
  projects: 'accomplishment_projects',
  publications: 'accomplishment_publications',
  skills: 'skills',
} as const
export type Enrichment = keyof typeof ENRICHMENTS

/**
 * Document fields that no profile field holds. `fromPersonProfile` keeps them, as given, under
 * the profile's `personProfile` key (the index ignores unknown keys and snapshots keep them),
 * and `toPersonProfile` gives them back.
 */
export const EXTRA_FIELDS = [
  'background_cover_image_url',
  'full_name',
  'follower_count',
  'occupation',
  'country_full_name',
  'city',
  'state',
  'languages',
  'accomplishment_organisations',
  'accomplishment_honors_awards',
  'accomplishment_patents',
  'accomplishment_courses',
  'accomplishment_test_scores',
  'volunteer_work',
  'people_also_viewed',
  'recommendations',
  'activities',
  'similarly_named_profiles',
  'articles',
  'groups',
  'personal_emails',
  'personal_numbers',
] as const satisfies readonly (keyof PersonProfileDocument)[]
type ExtraField = (typeof EXTRA_FIELDS)[number]

export type PersonProfileExtras = Partial<Pick<PersonProfileDocument, ExtraField>>
export type ExperienceExtras = Partial<
  Pick<
    PersonExperience,
    'company_linkedin_profile_url' | 'company_facebook_profile_url' | 'location' | 'logo_url'
  >
>
export type EducationExtras = Partial<
  Pick<PersonEducation, 'school_linkedin_profile_url' | 'logo_url' | 'grade'>
>
export type CertificationExtras = Partial<Pick<PersonCertification, 'license_number' | 'display_source'>>

/** A profile made from a Person Profile document: the document-only fields ride along. */
export interface PersonProfileProfile extends Profile {
  personProfile?: PersonProfileExtras
  positions?: (Position & { personProfile?: ExperienceExtras })[]
  educations?: (Education & { personProfile?: EducationExtras })[]
  certifications?: (Accomplishment & { personProfile?: CertificationExtras })[]
}

export interface ToPersonProfileOptions {
  /** Which enrichments the document carries; an excluded one has no key. Default: all. */
  enrichments?: Partial<Record<Enrichment, boolean>>
  /** The clock (ms) that decides which position is current for a derived `occupation`. */
  now?: number
}

// ---------------------------------------------------------------------------------------------
// Document → profile

/**
 * The profile of a Person Profile document: id from `public_identifier` ({@link memberIdOfSlug}),
 * `publicProfileUrl` `https://www.linkedin.com/in/<public_identifier>`. A `null` scalar is an
 * absent field; a `null` list (experiences, education, skills, certifications, projects,
 * publications, personal emails or numbers) is a `private` section, so that it stays `null`
 * on the way back. Throws 400 `invalidProfile` naming the document field that is wrong.
 */
export function fromPersonProfile(document: PersonProfileDocument): PersonProfileProfile {
  const doc: DocReader = reader(document)
  const slug = doc.raw.public_identifier
  if (!isProfileSlug(slug)) doc.problem('public_identifier', 'must be a profile slug', slug)
  const firstName = doc.text('first_name')
  const lastName = doc.text('last_name')
  if (firstName === undefined || firstName.trim() === '')
    doc.problem('first_name', 'must be a name', firstName)
  if (lastName === undefined || lastName.trim() === '') doc.problem('last_name', 'must be a name', lastName)

  const profile: PersonProfileProfile = {
    id: memberIdOfSlug(slug),
    firstName,
    lastName,
    publicProfileUrl: PROFILE_URL_PREFIX + encodeURIComponent(slug.normalize('NFC')),
  }
  const visibility: NonNullable<Profile['visibility']> = {}
  const hide = (section: Section) => {
    visibility[section] = 'private'
  }
  setIf(profile, 'headline', doc.text('headline'))
  setIf(profile, 'summary', doc.text('summary'))
  setIf(profile, 'pictureUrl', doc.text('profile_pic_url'))
  const location = locationOf(doc)
  if (location !== undefined) profile.location = location
  setIf(profile, 'numConnections', doc.count('connections'))

  const experiences = doc.list('experiences', experienceOf)
  if (experiences === null) hide('positions')
  else if (experiences !== undefined) profile.positions = experiences
  const education = doc.list('education', educationOf)
  if (education === null) hide('educations')
  else if (education !== undefined) profile.educations = education
  const skills = doc.list('skills', (item, path) => {
    if (typeof item !== 'string') doc.problem(path, 'must be a string', item)
    return item
  })
  if (skills === null) hide('skills')
  else if (skills !== undefined) profile.skills = skills
  const certifications = doc.list('certifications', certificationOf)
  if (certifications === null) hide('certifications')
  else if (certifications !== undefined) profile.certifications = certifications
  const projects = doc.list('accomplishment_projects', projectOf)
  if (projects === null) hide('projects')
  else if (projects !== undefined) profile.projects = projects
  const publications = doc.list('accomplishment_publications', publicationOf)
  if (publications === null) hide('publications')
  else if (publications !== undefined) profile.publications = publications

  const emails = doc.list('personal_emails', (item, path) => doc.textItem(item, path))
  if (emails === null) hide('email')
  else if (emails !== undefined && emails.length > 0) profile.email = emails[0]
  const numbers = doc.list('personal_numbers', (item, path) => doc.textItem(item, path))
  if (numbers === null) hide('phone')
  else if (numbers !== undefined && numbers.length > 0) profile.phone = numbers[0]
  const recommendations = doc.raw.recommendations
  if (Array.isArray(recommendations)) profile.numRecommenders = recommendations.length

  const extras: PersonProfileExtras = {}
  for (const key of EXTRA_FIELDS) {
    const value = doc.raw[key]
    if (value === undefined) continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      doc.problem(key, 'must be a value or a list', value)
    ;(extras as Record<string, unknown>)[key] = value
  }
  profile.personProfile = extras
  if (Object.keys(visibility).length > 0) profile.visibility = visibility
  try {
    validateProfile(profile, `(public_identifier "${slug}")`)
  } catch (error) {
    doc.problem('', `converts to an invalid profile: ${(error as Error).message}`, undefined)
  }
  return profile
}

type Read<T> = (item: unknown, path: string) => T

interface DocReader {
  raw: Record<string, unknown>
  problem(path: string, expected: string, value: unknown): never
  text(key: string): string | undefined
  count(key: string): number | undefined
  textItem(value: unknown, path: string): string
  list<T>(key: string, read: Read<T>): T[] | null | undefined
}

function reader(document: unknown): DocReader {
  if (!isPlainObject(document)) fail('invalidProfile', 'Invalid Person Profile document: must be an object')
  const raw = document
  const label =
    typeof raw.public_identifier === 'string' ? ` (public_identifier "${raw.public_identifier}")` : ''
  const problem: DocReader['problem'] = (path, expected, value) => {
    const got = value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 60)})`
    fail(
      'invalidProfile',
      `Invalid Person Profile document${label}: ${path}${path ? ' ' : ''}${expected}${got}`,
    )
  }
  const textItem: DocReader['textItem'] = (value, path) => {
    if (typeof value !== 'string') problem(path, 'must be a string', value)
    return value
  }
  return {
    raw,
    problem,
    textItem,
    text(key) {
      const value = raw[key]
      if (value === undefined || value === null) return undefined
      if (typeof value !== 'string') problem(key, 'must be a string or null', value)
      return value
    },
    count(key) {
      const value = raw[key]
      if (value === undefined || value === null) return undefined
      if (!Number.isSafeInteger(value) || (value as number) < 0) problem(key, 'must be an integer ≥ 0', value)
      return value as number
    },
    list<T>(key: string, read: Read<T>): T[] | null | undefined {
      const value = raw[key]
      if (value === undefined || value === null) return value
      if (!Array.isArray(value)) problem(key, 'must be a list or null', value)
      return value.map((item, i) => read(item, `${key}[${i}]`))
    },
  }
}

/** The fields of one list item, read with paths for the messages. */
function itemReader(item: unknown, path: string) {
  if (!isPlainObject(item))
    fail('invalidProfile', `Invalid Person Profile document: ${path} must be an object`)
  const bad: (key: string, expected: string, value: unknown) => never = (key, expected, value) =>
    fail(
      'invalidProfile',
      `Invalid Person Profile document: ${path}.${key} ${expected} (got ${JSON.stringify(value)?.slice(0, 60)})`,
    )
  return {
    item,
    text(key: string): string | undefined {
      const value = item[key]
      if (value === undefined || value === null) return undefined
      if (typeof value !== 'string') bad(key, 'must be a string or null', value)
      return value
    },
    /** The value as given when the key is there (kept verbatim as an extra). */
    extra(key: string): string | null | undefined {
      const value = item[key]
      if (value === undefined || value === null) return value
      if (typeof value !== 'string') bad(key, 'must be a string or null', value)
      return value
    },
    date(key: string): PartialDate | undefined {
      const value = item[key]
      if (value === undefined || value === null) return undefined
      if (!isPlainObject(value)) bad(key, 'must be a date {day, month, year} or null', value)
      const { year, month, day } = value
      if (!inRange(year, 9999)) bad(`${key}.year`, 'must be an integer from 1 to 9999', year)
      const date: PartialDate = { year: year as number }
      if (month !== undefined && month !== null) {
        if (!inRange(month, 12)) bad(`${key}.month`, 'must be an integer from 1 to 12 or null', month)
        date.month = month as number
      }
      if (day !== undefined && day !== null) {
        if (!inRange(day, 31)) bad(`${key}.day`, 'must be an integer from 1 to 31 or null', day)
        date.day = day as number
      }
      return date
    },
  }
}

function inRange(value: unknown, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
}

function setIf<K extends keyof Profile>(profile: Profile, key: K, value: Profile[K] | undefined): void {
  if (value !== undefined) profile[key] = value
}

function setExtra<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (value !== undefined) (target as Record<string, unknown>)[key as string] = value
}

function locationOf(doc: DocReader): Profile['location'] {
  const country = doc.text('country')
  if (country === undefined) return undefined
  if (!/^[A-Za-z]{2}$/.test(country) || !countries.isValid(country.toUpperCase()))
    doc.problem('country', 'must be an ISO 3166-1 alpha-2 country code', country)
  const code = country.toLowerCase()
  const countryName = doc.text('country_full_name') ?? countries.getName(code.toUpperCase(), 'en') ?? country
  const name = [doc.text('city'), doc.text('state'), countryName].filter((part) => part).join(', ')
  return { name, code: `${code}:0` }
}

/** `company`/`school` id of an organisation page URL: its lower-cased slug. */
function pageId(url: string | null | undefined, kind: 'company' | 'school'): string | undefined {
  if (typeof url !== 'string') return undefined
  const match = new RegExp(`^(?:https?://)?(?:[a-z]+\\.)?linkedin\\.com/${kind}/([^/?#]+)`, 'i').exec(
    url.trim(),
  )
  if (match === null) return undefined
  try {
    const slug = decodeURIComponent(match[1]).toLowerCase()
    return slug === '' ? undefined : slug
  } catch {
    return undefined
  }
}

function experienceOf(value: unknown, path: string): Position & { personProfile?: ExperienceExtras } {
  const r = itemReader(value, path)
  const extras: ExperienceExtras = {}
  setExtra(extras, 'company_linkedin_profile_url', r.extra('company_linkedin_profile_url'))
  setExtra(extras, 'company_facebook_profile_url', r.extra('company_facebook_profile_url'))
  setExtra(extras, 'location', r.extra('location'))
  setExtra(extras, 'logo_url', r.extra('logo_url'))
  const company: Position['company'] = {}
  const companyId = pageId(extras.company_linkedin_profile_url, 'company')
  if (companyId !== undefined) company.id = companyId
  setExtra(company, 'name', r.text('company'))
  const position: Position & { personProfile?: ExperienceExtras } = { company }
  setExtra(position, 'title', r.text('title'))
  setExtra(position, 'summary', r.text('description'))
  setExtra(position, 'startDate', r.date('starts_at'))
  setExtra(position, 'endDate', r.date('ends_at'))
  position.personProfile = extras
  return position
}

function educationOf(value: unknown, path: string): Education & { personProfile?: EducationExtras } {
  const r = itemReader(value, path)
  const extras: EducationExtras = {}
  setExtra(extras, 'school_linkedin_profile_url', r.extra('school_linkedin_profile_url'))
  setExtra(extras, 'logo_url', r.extra('logo_url'))
  setExtra(extras, 'grade', r.extra('grade'))
  const school: Education['school'] = {}
  const schoolId = pageId(extras.school_linkedin_profile_url, 'school')
  if (schoolId !== undefined) school.id = schoolId
  setExtra(school, 'name', r.text('school'))
  const education: Education & { personProfile?: EducationExtras } = { school }
  setExtra(education, 'degree', r.text('degree_name'))
  setExtra(education, 'fieldOfStudy', r.text('field_of_study'))
  setExtra(education, 'activities', r.text('activities_and_societies'))
  setExtra(education, 'notes', r.text('description'))
  setExtra(education, 'startDate', r.date('starts_at'))
  setExtra(education, 'endDate', r.date('ends_at'))
  education.personProfile = extras
  return education
}

function certificationOf(
  value: unknown,
  path: string,
): Accomplishment & { personProfile?: CertificationExtras } {
  const r = itemReader(value, path)
  const extras: CertificationExtras = {}
  setExtra(extras, 'license_number', r.extra('license_number'))
  setExtra(extras, 'display_source', r.extra('display_source'))
  const item: Accomplishment & { personProfile?: CertificationExtras } = {}
  setExtra(item, 'name', r.text('name'))
  setExtra(item, 'authority', r.text('authority'))
  setExtra(item, 'url', r.text('url'))
  setExtra(item, 'startDate', r.date('starts_at'))
  setExtra(item, 'endDate', r.date('ends_at'))
  item.personProfile = extras
  return item
}

function projectOf(value: unknown, path: string): Accomplishment {
  const r = itemReader(value, path)
  const item: Accomplishment = {}
  setExtra(item, 'title', r.text('title'))
  setExtra(item, 'description', r.text('description'))
  setExtra(item, 'url', r.text('url'))
  setExtra(item, 'startDate', r.date('starts_at'))
  setExtra(item, 'endDate', r.date('ends_at'))
  return item
}

function publicationOf(value: unknown, path: string): Accomplishment {
  const r = itemReader(value, path)
  const item: Accomplishment = {}
  setExtra(item, 'name', r.text('name'))
  setExtra(item, 'publisher', r.text('publisher'))
  setExtra(item, 'description', r.text('description'))
  setExtra(item, 'url', r.text('url'))
  setExtra(item, 'startDate', r.date('published_on'))
  return item
}

// ---------------------------------------------------------------------------------------------
// Profile → document

/**
 * The public Person Profile document of a profile: every field present, `null` where the
 * profile holds nothing public (a `connections` or `private` section, a hidden item's dates,
 * a missing value); a list section that is public but absent is `[]`. Private positions and
 * educations are left out. Only the enrichments asked for have a key (default: all four).
 */
export function toPersonProfile(
  profile: Profile,
  options: ToPersonProfileOptions = {},
): PersonProfileDocument {
  const p = profile as PersonProfileProfile
  const extras: Record<string, unknown> = isPlainObject(p.personProfile) ? p.personProfile : {}
  const include = (e: Enrichment) => options.enrichments?.[e] ?? true
  const isPublic = (section: Section) => sectionClass(p, section) === PUBLIC
  const extraValue = <T>(key: ExtraField, fallback: T): T => {
    const value = extras[key]
    return value === undefined ? fallback : (value as T)
  }
  const extraList = <T>(key: ExtraField): T[] | null => {
    const value = extras[key]
    return value === null || Array.isArray(value) ? (value as T[] | null) : []
  }
  const country = p.location?.code.slice(0, p.location.code.indexOf(':')).toUpperCase()

  const doc: PersonProfileDocument = {
    public_identifier: publicIdentifier(p),
    profile_pic_url: isPublic('pictureUrl') ? (p.pictureUrl ?? null) : null,
    background_cover_image_url: extraValue('background_cover_image_url', null),
    first_name: p.firstName,
    last_name: p.lastName,
    full_name: extraValue('full_name', `${p.firstName} ${p.lastName}`),
    follower_count: extraValue('follower_count', null),
    // As the document gave it; else derived from the first public current position.
    occupation: extraValue('occupation', occupationOf(p, options.now ?? Date.now())),
    headline: isPublic('headline') ? (p.headline ?? null) : null,
    summary: isPublic('summary') ? (p.summary ?? null) : null,
    country: country ?? null,
    country_full_name: extraValue(
      'country_full_name',
      country === undefined ? null : (countries.getName(country, 'en') ?? null),
    ),
    city: extraValue('city', null),
    state: extraValue('state', null),
    experiences: items(p, 'positions', p.positions, experienceDoc),
    education: items(p, 'educations', p.educations, educationDoc),
    languages: extraList('languages'),
    accomplishment_organisations: extraList('accomplishment_organisations'),
    accomplishment_honors_awards: isPublic('honors') ? extraList('accomplishment_honors_awards') : null,
    accomplishment_patents: extraList('accomplishment_patents'),
    accomplishment_courses: extraList('accomplishment_courses'),
    accomplishment_test_scores: extraList('accomplishment_test_scores'),
    volunteer_work: extraList('volunteer_work'),
    connections: p.numConnections ?? null,
    people_also_viewed: extraList('people_also_viewed'),
    recommendations: extraList('recommendations'),
    activities: extraList('activities'),
    similarly_named_profiles: extraList('similarly_named_profiles'),
    articles: extraList('articles'),
    groups: extraList('groups'),
    personal_emails: isPublic('email') ? contactList(extras.personal_emails, p.email) : null,
    personal_numbers: isPublic('phone') ? contactList(extras.personal_numbers, p.phone) : null,
  }
  // The enrichments sit where the fixture has them.
  const ordered: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    ordered[key] = value
    if (key === 'accomplishment_organisations' && include('publications'))
      ordered.accomplishment_publications = isPublic('publications')
        ? (p.publications ?? []).map(publicationDoc)
        : null
    if (key === 'accomplishment_courses' && include('projects'))
      ordered.accomplishment_projects = isPublic('projects') ? (p.projects ?? []).map(projectDoc) : null
    if (key === 'volunteer_work' && include('certifications'))
      ordered.certifications = isPublic('certifications')
        ? (p.certifications ?? []).map(certificationDoc)
        : null
    if (key === 'groups' && include('skills'))
      ordered.skills = isPublic('skills') ? [...(p.skills ?? [])] : null
  }
  return ordered as unknown as PersonProfileDocument
}

/** The slug of `publicProfileUrl` as written, else the member id. */
function publicIdentifier(p: Profile): string {
  if (p.publicProfileUrl !== undefined) {
    try {
      return profileSlug(p.publicProfileUrl)
    } catch {
      // Not a public profile URL: fall back to the id.
    }
  }
  return p.id
}

/** "Title at Company" of the first public current position (the fixture's `occupation`). */
function occupationOf(p: Profile, now: number): string | null {
  const section = sectionClass(p, 'positions')
  for (const position of p.positions ?? []) {
    if (itemClass(section, position.visibility) !== PUBLIC || !isCurrentPosition(position, now)) continue
    if (position.title === undefined) continue
    const company = position.company?.name
    return company === undefined ? position.title : `${position.title} at ${company}`
  }
  return null
}

function contactList(extra: unknown, value: string | undefined): string[] {
  // The full list as the document gave it, as long as the profile still holds its first entry.
  if (Array.isArray(extra) && (extra.length === 0 ? value === undefined : extra[0] === value))
    return [...extra]
  return value === undefined ? [] : [value]
}

/** The public items of a positions/educations section: `null` when the section is not public. */
function items<T extends Position | Education, D>(
  p: Profile,
  section: 'positions' | 'educations',
  list: T[] | undefined,
  build: (item: T, datesShown: boolean) => D,
): D[] | null {
  const cls = sectionClass(p, section)
  if (cls !== PUBLIC) return null
  const out: D[] = []
  for (const item of list ?? []) {
    const own: VisibilityClass = itemClass(cls, item.visibility)
    if (own !== PUBLIC) continue
    out.push(build(item, itemClass(own, item.datesVisibility) === PUBLIC))
  }
  return out
}

function dateDoc(date: PartialDate | undefined): ProfileDate | null {
  return date === undefined ? null : { day: date.day ?? null, month: date.month ?? null, year: date.year }
}

function extrasOf<T>(item: object): Partial<T> {
  const extras = (item as { personProfile?: unknown }).personProfile
  return isPlainObject(extras) ? (extras as Partial<T>) : {}
}

function experienceDoc(position: Position, datesShown: boolean): PersonExperience {
  const extras = extrasOf<ExperienceExtras>(position)
  const doc: PersonExperience = {
    starts_at: datesShown ? dateDoc(position.startDate) : null,
    ends_at: datesShown ? dateDoc(position.endDate) : null,
    company: position.company?.name ?? null,
    company_linkedin_profile_url: extras.company_linkedin_profile_url ?? null,
    title: position.title ?? null,
    description: position.summary ?? null,
    location: extras.location ?? null,
    logo_url: extras.logo_url ?? null,
  }
  if (extras.company_facebook_profile_url !== undefined)
    return withKeyAfter(
      doc,
      'company_linkedin_profile_url',
      'company_facebook_profile_url',
      extras.company_facebook_profile_url,
    )
  return doc
}

function withKeyAfter<T extends object>(doc: T, after: keyof T, key: string, value: unknown): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc)) {
    out[k] = v
    if (k === after) out[key] = value
  }
  return out as T
}

function educationDoc(education: Education, datesShown: boolean): PersonEducation {
  const extras = extrasOf<EducationExtras>(education)
  return {
    starts_at: datesShown ? dateDoc(education.startDate) : null,
    ends_at: datesShown ? dateDoc(education.endDate) : null,
    field_of_study: education.fieldOfStudy ?? null,
    degree_name: education.degree ?? null,
    school: education.school?.name ?? null,
    school_linkedin_profile_url: extras.school_linkedin_profile_url ?? null,
    description: education.notes ?? null,
    logo_url: extras.logo_url ?? null,
    grade: extras.grade ?? null,
    activities_and_societies: education.activities ?? null,
  }
}

function certificationDoc(item: Accomplishment): PersonCertification {
  const extras = extrasOf<CertificationExtras>(item)
  return {
    starts_at: dateDoc(item.startDate),
    ends_at: dateDoc(item.endDate),
    name: item.name ?? item.title ?? null,
    license_number: extras.license_number ?? null,
    display_source: extras.display_source ?? null,
    authority: item.authority ?? null,
    url: item.url ?? null,
  }
}

function projectDoc(item: Accomplishment): PersonProject {
  return {
    starts_at: dateDoc(item.startDate),
    ends_at: dateDoc(item.endDate),
    title: item.title ?? item.name ?? null,
    description: item.description ?? null,
    url: item.url ?? null,
  }
}

function publicationDoc(item: Accomplishment): PersonPublication {
  return {
    name: item.name ?? item.title ?? null,
    publisher: item.publisher ?? null,
    published_on: dateDoc(item.startDate),
    description: item.description ?? null,
    url: item.url ?? null,
  }
}
