import { tokens } from '@people-search/core'

/**
 * The small shared vocabulary every generated text is built from, so that random requests
 * hit random members. Each group lists spellings that fold to the same tokens (docs/spec.md §2).
 */
export const WORD_GROUPS: readonly (readonly string[])[] = [
  ['java', 'Java', 'JAVA', 'ｊａｖａ'],
  ['José', 'jose', 'JOSE', 'Jose\u0301'],
  ['Straße', 'STRASSE', 'strasse'],
  ['ıstanbul', 'Istanbul', 'İSTANBUL'],
  ["O'Reilly", 'OReilly', 'o\u2019reilly', 'O\u02BCREILLY'],
  ['東京大学'],
  ['engineer', 'Engineer', 'ENGINEER'],
  ['manager', 'Manager'],
  ['data', 'Data', 'DATA'],
  ['café', 'CAFE', 'Cafe\u0301'],
  ['AND', 'and', 'And'],
  ['or', 'OR'],
  ['ﬁnance', 'finance', 'FINANCE'],
  ['acme', 'Acme', 'ACME'],
  ['sales', 'Sales'],
  ['C++', 'c++', 'C#'],
  ['node.js', 'Node.JS'],
  ['2026'],
  ['*'],
]

/** Every spelling of every group, flattened. */
export const WORDS: readonly string[] = WORD_GROUPS.flat()

/** Words that never occur in generated worlds: a search for them finds nobody. */
export const MISSING_WORDS: readonly string[] = ['zebra', 'Quux', 'ünknown']

export const SEPARATORS: readonly string[] = [
  ' ',
  '  ',
  ', ',
  ' - ',
  '/',
  ' & ',
  '; ',
  '\n',
  ' (',
  ') ',
  '. ',
]

export const FIRST_NAMES: readonly string[] = [
  'José',
  'Jose',
  'JOSÉ',
  'Anna',
  'Ana',
  'Mary Ann',
  'Ann Mary',
  'Zoë',
  'Zoe',
  'Yıldız',
  '李',
]

export const LAST_NAMES: readonly string[] = [
  "O'Reilly",
  'OReilly',
  'Smith',
  'Straße',
  'Strasse',
  'Van Der Berg',
  'Berg',
  'de la Cruz',
  '田中',
  'Lee',
]

/** A small deterministic PRNG (mulberry32), so text variants derive from one shrinkable seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]

function fullWidth(c: string): string {
  return String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)
}

function variantOfChar(c: string, rnd: () => number): string {
  if (/[A-Za-z]/.test(c)) {
    const options = [c, c.toUpperCase(), c.toLowerCase(), fullWidth(c), `${c}\u0301`]
    if (c === 'i' || c === 'I') options.push('ı', 'İ')
    return pick(rnd, options)
  }
  if (/[0-9]/.test(c)) return pick(rnd, [c, fullWidth(c)])
  if (c === 'ß') return pick(rnd, [c, 'SS', 'ss', 'sS'])
  if (/\p{L}/u.test(c)) return pick(rnd, [c, c.toUpperCase(), c.toLowerCase()])
  return c
}

/**
 * A spelling of `text` with the same tokens (docs/spec.md §2): re-cased, full-width, accented,
 * `ss`→`ß`, `i`→`ı`/`İ`. Falls back to `text` if a transformation would change the tokens.
 */
export function textVariant(text: string, seed: number): string {
  const rnd = prng(seed)
  let out = ''
  const chars = Array.from(text)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    if ((c === 's' || c === 'S') && (chars[i + 1] === 's' || chars[i + 1] === 'S') && rnd() < 0.5) {
      out += 'ß'
      i++
      continue
    }
    out += variantOfChar(c, rnd)
  }
  const same = JSON.stringify(tokens(out)) === JSON.stringify(tokens(text))
  return same ? out : text
}
