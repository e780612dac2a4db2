/**
 * One request as authentication sees it, framework-free (docs/spec.md §9.2): the parts of the
 * HTTP message an access token or an RFC 5849 signature is read from.
 */
export interface AuthRequest {
  /** The HTTP method, as sent ('GET'). */
  method: string
  /** The request target exactly as sent: '/v1/people-search:(people:(id))?keywords=a%20b&facet=network,F,S'. */
  rawTarget: string
  /** Node's IncomingHttpHeaders (lower-case names). */
  headers: Readonly<Record<string, string | string[] | undefined>>
  /** The scheme the request arrived over: with `Host`, the authority a signature may be made against. */
  scheme: 'http' | 'https'
  /** Form-encoded bodies take part in the signature (RFC 5849 §3.4.1.3.1); other bodies do not. */
  body?: { contentType: string | undefined; text: string }
}

/** The member a request is made by, and how it proved it (docs/spec.md §9.2). */
export interface Caller {
  member: string
  /** The credential that authenticated: access token or OAuth token */
  token: string
  form: 'query' | 'bearer' | 'oauth1'
}
