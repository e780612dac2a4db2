/**
 * A member's network degree relative to the viewer (docs/spec.md §3.2), and everything the spec
 * derives from it, as one table: the network facet bucket (§4.2), the `distance` field (§5.2), the
 * profile link's auth type (§6.2) and the `sort=distance` rank (§3.4). Every other module reads
 * degrees from here, by code in hot loops (the lookups below are arrays indexed by code) and by
 * letter where a degree travels as text.
 */

/**
 * Degree codes: the byte a network view gives each slot. NONE (O, "everyone else") is 0, so a
 * cleared byte array reads as nobody being in the viewer's network.
 */
export const NONE = 0
export const FIRST = 1
export const SECOND = 2
export const GROUP = 3
/** The viewer itself: no degree of §3.2 and no row of the table; it never appears in its own results. */
export const SELF = 4

/** The code of a degree of §3.2 (SELF excluded). */
export type DegreeCode = typeof NONE | typeof FIRST | typeof SECOND | typeof GROUP

/** A degree's letter (docs/spec.md §3.2), which is also its network facet bucket code (§4.2). */
export type Degree = 'F' | 'S' | 'A' | 'O'

/** The type of a profile link's `x-li-auth-token` (docs/spec.md §6.2). */
export type AuthType = 'name' | 'OUT_OF_NETWORK'

export interface DegreeRow {
  readonly code: DegreeCode
  readonly letter: Degree
  /** The network facet bucket's name (docs/spec.md §4.2). */
  readonly bucketName: string
  /** The person field `distance` (docs/spec.md §5.2). */
  readonly distance: number
  /** Inside the viewer's network (F and S): what a search without both names can find (§3.2). */
  readonly inNetwork: boolean
  /** `name` inside the network, `OUT_OF_NETWORK` outside; outside, a profile needs a token (§6.2). */
  readonly authType: AuthType
  /** Position under `sort=distance`, lowest first: F, then S, then A and O together (§3.4). */
  readonly distanceRank: number
}

/** The four degrees in the order of docs/spec.md §3.2 and §4.2, which is the network facet's bucket order. */
export const DEGREES: readonly DegreeRow[] = [
  {
    code: FIRST,
    letter: 'F',
    bucketName: '1st Connections',
    distance: 1,
    inNetwork: true,
    authType: 'name',
    distanceRank: 0,
  },
  {
    code: SECOND,
    letter: 'S',
    bucketName: '2nd Connections',
    distance: 2,
    inNetwork: true,
    authType: 'name',
    distanceRank: 1,
  },
  {
    code: GROUP,
    letter: 'A',
    bucketName: 'Group Members',
    distance: 100,
    inNetwork: false,
    authType: 'OUT_OF_NETWORK',
    distanceRank: 2,
  },
  {
    code: NONE,
    letter: 'O',
    bucketName: '3rd + Everyone Else',
    distance: 100,
    inNetwork: false,
    authType: 'OUT_OF_NETWORK',
    distanceRank: 2,
  },
]

/** The row of each letter. */
export const DEGREE_BY_LETTER: Readonly<Record<Degree, DegreeRow>> = Object.fromEntries(
  DEGREES.map((row) => [row.letter, row]),
) as Record<Degree, DegreeRow>

/** The letter of each code (NONE, FIRST, SECOND, GROUP); SELF has none. */
export const DEGREE_LETTERS: readonly Degree[] = byCode((row) => row.letter)

/**
 * The `sort=distance` rank of each code, SELF included (ranked with A and O; a search never
 * returns the viewer, so its rank is never compared).
 */
export const DISTANCE_RANKS: Uint8Array = distanceRanks()

function distanceRanks(): Uint8Array {
  const ranks = byCode((row) => row.distanceRank)
  ranks[SELF] = DEGREE_BY_LETTER.O.distanceRank
  return Uint8Array.from(ranks)
}

function byCode<T>(column: (row: DegreeRow) => T): T[] {
  const out: T[] = []
  for (const row of DEGREES) out[row.code] = column(row)
  return out
}
