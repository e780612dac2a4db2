/** One OAuth 1.0a access token of a consumer: its shared secret and the member it acts for. */
export interface OAuthTokenGrant {
  secret: string
  member: string
}

/** An OAuth 1.0a consumer (RFC 5849 "client"): its shared secret and the access tokens issued to it. */
export interface OAuthConsumer {
  secret: string
  tokens: ReadonlyMap<string, OAuthTokenGrant>
}

/** What the service accepts as credentials of a member (docs/spec.md §9.2). */
export interface Credentials {
  /** OAuth 2 style access tokens (query `oauth2_access_token` or `Authorization: Bearer`): token → member id. */
  accessTokens: ReadonlyMap<string, string>
  /** OAuth 1.0a consumers by key, each with its access tokens. */
  consumers: ReadonlyMap<string, OAuthConsumer>
  /** e.g. 'http://api.linkedin.com': signatures may use it instead of the request's own scheme and Host. */
  canonicalAuthority?: string
  /** Allowed clock skew of oauth_timestamp, seconds (300). */
  timestampWindowSeconds: number
}
