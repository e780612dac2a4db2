import { describe, expect, it } from 'vitest'
import { authType } from '../../src/access/profile-links.js'
import {
  DEGREE_BY_LETTER,
  DEGREE_LETTERS,
  DEGREES,
  DISTANCE_RANKS,
  FIRST,
  GROUP,
  NONE,
  SECOND,
  SELF,
} from '../../src/domain/degree.js'

// docs/spec.md written out row by row: the letter (§3.2), the network bucket name (§4.2), the
// `distance` field (§5.2), inside the viewer's network (§3.2: what a search without both names
// can find) and the profile link's auth type (§6.2).
const SPEC = [
  ['F', '1st Connections', 1, true, 'name'],
  ['S', '2nd Connections', 2, true, 'name'],
  ['A', 'Group Members', 100, false, 'OUT_OF_NETWORK'],
  ['O', '3rd + Everyone Else', 100, false, 'OUT_OF_NETWORK'],
] as const

describe('the degree table (docs/spec.md §3.2)', () => {
  it('has the four degrees of §3.2, in the order §4.2 lists the network buckets', () => {
    expect(DEGREES.map((row) => row.letter)).toEqual(['F', 'S', 'A', 'O'])
  })

  it.each(SPEC)(
    '%s: bucket %s (§4.2), distance %i (§5.2), in network %s (§3.2), auth type %s (§6.2)',
    (letter, bucketName, distance, inNetwork, type) => {
      const row = DEGREE_BY_LETTER[letter]
      expect(row.letter).toBe(letter)
      expect(row.bucketName).toBe(bucketName)
      expect(row.distance).toBe(distance)
      expect(row.inNetwork).toBe(inNetwork)
      expect(row.authType).toBe(type)
      expect(authType(letter)).toBe(type)
    },
  )

  it('gives each degree its own code, and a code its letter', () => {
    expect(new Set(DEGREES.map((row) => row.code)).size).toBe(DEGREES.length)
    expect(DEGREE_LETTERS[FIRST]).toBe('F')
    expect(DEGREE_LETTERS[SECOND]).toBe('S')
    expect(DEGREE_LETTERS[GROUP]).toBe('A')
    for (const row of DEGREES) expect(DEGREE_LETTERS[row.code]).toBe(row.letter)
  })

  it('reads a cleared byte (0) as O, and gives the viewer itself no letter', () => {
    expect(NONE).toBe(0)
    expect(DEGREE_LETTERS[NONE]).toBe('O')
    expect(DEGREES.map((row) => row.code)).not.toContain(SELF)
    expect(DEGREE_LETTERS[SELF]).toBeUndefined()
  })
})

describe('sort=distance (docs/spec.md §3.4)', () => {
  const rank = (letter: 'F' | 'S' | 'A' | 'O') => DISTANCE_RANKS[DEGREE_BY_LETTER[letter].code]

  it('ranks F, then S, then A and O together', () => {
    expect(rank('F')).toBeLessThan(rank('S'))
    expect(rank('S')).toBeLessThan(rank('A'))
    expect(rank('A')).toBe(rank('O'))
  })

  it('is the table’s rank for every code, and ranks the viewer with A and O', () => {
    for (const row of DEGREES) expect(DISTANCE_RANKS[row.code]).toBe(row.distanceRank)
    expect(DISTANCE_RANKS[SELF]).toBe(rank('O'))
    expect(DISTANCE_RANKS.length).toBe(SELF + 1)
  })
})
