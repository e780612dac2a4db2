import {
  base,
  de,
  en,
  en_IN,
  es,
  es_MX,
  Faker,
  fr,
  it,
  ja,
  type LocaleDefinition,
  nl,
  pt_BR,
} from '@faker-js/faker'
import { INDUSTRIES, industryTable } from './industries.js'
import { Rng } from './prng.js'
import { type AliasTable, zipfTable } from './zipf.js'

/**
 * Vocabulary pools, built once per seed with `@faker-js/faker` and then drawn from with the
 * package's own PRNG and Zipf tables (faker calls are far too slow to make a million profiles).
 * Each pool's order is its frequency rank: index 0 is the most common value.
 */

/** Naming cultures; a member's culture follows where it lives (see profiles.ts). */
export const CULTURES = ['en', 'es', 'de', 'fr', 'it', 'pt', 'nl', 'in', 'ja'] as const
export type Culture = (typeof CULTURES)[number]

export interface NamePool {
  readonly first: readonly string[]
  readonly firstTable: AliasTable
  /** The ASCII slug of each first name ('' when there is none, as for kanji). */
  readonly firstSlug: readonly string[]
  readonly last: readonly string[]
  readonly lastTable: AliasTable
  readonly lastSlug: readonly string[]
}

export interface CompanyPool {
  readonly names: readonly string[]
  /** Another way members type the same company ("Torp LLC" → "Torp"); often the same string. */
  readonly variants: readonly string[]
  readonly domains: readonly string[]
  /** A stock ticker for each of the first 100 (the public ones that list one). */
  readonly tickers: readonly string[]
  /** Index into INDUSTRIES. */
  readonly industry: Uint8Array
  /** Global rank table (Zipf–Mandelbrot s = 1, q = 5). */
  readonly table: AliasTable
  /** Per industry: the company indexes of that industry, by rank, and a Zipf table over them. */
  readonly byIndustry: readonly { readonly ids: Uint32Array; readonly table: AliasTable }[]
}

/** A pool drawn partly globally and partly from a window that depends on the member's industry. */
export interface ClusteredPool {
  readonly items: readonly string[]
  readonly table: AliasTable
  /** Start of each industry's window in `items`. */
  readonly windowStart: Uint32Array
  readonly windowTable: AliasTable
}

export interface Pools {
  readonly names: Readonly<Record<Culture, NamePool>>
  readonly companies: CompanyPool
  readonly titles: ClusteredPool
  readonly skills: ClusteredPool
  readonly schools: readonly string[]
  readonly schoolTable: AliasTable
  readonly highSchools: readonly string[]
  readonly catchPhrases: readonly string[]
  readonly buzzPhrases: readonly string[]
  readonly publishers: readonly string[]
  readonly projectNames: readonly string[]
  readonly certifications: readonly { readonly name: string; readonly authority: string }[]
  readonly interests: readonly string[]
  readonly freeEmail: readonly string[]
}

export const POOL_SIZES = { companies: 20_000, titles: 2_000, skills: 1_500, schools: 500 } as const

const cache = new Map<number, Pools>()

/** The pools for a seed (cached: building them takes about a fifth of a second). */
export function pools(seed: number): Pools {
  let found = cache.get(seed)
  if (found === undefined) {
    found = buildPools(seed)
    if (cache.size >= 4) cache.clear()
    cache.set(seed, found)
  }
  return found
}

function buildPools(seed: number): Pools {
  const faker = new Faker({ locale: [en, base] })
  faker.seed(seed)
  const rng = new Rng(seed, 0x9001)
  const companies = companyPool(faker, rng)
  return {
    names: namePools(faker),
    companies,
    titles: clustered(titleWords(faker), POOL_SIZES.titles, COMMON_TITLES.length, 60),
    skills: clustered(skillWords(faker), POOL_SIZES.skills, COMMON_SKILLS.length, 80),
    schools: unique(POOL_SIZES.schools, () => schoolName(faker)),
    schoolTable: zipfTable(POOL_SIZES.schools, 1, 5),
    highSchools: unique(200, () => `${faker.location.city()} High School`),
    catchPhrases: unique(1000, () => faker.company.catchPhrase()),
    buzzPhrases: unique(1000, () => faker.company.buzzPhrase()),
    publishers: [...new Set(words(en, 'book', 'publisher'))],
    projectNames: [...new Set(words(en, 'app', 'name'))],
    certifications: certificationPool(faker, companies.names),
    interests: [...HOBBIES, ...words(en, 'music', 'genre').slice(0, 60)],
    freeEmail: words(en, 'internet', 'free_email'),
  }
}

function namePools(faker: Faker): Record<Culture, NamePool> {
  const firstOf = (...locales: LocaleDefinition[]) =>
    locales.flatMap((l) => [
      ...words(l, 'person', 'first_name', 'generic'),
      ...words(l, 'person', 'first_name', 'female'),
      ...words(l, 'person', 'first_name', 'male'),
    ])
  const lastOf = (...locales: LocaleDefinition[]) =>
    locales.flatMap((l) => words(l, 'person', 'last_name', 'generic'))
  const pool = (first: string[], last: string[]): NamePool => {
    const f = faker.helpers.shuffle([...new Set(first)])
    const l = faker.helpers.shuffle([...new Set(last)])
    return {
      first: f,
      firstTable: zipfTable(f.length, 1, 10),
      firstSlug: f.map(slug),
      last: l,
      lastTable: zipfTable(l.length, 1, 10),
      lastSlug: l.map(slug),
    }
  }
  return {
    en: pool(firstOf(en), lastOf(en)),
    es: pool(firstOf(es, es_MX), lastOf(es, es_MX)),
    de: pool(firstOf(de), lastOf(de)),
    fr: pool(firstOf(fr), lastOf(fr)),
    it: pool(firstOf(it), lastOf(it)),
    pt: pool(firstOf(pt_BR), lastOf(pt_BR)),
    nl: pool(firstOf(nl), lastOf(nl)),
    in: pool(firstOf(en_IN), lastOf(en_IN)),
    ja: pool(firstOf(ja), lastOf(ja)),
  }
}

const LEGAL_SUFFIX = / (Inc|LLC|Group|and Sons)$/

function companyPool(faker: Faker, rng: Rng): CompanyPool {
  const names = unique(POOL_SIZES.companies, () => faker.company.name())
  const industry = new Uint8Array(names.length)
  const members: number[][] = INDUSTRIES.map(() => [])
  for (let c = 0; c < names.length; c++) {
    industry[c] = industryTable.sample(rng)
    members[industry[c]].push(c)
  }
  return {
    names,
    variants: names.map((n) => n.replace(LEGAL_SUFFIX, '')),
    domains: names.map((n) => `${slug(n.replace(LEGAL_SUFFIX, '')).slice(0, 24) || 'company'}.com`),
    tickers: names.slice(0, 100).map((n) =>
      n
        .replace(/[^A-Za-z]/g, '')
        .toUpperCase()
        .slice(0, 4),
    ),
    industry,
    table: zipfTable(names.length, 1, 5),
    byIndustry: members.map((ids) => ({
      ids: Uint32Array.from(ids),
      table: zipfTable(Math.max(1, ids.length), 1, 2),
    })),
  }
}

/** The common items first (they take the top ranks), then faker's, shuffled, up to `size`. */
function clustered(
  words: { common: readonly string[]; generated: string[] },
  size: number,
  commonCount: number,
  window: number,
): ClusteredPool {
  const items = [...new Set([...words.common, ...words.generated])].slice(0, size)
  const tail = items.length - commonCount - window
  const windowStart = new Uint32Array(INDUSTRIES.length)
  // Windows over the long tail, spread so neighbouring industries overlap a little.
  for (let k = 0; k < INDUSTRIES.length; k++) {
    windowStart[k] = commonCount + (tail > 0 ? Math.floor((k * tail) / INDUSTRIES.length) : 0)
  }
  return {
    items,
    table: zipfTable(items.length, 1, 3),
    windowStart,
    windowTable: zipfTable(Math.min(window, items.length - commonCount), 1, 1),
  }
}

function titleWords(faker: Faker): { common: readonly string[]; generated: string[] } {
  const generated = faker.helpers.shuffle(unique(POOL_SIZES.titles, () => faker.person.jobTitle()))
  return { common: COMMON_TITLES, generated }
}

function skillWords(faker: Faker): { common: readonly string[]; generated: string[] } {
  const areas = words(en, 'person', 'job_area')
  const abbreviations = words(base, 'hacker', 'abbreviation')
  const departments = words(en, 'commerce', 'department')
  const generated: string[] = []
  for (const area of areas) {
    for (const suffix of ['Management', 'Strategy', 'Analysis', 'Operations', 'Planning', 'Consulting']) {
      generated.push(`${area} ${suffix}`)
    }
  }
  for (const abbreviation of abbreviations) {
    generated.push(abbreviation, `${abbreviation} Development`, `${abbreviation} Administration`)
  }
  for (const department of departments) generated.push(`${department} Sales`, `${department} Merchandising`)
  for (const adjective of words(en, 'company', 'buzz_adjective')) {
    for (const noun of words(en, 'company', 'buzz_noun').slice(0, 8))
      generated.push(titleCase(`${adjective} ${noun}`))
  }
  for (const adjective of words(en, 'hacker', 'adjective')) {
    for (const noun of words(en, 'hacker', 'noun')) generated.push(titleCase(`${adjective} ${noun}`))
  }
  return { common: COMMON_SKILLS, generated: faker.helpers.shuffle(generated) }
}

function schoolName(faker: Faker): string {
  switch (faker.number.int(7)) {
    case 0:
      return `University of ${faker.location.state()}`
    case 1:
      return `${faker.location.state()} State University`
    case 2:
      return `${faker.location.city()} College`
    case 3:
      return `${faker.person.lastName()} University`
    case 4:
      return `${faker.person.lastName()} College`
    case 5:
      return `${faker.location.city()} Community College`
    case 6:
      return `${faker.person.lastName()} Institute of Technology`
    default:
      return `University of ${faker.location.city()}`
  }
}

function certificationPool(
  faker: Faker,
  companies: readonly string[],
): { name: string; authority: string }[] {
  const made = unique(200, () => `Certified ${faker.person.jobArea()} ${faker.person.jobType()}`).map(
    (name) => ({
      name,
      authority: companies[faker.number.int(199)],
    }),
  )
  return [...COMMON_CERTIFICATIONS, ...made]
}

/** The list of strings at a path of a faker locale definition ([] when the locale has none). */
function words(locale: LocaleDefinition, ...path: string[]): string[] {
  let node: unknown = locale
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return []
    node = (node as Record<string, unknown>)[key]
  }
  return Array.isArray(node) ? node.filter((w): w is string => typeof w === 'string') : []
}

/** `count` distinct values of `make` (gives up adding after 20 × count tries). */
function unique(count: number, make: () => string): string[] {
  const seen = new Set<string>()
  for (let tries = 0; seen.size < count && tries < count * 20; tries++) seen.add(make())
  return [...seen]
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}

/** Lower-case ASCII letters and digits only: `José-Luis` → `joseluis`; '' for a name with none. */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

// The most frequent values are hand-picked so the head of each distribution reads like a real
// member base (the long tail is faker's); they are the words benchmark queries ask for.
const COMMON_TITLES: readonly string[] = [
  'Software Engineer',
  'Project Manager',
  'Owner',
  'Manager',
  'Sales Manager',
  'Consultant',
  'Director',
  'Account Manager',
  'Registered Nurse',
  'Teacher',
  'Administrative Assistant',
  'Senior Software Engineer',
  'President',
  'Business Analyst',
  'Marketing Manager',
  'Account Executive',
  'Vice President',
  'Operations Manager',
  'Customer Service Representative',
  'Product Manager',
  'Engineer',
  'Analyst',
  'Office Manager',
  'Accountant',
  'Data Scientist',
  'Executive Assistant',
  'General Manager',
  'Founder',
  'Chief Executive Officer',
  'Recruiter',
  'Financial Analyst',
  'Program Manager',
  'Graphic Designer',
  'Attorney',
  'Real Estate Agent',
  'Intern',
  'Web Developer',
  'Principal',
  'Professor',
  'Research Assistant',
]

const COMMON_SKILLS: readonly string[] = [
  'Microsoft Office',
  'Management',
  'Customer Service',
  'Microsoft Excel',
  'Leadership',
  'Project Management',
  'Sales',
  'Marketing',
  'Team Leadership',
  'Strategic Planning',
  'Public Speaking',
  'Research',
  'Training',
  'Social Media',
  'Microsoft Word',
  'PowerPoint',
  'Negotiation',
  'Business Development',
  'Event Planning',
  'Customer Relationship Management (CRM)',
  'Java',
  'Python',
  'JavaScript',
  'SQL',
  'C++',
  'C#',
  'HTML',
  'Linux',
  'Software Development',
  'Agile Methodologies',
  'Scrum',
  'Data Analysis',
  'Machine Learning',
  'Cloud Computing',
  'Amazon Web Services (AWS)',
  'Healthcare',
  'Nursing',
  'Teaching',
  'Accounting',
  'Financial Analysis',
  'Budgeting',
  'Real Estate',
  'Recruiting',
  'Human Resources (HR)',
  'Sales Management',
  'Retail',
  'Editing',
  'Writing',
  'Adobe Photoshop',
  'Graphic Design',
  'Operations Management',
  'Process Improvement',
  'Six Sigma',
  'Supply Chain Management',
  'Logistics',
  'AutoCAD',
  'Engineering',
  'Legal Research',
  'Litigation',
  'Hospitality',
  'Food & Beverage',
  'Digital Marketing',
  'Search Engine Optimization (SEO)',
  'Google Analytics',
  'Node.js',
  'React.js',
  'TypeScript',
  'Git',
  'Docker',
  'Kubernetes',
  'Data Science',
  'Statistics',
  'Spanish',
  'Coaching',
  'Fundraising',
  'Nonprofits',
  'Product Management',
  'User Experience (UX)',
]

const COMMON_CERTIFICATIONS: readonly { name: string; authority: string }[] = [
  { name: 'Project Management Professional (PMP)', authority: 'Project Management Institute' },
  { name: 'AWS Certified Solutions Architect – Associate', authority: 'Amazon Web Services (AWS)' },
  { name: 'Certified Public Accountant (CPA)', authority: 'AICPA' },
  { name: 'Certified ScrumMaster (CSM)', authority: 'Scrum Alliance' },
  { name: 'Six Sigma Green Belt', authority: 'ASQ' },
  { name: 'CompTIA Security+', authority: 'CompTIA' },
  { name: 'Cisco Certified Network Associate (CCNA)', authority: 'Cisco' },
  { name: 'Google Analytics Individual Qualification', authority: 'Google' },
  { name: 'Registered Nurse (RN)', authority: 'State Board of Nursing' },
  { name: 'Certified Information Systems Security Professional (CISSP)', authority: '(ISC)²' },
  { name: 'Chartered Financial Analyst (CFA)', authority: 'CFA Institute' },
  { name: 'Microsoft Certified: Azure Fundamentals', authority: 'Microsoft' },
  { name: 'Professional Engineer (PE)', authority: 'NCEES' },
  { name: 'SHRM Certified Professional (SHRM-CP)', authority: 'SHRM' },
  { name: 'Certified Kubernetes Administrator (CKA)', authority: 'The Linux Foundation' },
]

const HOBBIES: readonly string[] = [
  'hiking',
  'photography',
  'travel',
  'cooking',
  'reading',
  'running',
  'cycling',
  'golf',
  'yoga',
  'chess',
  'gardening',
  'skiing',
  'sailing',
  'volunteering',
  'mentoring',
  'open source',
  'board games',
  'soccer',
  'basketball',
  'tennis',
  'wine',
  'coffee',
  'film',
  'painting',
  'woodworking',
]
