import { XMLBuilder, type XmlBuilderOptions } from 'fast-xml-parser'
import type { ElementTree } from './element-tree.js'

/** The declaration of every recorded legacy XML document (fixtures/legacy-api/people-search.xml). */
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

/**
 * The builder's own entity table (its defaults, `&` first so nothing is escaped twice) plus CR.
 * A raw CR is legal XML but every conforming parser reads it, and CR LF, as LF (XML 1.0 §2.11),
 * so `&#xD;` is the only way the XML carries the same text as the JSON. `entities` is an option
 * of the builder that its typings leave out; test/to-xml.spec.ts pins the `&#xD;` output.
 */
const ENTITIES = [
  { regex: /&/g, val: '&amp;' },
  { regex: />/g, val: '&gt;' },
  { regex: /</g, val: '&lt;' },
  { regex: /'/g, val: '&apos;' },
  { regex: /"/g, val: '&quot;' },
  { regex: /\r/g, val: '&#xD;' },
]

const options: XmlBuilderOptions & { entities: typeof ENTITIES } = {
  ignoreAttributes: false, // lists carry total/count/start as attributes
  attributeNamePrefix: '@_',
  format: true, // indented by two spaces, like the recorded documents
  indentBy: '  ',
  suppressEmptyNode: false, // `<first-name></first-name>`, as recorded; never `<x/>`
  suppressBooleanAttributes: false,
  processEntities: true,
  entities: ENTITIES,
}

const builder = new XMLBuilder(options)

/** The declaration, then `<root>` holding `tree`; one element per line, ending with a newline. */
export function buildDocument(root: string, tree: ElementTree): string {
  return `${DECLARATION}\n${builder.build({ [root]: tree })}`
}
