import { describe, expect, it } from 'vitest'
import { parseSelector } from '../../src/fields/parse-selector.js'
import { renderSearchResult } from '../../src/fields/render-result.js'
import type { Profile } from '../../src/model/profile.js'
import type { SearchAnswer } from '../../src/query/search-answer.js'
import { FACET_CODES } from '../../src/query/search-query.js'

const PROFILES: Record<string, Profile> = {
  ann: {
    id: 'ann',
    firstName: 'Ann',
    lastName: 'Lee',
    headline: 'Dev',
    visibility: { headline: 'connections' },
  },
  bob: { id: 'bob', firstName: 'Bob', lastName: 'Ray', headline: 'Ops' },
}

const ANSWER: SearchAnswer = {
  numResults: 2,
  total: 2,
  start: 0,
  ids: ['ann', 'bob'],
  facets: [
    {
      code: 'network',
      buckets: [
        { code: 'F', name: '1st Connections', count: 1, selected: true },
        { code: 'S', name: '2nd Connections', count: 1, selected: false },
      ],
    },
    { code: 'school', buckets: [] },
  ],
}

function render(answer: SearchAnswer, selector?: string) {
  return renderSearchResult(answer, selector === undefined ? undefined : parseSelector(selector), (id) => ({
    profile: PROFILES[id],
    context: { degree: id === 'ann' ? 'S' : 'F', now: 0 },
  }))
}

describe('renderSearchResult: people and num-results', () => {
  it('renders the default document without a selector', () => {
    expect(render(ANSWER)).toStrictEqual({
      people: {
        _total: 2,
        values: [
          { id: 'ann', firstName: 'Ann', lastName: 'Lee' },
          { id: 'bob', firstName: 'Bob', lastName: 'Ray' },
        ],
      },
      numResults: 2,
    })
  })

  it('follows the selector order and renders each person with its own context', () => {
    const result = render(ANSWER, '(num-results,people:(headline,id))')
    expect(Object.keys(result)).toEqual(['numResults', 'people'])
    expect(result.people).toStrictEqual({
      _total: 2,
      values: [{ id: 'ann' }, { headline: 'Ops', id: 'bob' }],
    })
  })

  it('uses the legacy paging keys', () => {
    const page = { ...ANSWER, numResults: 47943, total: 110, start: 10, ids: ['bob'], facets: [] }
    expect(render(page, '(people:(id),num-results)')).toStrictEqual({
      people: { _count: 1, _start: 10, _total: 110, values: [{ id: 'bob' }] },
      numResults: 47943,
    })
    const empty = { ...ANSWER, numResults: 0, total: 0, ids: [], facets: [] }
    expect(render(empty)).toStrictEqual({ people: { _total: 0 }, numResults: 0 })
  })

  it('returns only what is named', () => {
    expect(render(ANSWER, '(num-results)')).toStrictEqual({ numResults: 2 })
  })
})

describe('renderSearchResult: facets', () => {
  it('leaves histograms out unless the selector names facets', () => {
    expect(render(ANSWER)).not.toHaveProperty('facets')
    expect(render(ANSWER, '(people,num-results)')).not.toHaveProperty('facets')
  })

  it('asking only for facets overrides the default people and num-results', () => {
    expect(render(ANSWER, '(facets)')).toStrictEqual({
      facets: {
        _total: 2,
        values: [
          {
            code: 'network',
            name: 'Relationship',
            buckets: {
              _total: 2,
              values: [
                { code: 'F', name: '1st Connections', count: 1, selected: true },
                { code: 'S', name: '2nd Connections', count: 1, selected: false },
              ],
            },
          },
          { code: 'school', name: 'School', buckets: { _total: 0 } },
        ],
      },
    })
  })

  it('keeps the sub-selection of facets and buckets, in its order', () => {
    const result = render(ANSWER, '(facets:(buckets:(count,code),code),num-results)')
    expect(Object.keys(result)).toEqual(['facets', 'numResults'])
    expect(result.facets).toStrictEqual({
      _total: 2,
      values: [
        {
          buckets: {
            _total: 2,
            values: [
              { count: 1, code: 'F' },
              { count: 1, code: 'S' },
            ],
          },
          code: 'network',
        },
        { buckets: { _total: 0 }, code: 'school' },
      ],
    })
    expect(Object.keys(result.facets?.values?.[0] ?? {})).toEqual(['buckets', 'code'])
  })

  it('gives an empty list when no histogram was asked for', () => {
    expect(render({ ...ANSWER, facets: [] }, '(facets:(code))')).toStrictEqual({ facets: { _total: 0 } })
  })

  it('names every facet as docs/spec.md §4.2 does', () => {
    const every = { ...ANSWER, facets: FACET_CODES.map((code) => ({ code, buckets: [] })) }
    const names = render(every, '(facets:(name))').facets?.values?.map((facet) => facet.name)
    expect(names).toEqual([
      'Location',
      'Industry',
      'Relationship',
      'Language',
      'Current Company',
      'Past Company',
      'School',
    ])
  })
})
