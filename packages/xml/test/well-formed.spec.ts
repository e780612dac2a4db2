import { errorToXml, toXml } from '@people-search/xml'
import fc from 'fast-check'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { nastyText, runs } from './helpers/arbitraries.js'
import { withoutForbidden } from './helpers/xml-chars.js'
import { child, parseXml, type XmlElement } from './helpers/xml-tree.js'

/** Well-formed by fast-xml-parser's validator, and by our own check of XML 1.0 `Char`. */
function expectWellFormed(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(withoutForbidden(xml)).toBe(xml)
}

/** The text at a path of child element names. */
function textAt(root: XmlElement, ...path: string[]): string {
  return path.reduce(child, root).text
}

describe('docs/spec.md §5.3: the XML is well-formed XML 1.0 whatever the text', () => {
  it('search documents carry names, headlines and bucket names minus only forbidden characters', () => {
    const texts = fc.record({ first: nastyText, last: nastyText, headline: nastyText, bucket: nastyText })
    fc.assert(
      fc.property(texts, ({ first, last, headline, bucket }) => {
        const xml = toXml({
          people: { _total: 1, values: [{ firstName: first, lastName: last, headline }] },
          facets: {
            _total: 1,
            values: [
              { code: 'location', buckets: { _total: 1, values: [{ name: bucket, selected: true }] } },
            ],
          },
        })
        expectWellFormed(xml)
        const root = parseXml(xml)
        expect(textAt(root, 'people', 'person', 'first-name')).toBe(withoutForbidden(first))
        expect(textAt(root, 'people', 'person', 'last-name')).toBe(withoutForbidden(last))
        expect(textAt(root, 'people', 'person', 'headline')).toBe(withoutForbidden(headline))
        expect(textAt(root, 'facets', 'facet', 'buckets', 'bucket', 'name')).toBe(withoutForbidden(bucket))
      }),
      { numRuns: runs },
    )
  })

  it('error documents carry the message minus only forbidden characters', () => {
    fc.assert(
      fc.property(nastyText, nastyText, (message, requestId) => {
        const xml = errorToXml({ status: 400, errorCode: 0, message, requestId, timestamp: 1 })
        expectWellFormed(xml)
        const root = parseXml(xml)
        expect(textAt(root, 'message')).toBe(withoutForbidden(message))
        expect(textAt(root, 'request-id')).toBe(withoutForbidden(requestId))
      }),
      { numRuns: runs },
    )
  })
})
