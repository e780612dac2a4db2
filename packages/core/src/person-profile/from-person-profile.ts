import { fail, isPeopleSearchError } from '../errors.js'
import type { Profile } from '../model/profile.js'
import { missing, ProfileProblem, problem, problemText } from '../model/profile-problem.js'
import { isPlainObject, plainObject } from '../model/validate-fields.js'
import { validateProfile } from '../model/validate-profile.js'
import type { PersonProfileDocument } from './document.js'
import { type PersonProfileProfile, readExtras } from './extras.js'
import { readLocation } from './location.js'
import { PROFILE_URL_PREFIX } from './profile-url.js'
import { nullableCount, nullableList, nullableText, setIf, textItem } from './read-values.js'
import { CONTACT_SECTIONS, LIST_SECTIONS, PUBLIC_TEXT } from './sections.js'
import { isProfileSlug, memberIdOfSlug } from './slug.js'

/**
 * The profile of a Person Profile document (docs/spec.md §1.3): id from `public_identifier`
 * ({@link memberIdOfSlug}), `publicProfileUrl` `https://www.linkedin.com/in/<public_identifier>`.
 * A `null` scalar is an absent field; a `null` list (experiences, education, skills,
 * certifications, projects, publications, personal emails or numbers) is a `private` section,
 * so that it stays `null` on the way back. Throws 400 `invalidProfile` naming the document field
 * that is wrong; the result is a valid §1.1 profile.
 */
export function fromPersonProfile(document: PersonProfileDocument): PersonProfileProfile {
  try {
    return readDocument(document)
  } catch (error) {
    if (isPeopleSearchError(error)) throw error
    // Anything else was thrown by the caller's object: a getter, a Proxy trap, a toString.
    if (!isProblem(error))
      return fail('unreadable-argument', { argument: 'Person Profile document', cause: error })
    const problem = problemText(error, '')
    const slug = slugOf(document)
    return slug === undefined
      ? fail('invalid-person-profile-without-slug', { problem })
      : fail('invalid-person-profile', { slug, problem })
  }
}

function readDocument(document: unknown): PersonProfileProfile {
  const doc = plainObject(document, '')
  const slug = doc.public_identifier
  if (slug === undefined) missing('public_identifier', 'must be a profile slug')
  if (!isProfileSlug(slug)) problem('public_identifier', 'must be a profile slug', slug)
  // A name of the wrong type is reported before a missing one, whichever field holds it.
  const firstName = nullableText(doc.first_name, 'first_name')
  const lastName = nullableText(doc.last_name, 'last_name')
  const profile: PersonProfileProfile = {
    id: memberIdOfSlug(slug),
    firstName: nameIn(firstName, 'first_name'),
    lastName: nameIn(lastName, 'last_name'),
    publicProfileUrl: PROFILE_URL_PREFIX + encodeURIComponent(slug.normalize('NFC')),
  }
  // The tables name fields as strings; validateProfile below checks the result whole.
  const fields = profile as unknown as Record<string, unknown>
  const visibility: NonNullable<Profile['visibility']> = {}
  for (const { key, field } of PUBLIC_TEXT) setIf(fields, field, nullableText(doc[key], key))
  setIf(fields, 'location', readLocation(doc))
  setIf(fields, 'numConnections', nullableCount(doc.connections, 'connections'))
  for (const { key, section, read } of LIST_SECTIONS) {
    const list = nullableList(doc[key], key, read)
    if (list === null) visibility[section] = 'private'
    else setIf(fields, section, list)
  }
  for (const { key, section } of CONTACT_SECTIONS) {
    const list = nullableList(doc[key], key, textItem)
    if (list === null) visibility[section] = 'private'
    else if (list !== undefined && list.length > 0) profile[section] = list[0]
  }
  if (Array.isArray(doc.recommendations)) profile.numRecommenders = doc.recommendations.length
  profile.personProfile = readExtras(doc)
  if (Object.keys(visibility).length > 0) profile.visibility = visibility
  try {
    validateProfile(profile, `(public_identifier "${slug}")`)
  } catch (error) {
    missing('', `converts to an invalid profile: ${(error as Error).message}`)
  }
  return profile
}

function nameIn(name: string | undefined, path: string): string {
  if (name === undefined) missing(path, 'must be a name')
  if (name.trim() === '') problem(path, 'must be a name', name)
  return name
}

// Read for a rejected document only; without a string `public_identifier` there is no name for it.
function slugOf(document: unknown): string | undefined {
  try {
    const slug = isPlainObject(document) ? document.public_identifier : undefined
    return typeof slug === 'string' ? slug : undefined
  } catch {
    return undefined
  }
}

/** Whether `error` is a problem of ours, asked so that a thrown Proxy cannot throw again. */
function isProblem(error: unknown): error is ProfileProblem {
  try {
    return error instanceof ProfileProblem
  } catch {
    return false
  }
}
