import type { Profile } from '../model/profile.js'
import { tryNormalizeProfileUrl } from '../person-profile/profile-url.js'

/**
 * Which members carry which normalised `publicProfileUrl`. Most indexes are never looked up
 * by URL, so nothing is kept (and no URL parsed) until the first lookup asks; from then on
 * every change is followed, so no later lookup scans the members again.
 */
export class UrlIndex {
  private urls: Map<string, string[]> | undefined

  /**
   * Ids of the members whose `publicProfileUrl` normalises to `url`, most recently added last.
   * `current` gives every live profile; it is read only on the first call.
   */
  idsWithUrl(url: string, current: () => Iterable<Profile>): readonly string[] {
    if (this.urls === undefined) {
      this.urls = new Map()
      for (const profile of current()) this.link(profile)
    }
    return this.urls.get(url) ?? []
  }

  link(profile: Profile): void {
    if (this.urls === undefined) return
    const url = urlOf(profile)
    if (url === undefined) return
    const ids = this.urls.get(url)
    if (ids === undefined) this.urls.set(url, [profile.id])
    else if (!ids.includes(profile.id)) ids.push(profile.id)
  }

  unlink(profile: Profile): void {
    if (this.urls === undefined) return
    const url = urlOf(profile)
    const ids = url === undefined ? undefined : this.urls.get(url)
    if (url === undefined || ids === undefined) return
    const at = ids.indexOf(profile.id)
    if (at >= 0) ids.splice(at, 1)
    if (ids.length === 0) this.urls.delete(url)
  }
}

function urlOf(profile: Profile): string | undefined {
  return profile.publicProfileUrl === undefined ? undefined : tryNormalizeProfileUrl(profile.publicProfileUrl)
}
