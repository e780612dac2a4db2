import { fail, readArgument } from '../errors.js'
import type { Profile } from '../model/profile.js'
import { ownValidProfile } from '../model/validate-profile.js'
import type { PersonProfileDocument } from './document.js'
import { DOCUMENT_WRITERS } from './document-writers.js'
import { ENRICHMENTS, type Enrichment } from './enrichments.js'
import { PublicView } from './public-view.js'

export interface ToPersonProfileOptions {
  /** Which enrichments the document carries; an excluded one has no key. Default: all. */
  enrichments?: Partial<Record<Enrichment, boolean>>
  /**
   * The caller's clock (ms since the epoch), which judges a position with an end date current
   * or not for a derived `occupation`. Without it only positions marked current or without an
   * end date count: the writer never reads a clock of its own.
   */
  now?: number
}

const ENRICHMENT_NAMES = Object.keys(ENRICHMENTS) as Enrichment[]
const ENRICHMENT_OF_KEY = new Map<string, Enrichment>(
  Object.entries(ENRICHMENTS).map(([name, key]) => [key, name as Enrichment]),
)

/**
 * The public Person Profile document of a profile (docs/spec.md §1.3, §6.1): every field present,
 * `null` where the profile holds nothing public (a `connections` or `private` section, a hidden
 * item's dates, a missing value); a list section that is public but absent is `[]`. Private
 * positions and educations are left out. Only the enrichments asked for have a key (default:
 * all four). Keys come in the order of seed `000_…`.
 */
export function toPersonProfile(
  profile: Profile,
  options: ToPersonProfileOptions = {},
): PersonProfileDocument {
  // Written from a copy of its own, read once and validated (docs/spec.md §1.1, §3.7): a caller's
  // getter or Proxy runs only here, and a profile that breaks the rules is a 400 naming the field.
  const own = ownValidProfile(profile)
  const { now, enrichments } = readArgument('toPersonProfile options', () => readOptions(options))
  return writeDocument(own, now, enrichments)
}

/** The options, each read once and checked for its type. */
function readOptions(options: unknown): { now: number | undefined; enrichments: Set<Enrichment> } {
  const enrichments = new Set<Enrichment>(ENRICHMENT_NAMES)
  if (options === undefined) return { now: undefined, enrichments }
  if (typeof options !== 'object' || options === null) badOption('options', options, 'an object')
  const { now, enrichments: chosen } = options as Record<string, unknown>
  if (now !== undefined && typeof now !== 'number') badOption('now', now, 'ms since the epoch')
  if (chosen !== undefined) {
    if (typeof chosen !== 'object' || chosen === null) badOption('enrichments', chosen, 'an object')
    for (const name of ENRICHMENT_NAMES) {
      const include: unknown = (chosen as Record<string, unknown>)[name]
      if (include !== undefined && typeof include !== 'boolean')
        badOption(`enrichments.${name}`, include, 'a boolean')
      if (include === false) enrichments.delete(name)
    }
  }
  return { now: now as number | undefined, enrichments }
}

function badOption(option: string, value: unknown, expected: string): never {
  return fail('invalid-argument', { argument: `toPersonProfile option ${option}`, value, expected })
}

function writeDocument(
  profile: Profile,
  now: number | undefined,
  enrichments: Set<Enrichment>,
): PersonProfileDocument {
  const view = new PublicView(profile, now)
  const document: Record<string, unknown> = {}
  for (const [key, write] of Object.entries(DOCUMENT_WRITERS)) {
    const enrichment = ENRICHMENT_OF_KEY.get(key)
    if (enrichment !== undefined && !enrichments.has(enrichment)) continue
    document[key] = (write as (view: PublicView) => unknown)(view)
  }
  return document as unknown as PersonProfileDocument
}
