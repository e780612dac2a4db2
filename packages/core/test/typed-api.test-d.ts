/**
 * Type-level tests of the public API: `tsc -p packages/core/test` compiles this file and vitest
 * never runs it (nothing here executes). A typing regression fails the typecheck: a positive
 * assertion stops holding, or a `@ts-expect-error` line stops being an error.
 */
import { expectTypeOf } from 'vitest'
import type { CamelCase } from '../src/fields/project.js'
import type { PersonField } from '../src/fields/render-person.js'
import type { RESOURCES, ResourceName } from '../src/fields/schema.js'
import type {
  ApiStandardProfileRequestDocument,
  BucketDocument,
  CertificationDocument,
  CompanyDocument,
  DateDocument,
  EducationDocument,
  FacetCode,
  FacetDocument,
  HttpHeaderDocument,
  LegacyList,
  LocationDocument,
  PeopleIndex,
  PersonDocument,
  PositionDocument,
  ProjectDocument,
  PublicationDocument,
  SearchParameter,
  SearchRequest,
  SearchRequestObject,
  SearchResult,
  SiteStandardProfileRequestDocument,
  SkillDocument,
  SortOrder,
  UntypedSearchRequestObject,
} from '../src/index.js'
import { parseSearchRequest } from '../src/query/parse-request.js'
import type { PARAMETERS } from '../src/query/read-request.js'

declare const index: PeopleIndex
const viewer = { viewer: 'me' }

// --- Requests: the object form is keyed and typed by the legacy parameters ---------------------

// Every parameter the parser reads is a key, and every key but `fields` is read.
expectTypeOf<SearchParameter>().toEqualTypeOf<(typeof PARAMETERS)[number]>()
expectTypeOf<keyof SearchRequestObject>().toEqualTypeOf<SearchParameter | 'fields'>()
expectTypeOf<SearchRequestObject['sort']>().toEqualTypeOf<SortOrder | undefined>()
expectTypeOf<SortOrder>().toEqualTypeOf<'connections' | 'recommenders' | 'distance' | 'relevance'>()

// A request that names every parameter, with each kind of value the type allows.
const everything: SearchRequestObject = {
  keywords: 'java developer',
  'first-name': 'Ann',
  'last-name': 'Lee',
  'company-name': 'Acme',
  'current-company': true,
  title: 'engineer',
  'current-title': 'false',
  'school-name': 'MIT',
  'current-school': false,
  'country-code': 'us',
  'postal-code': '94043',
  distance: '.5',
  facet: ['network,F,S', 'location,us:84'] as const,
  facets: 'location,network',
  sort: 'relevance',
  start: '20',
  count: 5,
  fields: '(people:(id,first-name),num-results)',
}
index.search(everything, viewer)
index.search({}, viewer)
index.search({ facet: 'network,F', start: 0, count: '25', distance: 10, sort: undefined }, viewer)
index.search('/v1/people-search?keywords=java&sort=alphabetical', viewer) // URLs are text
expectTypeOf(index.search).parameter(0).toEqualTypeOf<SearchRequest>()
expectTypeOf(index.searchAnswer).parameter(0).toEqualTypeOf<SearchRequest>()
expectTypeOf(parseSearchRequest).parameter(0).toEqualTypeOf<SearchRequest>()

// A misspelt key is an excess property of the object literal, wherever a request goes.
// @ts-expect-error: `keywrods` is no parameter
index.search({ keywrods: 'java' }, viewer)
// @ts-expect-error: `first_name` is no parameter (the legacy names are kebab-case)
index.searchAnswer({ first_name: 'Ann' }, viewer)
// @ts-expect-error: `firstName` is no parameter either
parseSearchRequest({ keywords: 'java', firstName: 'Ann' })
// @ts-expect-error: an object of only unknown keys has nothing in common with a request
index.search({ colour: 'red' } as { colour: string }, viewer)

// Values of the wrong kind.
// @ts-expect-error: not one of the four sorts
index.search({ sort: 'alphabetical' }, viewer)
// @ts-expect-error: a flag is true or false
index.search({ 'company-name': 'Acme', 'current-company': 'yes' }, viewer)
// @ts-expect-error: count is a number or its digits
index.search({ count: 'ten' }, viewer)
// @ts-expect-error: start is a number or its digits
index.search({ start: true }, viewer)
// @ts-expect-error: distance is a number of miles
index.search({ 'country-code': 'us', 'postal-code': '94043', distance: 'far' }, viewer)
// @ts-expect-error: only facet repeats
index.search({ keywords: ['java', 'rust'] }, viewer)
// @ts-expect-error: facet values are text
index.search({ facet: [1, 2] }, viewer)
// @ts-expect-error: keywords are text
index.search({ keywords: 42 }, viewer)
// @ts-expect-error: the selector is text
index.search({ fields: ['(people)'] }, viewer)

// A request variable declared without the type widens `sort` to string: annotate it.
const widened = { keywords: 'rust', sort: 'relevance' }
// @ts-expect-error: `sort: string` is not a SortOrder
index.search(widened, viewer)
const annotated: SearchRequestObject = { keywords: 'rust', sort: 'relevance' }
index.search(annotated, viewer)

// Untyped input (parsed JSON, generated requests) is the escape, and the parser judges it.
const untyped: UntypedSearchRequestObject = JSON.parse('{"keywrods":"java","sort":"alphabetical"}')
index.search(untyped, viewer)
index.searchAnswer(untyped, viewer)
parseSearchRequest(untyped)

// --- Results: documents carry the §5.2 fields, typed ---------------------------------------------

declare const result: SearchResult
const person = result.people?.values?.[0]
expectTypeOf(result.people?.values?.[0]?.firstName).toEqualTypeOf<string | undefined>()
expectTypeOf(person).toEqualTypeOf<PersonDocument | undefined>()
expectTypeOf(result.numResults).toEqualTypeOf<number | undefined>()
expectTypeOf(result.people?._total).toEqualTypeOf<number | undefined>()
expectTypeOf(result.people?._count).toEqualTypeOf<number | undefined>()
expectTypeOf(person?.id).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.location?.country?.code).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.location?.postalCode).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.industry).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.distance).toEqualTypeOf<number | undefined>()
expectTypeOf(person?.numConnectionsCapped).toEqualTypeOf<boolean | undefined>()
expectTypeOf(person?.positions?._total).toEqualTypeOf<number | undefined>()
expectTypeOf(person?.positions?.values?.[0]?.company?.name).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.positions?.values?.[0]?.id).toEqualTypeOf<string | number | undefined>()
expectTypeOf(person?.positions?.values?.[0]?.startDate?.month).toEqualTypeOf<number | undefined>()
expectTypeOf(person?.positions?.values?.[0]?.isCurrent).toEqualTypeOf<boolean | undefined>()
expectTypeOf(person?.educations?.values?.[0]?.schoolName).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.skills?.values?.[0]?.skill?.name).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.certifications?.values?.[0]?.authority?.name).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.publications?.values?.[0]?.publisher?.name).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.projects?.values?.[0]?.description).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.siteStandardProfileRequest?.url).toEqualTypeOf<string | undefined>()
expectTypeOf(person?.apiStandardProfileRequest?.headers?.values?.[0]?.value).toEqualTypeOf<
  string | undefined
>()
const facet = result.facets?.values?.[0]
expectTypeOf(facet?.code).toEqualTypeOf<FacetCode | undefined>()
expectTypeOf(facet?.buckets?.values?.[0]?.count).toEqualTypeOf<number | undefined>()
expectTypeOf(facet?.buckets?.values?.[0]?.selected).toEqualTypeOf<boolean | undefined>()
expectTypeOf(index.search).returns.toEqualTypeOf<SearchResult>()
expectTypeOf(index.getPerson).returns.toEqualTypeOf<PersonDocument>()

// @ts-expect-error: documents are camelCase
expectTypeOf(person?.['first-name'])
// @ts-expect-error: no field outside docs/spec.md §5.2
expectTypeOf(person?.email)
// @ts-expect-error: a list is `{ _total, values }`, not an array
expectTypeOf(person?.positions?.[0])
// @ts-expect-error: industry is its name, not an object
expectTypeOf(person?.industry?.code)

// The document types follow the schema the selector is checked against (fields/schema.ts): every
// resource's camelCase field names are exactly its document's keys, and a composite field holds
// the document of its resource (or a list of them).
interface Documents {
  PeopleSearch: SearchResult
  Person: PersonDocument
  Location: LocationDocument
  Country: NonNullable<LocationDocument['country']>
  Position: PositionDocument
  Company: CompanyDocument
  Education: EducationDocument
  Date: DateDocument
  Skill: SkillDocument
  SkillName: NonNullable<SkillDocument['skill']>
  Certification: CertificationDocument
  Authority: NonNullable<CertificationDocument['authority']>
  Publication: PublicationDocument
  Publisher: NonNullable<PublicationDocument['publisher']>
  Project: ProjectDocument
  SiteStandardProfileRequest: SiteStandardProfileRequestDocument
  ApiStandardProfileRequest: ApiStandardProfileRequestDocument
  HttpHeader: HttpHeaderDocument
  Facet: FacetDocument
  Bucket: BucketDocument
}
type Fields<R extends ResourceName> = (typeof RESOURCES)[R]['fields']
/** Per schema field, by its JSON key: the document of its resource, or `plain` for a value. */
type SchemaShape<R extends ResourceName> = {
  [F in keyof Fields<R> & string as CamelCase<F>]: Fields<R>[F] extends ResourceName
    ? Documents[Fields<R>[F]]
    : 'plain'
}
/** Per document key: the document it holds (a list's item), or `plain` for a value. */
type DocumentShape<R extends ResourceName> = {
  [K in keyof Documents[R]]-?: Held<NonNullable<Documents[R][K]>>
}
type Held<V> = V extends LegacyList<infer Item> ? Item : V extends object ? V : 'plain'

expectTypeOf<keyof Documents>().toEqualTypeOf<ResourceName>()
expectTypeOf<{ [R in ResourceName]: DocumentShape<R> }>().toEqualTypeOf<{
  [R in ResourceName]: SchemaShape<R>
}>()
expectTypeOf<keyof PersonDocument>().toEqualTypeOf<CamelCase<PersonField>>()
expectTypeOf<CamelCase<'num-connections-capped'>>().toEqualTypeOf<'numConnectionsCapped'>()
