import { fail } from '@people-search/core'
import { SPEC_SECTIONS, type SpecSection } from '../check/report.js'

/** What `people-search-conformance` was asked to do. */
export type Command =
  | { help: true }
  | {
      help: false
      url: string
      adminKey: string
      runs: number
      seed: number | undefined
      sections: SpecSection[]
    }

export const USAGE = `Usage: people-search-conformance --url <base URL> --admin-key <key> [--runs <n>] [--seed <n>] [--sections <list>]

Holds a People Search service (docs/spec.md §9) to the reference oracle: random worlds are loaded
through its admin routes and its test-mode route, and every answer is compared with the oracle's.

  --url <base URL>     the service, e.g. http://127.0.0.1:8080
  --admin-key <key>    its admin key (or the environment variable PEOPLE_SEARCH_ADMIN_KEY)
  --runs <n>           worlds per section (default 100)
  --seed <n>           fast-check seed, to replay a run (default: random, printed)
  --sections <list>    comma-separated, of ${SPEC_SECTIONS.join(', ')} (default: all)
  --help               this text

Exit status: 0 conformant, 1 a difference (the first counterexample is printed), 2 bad
arguments or a service that cannot be checked.`

const OPTIONS = new Set(['--url', '--admin-key', '--runs', '--seed', '--sections'])

/**
 * Reads the command line (`--name value` or `--name=value`). Anything it cannot take is the 400
 * `invalid-argument` naming the option, which the command prints before exiting with 2.
 */
export function readArguments(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Command {
  const given = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') return { help: true }
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg : arg.slice(0, eq)
    if (!OPTIONS.has(name)) bad('option', arg, `one of ${[...OPTIONS].join(', ')}, --help`)
    if (given.has(name)) bad(name, arg, 'given once')
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) bad(name, '(nothing)', 'a value after it')
    given.set(name, value)
  }
  const adminKey = given.get('--admin-key') ?? env.PEOPLE_SEARCH_ADMIN_KEY
  if (adminKey === undefined || adminKey === '')
    bad('--admin-key', '(missing)', 'the admin key of the service')
  return {
    help: false,
    url: url(given.get('--url')),
    adminKey,
    runs: integer('--runs', given.get('--runs') ?? '100', 1),
    seed: given.has('--seed') ? integer('--seed', given.get('--seed') as string, -0x8000_0000) : undefined,
    sections: sections(given.get('--sections')),
  }
}

function url(value: string | undefined): string {
  if (value === undefined)
    bad('--url', '(missing)', 'the base URL of the service, e.g. http://127.0.0.1:8080')
  let parsed: URL | undefined
  try {
    parsed = new URL(value)
  } catch {}
  if (
    parsed === undefined ||
    !/^https?:$/.test(parsed.protocol) ||
    parsed.search !== '' ||
    parsed.hash !== ''
  )
    bad('--url', value, 'an http:// or https:// base URL without a query')
  return value.replace(/\/+$/, '')
}

function integer(option: string, value: string, least: number): number {
  const n = /^-?\d{1,10}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(n) || n < least || n > 0x7fff_ffff)
    bad(option, value, least === 1 ? 'an integer ≥ 1' : 'a 32-bit integer')
  return n
}

function sections(value: string | undefined): SpecSection[] {
  if (value === undefined) return [...SPEC_SECTIONS]
  const names = value.split(',').map((s) => s.trim())
  for (const name of names)
    if (!(SPEC_SECTIONS as readonly string[]).includes(name))
      bad('--sections', name, SPEC_SECTIONS.join(', '))
  return [...new Set(names)] as SpecSection[]
}

function bad(option: string, value: unknown, expected: string): never {
  return fail('invalid-argument', { argument: option, value, expected })
}
