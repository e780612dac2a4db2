import type { PersonProfileDocument } from '../person-profile/document.js'

/**
 * Where fresh Person Profile documents come from (docs/spec.md §6.1, `use_cache=if-recent`). `fetch`
 * resolves to the document of a normalised profile URL (`https://www.linkedin.com/in/<slug>`),
 * to `null` when the source has no such profile, and rejects when the source fails.
 */
export interface ProfileSource {
  fetch(url: string): Promise<PersonProfileDocument | null>
}
