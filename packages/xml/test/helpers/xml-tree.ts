import { XMLParser } from 'fast-xml-parser'

/** An element read back from our XML: attributes in document order, text only for leaves. */
export interface XmlElement {
  name: string
  attributes: [string, string][]
  children: XmlElement[]
  text: string
}

/**
 * Text stays text (no number parsing, no trimming). `htmlEntities` makes fast-xml-parser decode
 * character references such as `&#xD;`, which every conforming XML parser does anyway.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
})

type Ordered = Record<string, unknown>[]

/** The root element of an XML document (the declaration is checked separately, as text). */
export function parseXml(xml: string): XmlElement {
  const roots = toElements(parser.parse(xml) as Ordered).filter((node) => !node.name.startsWith('?'))
  if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.length}`)
  return roots[0]
}

function toElements(nodes: Ordered): XmlElement[] {
  const elements: XmlElement[] = []
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@')
    if (name === undefined || name === '#text') continue
    elements.push(toElement(name, node))
  }
  return elements
}

function toElement(name: string, node: Record<string, unknown>): XmlElement {
  const content = node[name] as Ordered
  const attributes = Object.entries((node[':@'] ?? {}) as Record<string, string>)
  const children = toElements(content)
  const text = content.map((part) => (part['#text'] as string | undefined) ?? '').join('')
  // Our documents never mix text and elements: between elements there is only indentation.
  if (children.length > 0 && text.trim() !== '') throw new Error(`<${name}> mixes text and elements`)
  return { name, attributes, children, text: children.length > 0 ? '' : text }
}

/** The first child called `name`, or an error naming what was there. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name)
  if (found === undefined) throw new Error(`<${element.name}> has no <${name}>`)
  return found
}
