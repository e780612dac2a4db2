import { ErrorDetail, shortened } from '../errors.js'

/**
 * The first thing wrong with a profile, with the path relative to the object being checked.
 * Checkers throw it and each level of nesting prefixes its own name on the way out, so the
 * full path (`positions[1].company.name`) is only built when a profile is actually rejected.
 */
export class ProfileProblem {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}

  under(prefix: string): ProfileProblem {
    if (this.path === '') return new ProfileProblem(prefix, this.problem)
    const join = this.path.startsWith('[') ? '' : '.'
    return new ProfileProblem(`${prefix}${join}${this.path}`, this.problem)
  }
}

/** Rejects the value at `path` (relative to the object being checked). */
export function problem(path: string, expected: string, value: unknown): never {
  throw new ProfileProblem(path, `${expected} (got ${describe(value)})`)
}

/** Rejects a value that is not there at all: there is nothing to show after `expected`. */
export function missing(path: string, expected: string): never {
  throw new ProfileProblem(path, expected)
}

/**
 * Runs `check` on a nested value, prefixing `path` to any problem it finds. What `check`
 * returns is passed through, so a reader that converts as it checks can nest the same way.
 */
export function inside<T, R>(path: string, value: T, check: (value: T) => R): R {
  try {
    return check(value)
  } catch (error) {
    throw error instanceof ProfileProblem ? error.under(path) : error
  }
}

/** Like `inside`, for a section that may be absent. */
export function optionalSection(value: unknown, path: string, check: (value: unknown) => void): void {
  if (value !== undefined) inside(path, value, check)
}

/** Checks every item of an array; the `[i]` part of the path is built only on failure. */
export function eachItem(value: unknown, check: (item: unknown) => void): void {
  if (!Array.isArray(value)) problem('', 'must be an array', value)
  for (let i = 0; i < value.length; i++) {
    try {
      check(value[i])
    } catch (error) {
      throw error instanceof ProfileProblem ? error.under(`[${i}]`) : error
    }
  }
}

/**
 * `eachItem` for a reader that converts: the items `read` makes, in order. Separate from
 * `eachItem` so that validating a million profiles allocates no result arrays.
 */
export function mapItems<T>(list: readonly unknown[], read: (item: unknown) => T): T[] {
  const out: T[] = []
  for (let i = 0; i < list.length; i++) {
    try {
      out.push(read(list[i]))
    } catch (error) {
      throw error instanceof ProfileProblem ? error.under(`[${i}]`) : error
    }
  }
  return out
}

/**
 * The text of a problem after its subject, for an `invalidProfile` message: `path problem`, or
 * the problem alone at the root. The path is shortened like any value, since a key of the
 * profile (a visibility section) can be part of it; the problem has shortened its value already.
 */
export function problemText(found: ProfileProblem, root: string): ErrorDetail {
  const subject = shortened(found.path || root)
  return new ErrorDetail(subject === '' ? found.problem : `${subject} ${found.problem}`)
}

const SHOWN_STRING_LENGTH = 60

function describe(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const shown = JSON.stringify(value)
      return shown.length > SHOWN_STRING_LENGTH ? `${shown.slice(0, SHOWN_STRING_LENGTH)}…"` : shown
    }
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value)
    case 'bigint':
      return `${value}n`
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object'
    default:
      return `a ${typeof value}`
  }
}
