import { fail } from '../errors.js'
import type { FieldNode, Selector } from './selector.js'

/** docs/spec.md §3.7: longer or deeper selectors are 400s. */
export const MAX_SELECTOR_LENGTH = 4096
export const MAX_SELECTOR_DEPTH = 8

const NAME_CHAR = /[a-z0-9-]/

/**
 * Reads a field selector such as `(people:(id,first-name),num-results)`, with or without the
 * leading `:`. Legacy selectors carry no whitespace, so a space is a syntax error like any
 * other; errors give the 0-based offset into `text` as it was passed in.
 *
 * ```ts
 * parseSelector('(people:(id),num-results)')
 * // → [{ name: 'people', children: [{ name: 'id' }] }, { name: 'num-results' }]
 * ```
 */
export function parseSelector(text: string): Selector {
  const start = text.startsWith(':') ? 1 : 0
  if (text.length - start > MAX_SELECTOR_LENGTH) {
    fail('selector-too-long', { max: MAX_SELECTOR_LENGTH })
  }
  const reader = new Reader(text, start)
  const selector = reader.list(1)
  if (reader.pos < text.length) reader.expected('end of selector')
  return selector
}

class Reader {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  /** `(` field {`,` field} `)`, the list opening at `pos`, `depth` levels deep. */
  list(depth: number): FieldNode[] {
    if (this.text[this.pos] !== '(') this.expected("'('")
    if (depth > MAX_SELECTOR_DEPTH) {
      fail('selector-too-deep', { position: this.pos, max: MAX_SELECTOR_DEPTH })
    }
    this.pos++
    const fields: FieldNode[] = [this.field(depth)]
    while (this.text[this.pos] === ',') {
      this.pos++
      fields.push(this.field(depth))
    }
    if (this.text[this.pos] !== ')') this.expected("',' or ')'")
    this.pos++
    return fields
  }

  private field(depth: number): FieldNode {
    const from = this.pos
    while (this.pos < this.text.length && NAME_CHAR.test(this.text[this.pos])) this.pos++
    if (this.pos === from) this.expected('a field name')
    const node: FieldNode = { name: this.text.slice(from, this.pos) }
    const next = this.text[this.pos]
    if (next === ':') {
      this.pos++
      node.children = this.list(depth + 1)
    } else if (next !== ',' && next !== ')') {
      this.expected("':', ',' or ')'")
    }
    return node
  }

  expected(what: string): never {
    return fail('selector-syntax', { position: this.pos, expected: what })
  }
}
