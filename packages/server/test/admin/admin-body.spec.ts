import { readFileSync } from 'node:fs'
import { fromPersonProfile, PeopleSearchError, type PersonProfileDocument } from '@people-search/core'
import { describe, expect, it } from 'vitest'
import { readPairsBody, readProfilesBody } from '../../src/admin/admin-body.js'

const ANN = { id: 'ann', firstName: 'Ann', lastName: 'Lee', headline: 'Java developer' }
const BOB = { id: 'bob', firstName: 'Bob', lastName: 'Ray' }
const DOCUMENT = JSON.parse(
  readFileSync(new URL('../../../../fixtures/person-profile/johnrmarty.json', import.meta.url), 'utf8'),
) as PersonProfileDocument

function refusal(run: () => unknown): PeopleSearchError {
  try {
    run()
  } catch (error) {
    if (error instanceof PeopleSearchError) return error
    throw error
  }
  throw new Error('expected a PeopleSearchError')
}

describe('readProfilesBody', () => {
  it('reads a JSON array of profiles', () => {
    expect(readProfilesBody(JSON.stringify([ANN, BOB]))).toEqual([ANN, BOB])
  })

  it('reads JSON lines, skipping blank lines, with \\r\\n and a byte-order mark', () => {
    const body = `\uFEFF${JSON.stringify(ANN)}\r\n\r\n   \n${JSON.stringify(BOB)}\n`
    expect(readProfilesBody(body)).toEqual([ANN, BOB])
    expect(readProfilesBody(`\uFEFF ${JSON.stringify([ANN])}`)).toEqual([ANN])
  })

  it('converts Person Profile documents (those with public_identifier), as core does', () => {
    expect(readProfilesBody(`${JSON.stringify(DOCUMENT)}\n${JSON.stringify(ANN)}`)).toEqual([
      fromPersonProfile(DOCUMENT),
      ANN,
    ])
  })

  it('refuses a body that is not JSON, naming the line', () => {
    const error = refusal(() => readProfilesBody(`${JSON.stringify(ANN)}\n\n{"id": "bob",\n`))
    expect(error).toMatchObject({ code: 'invalid-body', status: 400 })
    expect(error.values.problem).toMatch(/^line 3 is not JSON/)
    expect(refusal(() => readProfilesBody('[{"id": "ann"}')).code).toBe('invalid-body')
    expect(refusal(() => readProfilesBody('{\n  "id": "ann"\n}')).values.problem).toMatch(/^line 1/)
  })

  it('refuses a body with no profiles', () => {
    for (const body of ['', '\n  \n', '[]', '\uFEFF'])
      expect(
        refusal(() => readProfilesBody(body)),
        JSON.stringify(body),
      ).toMatchObject({ code: 'invalid-body' })
  })

  it('refuses a profile that breaks §1.1 with core’s own error, naming its line or record', () => {
    const lines = refusal(() =>
      readProfilesBody(`${JSON.stringify(ANN)}\n\n${JSON.stringify({ ...BOB, numConnections: -1 })}`),
    )
    expect(lines).toMatchObject({ code: 'invalid-profile', kind: 'invalidProfile', status: 400 })
    expect(lines.values.record).toBe('line 3 (id "bob")')
    const array = refusal(() => readProfilesBody(JSON.stringify([ANN, { firstName: 'No', lastName: 'Id' }])))
    expect(array).toMatchObject({ code: 'invalid-profile' })
    expect(array.values.record).toBe('record 1')
    expect(refusal(() => readProfilesBody('[42]')).values.record).toBe('record 0')
    expect(refusal(() => readProfilesBody('null')).code).toBe('invalid-profile')
  })

  it('refuses a Person Profile document that breaks §1.3 with core’s own error', () => {
    const error = refusal(() => readProfilesBody(JSON.stringify([{ ...DOCUMENT, first_name: 42 }])))
    expect(error).toMatchObject({ code: 'invalid-person-profile', status: 400 })
    expect(refusal(() => readProfilesBody(JSON.stringify([{ public_identifier: 7 }]))).status).toBe(400)
  })

  it('refuses what is not text with a 400', () => {
    expect(refusal(() => readProfilesBody(undefined as unknown as string)).code).toBe('invalid-body')
  })
})

describe('readPairsBody', () => {
  it('reads a JSON array of pairs of strings', () => {
    expect(readPairsBody('\uFEFF[["ann","bob"],["bob","cy"]]', 'connections')).toEqual([
      ['ann', 'bob'],
      ['bob', 'cy'],
    ])
    expect(readPairsBody('[["ann", "Java people"]]', 'groups')).toEqual([['ann', 'Java people']])
  })

  it('refuses anything else, naming the item', () => {
    for (const [body, problem] of [
      ['', /not a JSON array/],
      ['{"a":"b"}', /not a JSON array/],
      ['[["ann","bob"]', /not JSON/],
      ['[]', /no pairs/],
      ['[["ann","bob"],["ann"]]', /item 1 is not a pair/],
      ['[["ann","bob","cy"]]', /item 0 is not a pair/],
      ['[["ann",7]]', /item 0 is not a pair/],
      ['["ann","bob"]', /item 0 is not a pair/],
    ] as const) {
      const error = refusal(() => readPairsBody(body, 'connections'))
      expect(error, body).toMatchObject({ code: 'invalid-body', status: 400 })
      expect(error.values.problem, body).toMatch(problem)
    }
    expect(refusal(() => readPairsBody('[]', 'groups')).values.expected).toMatch(/\[member, group\]/)
  })
})
