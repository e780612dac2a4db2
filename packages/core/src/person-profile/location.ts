import countries from 'i18n-iso-countries'
import type { Location, Profile } from '../model/profile.js'
import { problem } from '../model/profile-problem.js'
import type { Fields } from '../model/validate-fields.js'
import { nullableText } from './read-values.js'

const ALPHA_2 = /^[A-Za-z]{2}$/

/**
 * The location of a document's `country`, `city` and `state`: named "City, State, Country"
 * from what is given, coded `cc:0` (a document carries no finer region). None without a country.
 */
export function readLocation(document: Fields): Location | undefined {
  const country = nullableText(document.country, 'country')
  if (country === undefined) return undefined
  if (!ALPHA_2.test(country) || !countries.isValid(country.toUpperCase()))
    problem('country', 'must be an ISO 3166-1 alpha-2 country code', country)
  const code = country.toLowerCase()
  const countryName =
    nullableText(document.country_full_name, 'country_full_name') ??
    countries.getName(code.toUpperCase(), 'en') ??
    country
  const city = nullableText(document.city, 'city')
  const state = nullableText(document.state, 'state')
  const name = [city, state, countryName].filter((part) => part).join(', ')
  return { name, code: `${code}:0` }
}

/** The document's `country` of a profile: its location code's country, upper case. */
export function countryOf(profile: Profile): string | undefined {
  return profile.location?.code.slice(0, profile.location.code.indexOf(':')).toUpperCase()
}

/** The English name of an upper-case country code, as the document's `country_full_name`. */
export function countryName(country: string | undefined): string | null {
  return country === undefined ? null : (countries.getName(country, 'en') ?? null)
}
