/**
 * The names of the legacy XML (docs/spec.md §5.3): a document key `firstName` is the element
 * `first-name`, and each list names its items with the singular of its own name.
 */

/** Element names we write: lower-case words joined by `-`, a safe subset of XML names. */
const ELEMENT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/** `numConnectionsCapped` → `num-connections-capped`; a key that gives no such name throws. */
export function elementName(key: string): string {
  const name = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
  if (!ELEMENT_NAME.test(name)) throw new TypeError(`The document key "${key}" has no legacy element name`)
  return name
}

/** Item element of every list the legacy documents hold; the API's own `http-header` included. */
const ITEM_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ['people', 'person'],
  ['positions', 'position'],
  ['educations', 'education'],
  ['skills', 'skill'],
  ['certifications', 'certification'],
  ['publications', 'publication'],
  ['projects', 'project'],
  ['facets', 'facet'],
  ['buckets', 'bucket'],
  ['headers', 'http-header'],
])

/**
 * The element of one item of the list stored under `listKey`. A list that is not in the table
 * is a programming error (a new list in the core needs its legacy name here), so it throws
 * rather than guess a singular.
 */
export function itemElementName(listKey: string): string {
  const name = ITEM_ELEMENTS.get(listKey)
  if (name === undefined) throw new TypeError(`No legacy item element for the list "${listKey}"`)
  return name
}
