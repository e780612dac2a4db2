import { toXml } from '@people-search/xml'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runs, searchResult } from './helpers/arbitraries.js'
import { withoutForbidden } from './helpers/xml-chars.js'
import { asXmlText, xmlToJsonShape } from './helpers/xml-to-json-shape.js'
import { parseXml } from './helpers/xml-tree.js'

describe('docs/spec.md §5.3 ≡ §5.4: the XML and the JSON of a search carry the same document', () => {
  it('reading our XML back gives the JSON document: same keys, order, lists and text', () => {
    fc.assert(
      fc.property(searchResult, (result) => {
        const root = parseXml(toXml(result))
        expect(root.name).toBe('people-search')
        // Compared as JSON text so that key order counts too (toEqual ignores it).
        expect(JSON.stringify(xmlToJsonShape(root))).toBe(JSON.stringify(asXmlText(result, withoutForbidden)))
      }),
      { numRuns: runs },
    )
  })
})
