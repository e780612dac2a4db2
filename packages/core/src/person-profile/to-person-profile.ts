import type { Profile } from '../model/profile.js'
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
  const view = new PublicView(profile, options.now)
  const document: Record<string, unknown> = {}
  for (const [key, write] of Object.entries(DOCUMENT_WRITERS)) {
    const enrichment = ENRICHMENT_OF_KEY.get(key)
    if (enrichment !== undefined && !(options.enrichments?.[enrichment] ?? true)) continue
    document[key] = (write as (view: PublicView) => unknown)(view)
  }
  return document as unknown as PersonProfileDocument
}
