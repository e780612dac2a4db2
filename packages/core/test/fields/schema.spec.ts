import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import { parseSelector } from '../../src/fields/parse-selector.js'
import { checkSelector, DEFAULT_SELECTOR, expandSelector, RESOURCES } from '../../src/fields/schema.js'
import type { Selector } from '../../src/fields/selector.js'

function errorOf(text: string, resource?: 'Person'): PeopleSearchError {
  try {
    checkSelector(parseSelector(text), resource)
  } catch (error) {
    if (error instanceof PeopleSearchError && error.status === 400) return error
    throw error
  }
  throw new Error(`no error for ${text}`)
}

/** The selector written back as text, for compact expectations. */
function text(selector: Selector): string {
  return `(${selector.map((n) => (n.children ? `${n.name}:${text(n.children)}` : n.name)).join(',')})`
}

const EVERY_PERSON_FIELD =
  '(id,first-name,last-name,headline,location:(name,country:(code),postal-code),industry,distance,' +
  'num-connections,num-connections-capped,num-recommenders,summary,specialties,interests,honors,' +
  'positions:(id,title,summary,start-date:(year,month),end-date:(year,month),is-current,' +
  'company:(id,name,industry,type,size,ticker)),educations:(id,school-name,field-of-study,' +
  'start-date:(year,month),end-date:(year,month),degree,activities,notes),skills:(skill:(name)),' +
  'certifications:(name,authority:(name),url,start-date,end-date),' +
  'publications:(title,publisher:(name),date:(year,month),url,summary),' +
  'projects:(name,description,url,start-date,end-date),picture-url,public-profile-url,' +
  'site-standard-profile-request:(url),api-standard-profile-request:(url,headers:(name,value)))'

describe('checkSelector: accepts what docs/spec.md §5 names', () => {
  it.each([
    '(people,num-results,facets)',
    '(facets:(code,name,buckets:(code,name,count,selected)))',
    `(people:${EVERY_PERSON_FIELD})`,
    '(people:(api-standard-profile-request:(url,headers),skills,positions))',
    '(num-results)',
  ])('%s', (selector) => {
    expect(() => checkSelector(parseSelector(selector))).not.toThrow()
  })

  it('checks a Person selector on its own (profile lookup)', () => {
    expect(() => checkSelector(parseSelector(EVERY_PERSON_FIELD), 'Person')).not.toThrow()
    expect(errorOf('(people)', 'Person')).toMatchObject({
      code: 'unknown-field',
      values: { field: 'people', resource: 'Person' },
    })
  })

  it('names every Person field of docs/spec.md §5.2 in its table', () => {
    expect(text(expandSelector(parseSelector(EVERY_PERSON_FIELD), 'Person'))).toBe(
      text(
        expandSelector(
          Object.keys(RESOURCES.Person.fields).map((name) => ({ name })),
          'Person',
        ),
      ),
    )
  })
})

describe('checkSelector: the first unknown, duplicate or leaf field', () => {
  it.each([
    ['(people:(id,nickname))', 'unknown-field', 'nickname', 'Person'],
    ['(person)', 'unknown-field', 'person', 'PeopleSearch'],
    ['(constructor)', 'unknown-field', 'constructor', 'PeopleSearch'],
    ['(people:(location:(name,city)))', 'unknown-field', 'city', 'Location'],
    ['(people:(location:(country:(name))))', 'unknown-field', 'name', 'Country'],
    ['(people:(positions:(company:(website))))', 'unknown-field', 'website', 'Company'],
    ['(people:(positions:(start-date:(day))))', 'unknown-field', 'day', 'Date'],
    ['(people:(educations:(school)))', 'unknown-field', 'school', 'Education'],
    ['(facets:(count))', 'unknown-field', 'count', 'Facet'],
    ['(facets:(buckets:(total)))', 'unknown-field', 'total', 'Bucket'],
    ['(people:(id,first-name,id))', 'duplicate-field', 'id', 'Person'],
    ['(num-results,people,num-results)', 'duplicate-field', 'num-results', 'PeopleSearch'],
    ['(facets:(buckets:(code,code)))', 'duplicate-field', 'code', 'Bucket'],
    ['(people:(id:(x)))', 'field-without-sub-fields', 'id', 'Person'],
    ['(num-results:(total))', 'field-without-sub-fields', 'num-results', 'PeopleSearch'],
    ['(people:(industry:(name)))', 'field-without-sub-fields', 'industry', 'Person'],
    // The first problem in reading order wins.
    ['(people:(nope,id,id))', 'unknown-field', 'nope', 'Person'],
    ['(people:(id,id,nope))', 'duplicate-field', 'id', 'Person'],
    ['(people:(location:(x)),nope)', 'unknown-field', 'x', 'Location'],
  ])('%s', (selector, code, field, resource) => {
    expect(errorOf(selector)).toMatchObject({ code, kind: 'badSelector', values: { field, resource } })
  })

  it.each([
    ['(people:(id,nickname))', 'Unknown field {nickname} in resource {Person}'],
    ['(people:(id,first-name,id))', 'Duplicate field {id} in resource {Person}'],
    ['(people:(id:(x)))', 'Field {id} in resource {Person} has no sub-fields'],
  ])('words %s as the legacy API did', (selector, message) => {
    expect(errorOf(selector).message).toBe(message)
  })

  it('allows the same name in different lists', () => {
    expect(() => checkSelector(parseSelector('(people:(id,positions:(id,company:(id))))'))).not.toThrow()
  })
})

describe('expandSelector: defaults of composite fields', () => {
  it.each([
    [DEFAULT_SELECTOR, '(num-results,people:(id,first-name,last-name))'],
    ['(facets)', '(facets:(code,name,buckets:(code,name,count,selected)))'],
    ['(people:(location))', '(people:(location:(name,country:(code),postal-code)))'],
    [
      '(people:(positions:(title,company)))',
      '(people:(positions:(title,company:(id,name,industry,type,size,ticker))))',
    ],
    ['(people:(skills))', '(people:(skills:(skill:(name))))'],
    [
      '(people:(api-standard-profile-request))',
      '(people:(api-standard-profile-request:(url,headers:(name,value))))',
    ],
    ['(people:(location:(country)),num-results)', '(people:(location:(country:(code))),num-results)'],
  ])('%s', (selector, expected) => {
    const parsed = typeof selector === 'string' ? parseSelector(selector) : selector
    expect(text(expandSelector(parsed))).toBe(expected)
  })

  it('keeps unknown fields for the checker and is idempotent', () => {
    const parsed = parseSelector('(people:(nope:(x),location),nope)')
    const once = expandSelector(parsed)
    expect(text(once)).toBe('(people:(nope:(x),location:(name,country:(code),postal-code)),nope)')
    expect(expandSelector(once)).toEqual(once)
  })
})
