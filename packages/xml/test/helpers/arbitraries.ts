import type { SearchResult } from '@people-search/core'
import fc from 'fast-check'

/** Runs per property: `FC_RUNS=10000 vitest run packages/xml` for a long soak. */
export const runs = Number(process.env.FC_RUNS ?? 100)

/** Pieces that break naive XML writers: markup and entity look-alikes… */
const MARKUP = `]]> & < > " ' &amp; &lt; &#65; &#xD; <![CDATA[ <!-- --> ?>`.split(' ')
/** …characters XML 1.0 forbids, one code unit each (C0 controls, surrogates, U+FFFE, U+FFFF)… */
const FORBIDDEN = '\u0000\u0001\u0008\u000B\u001F\uD800\uDBFF\uDC00\uDFFF\uFFFE\uFFFF'.split('')
/** …and allowed characters next to them: whitespace, line ends, C1, astral, combining marks. */
const EDGES = ['\t', '\n', '\r', '\r\n', ' ', '\u007F', '\u0085', '\u2028', '\uFFFD', '😀', 'é', 'e\u0301']

/**
 * Text from three sources: any code point (`binary`), any UTF-16 code unit (lone surrogates,
 * which `binary` never makes), and runs of the pieces above.
 */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }),
  fc.string({ unit: fc.constantFrom(...MARKUP, ...FORBIDDEN, ...EDGES) }),
)

/** An object with a non-empty subset of the fields, in a random key order. */
function shuffledRecord(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .shuffledSubarray(Object.keys(fields), { minLength: 1 })
    .chain((keys) =>
      fc
        .tuple(...keys.map((key) => fields[key]))
        .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))),
    )
}

/** A legacy list: `_total` ≥ the items, `_count`/`_start` when paged, no `values` when empty. */
function list(item: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      values: fc.array(item, { maxLength: 3 }),
      more: fc.nat(1000),
      paged: fc.boolean(),
      start: fc.nat(200),
    })
    .map(({ values, more, paged, start }) => ({
      ...(paged ? { _count: values.length, _start: start } : {}),
      _total: values.length + more,
      ...(values.length > 0 ? { values } : {}),
    }))
}

const date = shuffledRecord({
  year: fc.integer({ min: 1900, max: 2100 }),
  month: fc.integer({ min: 1, max: 12 }),
})

const position = shuffledRecord({
  id: fc.nat(),
  title: nastyText,
  summary: nastyText,
  startDate: date,
  endDate: date,
  isCurrent: fc.boolean(),
  company: shuffledRecord({ id: fc.nat(), name: nastyText, industry: nastyText, size: nastyText }),
})

const education = shuffledRecord({ id: fc.nat(), schoolName: nastyText, degree: nastyText, startDate: date })

export const person = shuffledRecord({
  id: nastyText,
  firstName: nastyText,
  lastName: nastyText,
  headline: nastyText,
  location: shuffledRecord({
    name: nastyText,
    country: fc.record({ code: nastyText }),
    postalCode: nastyText,
  }),
  industry: nastyText,
  distance: fc.constantFrom(1, 2, 100),
  numConnections: fc.integer({ min: 0, max: 500 }),
  numConnectionsCapped: fc.boolean(),
  summary: nastyText,
  positions: list(position),
  educations: list(education),
  skills: list(fc.oneof(nastyText, fc.record({ id: fc.nat(), skill: fc.record({ name: nastyText }) }))),
  apiStandardProfileRequest: shuffledRecord({
    url: nastyText,
    headers: list(fc.record({ name: nastyText, value: nastyText })),
  }),
  siteStandardProfileRequest: fc.record({ url: nastyText }),
  pictureUrl: nastyText,
})

const bucket = shuffledRecord({ code: nastyText, name: nastyText, count: fc.nat(), selected: fc.boolean() })

const facet = shuffledRecord({ code: nastyText, name: nastyText, buckets: list(bucket) })

/** Search documents of every shape the core can produce, with adversarial text everywhere. */
export const searchResult = shuffledRecord({
  numResults: fc.nat(),
  people: list(person),
  facets: list(facet),
}) as fc.Arbitrary<SearchResult>
