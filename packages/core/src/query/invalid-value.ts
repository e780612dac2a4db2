import { fail } from '../errors.js'

/** docs/spec.md §3.7: every 400 about a parameter names the parameter and the value it was given. */
export function invalidValue(parameter: string, value: string, reason: string): never {
  return fail('badParameter', `Invalid value {${value}} for parameter {${parameter}}: ${reason}`)
}
