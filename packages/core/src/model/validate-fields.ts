import { isEntityId } from '../domain/facets.js'
import { problem } from './profile-problem.js'

/**
 * Every checker takes the value itself and the name to report, rather than an object and a
 * key: named property reads stay fast on a million differently shaped profiles, where keyed
 * reads through a list of keys go megamorphic.
 */

/** An object read by key; unknown keys are ignored so newer producers stay compatible. */
export type Fields = Record<string, unknown>

const VISIBILITIES = new Set(['public', 'connections', 'private'])

/**
 * A literal or `JSON.parse`d object, possibly from another realm (a worker, a vm context):
 * its prototype is some realm's `Object.prototype` or null. Arrays, dates and class
 * instances are not.
 */
export function isPlainObject(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null
}

export function plainObject(value: unknown, path: string): Fields {
  if (!isPlainObject(value)) problem(path, 'must be an object', value)
  return value
}

export function requiredString(value: unknown, path: string): void {
  if (typeof value !== 'string') problem(path, 'must be a string', value)
}

export function optionalString(value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'string') problem(path, 'must be a string', value)
}

export function optionalBoolean(value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'boolean') problem(path, 'must be a boolean', value)
}

/** Position, education, company and school ids may be strings or numbers (docs/spec.md §1.1). */
export function optionalId(value: unknown, path: string): void {
  if (value === undefined || typeof value === 'string') return
  if (typeof value !== 'number' || !Number.isFinite(value))
    problem(path, 'must be a string or a number', value)
}

/**
 * A company or school id (docs/spec.md §1.1, §8): a finite number, or a string that a `facet`
 * value can select (`isEntityId`: 1–1,000 characters, no comma, no whitespace at either end).
 */
export function optionalEntityId(value: unknown, path: string): void {
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return
  if (typeof value !== 'string' || !isEntityId(value)) {
    problem(path, 'must be a number or 1–1,000 characters without commas or whitespace at either end', value)
  }
}

/** Counts and codes; safe integers only, so that every value survives a snapshot exactly. */
export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0
}

export function optionalCount(value: unknown, path: string): void {
  if (value !== undefined && !isCount(value)) problem(path, 'must be an integer ≥ 0', value)
}

export function isVisibility(value: unknown): boolean {
  return typeof value === 'string' && VISIBILITIES.has(value)
}

export function optionalVisibility(value: unknown, path: string): void {
  if (value !== undefined && !isVisibility(value)) {
    problem(path, 'has an unknown visibility value, expected public, connections or private', value)
  }
}

export function optionalDate(value: unknown, path: string): void {
  if (value === undefined) return
  const date = plainObject(value, path)
  if (!inRange(date.year, 9999)) problem(`${path}.year`, 'must be an integer from 1 to 9999', date.year)
  const { month, day } = date
  if (month !== undefined && !inRange(month, 12))
    problem(`${path}.month`, 'must be an integer from 1 to 12', month)
  if (day !== undefined && !inRange(day, 31)) problem(`${path}.day`, 'must be an integer from 1 to 31', day)
}

function inRange(value: unknown, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
}
