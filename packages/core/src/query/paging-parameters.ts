import { fail } from '../errors.js'
import type { SortOrder } from './search-query.js'

const SORT_ORDERS: readonly SortOrder[] = ['connections', 'recommenders', 'distance', 'relevance']
// Digits only: no sign, spaces, fraction or exponent, so `Number` never sees anything odd.
const DIGITS = /^\d+$/
const MAX_COUNT = 25

export function parseSort(value: string | undefined): SortOrder {
  if (value === undefined) return 'connections'
  const sort = SORT_ORDERS.find((order) => order === value.toLowerCase())
  return sort ?? fail('invalid-sort', { parameter: 'sort', value, orders: SORT_ORDERS.join(', ') })
}

export function parseStart(value: string | undefined): number {
  return parseInteger('start', value, 0, Number.MAX_SAFE_INTEGER)
}

export function parseCount(value: string | undefined): number {
  return parseInteger('count', value, 10, MAX_COUNT)
}

function parseInteger(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback
  const n = DIGITS.test(value) ? Number(value) : Number.NaN
  if (!(n <= max)) fail('invalid-integer', { parameter: name, value, max })
  return n
}
