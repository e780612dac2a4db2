import { ErrorDetail, fail } from '../errors.js'
import { isMemberId } from './member-id.js'
import { copyProfile, type OwnedProfile } from './own-profile.js'
import type { Profile } from './profile.js'
import { optionalSection, ProfileProblem, problem, problemText } from './profile-problem.js'
import { optionalCount, optionalString, plainObject } from './validate-fields.js'
import {
  checkAccomplishments,
  checkEducations,
  checkIndustry,
  checkLocation,
  checkPositions,
  checkSkills,
  checkVisibilityMap,
} from './validate-sections.js'

const NOT_BLANK = /\S/
const ISO_DATE_START = /^\d{4}-\d{2}-\d{2}/
const ACCOUNT_LEVELS = new Set(['basic', 'business', 'business-plus', 'executive'])

/**
 * docs/spec.md §1.1: throws `invalidProfile` naming `record` and the path of the first bad field.
 * `record` labels the profile in the message, e.g. `record 3 (id "abc")`. The profile is judged
 * as `add` judges it, by its own copy (`ownValidProfile`): each field read once, so a getter or a
 * Proxy trap that throws is a bad field, never a `TypeError` (docs/spec.md §3.7).
 */
export function validateProfile(profile: unknown, record: string): asserts profile is Profile {
  const found = ownCopy(profile, {})
  if (found instanceof ErrorDetail) fail('invalid-profile', { record, problem: found })
}

/**
 * Validates a whole batch before any of it is used, as `add` does (`ownValidProfiles`: each
 * record read once, a read that throws is a bad field): the first bad record is reported.
 * Returns the batch itself.
 */
export function validateProfiles(batch: unknown[]): Profile[] {
  let isList = false
  try {
    isList = Array.isArray(batch)
  } catch {
    // A revoked proxy is no batch.
  }
  if (!isList) fail('invalid-profile-batch')
  ownValidProfiles(batch)
  return batch as Profile[]
}

/**
 * docs/spec.md §1.1: the index's own copy of `profile` (`copyProfile`), validated; throws
 * `invalidProfile` naming the record (`(id "…")`) and the first bad field, a field whose read
 * threw included. The caller's value is read once and never again.
 */
export function ownValidProfile(profile: unknown): OwnedProfile {
  const seen: { id?: unknown } = {}
  const owned = ownCopy(profile, seen)
  if (owned instanceof ErrorDetail) {
    const record = typeof seen.id === 'string' ? `(id ${JSON.stringify(seen.id)})` : '(without an id)'
    fail('invalid-profile', { record, problem: owned })
  }
  return owned
}

/**
 * What `add` is given, one profile or a list of them, as the index's own validated copies
 * (`ownValidProfile`): the list's length and each entry are read once, every copy is made and
 * validated before any is used, and the first bad record is reported.
 */
export function ownValidProfiles(given: unknown): OwnedProfile[] {
  let isList = false
  try {
    isList = Array.isArray(given)
  } catch {
    // A revoked proxy: judged as one profile, whose first read throws.
  }
  if (!isList) return [ownValidProfile(given)]
  const batch = given as readonly unknown[]
  let length = 0
  try {
    length = batch.length
  } catch {
    fail('invalid-profile-batch')
  }
  const out: OwnedProfile[] = []
  for (let i = 0; i < length; i++) {
    const seen: { id?: unknown } = {}
    let item: unknown
    let owned: OwnedProfile | ErrorDetail | undefined
    try {
      item = batch[i]
    } catch {
      owned = problemText(new ProfileProblem('', 'cannot be read (reading it threw)'), 'profile')
    }
    owned ??= ownCopy(item, seen)
    if (owned instanceof ErrorDetail)
      fail('invalid-profile', { record: copyLabel(seen.id, i), problem: owned })
    out.push(owned)
  }
  return out
}

function copyLabel(id: unknown, index: number): string {
  return typeof id === 'string' ? `record ${index} (id ${JSON.stringify(id)})` : `record ${index}`
}

/** The validated copy of `profile`, or what is wrong with it; `seen.id` is its id once read. */
function ownCopy(profile: unknown, seen: { id?: unknown }): OwnedProfile | ErrorDetail {
  try {
    const owned = copyProfile(profile, seen)
    checkProfile(owned)
    return owned
  } catch (error) {
    if (!(error instanceof ProfileProblem)) throw error
    return problemText(error, 'profile')
  }
}

function checkProfile(value: unknown): void {
  const profile = plainObject(value, '')
  const { id, firstName, lastName } = profile
  if (!isMemberId(id)) problem('id', 'must be 1–64 characters of [A-Za-z0-9_-]', id)
  if (typeof firstName !== 'string' || !NOT_BLANK.test(firstName)) {
    problem('firstName', 'must be a non-empty string', firstName)
  }
  if (typeof lastName !== 'string' || !NOT_BLANK.test(lastName)) {
    problem('lastName', 'must be a non-empty string', lastName)
  }
  optionalString(profile.headline, 'headline')
  optionalString(profile.summary, 'summary')
  optionalString(profile.specialties, 'specialties')
  optionalString(profile.interests, 'interests')
  optionalString(profile.honors, 'honors')
  optionalSection(profile.location, 'location', checkLocation)
  optionalSection(profile.industry, 'industry', checkIndustry)
  optionalString(profile.language, 'language')
  optionalCount(profile.numConnections, 'numConnections')
  optionalCount(profile.numRecommenders, 'numRecommenders')
  optionalSection(profile.positions, 'positions', checkPositions)
  optionalSection(profile.educations, 'educations', checkEducations)
  optionalSection(profile.skills, 'skills', checkSkills)
  optionalSection(profile.certifications, 'certifications', checkAccomplishments)
  optionalSection(profile.projects, 'projects', checkAccomplishments)
  optionalSection(profile.publications, 'publications', checkAccomplishments)
  optionalString(profile.pictureUrl, 'pictureUrl')
  optionalString(profile.publicProfileUrl, 'publicProfileUrl')
  optionalString(profile.email, 'email')
  optionalString(profile.phone, 'phone')
  optionalSection(profile.visibility, 'visibility', checkVisibilityMap)
  checkAccountLevel(profile.accountLevel)
  checkUpdatedAt(profile.updatedAt)
  // Any other key is ignored rather than rejected, so data from newer producers still loads.
}

function checkAccountLevel(value: unknown): void {
  if (value !== undefined && !(typeof value === 'string' && ACCOUNT_LEVELS.has(value))) {
    problem('accountLevel', 'must be basic, business, business-plus or executive', value)
  }
}

function checkUpdatedAt(value: unknown): void {
  if (value === undefined) return
  if (typeof value !== 'string' || !ISO_DATE_START.test(value) || Number.isNaN(Date.parse(value))) {
    problem('updatedAt', 'must be an ISO 8601 time', value)
  }
}
