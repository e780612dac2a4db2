import type { SearchResult } from '@people-search/core'
import { personToXml, toXml } from '@people-search/xml'
import { describe, expect, it } from 'vitest'

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

/** An expected document: the declaration, then one element per line, ending with a newline. */
function xml(...lines: string[]): string {
  return `${[DECLARATION, ...lines].join('\n')}\n`
}

describe('toXml: docs/spec.md §5.3 documents', () => {
  it('writes the default search document (people:(id,first-name,last-name), num-results)', () => {
    const result: SearchResult = {
      numResults: 2,
      people: {
        _total: 2,
        values: [
          { id: 'a1', firstName: 'Ada', lastName: 'Lovelace' },
          { id: 'b2', firstName: 'Alan', lastName: 'Turing' },
        ],
      },
    }
    expect(toXml(result)).toBe(
      xml(
        '<people-search>',
        '  <num-results>2</num-results>',
        '  <people total="2">',
        '    <person>',
        '      <id>a1</id>',
        '      <first-name>Ada</first-name>',
        '      <last-name>Lovelace</last-name>',
        '    </person>',
        '    <person>',
        '      <id>b2</id>',
        '      <first-name>Alan</first-name>',
        '      <last-name>Turing</last-name>',
        '    </person>',
        '  </people>',
        '</people-search>',
      ),
    )
  })

  it('writes a paged list as total, count, start whatever the JSON key order', () => {
    const result: SearchResult = {
      people: { _start: 5, _total: 6, _count: 1, values: [{ id: 'V1FPuGot-I' }] },
      numResults: 6,
    }
    expect(toXml(result)).toBe(
      xml(
        '<people-search>',
        '  <people total="6" count="1" start="5">',
        '    <person>',
        '      <id>V1FPuGot-I</id>',
        '    </person>',
        '  </people>',
        '  <num-results>6</num-results>',
        '</people-search>',
      ),
    )
  })

  it('writes an empty result as <people total="0"></people>, the recorded empty-element form', () => {
    expect(toXml({ numResults: 0, people: { _total: 0 } })).toBe(
      xml(
        '<people-search>',
        '  <num-results>0</num-results>',
        '  <people total="0"></people>',
        '</people-search>',
      ),
    )
    // A page past the end: the list keeps its paging attributes and has no items.
    expect(toXml({ people: { _count: 0, _start: 30, _total: 6 } })).toBe(
      xml('<people-search>', '  <people total="6" count="0" start="30"></people>', '</people-search>'),
    )
  })

  it('writes facets with buckets, counts as numbers and selected as true/false', () => {
    const result: SearchResult = {
      facets: {
        _total: 1,
        values: [
          {
            code: 'location',
            name: 'Location',
            buckets: {
              _total: 2,
              values: [
                { code: 'us:0', name: 'United States of America', count: 5, selected: false },
                { code: 'us:84', name: 'San Francisco Bay Area', count: 3, selected: true },
              ],
            },
          },
        ],
      },
    }
    expect(toXml(result)).toBe(
      xml(
        '<people-search>',
        '  <facets total="1">',
        '    <facet>',
        '      <code>location</code>',
        '      <name>Location</name>',
        '      <buckets total="2">',
        '        <bucket>',
        '          <code>us:0</code>',
        '          <name>United States of America</name>',
        '          <count>5</count>',
        '          <selected>false</selected>',
        '        </bucket>',
        '        <bucket>',
        '          <code>us:84</code>',
        '          <name>San Francisco Bay Area</name>',
        '          <count>3</count>',
        '          <selected>true</selected>',
        '        </bucket>',
        '      </buckets>',
        '    </facet>',
        '  </facets>',
        '</people-search>',
      ),
    )
  })

  it('writes a person with positions, nested objects and an http-header list', () => {
    const result: SearchResult = {
      people: {
        _total: 1,
        values: [
          {
            id: 'x',
            location: { name: 'Dublin', country: { code: 'ie' } },
            positions: {
              _total: 1,
              values: [
                {
                  title: 'CBW',
                  isCurrent: true,
                  startDate: { year: 2010, month: 6 },
                  company: { name: 'robatron' },
                },
              ],
            },
            apiStandardProfileRequest: {
              url: 'https://api.example/v1/people/x:full',
              headers: { _total: 1, values: [{ name: 'x-li-auth-token', value: 'name:AbC' }] },
            },
            siteStandardProfileRequest: { url: 'https://example/profile?authToken=AbC&authType=name' },
            distance: 2,
            numConnections: 500,
            numConnectionsCapped: true,
          },
        ],
      },
    }
    expect(toXml(result)).toBe(
      xml(
        '<people-search>',
        '  <people total="1">',
        '    <person>',
        '      <id>x</id>',
        '      <location>',
        '        <name>Dublin</name>',
        '        <country>',
        '          <code>ie</code>',
        '        </country>',
        '      </location>',
        '      <positions total="1">',
        '        <position>',
        '          <title>CBW</title>',
        '          <is-current>true</is-current>',
        '          <start-date>',
        '            <year>2010</year>',
        '            <month>6</month>',
        '          </start-date>',
        '          <company>',
        '            <name>robatron</name>',
        '          </company>',
        '        </position>',
        '      </positions>',
        '      <api-standard-profile-request>',
        '        <url>https://api.example/v1/people/x:full</url>',
        '        <headers total="1">',
        '          <http-header>',
        '            <name>x-li-auth-token</name>',
        '            <value>name:AbC</value>',
        '          </http-header>',
        '        </headers>',
        '      </api-standard-profile-request>',
        '      <site-standard-profile-request>',
        '        <url>https://example/profile?authToken=AbC&amp;authType=name</url>',
        '      </site-standard-profile-request>',
        '      <distance>2</distance>',
        '      <num-connections>500</num-connections>',
        '      <num-connections-capped>true</num-connections-capped>',
        '    </person>',
        '  </people>',
        '</people-search>',
      ),
    )
  })

  it('writes an empty text as a start and end tag and leaves undefined fields out', () => {
    const result = { people: { _total: 1, values: [{ id: 'p', firstName: '', headline: undefined }] } }
    expect(toXml(result)).toContain('      <first-name></first-name>\n    </person>')
  })
})

describe('toXml: text', () => {
  const text = (firstName: string) => toXml({ people: { _total: 1, values: [{ firstName }] } })

  it('escapes markup with the builder: & < > quotes, and ]]> as ]]&gt;', () => {
    expect(text(`a & b <c> "d" 'e' ]]>`)).toContain(
      '<first-name>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; ]]&gt;</first-name>',
    )
  })

  it('drops the characters XML 1.0 forbids and keeps every other one', () => {
    expect(text('a\u0000b\u001Fc\uD800d\uDFFFe\uFFFEf\uFFFFg')).toContain('<first-name>abcdefg</first-name>')
    expect(text('tab\there 😀 \u0085\u2028\uFFFD')).toContain(
      '<first-name>tab\there 😀 \u0085\u2028\uFFFD</first-name>',
    )
  })

  it('writes CR as &#xD; so that a parser does not turn it into LF (XML 1.0 §2.11)', () => {
    expect(text('a\r\nb\rc')).toContain('<first-name>a&#xD;\nb&#xD;c</first-name>')
  })

  it('writes numbers as JSON writes them', () => {
    expect(toXml({ numResults: -0 })).toContain('<num-results>0</num-results>')
    expect(toXml({ numResults: 1e21 })).toContain('<num-results>1e+21</num-results>')
  })
})

describe('toXml: documents that have no legacy XML are programming errors', () => {
  const person = (fields: Record<string, unknown>) => ({ people: { _total: 1, values: [fields] } })

  it.each([
    [
      'a list with no item element',
      person({ friends: { _total: 0 } }),
      /No legacy item element for the list "friends"/,
    ],
    ['a list with an unknown key', { people: { _total: 0, next: 'x' } }, /has the key "next"/],
    ['null', person({ headline: null }), /headline is null/],
    ['an array outside a list', person({ skills: ['Java'] }), /skills is an array/],
    ['a non-finite number', { numResults: Number.NaN }, /numResults is NaN/],
    [
      'a key that is no element name',
      person({ 'first name': 'x' }),
      /"first name" has no legacy element name/,
    ],
    [
      'two keys with one element',
      person({ firstName: 'x', 'first-name': 'y' }),
      /repeats the element <first-name>/,
    ],
    ['a Date', person({ updatedAt: new Date(0) }), /updatedAt is of type object/],
  ])('%s throws', (_, document, message) => {
    expect(() => toXml(document as SearchResult)).toThrow(message)
  })
})

describe('personToXml', () => {
  it('renders one person document with its lists under a <person> root', () => {
    const xml = personToXml({
      id: 'ann',
      firstName: 'Ann',
      positions: { _total: 1, values: [{ title: 'Engineer', isCurrent: true }] },
    })
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<person>',
        '  <id>ann</id>',
        '  <first-name>Ann</first-name>',
        '  <positions total="1">',
        '    <position>',
        '      <title>Engineer</title>',
        '      <is-current>true</is-current>',
        '    </position>',
        '  </positions>',
        '</person>',
        '',
      ].join('\n'),
    )
  })
})
