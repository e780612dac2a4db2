// What the state tests share: temporary state directories, a service clock they move by hand,
// profiles, a model index built from writes with plain core calls, and the comparison of two
// indexes by their answers (searches, profile fetches and lookups for several viewers).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PeopleIndex, type Profile } from '@people-search/core'
import { expect } from 'vitest'
import { DurableIndex, type DurableIndexOptions, type StateWarning } from '../../src/state/durable-index.js'
import type { Write } from '../../src/state/write.js'

export const SECRET = 'durable-index-tests-secret-of-32-bytes!'
/** When the tests ask their questions: every write happened before it. */
export const ASKED_AT = Date.UTC(2030, 0, 15)
const YEAR = 365 * 24 * 3600 * 1000

/** A service clock the test moves; writes start 15 years before `ASKED_AT`, so lookups' 10-year window matters. */
export class TestClock {
  time = ASKED_AT - 15 * YEAR
  readonly now = (): number => this.time
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'people-search-state-'))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

export interface Opened {
  durable: DurableIndex
  warnings: StateWarning[]
}

/** Opens `dir` as the service would, with `clock` as the service clock. */
export async function openState(
  dir: string,
  clock: TestClock,
  extra: Partial<DurableIndexOptions> = {},
): Promise<Opened> {
  const warnings: StateWarning[] = []
  const durable = await DurableIndex.open({
    dir,
    create: (now) => new PeopleIndex({ now, secret: SECRET }),
    load: (path, now) => PeopleIndex.load(path, { now, secret: SECRET }),
    now: clock.now,
    onWarning: (warning) => warnings.push(warning),
    ...extra,
  })
  return { durable, warnings }
}

/**
 * The fresh index built from acknowledged writes: each applied with plain core calls, with the
 * index clock at the time the write was made.
 */
export class ModelIndex {
  /** The index clock outside writes: when the test asks its questions. */
  askedAt = ASKED_AT
  private applying: number | undefined
  readonly index = new PeopleIndex({ now: () => new Date(this.applying ?? this.askedAt), secret: SECRET })

  constructor(seed: readonly Profile[] = [], seededAt = 0) {
    if (seed.length > 0) this.at(seededAt, () => this.index.add(seed))
  }

  private at(time: number, run: () => void): void {
    this.applying = time
    try {
      run()
    } finally {
      this.applying = undefined
    }
  }

  apply(write: Write, at: number): void {
    const index = this.index
    this.at(at, () => {
      switch (write.op) {
        case 'add':
          index.add(write.profiles as Profile[])
          break
        case 'remove':
          index.remove(write.id)
          break
        case 'connect':
          for (const [a, b] of write.pairs) index.connect(a, b)
          break
        case 'disconnect':
          for (const [a, b] of write.pairs) index.disconnect(a, b)
          break
        case 'join':
          for (const [a, g] of write.pairs) index.joinGroup(a, g)
          break
        case 'leave':
          for (const [a, g] of write.pairs) index.leaveGroup(a, g)
      }
    })
  }
}

const WORDS = ['java', 'rust', 'scala', 'kotlin', 'go', 'haskell']
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella']

/** A valid profile of member `id`; `variant` picks its words, company and whether its dates are given. */
export function profileOf(id: string, variant: number): Profile {
  const company = COMPANIES[variant % COMPANIES.length]
  const dated = variant % 3 !== 0
  return {
    id,
    firstName: ['Ann', 'Bob', 'Cy', 'Di'][variant % 4],
    lastName: `Lee${variant % 5}`,
    headline: `${WORDS[variant % WORDS.length]} developer ${variant}`,
    publicProfileUrl: `https://www.linkedin.com/in/${id}`,
    numConnections: variant % 7,
    positions: [
      {
        title: 'Engineer',
        company: { name: company },
        ...(dated ? { startDate: { year: 2000 + (variant % 20), month: 1 + (variant % 12) } } : {}),
      },
    ],
    educations: [{ school: variant % 4 === 0 ? {} : { name: 'MIT' }, degree: 'BSc' }],
    ...(variant % 5 === 0 ? { visibility: { headline: 'connections' as const } } : {}),
  }
}

/** A profile that §1.1 refuses (a negative count). */
export function invalidProfileOf(id: string): Profile {
  return { id, firstName: 'Bad', lastName: 'Count', numConnections: -1 }
}

const SELECTOR =
  ':(people:(id,first-name,last-name,headline,distance,positions,api-standard-profile-request),num-results,facets:(code,buckets:(code,name,count)))'
const REQUESTS = [
  `/v1/people-search${SELECTOR}?keywords=developer&facets=network,current-company&count=25`,
  `/v1/people-search${SELECTOR}?keywords=java&facet=network,F,S&facets=network`,
  '/v1/people-search?last-name=lee1&sort=connections&count=25',
  '/v1/people-search?company-name=acme&current-company=true&count=25',
]

type Outcome = { ok: unknown } | { error: string }

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: run() }
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) }
  }
}

async function asyncOutcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: await run() }
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) }
  }
}

/**
 * Asserts that `actual` answers as `expected` does: searches, profile fetches and lookups, for
 * every viewer among `ids` (known or not), errors by their code.
 */
export async function expectSameAnswers(actual: PeopleIndex, expected: PeopleIndex, ids: readonly string[]) {
  expect(actual.size).toBe(expected.size)
  for (const viewer of ids) {
    for (const request of REQUESTS) {
      expect(
        outcome(() => actual.search(request, { viewer })),
        `${request} for ${viewer}`,
      ).toEqual(outcome(() => expected.search(request, { viewer })))
    }
    for (const member of ids) {
      expect(
        outcome(() => actual.getPerson(member, { viewer })),
        `${member} for ${viewer}`,
      ).toEqual(outcome(() => expected.getPerson(member, { viewer })))
    }
    const profile_url = `https://www.linkedin.com/in/${viewer}`
    // The second one answers only when the stored copy was added at most 29 days ago (§6.1).
    for (const lookup of [
      { profile_url },
      { profile_url, use_cache: 'if-recent', fallback_to_cache: 'never' } as const,
    ]) {
      expect(await asyncOutcome(() => actual.lookupProfile(lookup)), `lookup of ${viewer}`).toEqual(
        await asyncOutcome(() => expected.lookupProfile(lookup)),
      )
    }
  }
}

/** Every answer `expectSameAnswers` compares, in one value: for telling which of two states an index is in. */
export async function answersOf(index: PeopleIndex, ids: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [index.size]
  for (const viewer of ids) {
    for (const request of REQUESTS) out.push(outcome(() => index.search(request, { viewer })))
    for (const member of ids) out.push(outcome(() => index.getPerson(member, { viewer })))
    const profile_url = `https://www.linkedin.com/in/${viewer}`
    out.push(await asyncOutcome(() => index.lookupProfile({ profile_url })))
    out.push(
      await asyncOutcome(() =>
        index.lookupProfile({ profile_url, use_cache: 'if-recent', fallback_to_cache: 'never' }),
      ),
    )
  }
  return out
}
