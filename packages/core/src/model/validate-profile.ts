import { type ErrorDetail, fail } from '../errors.js'
import { isMemberId } from './member-id.js'
import type { Profile } from './profile.js'
import { optionalSection, ProfileProblem, problem, problemText } from './profile-problem.js'
import { type Fields, optionalCount, optionalString, plainObject } from './validate-fields.js'
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
 * `record` labels the profile in the message, e.g. `record 3 (id "abc")`.
 */
export function validateProfile(profile: unknown, record: string): asserts profile is Profile {
  const found = findProblem(profile)
  if (found !== undefined) fail('invalid-profile', { record, problem: found })
}

/** Validates a whole batch before any of it is used: the first bad record is reported. */
export function validateProfiles(batch: unknown[]): Profile[] {
  if (!Array.isArray(batch)) fail('invalid-profile-batch')
  for (let i = 0; i < batch.length; i++) {
    // The label is built only for the rejected record, not for the million that pass.
    const found = findProblem(batch[i])
    if (found !== undefined) fail('invalid-profile', { record: recordLabel(batch[i], i), problem: found })
  }
  return batch as Profile[]
}

function recordLabel(profile: unknown, index: number): string {
  const id = typeof profile === 'object' && profile !== null ? (profile as Fields).id : undefined
  return typeof id === 'string' ? `record ${index} (id ${JSON.stringify(id)})` : `record ${index}`
}

function findProblem(profile: unknown): ErrorDetail | undefined {
  try {
    checkProfile(profile)
    return undefined
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
