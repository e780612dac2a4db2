import type { GeneratedToken } from './serve-credentials.js'

export interface Banner {
  /** The service's base URL, `http://host:port`. */
  url: string
  /** The generated tokens whose viewers the served index holds. */
  tokens: readonly GeneratedToken[]
  /** The generated admin key, if one was made. */
  adminKey: string | undefined
  /** Whether admin writes are durable (a state directory), else refused. */
  durable: boolean
}

/**
 * What `serve` prints on stdout once it listens, for a person to copy from and a program to read:
 * the first line is exactly `people-search listening on <url>` (a test or a supervisor waits for
 * it), a generated token is on a line `  viewer <id>: token <token>` and the admin key on
 * `Admin key for this run: <key>`, and the last line is `Stop with …`. Every value is URL- and shell-safe, so the curl lines are
 * ready to paste.
 */
export function bannerLines({ url, tokens, adminKey, durable }: Banner): string[] {
  const lines = [`people-search listening on ${url}`, `  curl '${url}/health'`]
  if (tokens.length > 0) {
    lines.push('Access tokens for this run (a restart makes new ones), one per viewer:')
    for (const { member, token } of tokens) {
      lines.push(
        `  viewer ${member}: token ${token}`,
        `  curl '${url}/v1/people-search?keywords=engineer&oauth2_access_token=${token}&format=json'`,
      )
    }
    const [first] = tokens
    lines.push(
      `The first viewer's own profile, in the legacy XML:`,
      `  curl '${url}/v1/people/~:(id,first-name,last-name,headline)?oauth2_access_token=${first.token}'`,
    )
  }
  if (adminKey !== undefined) {
    lines.push(`Admin key for this run: ${adminKey}`)
    lines.push(
      durable
        ? `  curl -X PUT -H 'Authorization: Bearer ${adminKey}' --data-binary @profiles.jsonl '${url}/admin/profiles'`
        : '  (admin writes are refused: this service has no --state directory to make them durable)',
    )
  }
  lines.push('Stop with Ctrl-C (SIGINT) or SIGTERM.')
  return lines
}
