import { fail } from '../errors.js'
import { isMemberId } from '../model/member-id.js'
import { tryNormalizeProfileUrl } from '../person-profile/profile-url.js'

/**
 * What a profile reference names: the member (by id, or by its public profile URL, normalised as
 * in docs/spec.md §6.1, for the index to resolve), and the token (with its type) and selector it
 * may carry.
 */
export type ProfileReference = ({ id: string; url?: undefined } | { id?: undefined; url: string }) & {
  token?: string
  /** The site url's `authType`, as given. */
  type?: string
  selector?: string
}

/** A token as a client presents it: the bare token, and the type it claims if it names one. */
export interface PresentedToken {
  token: string
  type?: string
}

// The forms `access/profile-links.ts` writes, and the looser ones a client may send back:
// `[scheme://host][/v1]/people/<id>[:full | :public | :(selector)]` or the `id=<id>` form; and
// the `url=<percent-encoded public profile URL>` form of docs/spec.md §9.1, bare or as a path.
const API_URL = /^(?:[a-z]+:\/\/[^/]+)?(?:\/v1)?\/people\/(?:id=)?([^/:?#]+)(?::(full|public|\(.*\)))?$/i
const URL_REF = /^(?:(?:[a-z]+:\/\/[^/]+)?(?:\/v1)?\/people\/)?url=([^/:?#]+)(?::(full|public|\(.*\)))?$/i
const SITE_URL = /^(?:[a-z]+:\/\/[^/]+)?\/profile\/view\?(.*)$/i
const TOKEN_TYPE = /^(name|OUT_OF_NETWORK):/

/**
 * A member id, a profile link's api url or its site url, read as the member it names; a
 * selector only from `:(…)`, a token only from the site url's `authToken` (and its type from
 * `authType`). Anything else is a 400 `invalid-profile-reference` naming `ref`.
 */
export function readReference(ref: unknown): ProfileReference {
  if (typeof ref !== 'string' || ref === '') fail('invalid-profile-reference', { reference: ref })
  if (isMemberId(ref)) return { id: ref }
  const byUrl = URL_REF.exec(ref)
  if (byUrl !== null) {
    const url = tryNormalizeProfileUrl(percentDecoded(byUrl[1], ref))
    if (url === undefined) fail('invalid-profile-reference', { reference: ref })
    return withSelector({ url }, byUrl[2])
  }
  const api = API_URL.exec(ref)
  if (api !== null) {
    const id = percentDecoded(api[1], ref)
    if (!isMemberId(id)) fail('invalid-profile-reference', { reference: ref })
    return withSelector({ id }, api[2])
  }
  const site = SITE_URL.exec(ref)
  if (site !== null) {
    const query = new URLSearchParams(site[1])
    const id = query.get('id')
    if (isMemberId(id)) {
      const token = query.get('authToken')
      const type = query.get('authType')
      if (token === null) return { id }
      return type === null ? { id, token } : { id, token, type }
    }
  }
  return fail('invalid-profile-reference', { reference: ref })
}

/**
 * The token of an `x-li-auth-token` header value (`name:<token>`, `OUT_OF_NETWORK:<token>`) with
 * the type its prefix claims; a bare token as it is, claiming none. Anything but a string is no
 * token at all (`undefined`), which a member that needs one refuses like a bad token.
 */
export function presentedToken(value: unknown): PresentedToken | undefined {
  if (typeof value !== 'string') return undefined
  const prefix = TOKEN_TYPE.exec(value)
  return prefix === null ? { token: value } : { token: value.slice(prefix[0].length), type: prefix[1] }
}

/** `:full` is the default selector; `:public` and `:(…)` are kept for the selector reader. */
function withSelector<R extends ProfileReference>(reference: R, selector: string | undefined): R {
  if (selector === undefined || selector.toLowerCase() === 'full') return reference
  return { ...reference, selector: selector.toLowerCase() === 'public' ? 'public' : selector }
}

function percentDecoded(text: string, ref: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return fail('invalid-profile-reference', { reference: ref })
  }
}
