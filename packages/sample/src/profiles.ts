import type {
  Accomplishment,
  AccountLevel,
  Company,
  Education,
  PartialDate,
  Position,
  Profile,
  Section,
  Visibility,
} from '@people-search/core'
import type { Context } from './context.js'
import { memberId } from './ids.js'
import { INDUSTRIES, industryTable } from './industries.js'
import { makeLocation } from './locations.js'
import type { ClusteredPool, Culture, Pools } from './pools.js'
import { mix32, type Rng } from './prng.js'

/**
 * Every date in a world is at or before this instant, except the expected graduation of current
 * students (the next year); `updatedAt` falls in the 2 years before it.
 */
export const SAMPLE_EPOCH = '2025-06-01T00:00:00.000Z'
const EPOCH_MS = Date.parse(SAMPLE_EPOCH)
const EPOCH_YEAR = 2025
const EPOCH_MONTH = 6
const TWO_YEARS_MS = 2 * 365.25 * 24 * 3600 * 1000

/**
 * Member `index` of a world. Each member has its own PRNG stream (seed, index), so a member
 * does not depend on the ones before it; the region is the stream's first draw, which the
 * graph and groups repeat to keep connections and groups local.
 */
export function makeProfile(ctx: Context, index: number, rng: Rng): Profile {
  const { pools: p, seed } = ctx
  rng.reseed(seed, index)
  const region = ctx.locations.regions[ctx.locations.table.sample(rng)]
  const location = makeLocation(region, rng)
  const culture = pickCulture(region.country, rng)
  const names = p.names[culture]
  const firstIndex = names.firstTable.sample(rng)
  const lastIndex = names.lastTable.sample(rng)
  const firstName = names.first[firstIndex]
  let lastName = names.last[lastIndex]
  if (culture === 'es' && rng.chance(0.4)) lastName += ` ${names.last[names.lastTable.sample(rng)]}`
  else if (culture === 'en' && rng.chance(0.03)) lastName += `-${names.last[names.lastTable.sample(rng)]}`
  const id = memberId(seed, index)
  const industryIndex = industryTable.sample(rng)
  const industry = INDUSTRIES[industryIndex]

  const yearsOut = Math.floor(42 * rng.float() ** 1.7) // years since the first degree
  const gradYear = EPOCH_YEAR - yearsOut
  const positions = makePositions(p, index, industryIndex, yearsOut, gradYear, rng)
  const educations = makeEducations(p, index, yearsOut, gradYear, rng)
  const skills = makeSkills(p, industryIndex, rng)
  const current = positions[0]

  const profile: Profile = { id, firstName, lastName }
  const headline = makeHeadline(p, current, skills, rng)
  if (headline !== undefined) profile.headline = headline
  const summary = makeSummary(p, current, industry.name, skills, educations, yearsOut, rng)
  if (summary !== undefined) profile.summary = summary
  if (rng.chance(0.12)) profile.specialties = skills.slice(0, 2 + rng.int(4)).join(', ')
  if (rng.chance(0.1)) profile.interests = pickSome(p.interests, 2 + rng.int(3), rng).join(', ')
  if (rng.chance(0.03)) profile.honors = makeHonor(p, gradYear, rng)
  profile.location = location
  profile.industry = { code: industry.code, name: industry.name }
  profile.language = pickLanguage(culture, region.country, rng)
  const expected = ctx.degrees.expected[index]
  // Connections across the whole network, not only inside this world: about 1.6 times the
  // expected in-world degree, with log-normal noise (many under 100, some 500+, a few thousand).
  profile.numConnections = Math.min(30_000, Math.round(expected * 1.6 * Math.exp(0.45 * rng.normal())))
  profile.numRecommenders = rng.chance(0.55) ? 0 : 1 + Math.floor(-Math.log(1 - rng.float()) * 2.5)
  profile.positions = positions
  if (educations.length > 0) profile.educations = educations
  profile.skills = skills
  if (rng.chance(0.1)) profile.certifications = makeCertifications(p, gradYear, rng)
  if (rng.chance(0.06)) profile.projects = makeProjects(p, gradYear, rng)
  if (rng.chance(0.03)) profile.publications = makePublications(p, gradYear, rng)
  const hash = mix32(index ^ mix32(seed))
  if (rng.chance(0.7)) {
    profile.pictureUrl = `https://media.licdn.com/mpr/mpr/shrink_200_200/p/${1 + (hash % 8)}/000/${hex3(hash >>> 3)}/${hex(mix32(hash))}.jpg`
  }
  const first = names.firstSlug[firstIndex]
  const last = names.lastSlug[lastIndex]
  const handle = first !== '' && last !== '' ? `${first}-${last}` : `member-${index.toString(36)}`
  if (rng.chance(0.92))
    profile.publicProfileUrl = `https://www.linkedin.com/in/${handle}-${(hash & 0xffffff).toString(36)}`
  if (rng.chance(0.35)) {
    const domain = rng.chance(0.35) ? companyDomain(p, current) : rng.pick(p.freeEmail)
    const local = first !== '' && last !== '' ? `${first}.${last}` : `member.${index}`
    profile.email = `${local}${rng.chance(0.3) ? rng.int(100) : ''}@${domain}`
  }
  if (rng.chance(0.15)) profile.phone = makePhone(region.country, rng)
  const visibility = makeVisibility(profile, rng)
  if (visibility !== undefined) profile.visibility = visibility
  const level = pickAccountLevel(rng)
  if (level !== undefined) profile.accountLevel = level
  profile.updatedAt = new Date(EPOCH_MS - Math.floor(rng.float() * TWO_YEARS_MS)).toISOString()
  return profile
}

// Culture mixes per country (weights); the member's names come from the culture's pool.
const CULTURE_MIX: Record<string, readonly (readonly [Culture, number])[]> = {
  us: [
    ['en', 76],
    ['es', 11],
    ['in', 5],
    ['it', 2],
    ['de', 2],
    ['fr', 1],
    ['nl', 1],
    ['ja', 1],
    ['pt', 1],
  ],
  gb: [
    ['en', 84],
    ['in', 9],
    ['fr', 2],
    ['de', 2],
    ['it', 2],
    ['es', 1],
  ],
  ca: [
    ['en', 68],
    ['fr', 20],
    ['in', 8],
    ['es', 2],
    ['ja', 2],
  ],
  de: [
    ['de', 88],
    ['en', 5],
    ['it', 4],
    ['fr', 3],
  ],
  fr: [
    ['fr', 88],
    ['en', 5],
    ['it', 4],
    ['es', 3],
  ],
  in: [
    ['in', 97],
    ['en', 3],
  ],
}

function pickCulture(country: string, rng: Rng): Culture {
  const mix = CULTURE_MIX[country] ?? CULTURE_MIX.us
  let total = 0
  for (const [, w] of mix) total += w
  let u = rng.float() * total
  for (const [culture, w] of mix) {
    u -= w
    if (u < 0) return culture
  }
  return mix[0][0]
}

/** [native locale, share speaking it at home, share speaking it abroad]; everyone else en_US. */
const LANGUAGES: Record<Culture, readonly [string, number, number, string?]> = {
  en: ['en_US', 1, 1],
  es: ['es_ES', 0.4, 0.4],
  de: ['de_DE', 0.8, 0.25, 'de'],
  fr: ['fr_FR', 0.75, 0.2, 'fr'],
  it: ['it_IT', 0.4, 0.4],
  pt: ['pt_BR', 0.5, 0.5],
  nl: ['nl_NL', 0.5, 0.5],
  in: ['en_US', 1, 1],
  ja: ['ja_JP', 0.7, 0.7],
}

function pickLanguage(culture: Culture, country: string, rng: Rng): string {
  const [native, home, abroad, homeCountry] = LANGUAGES[culture]
  const atHome = homeCountry === country || (culture === 'fr' && country === 'ca')
  return rng.chance(atHome ? home : abroad) ? native : 'en_US'
}

const COMPANY_SIZES = [
  '1-10',
  '11-50',
  '51-200',
  '201-500',
  '501-1000',
  '1001-5000',
  '5001-10,000',
  '10,001+',
]
const SIZE_RANK_LIMITS = [16_000, 11_000, 6_000, 3_000, 1_000, 200, 20]

function companySize(rank: number): string {
  let k = 0
  while (k < SIZE_RANK_LIMITS.length && rank < SIZE_RANK_LIMITS[k]) k++
  return COMPANY_SIZES[k]
}

/** A company of the pool: 70% from the member's industry, 30% from anywhere. */
function pickCompany(p: Pools, industryIndex: number, rng: Rng): number {
  const own = p.companies.byIndustry[industryIndex]
  if (own.ids.length > 0 && rng.chance(0.7)) return own.ids[own.table.sample(rng)]
  return p.companies.table.sample(rng)
}

function makeCompany(p: Pools, c: number, rng: Rng): Company {
  const u = rng.float()
  const companies = p.companies
  // 3% typed by hand with no company page (no id); 3% under another spelling of its name.
  if (u < 0.03) return { name: companies.names[c] }
  const company: Company = {
    id: 1000 + c,
    name: u < 0.06 ? companies.variants[c] : companies.names[c],
    industry: INDUSTRIES[companies.industry[c]].name,
    type: c < 300 ? 'Public Company' : 'Privately Held',
    size: companySize(c),
  }
  if (c < 100) company.ticker = companies.tickers[c]
  return company
}

function drawClustered(pool: ClusteredPool, industryIndex: number, globalShare: number, rng: Rng): string {
  if (rng.chance(globalShare)) return pool.items[pool.table.sample(rng)]
  return pool.items[pool.windowStart[industryIndex] + pool.windowTable.sample(rng)]
}

const SIDE_TITLES = ['Founder', 'Co-Founder', 'Board Member', 'Advisor', 'Volunteer', 'Mentor', 'Owner']
const POSITION_COUNT_WEIGHTS = [30, 28, 20, 13, 9]

function makePositions(
  p: Pools,
  index: number,
  industryIndex: number,
  yearsOut: number,
  gradYear: number,
  rng: Rng,
): Position[] {
  let count = 1 + weighted(POSITION_COUNT_WEIGHTS, rng)
  count = Math.min(count, 1 + Math.floor(yearsOut / 2))
  const side = count >= 2 && rng.chance(0.15)
  const main = side ? count - 1 : count
  // The career runs from the summer after the first degree to the epoch, in months.
  const end = EPOCH_YEAR * 12 + EPOCH_MONTH - 1
  const start = Math.min(end - 1, gradYear * 12 + 5 + rng.int(4))
  const span = Math.max(1, end - start)
  const cuts: number[] = []
  for (let k = 1; k < main; k++) cuts.push(start + Math.floor(rng.float() * span))
  cuts.sort((a, b) => a - b)
  const positions: Position[] = []
  // Newest first, as profiles list them.
  let stop = end
  for (let k = main - 1; k >= 0; k--) {
    const from = k === 0 ? start : cuts[k - 1]
    const c = pickCompany(p, industryIndex, rng)
    const position: Position = {
      id: index * 8 + positions.length + 1,
      title: drawClustered(p.titles, industryIndex, 0.45, rng),
      company: makeCompany(p, c, rng),
    }
    if (rng.chance(0.2)) position.summary = makePositionSummary(p, rng)
    const yearOnly = rng.chance(0.1)
    position.startDate = partialDate(Math.min(from, stop), yearOnly)
    if (k === main - 1) {
      if (rng.chance(0.4)) position.isCurrent = true
    } else {
      // A gap of 0–3 months before the next job.
      const last = Math.max(from, stop - rng.int(4))
      position.endDate = partialDate(last, yearOnly)
      if (rng.chance(0.2)) position.isCurrent = false
    }
    const v = rng.float()
    if (v < 0.01) position.visibility = 'private'
    else if (v < 0.015) position.datesVisibility = 'private'
    positions.push(position)
    stop = from - 1
  }
  if (side) {
    const c = p.companies.table.sample(rng)
    const since = end - rng.int(Math.min(span, 60))
    positions.splice(1, 0, {
      id: index * 8 + 6,
      title: rng.pick(SIDE_TITLES),
      company: makeCompany(p, c, rng),
      startDate: partialDate(since, false),
    })
  }
  return positions
}

/** A month number (year · 12 + month − 1) as a partial date. */
function partialDate(monthNumber: number, yearOnly: boolean): PartialDate {
  const year = Math.floor(monthNumber / 12)
  return yearOnly ? { year } : { year, month: (monthNumber % 12) + 1 }
}

const EDUCATION_COUNT_WEIGHTS = [12, 50, 30, 8]
const BACHELORS = [
  'Bachelor of Science (BS)',
  'Bachelor of Arts (BA)',
  'Bachelor of Science (BS)',
  "Associate's degree",
]
const GRADUATE = [
  'Master of Business Administration (MBA)',
  'Master of Science (MS)',
  'Master of Science (MS)',
  'Master of Arts (MA)',
  'Doctor of Philosophy (PhD)',
  'Juris Doctor (JD)',
  'Doctor of Medicine (MD)',
  'Certificate',
]
const FIELDS = [
  'Computer Science',
  'Business Administration and Management',
  'Economics',
  'Psychology',
  'Nursing',
  'Electrical Engineering',
  'Mechanical Engineering',
  'Accounting',
  'Finance',
  'Marketing',
  'Communications',
  'English Language and Literature',
  'Political Science',
  'Biology',
  'Mathematics',
  'Information Technology',
  'Education',
  'History',
  'Chemistry',
  'Physics',
  'Graphic Design',
  'Law',
  'Sociology',
  'Civil Engineering',
  'Statistics',
  'Journalism',
  'International Relations',
  'Public Health',
  'Architecture',
  'Music',
]

function makeEducations(p: Pools, index: number, yearsOut: number, gradYear: number, rng: Rng): Education[] {
  const count = weighted(EDUCATION_COUNT_WEIGHTS, rng)
  const educations: Education[] = []
  if (count === 0) return educations
  const field = FIELDS[Math.floor(FIELDS.length * rng.float() ** 1.5)]
  const student = yearsOut === 0 && rng.chance(0.5)
  const first: Education = {
    id: index * 4 + 1,
    school: pickSchool(p, rng),
    degree: BACHELORS[rng.int(BACHELORS.length)],
    fieldOfStudy: field,
  }
  if (rng.chance(0.9)) {
    first.startDate = { year: gradYear - 4 }
    if (student) first.endDate = { year: EPOCH_YEAR + 1 }
    else first.endDate = { year: gradYear }
  }
  if (rng.chance(0.1)) first.activities = pickSome(p.interests, 2, rng).join(', ')
  educations.push(first)
  if (count >= 2 && yearsOut >= 2) {
    const from = Math.min(EPOCH_YEAR - 2, gradYear + 1 + rng.int(Math.min(yearsOut - 1, 8)))
    const degree = GRADUATE[Math.floor(GRADUATE.length * rng.float() ** 1.3)]
    const graduate: Education = {
      id: index * 4 + 2,
      school: pickSchool(p, rng),
      degree,
      fieldOfStudy: rng.chance(0.6) ? field : FIELDS[rng.int(FIELDS.length)],
    }
    if (rng.chance(0.9)) {
      graduate.startDate = { year: from }
      graduate.endDate = { year: Math.min(EPOCH_YEAR, from + (degree.includes('PhD') ? 5 : 2)) }
    }
    if (rng.chance(0.03)) graduate.notes = rng.pick(p.catchPhrases)
    educations.unshift(graduate)
  }
  if (count >= 3) {
    const h = rng.int(p.highSchools.length)
    educations.push({
      id: index * 4 + 3,
      school: { id: 60_000 + h, name: p.highSchools[h] },
      degree: 'High School Diploma',
      startDate: { year: gradYear - 8 },
      endDate: { year: gradYear - 4 },
    })
  }
  if (rng.chance(0.01)) educations[0].visibility = 'private'
  return educations
}

function pickSchool(p: Pools, rng: Rng): { id: number; name?: string } {
  const s = p.schoolTable.sample(rng)
  // A few schools are typed without a name the index knows (docs/spec.md §1.1 allows a missing name).
  if (rng.chance(0.005)) return { id: 50_000 + s }
  return { id: 50_000 + s, name: p.schools[s] }
}

function makeSkills(p: Pools, industryIndex: number, rng: Rng): string[] {
  const count = 3 + Math.floor(13 * rng.float() ** 1.3)
  const skills: string[] = []
  for (let tries = 0; skills.length < count && tries < count * 3; tries++) {
    const skill = drawClustered(p.skills, industryIndex, 0.4, rng)
    if (!skills.includes(skill)) skills.push(skill)
  }
  return skills
}

function makeHeadline(p: Pools, current: Position, skills: string[], rng: Rng): string | undefined {
  const u = rng.float()
  if (u < 0.8) return current.company.name ? `${current.title} at ${current.company.name}` : current.title
  if (u < 0.88) return `${current.title} | ${skills[0]} | ${skills[1] ?? skills[0]}`
  if (u < 0.93) return rng.pick(p.catchPhrases)
  return undefined
}

function makeSummary(
  p: Pools,
  current: Position,
  industry: string,
  skills: string[],
  educations: Education[],
  yearsOut: number,
  rng: Rng,
): string | undefined {
  const sentences = weighted([25, 30, 25, 20], rng)
  if (sentences === 0) return undefined
  const parts: string[] = []
  for (let k = 0; k < sentences; k++) {
    switch (rng.int(7)) {
      case 0:
        parts.push(
          `Experienced ${current.title} with a demonstrated history of working in the ${industry.toLowerCase()} industry.`,
        )
        break
      case 1:
        parts.push(`Skilled in ${skills[0]}, ${skills[1 % skills.length]}, and ${skills[2 % skills.length]}.`)
        break
      case 2: {
        const education = educations.find((e) => e.school.name !== undefined && e.fieldOfStudy !== undefined)
        if (education) {
          parts.push(
            `Strong professional with a ${education.degree} focused in ${education.fieldOfStudy} from ${education.school.name}.`,
          )
        } else {
          parts.push(`Passionate about ${rng.pick(p.buzzPhrases)}.`)
        }
        break
      }
      case 3:
        parts.push(`Passionate about ${rng.pick(p.buzzPhrases)}.`)
        break
      case 4:
        parts.push(`${rng.pick(p.catchPhrases)}.`)
        break
      case 5:
        parts.push(`Currently helping ${current.company.name ?? 'my team'} ${rng.pick(p.buzzPhrases)}.`)
        break
      default:
        parts.push(`Over ${Math.max(1, yearsOut)} years of experience in ${skills[rng.int(skills.length)]}.`)
    }
  }
  return parts.join(' ')
}

function makePositionSummary(p: Pools, rng: Rng): string {
  const phrase = rng.pick(p.buzzPhrases)
  return rng.chance(0.5)
    ? `Responsible for teams that ${phrase}.`
    : `${phrase[0].toUpperCase()}${phrase.slice(1)}; ${rng.pick(p.catchPhrases).toLowerCase()}.`
}

function makeHonor(p: Pools, gradYear: number, rng: Rng): string {
  switch (rng.int(3)) {
    case 0:
      return `Dean's List, ${gradYear}`
    case 1:
      return `Employee of the Year ${Math.min(EPOCH_YEAR, gradYear + 1 + rng.int(Math.max(1, EPOCH_YEAR - gradYear)))}`
    default:
      return `${rng.pick(p.catchPhrases)} Award`
  }
}

function makeCertifications(p: Pools, gradYear: number, rng: Rng): Accomplishment[] {
  const n = 1 + weighted([60, 30, 10], rng)
  const items: Accomplishment[] = []
  for (let k = 0; k < n; k++) {
    const cert = p.certifications[Math.floor(p.certifications.length * rng.float() ** 2.5)]
    if (items.some((c) => c.name === cert.name)) continue
    items.push({
      name: cert.name,
      authority: cert.authority,
      startDate: dateSince(gradYear, true, rng),
    })
  }
  return items
}

function makeProjects(p: Pools, gradYear: number, rng: Rng): Accomplishment[] {
  const n = 1 + weighted([70, 30], rng)
  const items: Accomplishment[] = []
  for (let k = 0; k < n; k++) {
    const name = rng.pick(p.projectNames)
    items.push({
      name,
      description: `${rng.pick(p.catchPhrases)}.`,
      url: `https://github.com/example/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      startDate: dateSince(gradYear, false, rng),
    })
  }
  return items
}

function makePublications(p: Pools, gradYear: number, rng: Rng): Accomplishment[] {
  const n = 1 + weighted([50, 30, 20], rng)
  const items: Accomplishment[] = []
  for (let k = 0; k < n; k++) {
    const phrase = rng.pick(p.catchPhrases)
    items.push({
      title: `${phrase}: ${rng.pick(p.buzzPhrases)}`,
      publisher: rng.pick(p.publishers),
      startDate: dateSince(gradYear, true, rng),
    })
  }
  return items
}

/** A date from the start of `gradYear` up to the epoch, uniformly. */
function dateSince(gradYear: number, withMonth: boolean, rng: Rng): PartialDate {
  const from = gradYear * 12
  const to = EPOCH_YEAR * 12 + EPOCH_MONTH - 1
  return partialDate(from + rng.int(Math.max(1, to - from + 1)), !withMonth)
}

const CALLING_CODES: Record<string, string> = {
  us: '+1',
  ca: '+1',
  gb: '+44',
  de: '+49',
  fr: '+33',
  in: '+91',
}

function makePhone(country: string, rng: Rng): string {
  const digits = (n: number) => {
    let s = ''
    for (let k = 0; k < n; k++) s += rng.int(10)
    return s
  }
  if (country === 'us' || country === 'ca')
    return `(${2 + rng.int(8)}${digits(2)}) ${2 + rng.int(8)}${digits(2)}-${digits(4)}`
  return `${CALLING_CODES[country] ?? '+1'} ${1 + rng.int(9)}${digits(2)} ${digits(3)} ${digits(4)}`
}

function companyDomain(p: Pools, current: Position): string {
  const id = current.company.id
  return typeof id === 'number' ? p.companies.domains[id - 1000] : 'example.com'
}

type VisibilityMap = Partial<Record<Section, Visibility>>

/**
 * About 5% of a member's sections are for connections only and 1% private, chosen at random;
 * contact data is mostly connections-only, as on the real site.
 */
function makeVisibility(profile: Profile, rng: Rng): VisibilityMap | undefined {
  // Plain property reads (not a loop over keys), which stay fast over a million profiles.
  let map: VisibilityMap | undefined
  map = restrict(map, profile.headline, 'headline', 0.06, rng)
  map = restrict(map, profile.summary, 'summary', 0.06, rng)
  map = restrict(map, profile.specialties, 'specialties', 0.06, rng)
  map = restrict(map, profile.interests, 'interests', 0.06, rng)
  map = restrict(map, profile.honors, 'honors', 0.06, rng)
  map = restrict(map, profile.positions, 'positions', 0.06, rng)
  map = restrict(map, profile.educations, 'educations', 0.06, rng)
  map = restrict(map, profile.skills, 'skills', 0.06, rng)
  map = restrict(map, profile.certifications, 'certifications', 0.06, rng)
  map = restrict(map, profile.projects, 'projects', 0.06, rng)
  map = restrict(map, profile.publications, 'publications', 0.06, rng)
  map = restrict(map, profile.pictureUrl, 'pictureUrl', 0.06, rng)
  map = restrict(map, profile.email, 'email', 0.7, rng)
  map = restrict(map, profile.phone, 'phone', 0.7, rng)
  return map
}

/** With probability `share` a present section is restricted: private for one in seven of those, else connections. */
function restrict(
  map: VisibilityMap | undefined,
  value: unknown,
  section: Section,
  share: number,
  rng: Rng,
): VisibilityMap | undefined {
  if (value === undefined) return map
  const u = rng.float()
  if (u >= share) return map
  const result = map ?? {}
  result[section] = u < share / 7 ? 'private' : 'connections'
  return result
}

function pickAccountLevel(rng: Rng): AccountLevel | undefined {
  const u = rng.float()
  if (u < 0.425) return undefined // the default, basic
  if (u < 0.85) return 'basic'
  if (u < 0.94) return 'business'
  if (u < 0.98) return 'business-plus'
  return 'executive'
}

/** An index drawn with the given relative weights. */
function weighted(weights: readonly number[], rng: Rng): number {
  let total = 0
  for (const w of weights) total += w
  let u = rng.float() * total
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k]
    if (u < 0) return k
  }
  return weights.length - 1
}

function pickSome(items: readonly string[], n: number, rng: Rng): string[] {
  const chosen: string[] = []
  for (let tries = 0; chosen.length < n && tries < n * 4; tries++) {
    const item = rng.pick(items)
    if (!chosen.includes(item)) chosen.push(item)
  }
  return chosen
}

function hex(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0')
}

function hex3(x: number): string {
  return (x & 0xfff).toString(16).padStart(3, '0')
}
