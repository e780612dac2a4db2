import { readFile, stat } from 'node:fs/promises'
import { fail } from '../errors.js'
import type { PersonProfileDocument } from '../person-profile/document.js'
import { normalizeProfileUrl, profileUrlOfSlug } from '../person-profile/profile-url.js'
import { isProfileSlug } from '../person-profile/slug.js'
import type { ProfileSource } from './profile-source.js'

/**
 * A {@link ProfileSource} over a file of Person Profile documents, one JSON object a line,
 * keyed by the normalised URL of each `public_identifier` (a later line wins). The file is
 * read on the first fetch and again whenever its modification time or size changes, so a
 * file rewritten in place is picked up on the next fetch. A line that is not a document with
 * a profile slug makes the fetch reject with its line number (a source failure); so does a
 * missing file. Blank lines are skipped.
 */
export class JsonlProfileSource implements ProfileSource {
  private cache: { mtimeMs: number; size: number; documents: Map<string, PersonProfileDocument> } | undefined
  private loading: Promise<Map<string, PersonProfileDocument>> | undefined

  constructor(readonly path: string) {}

  async fetch(url: string): Promise<PersonProfileDocument | null> {
    const key = normalizeProfileUrl(url)
    const documents = await this.documents()
    return documents.get(key) ?? null
  }

  private async documents(): Promise<Map<string, PersonProfileDocument>> {
    const info = await stat(this.path)
    const cached = this.cache
    if (cached !== undefined && cached.mtimeMs === info.mtimeMs && cached.size === info.size)
      return cached.documents
    // Concurrent fetches of a changed file share one read.
    this.loading ??= this.read(info.mtimeMs, info.size).finally(() => {
      this.loading = undefined
    })
    return this.loading
  }

  private async read(mtimeMs: number, size: number): Promise<Map<string, PersonProfileDocument>> {
    const text = await readFile(this.path, 'utf8')
    const documents = new Map<string, PersonProfileDocument>()
    const lines = text.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim()
      if (line === '') continue
      let document: unknown
      try {
        document = JSON.parse(line)
      } catch (error) {
        fail('profile-file-not-json', { path: this.path, line: i + 1, cause: error })
      }
      const slug = (document as { public_identifier?: unknown } | null)?.public_identifier
      if (
        typeof document !== 'object' ||
        document === null ||
        Array.isArray(document) ||
        !isProfileSlug(slug)
      )
        fail('profile-file-not-document', { path: this.path, line: i + 1 })
      documents.set(profileUrlOfSlug(slug), document as PersonProfileDocument)
    }
    this.cache = { mtimeMs, size, documents }
    return documents
  }
}
