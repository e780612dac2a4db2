import type { Param } from './signature-base-string.js'

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded'

/**
 * The name/value pairs of an `application/x-www-form-urlencoded` string, decoded as RFC 5849
 * §3.4.1.3.1 asks (HTML 4.01 §17.13.4: `+` and `%20` are spaces) — by `URLSearchParams`, the
 * reader the routes use for the same query (docs/spec.md §9.3), so both see the same values.
 */
export function formParams(text: string): Param[] {
  return text === '' ? [] : [...new URLSearchParams(text)]
}

/**
 * Whether a body of this content type takes part in the signature (RFC 5849 §3.4.1.3.1): only a
 * form-encoded one, whatever its parameters (`; charset=UTF-8`) and the case of its media type.
 */
export function isFormEncoded(contentType: string | undefined): boolean {
  if (typeof contentType !== 'string') return false
  const semicolon = contentType.indexOf(';')
  return (
    (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() ===
    FORM_MEDIA_TYPE
  )
}

/**
 * The query parameters as node-oauth 0.9 (the `oauth` package, node-linkedin's OAuth 1.0a
 * signer) signs them when a name repeats: its `querystring.parse` turns `facet=a&facet=b` into
 * an array, which it signs as `facet[0]=a&facet[1]=b` while sending the query unchanged.
 * `undefined` when no name repeats, so there is no such second reading.
 */
export function bracketRepeatedNames(params: readonly Param[]): Param[] | undefined {
  const counts = new Map<string, number>()
  for (const [name] of params) counts.set(name, (counts.get(name) ?? 0) + 1)
  if (![...counts.values()].some((count) => count > 1)) return undefined
  const seen = new Map<string, number>()
  return params.map(([name, value]): Param => {
    if (counts.get(name) === 1) return [name, value]
    const index = seen.get(name) ?? 0
    seen.set(name, index + 1)
    return [`${name}[${index}]`, value]
  })
}
