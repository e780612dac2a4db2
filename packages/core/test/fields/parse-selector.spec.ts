import { describe, expect, it } from 'vitest'
import { PeopleSearchError } from '../../src/errors.js'
import { MAX_SELECTOR_DEPTH, MAX_SELECTOR_LENGTH, parseSelector } from '../../src/fields/parse-selector.js'

function errorOf(text: string): PeopleSearchError {
  try {
    parseSelector(text)
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error(`no error for ${JSON.stringify(text)}`)
}

/** `(a:(a:(…(leaf)…)))`, `levels` lists deep. */
function nested(levels: number): string {
  return `${'(a:'.repeat(levels - 1)}(leaf)${')'.repeat(levels - 1)}`
}

describe('parseSelector: valid selectors', () => {
  it.each([
    ['(id)', [{ name: 'id' }]],
    [':(id)', [{ name: 'id' }]],
    ['(people,num-results)', [{ name: 'people' }, { name: 'num-results' }]],
    ['(people:(id,first-name))', [{ name: 'people', children: [{ name: 'id' }, { name: 'first-name' }] }]],
    [
      '(people:(id,first-name,location:(name,country:(code))),num-results,facets:(code,buckets:(code,name,count)))',
      [
        {
          name: 'people',
          children: [
            { name: 'id' },
            { name: 'first-name' },
            {
              name: 'location',
              children: [{ name: 'name' }, { name: 'country', children: [{ name: 'code' }] }],
            },
          ],
        },
        { name: 'num-results' },
        {
          name: 'facets',
          children: [
            { name: 'code' },
            { name: 'buckets', children: [{ name: 'code' }, { name: 'name' }, { name: 'count' }] },
          ],
        },
      ],
    ],
    ['(a-1,2b)', [{ name: 'a-1' }, { name: '2b' }]],
    // Names are checked against the schema later, not here.
    ['(nope,nope)', [{ name: 'nope' }, { name: 'nope' }]],
  ])('reads %s', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected)
  })
})

describe('parseSelector: syntax errors name the position and what was expected', () => {
  it.each([
    ['', 0, "'('"],
    ['people', 0, "'('"],
    ['::(id)', 1, "'('"],
    ['()', 1, 'a field name'],
    ['(id,)', 4, 'a field name'],
    ['(,id)', 1, 'a field name'],
    ['(id', 3, "':', ',' or ')'"],
    ['(id x)', 3, "':', ',' or ')'"],
    ['(ID)', 1, 'a field name'],
    ['(first_name)', 6, "':', ',' or ')'"],
    ['(people:id)', 8, "'('"],
    ['(people:)', 8, "'('"],
    ['(people:(id)', 12, "',' or ')'"],
    ['(people:(id)x)', 12, "',' or ')'"],
    ['(people:(id,first-name)x)', 23, "',' or ')'"],
    ['(id))', 4, 'end of selector'],
    ['(id)(id)', 4, 'end of selector'],
    ['(id) ', 4, 'end of selector'],
    [' (id)', 0, "'('"],
    ['(id, name)', 4, 'a field name'],
    [':(id,)', 5, 'a field name'],
  ])('%j → position %i, expected %s', (text, position, expected) => {
    const error = errorOf(text)
    expect(error).toMatchObject({
      code: 'selector-syntax',
      kind: 'badSelector',
      status: 400,
      values: { position: String(position), expected },
    })
  })

  it('words a syntax error as documented', () => {
    expect(errorOf('(people:(id)x)').message).toBe(
      "Invalid field selector at position 12: expected ',' or ')'",
    )
  })
})

describe('parseSelector: limits (docs/spec.md §3.7)', () => {
  it(`accepts ${MAX_SELECTOR_DEPTH} levels and refuses ${MAX_SELECTOR_DEPTH + 1}`, () => {
    expect(() => parseSelector(nested(MAX_SELECTOR_DEPTH))).not.toThrow()
    const error = errorOf(nested(MAX_SELECTOR_DEPTH + 1))
    expect(error).toMatchObject({ code: 'selector-too-deep', status: 400 })
    expect(error.message).toBe(
      `Invalid field selector at position ${3 * MAX_SELECTOR_DEPTH}: nested deeper than ${MAX_SELECTOR_DEPTH}`,
    )
  })

  it(`accepts ${MAX_SELECTOR_LENGTH} characters and refuses one more`, () => {
    const fill = (length: number) => `(${'x,'.repeat((length - 3) / 2)}x)`
    expect(fill(MAX_SELECTOR_LENGTH - 1)).toHaveLength(MAX_SELECTOR_LENGTH - 1)
    expect(() => parseSelector(fill(MAX_SELECTOR_LENGTH - 1))).not.toThrow()
    const exact = `(${'a'.repeat(MAX_SELECTOR_LENGTH - 2)})`
    expect(() => parseSelector(exact)).not.toThrow()
    expect(() => parseSelector(`:${exact}`)).not.toThrow()
    const error = errorOf(`(${'a'.repeat(MAX_SELECTOR_LENGTH - 1)})`)
    expect(error).toMatchObject({ code: 'selector-too-long', status: 400, values: { max: '4096' } })
  })

  it('stops reading at the depth limit, long before the length limit', () => {
    expect(errorOf('(a:'.repeat(1000)).code).toBe('selector-too-deep')
  })
})
